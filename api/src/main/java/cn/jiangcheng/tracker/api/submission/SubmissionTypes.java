package cn.jiangcheng.tracker.api.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

public final class SubmissionTypes {
    private SubmissionTypes() {
    }

    public enum Status { DRAFT, SUBMITTED, REVIEWED, APPROVED, RETURNED }

    /**
     * One reported indicator. value is the unit's own figure (for YES_NO 1 or 0); components are the counts or
     * areas the city recomputes its value from; explanation is required when the value jumps.
     */
    public record ReportedValue(String indicatorId, BigDecimal value, Map<String, BigDecimal> components,
                                String note, String explanation) {
    }

    /**
     * What the aggregate needs to check one value, filled in by the server from the catalog and the read model:
     * the client cannot choose its own rules.
     */
    public record ValueRule(String indicatorId, String name, ValueType valueType, RollupRule rollupRule,
                            List<String> componentKeys, BigDecimal plausibilityShare, BigDecimal lastApprovedValue) {
    }

}
