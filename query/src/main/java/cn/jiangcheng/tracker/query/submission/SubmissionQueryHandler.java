package cn.jiangcheng.tracker.query.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindPreviousApprovedValues;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindReportingStatus;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmissionsOfCity;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmissionsOfUnits;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.HistoryEntry;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.HistoryType;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.PreviousApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.PreviousApprovedList;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.ReportingStatus;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionDetail;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionList;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionSummary;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.UnitReportingStatus;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static cn.jiangcheng.tracker.query.common.Columns.instant;
import static cn.jiangcheng.tracker.query.common.Columns.placeholders;

/**
 * Reports as the lists, the detail page and the reporting status read them, from the tables that
 * {@link SubmissionProjection} writes (and the catalog's, org tree's and 不涉及 tables for who is expected).
 */
@Component
public class SubmissionQueryHandler {
    private static final String SUMMARY_COLUMNS = """
            s.id, s.org_unit_id, o.name as org_unit_name, s.city_id, s.period, s.period_type, s.status, s.revision,
            s.late, s.deadline, s.approval_unit_id, s.review_unit_id, s.submitted_at, s.updated_at, s.version""";

    private static final RowMapper<SubmissionSummary> SUMMARY = (rs, i) -> new SubmissionSummary(
            rs.getString("id"), rs.getString("org_unit_id"), rs.getString("org_unit_name"), rs.getString("city_id"),
            rs.getString("period"), PeriodType.valueOf(rs.getString("period_type")),
            Status.valueOf(rs.getString("status")), rs.getInt("revision"), rs.getBoolean("late"),
            rs.getObject("deadline", LocalDate.class), rs.getString("approval_unit_id"), rs.getString("review_unit_id"),
            instant(rs, "submitted_at"), instant(rs, "updated_at"), rs.getLong("version"));

    private static final RowMapper<HistoryEntry> HISTORY = (rs, i) -> new HistoryEntry(
            HistoryType.valueOf(rs.getString("type")), rs.getInt("revision"), instant(rs, "occurred_at"),
            rs.getString("user_id"), rs.getString("user_name"), rs.getString("comment"));

    private static final RowMapper<PreviousApproved> PREVIOUS = (rs, i) -> new PreviousApproved(
            rs.getString("indicator_id"), rs.getBigDecimal("value"),
            SubmissionJson.components(rs.getString("components")), rs.getString("period"));

    private final JdbcTemplate jdbc;

    public SubmissionQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    SubmissionList handle(FindSubmissionsOfCity query) {
        if (query.cityId() == null) {
            return new SubmissionList(List.of());
        }
        return new SubmissionList(list(query.cityId(), query.orgUnitId() == null ? null : List.of(query.orgUnitId()),
                query.period(), query.status()));
    }

    @QueryHandler
    SubmissionList handle(FindSubmissionsOfUnits query) {
        if (query.cityId() == null || query.orgUnitIds() == null || query.orgUnitIds().isEmpty()) {
            return new SubmissionList(List.of());
        }
        return new SubmissionList(list(query.cityId(), query.orgUnitIds(), query.period(), query.status()));
    }

    @QueryHandler
    Optional<SubmissionDetail> handle(FindSubmission query) {
        Optional<SubmissionDetail> found = jdbc.query("""
                select s.*, o.name as org_unit_name from submission_view s
                left join org_unit_view o on o.id = s.org_unit_id where s.id = ?""",
                (rs, i) -> detail(rs), query.submissionId()).stream().findFirst();
        return found.map(this::withPreviousAndHistory);
    }

    @QueryHandler
    PreviousApprovedList handle(FindPreviousApprovedValues query) {
        return new PreviousApprovedList(Period.parse(query.period())
                .map(period -> previousApproved(query.orgUnitId(), period))
                .orElse(List.of()));
    }

