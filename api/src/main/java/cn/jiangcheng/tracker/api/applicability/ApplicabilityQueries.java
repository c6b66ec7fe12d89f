package cn.jiangcheng.tracker.api.applicability;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

public final class ApplicabilityQueries {
    private ApplicabilityQueries() {
    }

    /** DECLARED 待确认, CONFIRMED 已确认 (the only one that counts), REJECTED 已驳回, REVOKED 已撤销. */
    public enum Status { DECLARED, CONFIRMED, REJECTED, REVOKED }

    /**
     * One page of a city's 不涉及 records, pending ones first, then by indicator and unit. unitIds limits the list
     * to these units (a submitter's own unit); null means the whole city, an empty collection finds nothing. status,
     * indicatorId and orgUnitId narrow it when not null.
     */
    public record FindNotApplicable(String cityId, Collection<String> unitIds, Status status, String indicatorId,
                                    String orgUnitId, int offset, int limit) {
    }

    /** The ids of the indicators confirmed 不涉及 for the unit. */
    public record FindNotApplicableIndicators(String orgUnitId) {
    }

    public record FindNotApplicableRecord(String applicabilityId) {
    }

    public record IndicatorIds(List<String> indicatorIds) {
    }

    /**
     * reason is the unit's declaration (or the bureau's reason when it set the record directly); decisionComment the
     * reason of a rejection or revocation, or the comment on a confirmation.
     */
    public record NotApplicableView(String id, String indicatorId, int indicatorNumber, String indicatorName,
                                    String orgUnitId, String orgUnitName, String cityId, Status status,
                                    String reason, String declaredBy, String declaredByName, Instant declaredAt,
                                    String decisionComment, String decidedBy, String decidedByName,
                                    Instant decidedAt, long version) {
    }

    public record NotApplicablePage(long total, int offset, int limit, List<NotApplicableView> items) {
    }
}
