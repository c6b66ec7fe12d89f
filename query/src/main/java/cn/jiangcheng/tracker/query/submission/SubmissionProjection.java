package cn.jiangcheng.tracker.query.submission;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.AmendmentStarted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.EvidenceAttached;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionCreated;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionDraftSaved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReturned;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReviewed;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionSubmitted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionWithdrawn;
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
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.jiangcheng.tracker.query.common.Columns.time;
import static cn.jiangcheng.tracker.query.common.Columns.instant;
import static cn.jiangcheng.tracker.query.common.AuditMetadata.text;

/**
 * Reports as the lists, the detail page and the rollup read them. Three tables, all rebuilt from the submission
 * events:
 * <ul>
 *     <li>submission_view: one row per report (status, values, values in force, the latest return, evidence);</li>
 *     <li>submission_history: one row per event, with who did it from the audit metadata;</li>
 *     <li>submission_value: one row per reported value and state. APPROVED rows are the values in force, PENDING
 *     rows the values submitted and not yet decided. Submitting replaces the report's PENDING rows, approving
 *     replaces its APPROVED rows and drops the PENDING ones, returning and withdrawing drop the PENDING ones; an
 *     amendment leaves the APPROVED rows in force until it is approved itself.</li>
 * </ul>
 * Every update of submission_view only applies when the row's version is older than the event's sequence number,
 * so an event that is handled twice changes nothing the second time.
 */
@Component
@ProcessingGroup(SubmissionProjection.NAME)
public class SubmissionProjection {
    public static final String NAME = "submissions";
    /** The tables it alone writes (V3). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME,
            List.of("submission_view", "submission_history", "submission_value"));

    static final String APPROVED = "APPROVED";
    static final String PENDING = "PENDING";

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

    public SubmissionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- events

    @EventHandler
    void on(SubmissionCreated event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        Period period = Period.parse(event.period())
                .orElseThrow(() -> new IllegalArgumentException("unknown period " + event.period()));
        LocalDate deadline = event.deadline() != null ? event.deadline() : period.deadline();
        int inserted = jdbc.update("""
                insert into submission_view (id, org_unit_id, city_id, period, period_type, year, period_number,
                    deadline, approval_unit_id, review_unit_id, status, revision, late, created_at, updated_at,
                    draft_values, evidence, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, false, ?, ?, '[]'::jsonb, '[]'::jsonb, ?)
                on conflict (id) do nothing""",
                event.submissionId(), event.orgUnitId(), event.cityId(), period.code(), period.type().name(),
                period.year(), period.number(), deadline, event.approvalUnitId(), event.reviewUnitId(),
                Status.DRAFT.name(), time(at),
                time(at), version);
        if (inserted == 1) {
            history(event.submissionId(), version, HistoryType.CREATED, 1, at, metaData, null);
        }
    }

    /** Saving a returned report makes it a draft again, as in the aggregate. */
    @EventHandler
    void on(SubmissionDraftSaved event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        // editing a returned report makes it a draft again, as on the aggregate
        if (advance(event.submissionId(), version, at, "revision = ?, draft_values = cast(? as jsonb), "
                        + "status = case when status = 'RETURNED' then 'DRAFT' else status end",
                event.revision(), SubmissionJson.write(nonNull(event.values())))) {
            history(event.submissionId(), version, HistoryType.DRAFT_SAVED, event.revision(), at, metaData, null);
        }
    }

