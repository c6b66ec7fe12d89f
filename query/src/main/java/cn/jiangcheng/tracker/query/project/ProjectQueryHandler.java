package cn.jiangcheng.tracker.query.project;

import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProject;
import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProjectStats;
import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProjects;
import cn.jiangcheng.tracker.api.project.ProjectQueries.MilestoneView;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectDetail;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectList;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectStats;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectSummary;
import cn.jiangcheng.tracker.api.project.ProjectQueries.CooperatingUnit;
import cn.jiangcheng.tracker.api.project.ProjectQueries.UpdateView;
import cn.jiangcheng.tracker.api.project.ProjectTypes;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateStatus;
import cn.jiangcheng.tracker.query.common.Columns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static cn.jiangcheng.tracker.query.common.Columns.instant;
import static cn.jiangcheng.tracker.query.common.Columns.placeholders;

/**
 * Projects as the list, the detail page and the rollups read them, from the tables {@link ProjectProjection}
 * writes. Status, delay and rollups are derived for the day of the query, which it brings along.
 */
@Component
public class ProjectQueryHandler {
    private final JdbcTemplate jdbc;

    public ProjectQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ProjectList handle(FindProjects query) {
        if (query.cityId() == null || (query.unitIds() != null && query.unitIds().isEmpty())) {
            return new ProjectList(List.of());
        }
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (query.column() != null) {
            where.append(" and p.plan_column = ?");
            args.add(query.column());
        }
        if (query.unitId() != null) {
            where.append(" and exists (select 1 from project_unit u where u.project_id = p.id and u.org_unit_id = ?)");
            args.add(query.unitId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(p.name) like ? or lower(coalesce(p.plan_group, '')) like ?)");
            String like = Columns.containing(query.text().strip().toLowerCase(Locale.ROOT));
            args.add(like);
            args.add(like);
        }
        if (query.pendingOnly()) {
            where.append(" and p.pending_update_id is not null and not p.cancelled");
        }
        return new ProjectList(load(query.cityId(), query.unitIds(), where.toString(), args).stream()
                .map(row -> summary(row, query.today(), query.marginPoints()))
                .filter(s -> query.status() == null || s.status() == query.status())
                .toList());
    }

