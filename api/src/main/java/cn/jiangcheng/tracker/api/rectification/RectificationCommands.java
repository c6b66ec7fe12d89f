package cn.jiangcheng.tracker.api.rectification;

import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/**
 * 督察整改 cases. The day that decides whether a deadline lies in the past, whether an extension comes in time and
 * whether publicity has ended is the server's (China), looked up by the aggregate: no command carries it.
 */
public final class RectificationCommands {
    private RectificationCommands() {
    }

    /**
     * 交办: an inspector registers a problem and assigns it to the responsible unit. cityId is filled in by the
     * server from the responsible unit. round/batch/problemNumber belong to inspection feedback, complaintNumber
     * and channel to complaints.
     */
    public record RegisterCase(@TargetAggregateIdentifier String caseId, String cityId, Source source,
                               String round, String batch, String problemNumber, String complaintNumber,
                               Channel channel, ProblemClass problemClass, String description, String location,
                               String responsibleUnitId, List<String> cooperatingUnitIds, LocalDate deadline,
                               String requirements) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return responsibleUnitId;
        }
    }

    /** 签收 by the responsible unit. */
    public record AcknowledgeCase(@TargetAggregateIdentifier String caseId,
                                  @TargetAggregateVersion Long expectedVersion) {
    }

    /** 整改方案: measures, milestones and the person answerable for them. */
    public record SubmitPlan(@TargetAggregateIdentifier String caseId, String measures, List<Milestone> milestones,
                             String responsiblePerson, @TargetAggregateVersion Long expectedVersion) {
    }

    /** The inspector sends a plan back; the unit has to submit a better one. */
    public record ReturnPlan(@TargetAggregateIdentifier String caseId, String reason,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReportProgress(@TargetAggregateIdentifier String caseId, String progress, Integer percent,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    /** Evidence for the acceptance, stored before the command is sent. */
    public record AttachCaseEvidence(@TargetAggregateIdentifier String caseId, Evidence evidence,
                                     @TargetAggregateVersion Long expectedVersion) {
    }

    /** 申请验收: the unit's self-check; outcome is required for complaints (办理结果). */
    public record RequestAcceptance(@TargetAggregateIdentifier String caseId, String selfCheck, Outcome outcome,
                                    @TargetAggregateVersion Long expectedVersion) {
    }

    /** 现场核查 and 验收通过; publicity (公示) of publicityDays days starts today, 0 means no publicity. */
    public record AcceptCase(@TargetAggregateIdentifier String caseId, String siteCheck, Integer publicityDays,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    /** 验收退回: back to 整改中 with the reason. */
    public record RejectAcceptance(@TargetAggregateIdentifier String caseId, String siteCheck, String reason,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    /** 销号, once the publicity has ended. */
    public record CloseCase(@TargetAggregateIdentifier String caseId, String comment,
                            @TargetAggregateVersion Long expectedVersion) {
    }

    /** 回头看: a closed case is reopened with a new deadline; its history stays. */
    public record ReopenCase(@TargetAggregateIdentifier String caseId, String reason, LocalDate newDeadline,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    /** 延期申请; requestId is chosen by the server. */
    public record RequestExtension(@TargetAggregateIdentifier String caseId, String requestId, String reason,
                                   LocalDate newDeadline, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ApproveExtension(@TargetAggregateIdentifier String caseId, String requestId, String comment,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record DenyExtension(@TargetAggregateIdentifier String caseId, String requestId, String reason,
                                @TargetAggregateVersion Long expectedVersion) {
    }
}
