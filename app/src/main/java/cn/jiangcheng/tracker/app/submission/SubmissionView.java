package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.HistoryEntry;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionDetail;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A report as the API shows it; values name their indicator "indicator", as clients send them. */
public record SubmissionView(String id, String orgUnitId, String orgUnitName, String cityId, String period,
                             PeriodType periodType, LocalDate deadline, String reviewUnitId, Status status,
                             int revision, boolean late, Instant submittedAt, Instant approvedAt, Instant updatedAt,
                             long version, List<Value> values, List<Value> approvedValues,
                             List<Previous> previousApproved, String returnReason, Map<String, String> valueComments,
                             List<Evidence> evidence, List<HistoryEntry> history) {

    public record Value(String indicator, BigDecimal value, Map<String, BigDecimal> components, String note,
                        String explanation) {
        static Value of(ReportedValue v) {
            return new Value(v.indicatorId(), v.value(), v.components(), v.note(), v.explanation());
        }
    }

    public record Previous(String indicator, BigDecimal value, Map<String, BigDecimal> components, String period) {
    }

    static SubmissionView of(SubmissionDetail d) {
        return new SubmissionView(d.id(), d.orgUnitId(), d.orgUnitName(), d.cityId(), d.period(), d.periodType(),
                d.deadline(), d.reviewUnitId(), d.status(), d.revision(), d.late(), d.submittedAt(), d.approvedAt(),
                d.updatedAt(), d.version(), values(d.values()), d.approvedValues() == null ? null
                : values(d.approvedValues()),
                d.previousApproved() == null ? List.of() : d.previousApproved().stream()
                        .map(p -> new Previous(p.indicatorId(), p.value(), p.components(), p.period())).toList(),
                d.returnReason(), d.valueComments(), d.evidence(), d.history());
    }

    private static List<Value> values(List<ReportedValue> values) {
        return values == null ? List.of() : values.stream().map(Value::of).toList();
    }
}
