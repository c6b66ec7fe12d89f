package cn.jiangcheng.tracker.query.rectification;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRejected;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAccepted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAcknowledged;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseClosed;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEscalated;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEvidenceAttached;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseOverdue;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseRegistered;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseReopened;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.DeadlineWarningIssued;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionApproved;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionDenied;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanReturned;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanSubmitted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ProgressReported;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ExtensionStatus;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static cn.jiangcheng.tracker.query.common.Columns.time;
import static cn.jiangcheng.tracker.query.common.AuditMetadata.text;

/**
 * The 督察整改 ledger: one row per case (rectification_case), one per event (rectification_history, the
 * timeline) and one per extension request. Writes only to its own tables, so it may be replayed at will.
 * Every update of a case row only applies when the row is older than the event, so an event handled twice
 * changes nothing the second time. {@link CaseLedgerQueryHandler} reads them.
 */
@Component
@ProcessingGroup(RectificationProjection.NAME)
public class RectificationProjection {
    public static final String NAME = "rectification-cases";
    /** The tables it alone writes (V6, V8). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME,
            List.of("rectification_case", "rectification_history", "rectification_extension"));
    private final JdbcTemplate jdbc;

    public RectificationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- events

    @EventHandler
    void on(CaseRegistered e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        int inserted = jdbc.update("""
                insert into rectification_case (id, city_id, source, round, batch, problem_number, complaint_number,
                    channel, problem_class, description, location, requirements, responsible_unit_id,
                    cooperating_unit_ids, deadline, original_deadline, status, registered_at, registered_on,
                    updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as varchar(40)[]), ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                e.caseId(), e.cityId(), e.source().name(), e.round(), e.batch(), e.problemNumber(),
                e.complaintNumber(), e.channel() == null ? null : e.channel().name(), e.problemClass().name(),
                e.description(), e.location(), e.requirements(), e.responsibleUnitId(),
                arrayLiteral(e.cooperatingUnitIds()), e.deadline(), e.deadline(), Status.ASSIGNED.name(), time(at),
                e.registeredOn(), time(at), version);
        if (inserted == 1) {
            history(e.caseId(), version, "REGISTERED", at, metaData, "整改时限 " + e.deadline());
        }
    }

    @EventHandler
    void on(CaseAcknowledged e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        step(e.caseId(), version, at, metaData, "ACKNOWLEDGED", null, "status = ?", Status.ACKNOWLEDGED.name());
    }

    @EventHandler
    void on(PlanSubmitted e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        step(e.caseId(), version, at, metaData, "PLAN_SUBMITTED", e.measures() + "（责任人：" + e.responsiblePerson() + "）",
                "status = ?, measures = ?, milestones = cast(? as jsonb), responsible_person = ?",
                Status.IN_PROGRESS.name(), e.measures(), CaseJson.write(e.milestones()), e.responsiblePerson());
    }

    @EventHandler
    void on(PlanReturned e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        step(e.caseId(), version, at, metaData, "PLAN_RETURNED", e.reason(), "status = ?",
                Status.ACKNOWLEDGED.name());
    }

    @EventHandler
    void on(ProgressReported e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        String comment = e.percent() == null ? e.progress() : e.progress() + "（完成" + e.percent() + "%）";
        step(e.caseId(), version, at, metaData, "PROGRESS_REPORTED", comment,
                "latest_progress = ?, progress_percent = coalesce(?, progress_percent)", e.progress(), e.percent());
    }

    @EventHandler
    void on(CaseEvidenceAttached e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        step(e.caseId(), version, at, metaData, "EVIDENCE_ATTACHED", e.evidence().fileName(),
                "evidence = evidence || cast(? as jsonb)", CaseJson.write(List.of(e.evidence())));
    }

    @EventHandler
    void on(AcceptanceRequested e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        String comment = e.outcome() == null ? e.selfCheck() : e.selfCheck() + "（" + e.outcome().label() + "）";
        step(e.caseId(), version, at, metaData, "ACCEPTANCE_REQUESTED", comment,
                "status = ?, self_check = ?, outcome = ?", Status.ACCEPTANCE_REQUESTED.name(), e.selfCheck(),
                e.outcome() == null ? null : e.outcome().name());
    }

    @EventHandler
    void on(CaseAccepted e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        String comment = e.siteCheck() + (e.publicityDays() > 0 ? "；公示" + e.publicityDays() + "天" : "；无需公示");
        step(e.caseId(), version, at, metaData, "ACCEPTED", comment, """
                        status = ?, site_check = ?, accepted_on = ?, publicity_days = ?, closable_from = ?,
                        accepted_on_time = ?""",
                Status.PUBLICITY.name(), e.siteCheck(), e.acceptedOn(), e.publicityDays(), e.closableFrom(),
                e.onTime());
    }

    @EventHandler
    void on(AcceptanceRejected e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        String comment = e.siteCheck() == null ? e.reason() : e.reason() + "（现场核查：" + e.siteCheck() + "）";
        step(e.caseId(), version, at, metaData, "ACCEPTANCE_REJECTED", comment,
                "status = ?, site_check = coalesce(?, site_check)", Status.IN_PROGRESS.name(), e.siteCheck());
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        step(e.caseId(), version, at, metaData, "CLOSED", e.comment(), "status = ?, closed_at = ?, closed_on = ?",
                Status.CLOSED.name(), time(at), e.closedOn());
    }

    @EventHandler
    void on(CaseReopened e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        step(e.caseId(), version, at, metaData, "REOPENED", e.reason() + "（新整改时限 " + e.newDeadline() + "）", """
                        status = ?, deadline = ?, closed_at = null, closed_on = null, accepted_on = null,
                        accepted_on_time = null, closable_from = null, escalated = false,
                        reopen_count = reopen_count + 1""",
                Status.IN_PROGRESS.name(), e.newDeadline());
    }

    @EventHandler
    void on(ExtensionRequested e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (step(e.caseId(), version, at, metaData, "EXTENSION_REQUESTED",
                e.reason() + "（申请延至 " + e.newDeadline() + "）", null)) {
            jdbc.update("""
                    insert into rectification_extension (case_id, request_id, reason, current_deadline, new_deadline,
                        status, requested_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    e.caseId(), e.requestId(), e.reason(), e.currentDeadline(), e.newDeadline(),
                    ExtensionStatus.PENDING.name(), time(at));
        }
    }

    @EventHandler
    void on(ExtensionApproved e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        String comment = "整改时限由 " + e.previousDeadline() + " 延至 " + e.newDeadline()
                + (e.comment() == null ? "" : "；" + e.comment());
        if (step(e.caseId(), version, at, metaData, "EXTENSION_APPROVED", comment, "deadline = ?",
                e.newDeadline())) {
            decide(e.caseId(), e.requestId(), ExtensionStatus.APPROVED, e.comment(), at);
        }
    }

    @EventHandler
    void on(ExtensionDenied e, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (step(e.caseId(), version, at, metaData, "EXTENSION_DENIED", e.reason(), null)) {
            decide(e.caseId(), e.requestId(), ExtensionStatus.DENIED, e.reason(), at);
        }
    }

    @EventHandler
    void on(DeadlineWarningIssued e, @SequenceNumber long version, @Timestamp Instant at) {
        step(e.caseId(), version, at, null, "WARNING",
                e.daysLeft() == 0 ? "今日到期" : "距整改时限还有" + e.daysLeft() + "天", null);
    }

    @EventHandler
    void on(CaseOverdue e, @SequenceNumber long version, @Timestamp Instant at) {
        step(e.caseId(), version, at, null, "OVERDUE", "整改时限 " + e.deadline() + " 已过，尚未通过验收", null);
    }

    @EventHandler
    void on(CaseEscalated e, @SequenceNumber long version, @Timestamp Instant at) {
        step(e.caseId(), version, at, null, "ESCALATED", "超期未整改，列入挂牌督办", "escalated = true");
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Moves the case row to this event's version (setting the given columns, if any) and records the timeline
     * entry, unless the row already reflects the event. Deadline events carry the metadata of whoever scheduled
     * them, so they are recorded as the system's (metaData null).
     */
    private boolean step(String caseId, long version, Instant at, MetaData metaData, String type, String comment,
                         String set, Object... args) {
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        all.add(time(at));
        all.add(version);
        all.add(caseId);
        all.add(version);
        boolean applied = jdbc.update("update rectification_case set " + (set == null ? "" : set + ", ")
                + "updated_at = ?, version = ? where id = ? and version < ?", all.toArray()) == 1;
        if (applied) {
            history(caseId, version, type, at, metaData, comment);
        }
        return applied;
    }

    private void history(String caseId, long version, String type, Instant at, MetaData metaData, String comment) {
        String userId = metaData == null ? AuditKeys.SYSTEM_USER : text(metaData, AuditKeys.USER_ID);
        String userName = metaData == null ? "系统" : text(metaData, AuditKeys.USER_NAME);
        jdbc.update("""
                insert into rectification_history (case_id, sequence, type, occurred_at, user_id, user_name, comment)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id, sequence) do nothing""",
                caseId, version, type, time(at), userId, userName,
                comment == null || comment.length() <= 2000 ? comment : comment.substring(0, 2000));
    }

    private void decide(String caseId, String requestId, ExtensionStatus status, String comment, Instant at) {
        jdbc.update("""
                update rectification_extension set status = ?, decision_comment = ?, decided_at = ?
                where case_id = ? and request_id = ?""", status.name(), comment, time(at), caseId, requestId);
    }

    /** A PostgreSQL array literal; unit ids are letters, digits and dashes, quoted anyway. */
    private static String arrayLiteral(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "{}";
        }
        return "{" + String.join(",", values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
