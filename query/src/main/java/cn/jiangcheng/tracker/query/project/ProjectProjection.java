package cn.jiangcheng.tracker.query.project;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCancelled;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCreated;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEdited;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEvidenceAttached;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectReassigned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateApproved;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateReturned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateSubmitted;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateStatus;
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
import java.util.List;

import static cn.jiangcheng.tracker.query.common.Columns.time;
import static cn.jiangcheng.tracker.query.common.AuditMetadata.nameOrId;
import static cn.jiangcheng.tracker.query.common.Columns.placeholders;

/**
 * The tables of projects that the list, the detail page and the rollups read ({@link ProjectQueryHandler}):
 * project_view (plan and approved figures), project_unit (who sees it), project_milestone, project_update (every
 * submission and its decision) and project_evidence (the files the events attached).
 * Each project_view update applies only when the row is older than the event, so an event handled twice
 * changes nothing the second time.
 */
@Component
@ProcessingGroup(ProjectProjection.NAME)
public class ProjectProjection {
    public static final String NAME = "projects";
    /** The tables it alone writes (V7, V9). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME,
            List.of("project_view", "project_unit", "project_milestone", "project_update", "project_evidence"));

    private final JdbcTemplate jdbc;

    public ProjectProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- events

    @EventHandler
    void on(ProjectCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        ProjectPlan plan = event.plan();
        int inserted = jdbc.update("""
                insert into project_view (id, city_id, approval_unit_id, name, plan_column, plan_group, lead_unit_id,
                    cooperating_unit_ids, planned_start, planned_finish, planned_investment, progress,
                    investment_completed, cancelled, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 0, 0, false, ?, ?, ?)
                on conflict (id) do nothing""",
                event.projectId(), event.cityId(), event.approvalUnitId(), plan.name(), plan.column(), plan.group(),
                event.leadUnitId(), ProjectJson.write(event.cooperatingUnitIds()), plan.plannedStart(),
                plan.plannedFinish(), plan.plannedInvestment(), time(at), time(at), version);
        if (inserted == 1) {
            units(event.projectId(), event.leadUnitId(), event.cooperatingUnitIds());
            milestones(event.projectId(), plan.milestones());
        }
    }

    @EventHandler
    void on(ProjectEdited event, @SequenceNumber long version, @Timestamp Instant at) {
        ProjectPlan plan = event.plan();
        if (advance(event.projectId(), version, at, """
                        name = ?, plan_column = ?, plan_group = ?, planned_start = ?, planned_finish = ?,
                        planned_investment = ?""", plan.name(), plan.column(), plan.group(), plan.plannedStart(),
                plan.plannedFinish(), plan.plannedInvestment())) {
            milestones(event.projectId(), plan.milestones());
        }
    }

    @EventHandler
    void on(ProjectReassigned event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.projectId(), version, at, "lead_unit_id = ?, cooperating_unit_ids = cast(? as jsonb)",
                event.leadUnitId(), ProjectJson.write(event.cooperatingUnitIds()))) {
            units(event.projectId(), event.leadUnitId(), event.cooperatingUnitIds());
        }
    }

    @EventHandler
    void on(ProjectCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        advance(event.projectId(), version, at, "cancelled = true, cancel_reason = ?", event.reason());
    }

    @EventHandler
    void on(ProjectEvidenceAttached event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        Evidence f = event.file();
        if (advance(event.projectId(), version, at, "cancelled = cancelled")) {
            jdbc.update("""
                    insert into project_evidence (project_id, file_id, file_name, content_type, size_bytes, sha256,
                        attached_at, attached_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    event.projectId(), f.fileId(), f.fileName(), f.contentType(), f.size(), f.sha256(), time(at),
                    nameOrId(metaData));
        }
    }

    @EventHandler
    void on(ProjectUpdateSubmitted event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.projectId(), version, at, "pending_update_id = ?", event.updateId())) {
            jdbc.update("""
                    insert into project_update (project_id, update_id, revision, status, content, submitted_at,
                        submitted_by)
                    values (?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict do nothing""",
                    event.projectId(), event.updateId(), event.revision(), UpdateStatus.SUBMITTED.name(),
                    ProjectJson.write(event.content()), time(at), nameOrId(metaData));
        }
    }

    @EventHandler
    void on(ProjectUpdateApproved event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.projectId(), version, at, """
                        pending_update_id = null, progress = ?, investment_completed = ?, last_approved_period = ?""",
                event.content().progress(), event.content().investmentCompleted(), event.updateId())) {
            decide(event.projectId(), event.updateId(), event.revision(), UpdateStatus.APPROVED, at, metaData,
                    event.comment());
            for (MilestoneReached m : event.content().milestonesReached()) {
                jdbc.update("""
                        update project_milestone set reached_on = ?, evidence = ?, evidence_file_ids = cast(? as jsonb)
                        where project_id = ? and milestone_id = ?""",
                        m.reachedOn(), m.evidence(), ProjectJson.write(m.evidenceFileIds()), event.projectId(),
                        m.milestoneId());
            }
        }
    }

    @EventHandler
    void on(ProjectUpdateReturned event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        if (advance(event.projectId(), version, at, "pending_update_id = null")) {
            decide(event.projectId(), event.updateId(), event.revision(), UpdateStatus.RETURNED, at, metaData,
                    event.reason());
        }
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    // ---------------------------------------------------------------- helpers

    private void units(String projectId, String leadUnitId, List<String> cooperating) {
        jdbc.update("delete from project_unit where project_id = ?", projectId);
        jdbc.update("insert into project_unit (project_id, org_unit_id, role) values (?, ?, 'LEAD')", projectId,
                leadUnitId);
        for (String unit : cooperating) {
            jdbc.update("insert into project_unit (project_id, org_unit_id, role) values (?, ?, 'COOPERATING')",
                    projectId, unit);
        }
    }

    /** Replaces the plan's milestones; what was reached stays reached (the aggregate keeps reached ones). */
    private void milestones(String projectId, List<Milestone> milestones) {
        List<String> ids = milestones.stream().map(Milestone::milestoneId).toList();
        if (ids.isEmpty()) {
            jdbc.update("delete from project_milestone where project_id = ?", projectId);
        } else {
            List<Object> args = new ArrayList<>();
            args.add(projectId);
            args.addAll(ids);
            jdbc.update("delete from project_milestone where project_id = ? and milestone_id not in ("
                    + placeholders(ids) + ")", args.toArray());
        }
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            jdbc.update("""
                    insert into project_milestone (project_id, milestone_id, position, name, planned_date)
                    values (?, ?, ?, ?, ?)
                    on conflict (project_id, milestone_id) do update
                        set position = excluded.position, name = excluded.name, planned_date = excluded.planned_date""",
                    projectId, m.milestoneId(), i, m.name(), m.plannedDate());
        }
    }

    private void decide(String projectId, String updateId, int revision, UpdateStatus status, Instant at,
                        MetaData metaData, String comment) {
        jdbc.update("""
                update project_update set status = ?, decided_at = ?, decided_by = ?, decision_comment = ?
                where project_id = ? and update_id = ? and revision = ?""",
                status.name(), time(at), nameOrId(metaData), comment, projectId, updateId, revision);
    }

    private boolean advance(String projectId, long version, Instant at, String set, Object... args) {
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(args));
        all.add(time(at));
        all.add(version);
        all.add(projectId);
        all.add(version);
        return jdbc.update("update project_view set " + set + ", updated_at = ?, version = ? "
                + "where id = ? and version < ?", all.toArray()) == 1;
    }
}
