package cn.jiangcheng.tracker.command.rollup;

import cn.jiangcheng.tracker.api.submission.Period;

import java.util.List;
import java.util.Optional;

/**
 * What 截止汇总 needs to know of the city at closing time, looked up by the aggregate itself, so the command carries
 * only what the approver intends. Injected into the {@link ReportingPeriod} handlers.
 */
public interface PeriodCoverage {
    /** The city bureau (市生态环境局) whose approvers close and reopen the city's periods, while it is active. */
    Optional<String> bureauOf(String cityId);

    /**
     * The expected units without a counted value for some indicator of the period, by id: those the live rollup
     * (approved data only) lacks right now, so what the bureau signs is what the dashboard showed.
     */
    List<String> missingUnits(String cityId, Period period);
}
