package cn.jiangcheng.tracker.api.submission;

import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** revision counts the versions of a report: 1 for the first, +1 for each amendment. */
public final class SubmissionEvents {
    private SubmissionEvents() {
    }

    public record SubmissionCreated(String submissionId, String orgUnitId, String cityId, String period,
                                    LocalDate deadline, String approvalUnitId, String reviewUnitId) {
    }

    public record SubmissionDraftSaved(String submissionId, int revision, List<ReportedValue> values) {
    }

    public record EvidenceAttached(String submissionId, int revision, Evidence evidence) {
    }

    public record SubmissionSubmitted(String submissionId, int revision, List<ReportedValue> values, boolean late) {
    }

    public record SubmissionWithdrawn(String submissionId, int revision) {
    }

    /** The county has checked the report; it now waits for the city bureau. */
    public record SubmissionReviewed(String submissionId, int revision, String comment) {
    }

    public record SubmissionApproved(String submissionId, int revision, List<ReportedValue> values, String comment) {
    }

    public record SubmissionReturned(String submissionId, int revision, String reason,
                                     Map<String, String> valueComments) {
    }

    public record AmendmentStarted(String submissionId, int revision, String reason) {
    }
}