    @QueryHandler
    Optional<ProjectDetail> handle(FindProject query) {
        List<Row> rows = load(null, null, " and p.id = ?", List.of(query.projectId()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        ProjectSummary summary = summary(row, query.today(), query.marginPoints());
        List<CooperatingUnit> cooperating = row.cooperatingUnitIds().stream()
                .map(id -> new CooperatingUnit(id, unitName(id))).toList();
        List<Evidence> files = jdbc.query("""
                select * from project_evidence where project_id = ? order by attached_at, file_id""",
                (rs, i) -> new Evidence(rs.getString("file_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")),
                query.projectId());
        Map<String, Evidence> byId = new HashMap<>();
        files.forEach(f -> byId.put(f.fileId(), f));
        List<MilestoneView> milestones = row.milestones().stream().map(m -> {
            boolean onTime = m.reachedOn() != null && !m.reachedOn().isAfter(m.plannedDate());
            boolean overdue = m.reachedOn() == null && m.plannedDate().isBefore(query.today());
            List<Evidence> proof = m.evidenceFileIds().stream().map(byId::get)
                    .filter(java.util.Objects::nonNull).toList();
            return new MilestoneView(m.milestoneId(), m.name(), m.plannedDate(), m.reachedOn(), m.evidence(),
                    proof, onTime, overdue);
        }).toList();
        List<UpdateView> updates = jdbc.query("""
                select * from project_update where project_id = ? order by update_id desc, revision desc""",
                (rs, i) -> new UpdateView(rs.getString("update_id"), rs.getInt("revision"),
                        UpdateStatus.valueOf(rs.getString("status")), ProjectJson.content(rs.getString("content")),
                        instant(rs, "submitted_at"), rs.getString("submitted_by"), instant(rs, "decided_at"),
                        rs.getString("decided_by"), rs.getString("decision_comment")),
                query.projectId());
        return Optional.of(new ProjectDetail(summary, cooperating, milestones, updates, files, row.cancelReason()));
    }

    @QueryHandler
    ProjectStats handle(FindProjectStats query) {
        List<ProjectFacts> facts = query.cityId() == null || (query.unitIds() != null && query.unitIds().isEmpty())
                ? List.of()
                : load(query.cityId(), query.unitIds(), "", List.of()).stream().map(Row::facts).toList();
        return ProjectStatsCalculator.calculate(facts, query.today(), query.marginPoints());
    }

    private record MilestoneRow(String milestoneId, String name, LocalDate plannedDate, LocalDate reachedOn,
                                String evidence, List<String> evidenceFileIds) {
    }

    private record Row(ProjectFacts facts, String cityId, String group, List<String> cooperatingUnitIds,
                       String lastApprovedPeriod, String pendingUpdateId, String cancelReason, Instant updatedAt,
                       long version, List<MilestoneRow> milestones) {
    }

    private List<Row> load(String cityId, Collection<String> unitIds, String where, List<Object> whereArgs) {
        StringBuilder sql = new StringBuilder("""
                select p.*, o.name as lead_unit_name from project_view p
                left join org_unit_view o on o.id = p.lead_unit_id where true""");
        List<Object> args = new ArrayList<>();
        if (cityId != null) {
            sql.append(" and p.city_id = ?");
            args.add(cityId);
        }
        if (unitIds != null) {
            sql.append(" and exists (select 1 from project_unit u where u.project_id = p.id and u.org_unit_id in (")
                    .append(placeholders(unitIds)).append("))");
            args.addAll(unitIds);
        }
        sql.append(where).append(" order by p.plan_column, p.id");
        args.addAll(whereArgs);
        List<Row> rows = jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<MilestoneRow>> milestones = new HashMap<>();
        List<Object> ids = new ArrayList<>(rows.stream().map(r -> (Object) r.facts().id()).toList());
        jdbc.query("select * from project_milestone where project_id in ("
                        + placeholders(ids) + ") order by project_id, position",
                rs -> {
                    milestones.computeIfAbsent(rs.getString("project_id"), k -> new ArrayList<>()).add(
                            new MilestoneRow(rs.getString("milestone_id"), rs.getString("name"),
                                    rs.getObject("planned_date", LocalDate.class),
                                    rs.getObject("reached_on", LocalDate.class), rs.getString("evidence"),
                                    ProjectJson.ids(rs.getString("evidence_file_ids"))));
                }, ids.toArray());
        return rows.stream().map(r -> {
            List<MilestoneRow> ms = milestones.getOrDefault(r.facts().id(), List.of());
            ProjectFacts f = r.facts();
            ProjectFacts withMilestones = new ProjectFacts(f.id(), f.name(), f.column(), f.leadUnitId(),
                    f.leadUnitName(), f.plannedStart(), f.plannedFinish(), f.plannedInvestment(), f.progress(),
                    f.investmentCompleted(), f.cancelled(), ms.stream()
                    .map(m -> new ProjectFacts.MilestoneFacts(m.milestoneId(), m.plannedDate(), m.reachedOn()))
                    .toList());
            return new Row(withMilestones, r.cityId(), r.group(), r.cooperatingUnitIds(), r.lastApprovedPeriod(),
                    r.pendingUpdateId(), r.cancelReason(), r.updatedAt(), r.version(), ms);
        }).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        ProjectFacts facts = new ProjectFacts(rs.getString("id"), rs.getString("name"), rs.getInt("plan_column"),
                rs.getString("lead_unit_id"), rs.getString("lead_unit_name"),
                rs.getObject("planned_start", LocalDate.class), rs.getObject("planned_finish", LocalDate.class),
                rs.getBigDecimal("planned_investment"), rs.getBigDecimal("progress"),
                rs.getBigDecimal("investment_completed"), rs.getBoolean("cancelled"), List.of());
        return new Row(facts, rs.getString("city_id"), rs.getString("plan_group"),
                ProjectJson.ids(rs.getString("cooperating_unit_ids")), rs.getString("last_approved_period"),
                rs.getString("pending_update_id"), rs.getString("cancel_reason"), instant(rs, "updated_at"),
                rs.getLong("version"), List.of());
    }

    private static ProjectSummary summary(Row row, LocalDate today, BigDecimal margin) {
        ProjectFacts f = row.facts();
        ProjectStatusDerivation.Evaluation e = ProjectStatusDerivation.derive(f, today, margin);
        int reached = (int) row.milestones().stream().filter(m -> m.reachedOn() != null).count();
        return new ProjectSummary(f.id(), row.cityId(), f.name(), f.column(), ProjectTypes.COLUMNS.get(f.column()),
                row.group(), f.leadUnitId(), f.leadUnitName(), row.cooperatingUnitIds(), f.plannedStart(),
                f.plannedFinish(), f.plannedInvestment(), plain(f.progress()), plain(f.investmentCompleted()),
                row.lastApprovedPeriod(), e.status(), e.status().label(), e.expectedProgress(), e.behindPoints(),
                row.milestones().size(), reached, e.overdueMilestones(), e.daysOverdue(), row.pendingUpdateId(),
                f.cancelled(), row.updatedAt(), row.version());
    }

    private String unitName(String id) {
        return jdbc.query("select name from org_unit_view where id = ?", (rs, i) -> rs.getString(1), id).stream()
                .findFirst().orElse(id);
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0
                ? value.setScale(0) : value.stripTrailingZeros();
    }
}