    @EventHandler
    void on(EvidenceAttached event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.submissionId(), version, at, "evidence = evidence || cast(? as jsonb)",
                SubmissionJson.write(List.of(event.evidence())))) {
            history(event.submissionId(), version, HistoryType.EVIDENCE_ATTACHED, event.revision(), at, metaData,
                    event.evidence().fileName());
        }
    }

    @EventHandler
    void on(SubmissionSubmitted event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.submissionId(), version, at, """
                        status = ?, revision = ?, draft_values = cast(? as jsonb), late = ?, submitted_at = ?""",
                Status.SUBMITTED.name(), event.revision(), SubmissionJson.write(nonNull(event.values())),
                event.late(), time(at))) {
            dropValues(event.submissionId(), PENDING);
            insertValues(event.submissionId(), PENDING, event.revision(), nonNull(event.values()));
            history(event.submissionId(), version, HistoryType.SUBMITTED, event.revision(), at, metaData, null);
        }
    }

    @EventHandler
    void on(SubmissionWithdrawn event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.submissionId(), version, at, "status = ?, revision = ?",
                Status.DRAFT.name(), event.revision())) {
            dropValues(event.submissionId(), PENDING);
            history(event.submissionId(), version, HistoryType.WITHDRAWN, event.revision(), at, metaData, null);
        }
    }

    @EventHandler
    void on(SubmissionReviewed event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.submissionId(), version, at, "status = ?, revision = ?",
                Status.REVIEWED.name(), event.revision())) {
            history(event.submissionId(), version, HistoryType.REVIEWED, event.revision(), at, metaData,
                    event.comment());
        }
    }

    @EventHandler
    void on(SubmissionApproved event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        String values = SubmissionJson.write(nonNull(event.values()));
        if (advance(event.submissionId(), version, at, """
                        status = ?, revision = ?, draft_values = cast(? as jsonb), approved_values = cast(? as jsonb),
                        approved_at = ?, return_reason = null, value_comments = null""",
                Status.APPROVED.name(), event.revision(), values, values, time(at))) {
            jdbc.update("delete from submission_value where submission_id = ? and state in (?, ?)",
                    event.submissionId(), PENDING, APPROVED);
            insertValues(event.submissionId(), APPROVED, event.revision(), nonNull(event.values()));
            history(event.submissionId(), version, HistoryType.APPROVED, event.revision(), at, metaData,
                    event.comment());
        }
    }

    @EventHandler
    void on(SubmissionReturned event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        Map<String, String> comments = event.valueComments() == null ? Map.of() : event.valueComments();
        if (advance(event.submissionId(), version, at,
                "status = ?, revision = ?, return_reason = ?, value_comments = cast(? as jsonb)",
                Status.RETURNED.name(), event.revision(), event.reason(), SubmissionJson.write(comments))) {
            dropValues(event.submissionId(), PENDING);
            history(event.submissionId(), version, HistoryType.RETURNED, event.revision(), at, metaData,
                    event.reason());
        }
    }

    /** The report becomes a draft of its next revision; its approved values stay in force. */
    @EventHandler
    void on(AmendmentStarted event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.submissionId(), version, at, "status = ?, revision = ?",
                Status.DRAFT.name(), event.revision())) {
            history(event.submissionId(), version, HistoryType.AMENDMENT_STARTED, event.revision(), at, metaData,
                    event.reason());
        }
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    // ---------------------------------------------------------------- queries

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

    // ---------------------------------------------------------------- helpers

    private List<SubmissionSummary> list(String cityId, Collection<String> orgUnitIds, String period,
                                         Status status) {
        StringBuilder sql = new StringBuilder("select " + SUMMARY_COLUMNS + """

                from submission_view s left join org_unit_view o on o.id = s.org_unit_id
                where s.city_id = ?""");
        List<Object> args = new ArrayList<>();
        args.add(cityId);
        if (orgUnitIds != null) {
            sql.append(" and s.org_unit_id in (").append(String.join(", ", orgUnitIds.stream().map(u -> "?").toList()))
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
                PREVIOUS, orgUnitId, period.type().name(), APPROVED, period.year(), period.year(), period.number());
    }

    /**
     * Moves the report's row to this event's version, setting the given columns too, unless the row already
     * reflects this event. Returns whether it did.
     */
    private boolean advance(String submissionId, long version, Instant at, String set, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(time(at));
        all.add(version);
        all.add(submissionId);
        all.add(version);
        return jdbc.update("update submission_view set " + set + ", updated_at = ?, version = ? "
                + "where id = ? and version < ?", all.toArray()) == 1;
    }

    private void history(String submissionId, long version, HistoryType type, int revision, Instant at,
                         MetaData metaData, String comment) {
        jdbc.update("""
                insert into submission_history
                    (submission_id, sequence, type, revision, occurred_at, user_id, user_name, comment)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (submission_id, sequence) do nothing""",
                submissionId, version, type.name(), revision, time(at), text(metaData, AuditKeys.USER_ID),
                text(metaData, AuditKeys.USER_NAME), comment);
    }

    private void dropValues(String submissionId, String state) {
        jdbc.update("delete from submission_value where submission_id = ? and state = ?", submissionId, state);
    }

    /**
     * Copies unit, city and period from the report's row, so the rollup needs no join. One statement for all values
     * (arrays unnested in PostgreSQL): replay spent its time in one round trip per value.
     */
    private void insertValues(String submissionId, String state, int revision, List<ReportedValue> values) {
        Map<String, ReportedValue> byIndicator = new java.util.LinkedHashMap<>();
        for (ReportedValue value : values) {
            if (value != null && value.indicatorId() != null) {
                byIndicator.put(value.indicatorId(), value); // a repeated indicator: the last one counts, as before
            }
        }
        if (byIndicator.isEmpty()) {
            return;
        }
        String[] indicators = byIndicator.keySet().toArray(String[]::new);
        Object[] numbers = byIndicator.values().stream().map(ReportedValue::value).toArray();
        String[] components = byIndicator.values().stream()
                .map(v -> SubmissionJson.write(v.components() == null ? Map.of() : v.components()))
                .toArray(String[]::new);
        jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    insert into submission_value (submission_id, indicator_id, state, org_unit_id, city_id, period,
                        period_type, year, period_number, revision, value, components)
                    select s.id, v.indicator_id, ?, s.org_unit_id, s.city_id, s.period, s.period_type, s.year,
                        s.period_number, ?, v.value, cast(v.components as jsonb)
                    from submission_view s
                    cross join unnest(?::text[], ?::numeric[], ?::text[]) as v(indicator_id, value, components)
                    where s.id = ?
                    on conflict (submission_id, indicator_id, state) do update
                        set revision = excluded.revision, value = excluded.value, components = excluded.components""");
            statement.setString(1, state);
            statement.setInt(2, revision);
            statement.setArray(3, con.createArrayOf("text", indicators));
            statement.setArray(4, con.createArrayOf("numeric", numbers));
            statement.setArray(5, con.createArrayOf("text", components));
            statement.setString(6, submissionId);
            return statement;
        });
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
