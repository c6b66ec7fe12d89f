package cn.jiangcheng.tracker.api.rollup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * 截止汇总: the city bureau closes a reporting period although some units have not reported, so the city's figures
 * are judged on the data there is; it may reopen it. The id is {@code <cityId>:<period>}.
 */
public final class ClosureCommands {
    private ClosureCommands() {
    }

    /**
     * Filled in by the server: missingUnitIds are the expected units without a counted value when closing,
     * approvalUnitId the bureau whose approvers may close, today the China date.
     */
    public record ClosePeriod(@TargetAggregateIdentifier String reportingPeriodId, String cityId, String period,
                              List<String> missingUnitIds, String note, String approvalUnitId, LocalDate today) {
    }

    public record ReopenPeriod(@TargetAggregateIdentifier String reportingPeriodId, String cityId, String reason,
                               String approvalUnitId) {
    }

    public static String reportingPeriodId(String cityId, String period) {
        return cityId + ":" + period;
    }
}
