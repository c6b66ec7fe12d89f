package cn.jiangcheng.tracker.query.project;

import cn.jiangcheng.tracker.api.project.ProjectQueries.DelayedProject;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectStats;
import cn.jiangcheng.tracker.api.project.ProjectQueries.StatsRow;
import cn.jiangcheng.tracker.api.project.ProjectTypes;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rollups of projects by 专栏, by lead unit and city-wide. Completed investment always counts in the totals, plan or
 * no plan; 未编制计划 projects are counted apart with what they have completed, so they are neither on schedule
 * nor dropped. Rates are ratios of sums: investment completion is Σ completed / Σ planned over the projects that
 * have a planned investment (a project without one adds to neither side of the rate), never the average of the
 * projects' own rates. Cancelled projects count nowhere.
 */
final class ProjectStatsCalculator {

    private ProjectStatsCalculator() {
    }

    static ProjectStats calculate(List<ProjectFacts> projects, LocalDate today, BigDecimal marginPoints) {
        List<Evaluated> live = projects.stream().filter(p -> !p.cancelled())
                .map(p -> new Evaluated(p, ProjectStatusDerivation.derive(p, today, marginPoints))).toList();
        StatsRow city = row("city", "全市", live, today);
        List<StatsRow> byColumn = group(live, e -> String.valueOf(e.facts().column()), today,
                key -> "专栏" + key + " " + ProjectTypes.COLUMNS.get(Integer.parseInt(key)));
        Map<String, String> unitNames = new LinkedHashMap<>();
        live.forEach(e -> unitNames.putIfAbsent(e.facts().leadUnitId(), e.facts().leadUnitName()));
        List<StatsRow> byUnit = group(live, e -> e.facts().leadUnitId(), today,
                key -> unitNames.get(key) == null ? key : unitNames.get(key));
        List<DelayedProject> delayed = live.stream()
                .filter(e -> e.evaluation().status() == ProjectStatus.DELAYED)
                .sorted(Comparator.comparing((Evaluated e) -> e.evaluation().behindPoints()).reversed()
                        .thenComparing(e -> -e.evaluation().daysOverdue())
                        .thenComparing(e -> e.facts().id()))
                .map(e -> new DelayedProject(e.facts().id(), e.facts().name(), e.facts().leadUnitName(),
                        e.facts().progress(), e.evaluation().expectedProgress(), e.evaluation().behindPoints(),
                        e.evaluation().overdueMilestones(), e.evaluation().daysOverdue()))
                .toList();
        return new ProjectStats(today, marginPoints, city, byColumn, byUnit, delayed);
    }

    private record Evaluated(ProjectFacts facts, ProjectStatusDerivation.Evaluation evaluation) {
    }

    private static List<StatsRow> group(List<Evaluated> live, Function<Evaluated, String> key, LocalDate today,
                                        Function<String, String> label) {
        Map<String, List<Evaluated>> groups = new TreeMap<>();
        live.forEach(e -> groups.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e));
        return groups.entrySet().stream().map(g -> row(g.getKey(), label.apply(g.getKey()), g.getValue(), today))
                .toList();
    }

    private static StatsRow row(String key, String label, List<Evaluated> projects, LocalDate today) {
        int[] byStatus = new int[ProjectStatus.values().length];
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal completed = BigDecimal.ZERO;
        BigDecimal completedWithPlan = BigDecimal.ZERO;
        BigDecimal completedUnplanned = BigDecimal.ZERO;
        int due = 0;
        int onTime = 0;
        for (Evaluated e : projects) {
            ProjectStatus status = e.evaluation().status();
            BigDecimal invested = e.facts().investmentCompleted();
            byStatus[status.ordinal()]++;
            completed = completed.add(invested);
            if (e.facts().plannedInvestment() != null) {
                planned = planned.add(e.facts().plannedInvestment());
                completedWithPlan = completedWithPlan.add(invested);
            }
            if (status == ProjectStatus.UNPLANNED) {
                completedUnplanned = completedUnplanned.add(invested);
            }
            for (ProjectFacts.MilestoneFacts m : e.facts().milestones()) {
                if (m.reachedOn() != null || m.plannedDate().isBefore(today)) {
                    due++;
                }
                if (m.reachedOn() != null && !m.reachedOn().isAfter(m.plannedDate())) {
                    onTime++;
                }
            }
        }
        return new StatsRow(key, label, projects.size(), byStatus[ProjectStatus.UNPLANNED.ordinal()],
                byStatus[ProjectStatus.NOT_STARTED.ordinal()], byStatus[ProjectStatus.IN_PROGRESS.ordinal()],
                byStatus[ProjectStatus.COMPLETED.ordinal()], byStatus[ProjectStatus.DELAYED.ordinal()], planned,
                completed, completedWithPlan, percent(completedWithPlan, planned), completedUnplanned, due, onTime,
                percent(BigDecimal.valueOf(onTime), BigDecimal.valueOf(due)));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
