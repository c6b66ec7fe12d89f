package cn.jiangcheng.tracker.api.submission;

import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.Map;

/**
 * Reports of one unit for one period. The id is derived from unit and period, so a second report for the same
 * pair is refused by the event store itself.
 */
public final class SubmissionCommands {
    private SubmissionCommands() {
    }

    /**
     * cityId is the unit's city; approvalUnitId is the city bureau whose approvers decide; reviewUnitId is a county
     * that reviews first (two-step chain), or null. The indicators, the reporting window and today's date are not
     * the caller's to give: the aggregate looks them up itself.
     */
    public record CreateSubmission(@TargetAggregateIdentifier String submissionId, String orgUnitId, String cityId,
                                   String period, String approvalUnitId, String reviewUnitId,
                                   List<ReportedValue> values) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }

    public record SaveSubmissionDraft(@TargetAggregateIdentifier String submissionId, List<ReportedValue> values,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record AttachEvidence(@TargetAggregateIdentifier String submissionId, Evidence evidence,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    /** Checked against today's catalog and calendars, not those of the day the draft was saved. */
    public record SubmitSubmission(@TargetAggregateIdentifier String submissionId,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record WithdrawSubmission(@TargetAggregateIdentifier String submissionId,
                                     @TargetAggregateVersion Long expectedVersion) {
    }

    public record ApproveSubmission(@TargetAggregateIdentifier String submissionId, String comment,
                                    @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReturnSubmission(@TargetAggregateIdentifier String submissionId, String reason,
                                   Map<String, String> valueComments,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    /** Reopens an approved report for changes; the approved values stay in force until the amendment is approved. */
    public record StartAmendment(@TargetAggregateIdentifier String submissionId, String reason,
                                 @TargetAggregateVersion Long expectedVersion) {
    }
}
