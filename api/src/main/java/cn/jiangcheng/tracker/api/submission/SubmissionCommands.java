package cn.jiangcheng.tracker.api.submission;

import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ValueRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
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
     * Filled in by the server: cityId from the unit; opens and deadline from the reporting calendars of the indicators
     * the unit reports in the period (the earliest opening, the latest due date); today is the server's date (China),
     * a report for a period that has not opened is refused; approvalUnitId is the city bureau whose approvers decide;
     * reviewUnitId is a county that reviews first (two-step chain), or null.
     */
    public record CreateSubmission(@TargetAggregateIdentifier String submissionId, String orgUnitId, String cityId,
                                   String period, LocalDate opens, LocalDate deadline, LocalDate today,
                                   String approvalUnitId, String reviewUnitId,
                                   List<ReportedValue> values, List<ValueRule> rules) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }

    public record SaveSubmissionDraft(@TargetAggregateIdentifier String submissionId, List<ReportedValue> values,
                                      List<ValueRule> rules, @TargetAggregateVersion Long expectedVersion) {
    }

    public record AttachEvidence(@TargetAggregateIdentifier String submissionId, Evidence evidence,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * today is the server's date, compared with the deadline to mark the report late; opens is the report's opening
     * day under today's calendars (as for {@link CreateSubmission}): nothing is submitted before it.
     */
    public record SubmitSubmission(@TargetAggregateIdentifier String submissionId, List<ValueRule> rules,
                                   LocalDate opens, LocalDate today, @TargetAggregateVersion Long expectedVersion) {
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
