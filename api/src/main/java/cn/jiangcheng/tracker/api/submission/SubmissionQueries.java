package cn.jiangcheng.tracker.api.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

public final class SubmissionQueries {
    private SubmissionQueries() {
    }

    /**
     * The reports of one city, newest period first; orgUnitId, period and status narrow the list when not null.
     * An empty list when cityId is null.
     */
    public record FindSubmissionsOfCity(String cityId, String orgUnitId, String period, Status status) {
    }

    /**
     * Like {@link FindSubmissionsOfCity}, limited to the given units (a submitter's own unit, or the units a
     * county reviews). An empty collection finds nothing.
     */
    public record FindSubmissionsOfUnits(String cityId, Collection<String> orgUnitIds, String period,
                                         Status status) {
    }

    public record FindSubmission(String submissionId) {
    }

    /**
     * The unit's latest approved value per indicator from periods of the same type before period (2025-Q2 looks
     * at 2025-Q1, 2024-Q4, …; never at the period itself), for the diff and the plausibility check.
     */
    public record FindPreviousApprovedValues(String orgUnitId, String period) {
    }

    /** Every unit that must report an indicator of the period's type, with its report for that period if any. */
    public record FindReportingStatus(String cityId, String period) {
    }

    /** What happened to a report, one entry per event; comment holds the approval comment or the reason given. */
    public enum HistoryType {
        CREATED, DRAFT_SAVED, EVIDENCE_ATTACHED, SUBMITTED, WITHDRAWN, REVIEWED, APPROVED, RETURNED,
        AMENDMENT_STARTED
    }

    public record SubmissionSummary(String id, String orgUnitId, String orgUnitName, String cityId, String period,
                                    PeriodType periodType, Status status, int revision, boolean late,
                                    LocalDate deadline, String approvalUnitId, String reviewUnitId,
                                    Instant submittedAt, Instant updatedAt, long version) {
    }

    public record SubmissionList(List<SubmissionSummary> submissions) {
    }

    /** userId and userName come from the event's audit metadata; comment is an evidence file's name for uploads. */
    public record HistoryEntry(HistoryType type, int revision, Instant at, String userId, String userName,
                               String comment) {
    }

    public record PreviousApproved(String indicatorId, BigDecimal value, Map<String, BigDecimal> components,
                                   String period) {
    }

    public record PreviousApprovedList(List<PreviousApproved> values) {
    }

    /**
     * One report with everything the detail page shows. approvalUnitId is the unit whose approvers decide (the city
     * bureau), reviewUnitId the county that reviews first (null when there is none). values are the latest draft
     * or submitted values; approvedValues are the values in force (null before the first approval; during an
     * amendment they stay the previously approved ones). returnReason and valueComments belong to the latest return and are cleared when
     * the report is approved. previousApproved is {@link FindPreviousApprovedValues} for the report's unit and
     * period. submittedAt is the latest submission.
     */
    public record SubmissionDetail(String id, String orgUnitId, String orgUnitName, String cityId, String period,
                                   PeriodType periodType, LocalDate deadline, String approvalUnitId,
                                   String reviewUnitId, Status status, int revision, boolean late,
                                   Instant submittedAt, Instant approvedAt,
                                   Instant updatedAt, long version, List<ReportedValue> values,
                                   List<ReportedValue> approvedValues, List<PreviousApproved> previousApproved,
                                   String returnReason, Map<String, String> valueComments, List<Evidence> evidence,
                                   List<HistoryEntry> history) {
    }

    /**
     * submissionId, status and late are null when the unit has no report for the period yet. deadline is the
     * report's own deadline, or, without a report, the latest due date of the indicators the unit reports (filled in
     * by the web layer from the reporting calendars).
     */
    public record UnitReportingStatus(String orgUnitId, String orgUnitName, String submissionId, Status status,
                                      Boolean late, LocalDate deadline) {
        public UnitReportingStatus withDeadline(LocalDate due) {
            return new UnitReportingStatus(orgUnitId, orgUnitName, submissionId, status, late, due);
        }
    }

    /** deadline: the day by which every unit's report is due (the latest of the units' deadlines). */
    public record ReportingStatus(String cityId, String period, LocalDate deadline, List<UnitReportingStatus> units) {
    }
}
