package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.submission.Period;

import java.time.LocalDate;

/**
 * What a report is checked against, looked up by the write side itself when it handles a command, so a client
 * (or the web layer) never hands the aggregate its own rules. Injected into the {@link Submission} handlers.
 */
public interface ReportingRules {
    /**
     * The unit's form for the period under today's catalog: its assigned indicators without those confirmed 不涉及,
     * each with the unit's last approved value, and the window of their reporting calendars.
     */
    ReportForm formFor(String orgUnitId, Period period);

    /** The server's date in China: periods open and reports are late by it, whatever the client's clock says. */
    LocalDate today();
}
