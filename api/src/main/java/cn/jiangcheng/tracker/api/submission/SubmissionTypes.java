package cn.jiangcheng.tracker.api.submission;

import java.math.BigDecimal;
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

}
