package cn.jiangcheng.tracker.api.applicability;

import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * 不涉及: an indicator that does not apply to one of its reporting units (a development zone without polluted
 * farmland). The unit declares it, the city bureau confirms or rejects it, or sets and revokes it directly. One
 * record per indicator and unit, id {@link #applicabilityId}; only a confirmed 不涉及 takes the unit off the
 * indicator's reporting units.
 */
public final class ApplicabilityCommands {
    private ApplicabilityCommands() {
    }

    public static String applicabilityId(String indicatorId, String orgUnitId) {
        return indicatorId + ":" + orgUnitId;
    }

    /**
     * By the unit's submitter. cityId and approvalUnitId (the city bureau whose approvers decide) are filled in by
     * the server, which has also checked that the indicator is assigned to the unit.
     */
    public record DeclareNotApplicable(@TargetAggregateIdentifier String applicabilityId, String indicatorId,
                                       String orgUnitId, String cityId, String approvalUnitId, String reason)
            implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }

    /** By the bureau's approver, without a declaration (or in place of deciding a pending one). */
    public record SetNotApplicable(@TargetAggregateIdentifier String applicabilityId, String indicatorId,
                                   String orgUnitId, String cityId, String approvalUnitId, String reason)
            implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }

    public record ConfirmNotApplicable(@TargetAggregateIdentifier String applicabilityId, String comment,
                                       @TargetAggregateVersion Long expectedVersion) {
    }

    public record RejectNotApplicable(@TargetAggregateIdentifier String applicabilityId, String reason,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    /** The indicator applies to the unit again: it reports it from now on. */
    public record RevokeNotApplicable(@TargetAggregateIdentifier String applicabilityId, String reason,
                                      @TargetAggregateVersion Long expectedVersion) {
    }
}
