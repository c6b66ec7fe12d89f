package cn.jiangcheng.tracker.api.rollup;

import java.util.List;

public final class ClosureEvents {
    private ClosureEvents() {
    }

    /** missingUnitIds: who had not reported when the bureau closed the period; they are named in the rollup. */
    public record PeriodClosed(String reportingPeriodId, String cityId, String period, List<String> missingUnitIds,
                               String note) {
    }

    public record PeriodReopened(String reportingPeriodId, String cityId, String period, String reason) {
    }
}
