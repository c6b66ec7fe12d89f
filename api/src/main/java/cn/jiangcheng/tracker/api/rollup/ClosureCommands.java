package cn.jiangcheng.tracker.api.rollup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 截止汇总: the city bureau closes a reporting period although some units have not reported, so the city's figures
 * are judged on the data there is; it may reopen it. The id is {@code <cityId>:<period>}.
 */
public final class ClosureCommands {
    private ClosureCommands() {
    }

    /**
     * cityId is the approver's city. Who is missing, which bureau may close and whether the period is over are
     * looked up by the aggregate at closing time.
     */
    public record ClosePeriod(@TargetAggregateIdentifier String reportingPeriodId, String cityId, String period,
                              String note) {
    }

    public record ReopenPeriod(@TargetAggregateIdentifier String reportingPeriodId, String cityId, String reason) {
    }

    public static String reportingPeriodId(String cityId, String period) {
        return cityId + ":" + period;
    }
}
