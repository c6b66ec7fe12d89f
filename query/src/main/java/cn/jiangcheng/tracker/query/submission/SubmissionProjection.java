package cn.jiangcheng.tracker.query.submission;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
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
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.HistoryType;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.query.common.Columns.time;
import static cn.jiangcheng.tracker.query.common.AuditMetadata.text;

/**
 * The tables of reports that the lists, the detail page and the rollup read ({@link SubmissionQueryHandler}), all
 * rebuilt from the submission events:
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

    // ---------------------------------------------------------------- helpers

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