    /** A unit for which every indicator of the period's type is confirmed 不涉及 is not expected at all. */
    @QueryHandler
    ReportingStatus handle(FindReportingStatus query) {
        Period period = Period.parse(query.period())
                .orElseThrow(() -> new IllegalArgumentException("unknown period " + query.period()));
        List<UnitReportingStatus> units = jdbc.query("""
                select u.org_unit_id, o.name as org_unit_name, s.id as submission_id, s.status, s.late, s.deadline
                from (select distinct iu.org_unit_id from indicator_unit iu
                      where iu.city_id = ? and iu.period_type = ?
                        and not exists (select 1 from indicator_not_applicable n
                                        where n.indicator_id = iu.indicator_id and n.org_unit_id = iu.org_unit_id
                                          and n.status = 'CONFIRMED')) u
                left join submission_view s on s.org_unit_id = u.org_unit_id and s.period = ?
                left join org_unit_view o on o.id = u.org_unit_id
                order by u.org_unit_id""",
                (rs, i) -> {
                    String submissionId = rs.getString("submission_id");
                    return new UnitReportingStatus(rs.getString("org_unit_id"), rs.getString("org_unit_name"),
                            submissionId, submissionId == null ? null : Status.valueOf(rs.getString("status")),
                            submissionId == null ? null : rs.getBoolean("late"),
                            rs.getObject("deadline", LocalDate.class));
                },
                query.cityId(), period.type().name(), period.code());
        return new ReportingStatus(query.cityId(), period.code(), period.deadline(), units);
    }

    private List<SubmissionSummary> list(String cityId, Collection<String> orgUnitIds, String period,
                                         Status status) {
        StringBuilder sql = new StringBuilder("select " + SUMMARY_COLUMNS + """

                from submission_view s left join org_unit_view o on o.id = s.org_unit_id
                where s.city_id = ?""");
        List<Object> args = new ArrayList<>();
        args.add(cityId);
        if (orgUnitIds != null) {
            sql.append(" and s.org_unit_id in (").append(placeholders(orgUnitIds))
                    .append(')');
            args.addAll(orgUnitIds);
        }
        if (period != null) {
            sql.append(" and s.period = ?");
            args.add(Period.parse(period).map(Period::code).orElse(period));
        }
        if (status != null) {
            sql.append(" and s.status = ?");
            args.add(status.name());
        }
        sql.append(" order by s.year desc, s.period_number desc, s.period_type, s.org_unit_id");
        return jdbc.query(sql.toString(), SUMMARY, args.toArray());
    }

    /** The report's own row; previous values and history are added once the row is read. */
    private static SubmissionDetail detail(ResultSet rs) throws SQLException {
        return new SubmissionDetail(rs.getString("id"), rs.getString("org_unit_id"), rs.getString("org_unit_name"),
                rs.getString("city_id"), rs.getString("period"), PeriodType.valueOf(rs.getString("period_type")),
                rs.getObject("deadline", LocalDate.class), rs.getString("approval_unit_id"),
                rs.getString("review_unit_id"), Status.valueOf(rs.getString("status")), rs.getInt("revision"),
                rs.getBoolean("late"), instant(rs, "submitted_at"), instant(rs, "approved_at"), instant(rs, "updated_at"),
                rs.getLong("version"), SubmissionJson.values(rs.getString("draft_values")),
                SubmissionJson.values(rs.getString("approved_values")), List.of(), rs.getString("return_reason"),
                SubmissionJson.comments(rs.getString("value_comments")),
                SubmissionJson.evidence(rs.getString("evidence")), List.of());
    }

    private SubmissionDetail withPreviousAndHistory(SubmissionDetail d) {
        List<PreviousApproved> previous = Period.parse(d.period())
                .map(p -> previousApproved(d.orgUnitId(), p)).orElse(List.of());
        List<HistoryEntry> history = jdbc.query(
                "select * from submission_history where submission_id = ? order by sequence", HISTORY, d.id());
        return new SubmissionDetail(d.id(), d.orgUnitId(), d.orgUnitName(), d.cityId(), d.period(), d.periodType(),
                d.deadline(), d.approvalUnitId(), d.reviewUnitId(), d.status(), d.revision(), d.late(),
                d.submittedAt(), d.approvedAt(), d.updatedAt(), d.version(), d.values(), d.approvedValues(), previous,
                d.returnReason(), d.valueComments(), d.evidence(), history);
    }

    private List<PreviousApproved> previousApproved(String orgUnitId, Period period) {
        return jdbc.query("""
                select distinct on (indicator_id) indicator_id, value, components, period
                from submission_value
                where org_unit_id = ? and period_type = ? and state = ?
                  and (year < ? or (year = ? and period_number < ?))
                order by indicator_id, year desc, period_number desc""",
                PREVIOUS, orgUnitId, period.type().name(), SubmissionProjection.APPROVED, period.year(), period.year(), period.number());
    }
}
