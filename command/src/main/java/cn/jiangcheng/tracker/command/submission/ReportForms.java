package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.submission.Period;

/**
 * The units' forms as the write side looks them up itself when it handles a command, so a client (or the web
 * layer) never hands the aggregate what a report is checked against. Injected into the {@link Submission} handlers.
 */
public interface ReportForms {
    /**
     * The unit's form for the period under today's catalog: its assigned indicators without those confirmed 不涉及,
     * each with the unit's last approved value, and the window of their reporting calendars.
     */
    ReportForm formFor(String orgUnitId, Period period);
}
