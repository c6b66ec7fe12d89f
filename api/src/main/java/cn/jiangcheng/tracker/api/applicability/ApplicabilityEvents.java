package cn.jiangcheng.tracker.api.applicability;

/** Each event names indicator and unit, so a read model can start from any of them. */
public final class ApplicabilityEvents {
    private ApplicabilityEvents() {
    }

    public record NotApplicableDeclared(String applicabilityId, String indicatorId, String orgUnitId, String cityId,
                                        String approvalUnitId, String reason) {
    }

    /** Set directly by the city bureau: confirmed at once. */
    public record NotApplicableSet(String applicabilityId, String indicatorId, String orgUnitId, String cityId,
                                   String approvalUnitId, String reason) {
    }

    public record NotApplicableConfirmed(String applicabilityId, String indicatorId, String orgUnitId,
                                         String comment) {
    }

    public record NotApplicableRejected(String applicabilityId, String indicatorId, String orgUnitId,
                                        String reason) {
    }

    public record NotApplicableRevoked(String applicabilityId, String indicatorId, String orgUnitId,
                                       String reason) {
    }
}
