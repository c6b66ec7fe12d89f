package cn.jiangcheng.tracker.query.project;

import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 未开工 / 推进中 / 已完成 / 滞后 / 未编制计划 from the approved facts and today. A project is 滞后 when its progress
 * trails the share of its planned time already elapsed by more than the margin (percentage points), when a
 * milestone is past its planned date and not reached, or when its planned finish has passed before it was
 * completed. Without planned dates or a planned investment nothing says it is on schedule: 未编制计划 instead of
 * 未开工 or 推进中 (a known delay or completion still shows as such).
 */
final class ProjectStatusDerivation {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Evaluation(ProjectStatus status, BigDecimal expectedProgress, BigDecimal behindPoints,
                      int overdueMilestones, long daysOverdue) {
    }

    private ProjectStatusDerivation() {
    }

    static Evaluation derive(ProjectFacts p, LocalDate today, BigDecimal marginPoints) {
        BigDecimal expected = expectedProgress(p.plannedStart(), p.plannedFinish(), today);
        BigDecimal behind = expected == null ? BigDecimal.ZERO : expected.subtract(p.progress()).max(BigDecimal.ZERO);
        int overdue = 0;
        long daysOverdue = 0;
        for (ProjectFacts.MilestoneFacts m : p.milestones()) {
            if (m.reachedOn() == null && m.plannedDate().isBefore(today)) {
                overdue++;
                daysOverdue = Math.max(daysOverdue, ChronoUnit.DAYS.between(m.plannedDate(), today));
            }
        }
        boolean completed = p.progress().compareTo(HUNDRED) >= 0;
        boolean pastFinish = p.plannedFinish() != null && today.isAfter(p.plannedFinish()) && !completed;
        if (pastFinish) {
            daysOverdue = Math.max(daysOverdue, ChronoUnit.DAYS.between(p.plannedFinish(), today));
        }
        ProjectStatus status;
        if (p.cancelled()) {
            status = ProjectStatus.CANCELLED;
        } else if (completed) {
            status = ProjectStatus.COMPLETED;
        } else if (behind.compareTo(marginPoints) > 0 || overdue > 0 || pastFinish) {
            status = ProjectStatus.DELAYED;
        } else if (!hasPlan(p)) {
            status = ProjectStatus.UNPLANNED;
        } else if (p.progress().signum() == 0) {
            status = ProjectStatus.NOT_STARTED;
        } else {
            status = ProjectStatus.IN_PROGRESS;
        }
        boolean showDelay = status == ProjectStatus.DELAYED;
        return new Evaluation(status, expected, behind, showDelay ? overdue : 0, showDelay ? daysOverdue : 0);
    }

    /** The bureau has set both planned dates and a planned investment (0 counts as set). */
    static boolean hasPlan(ProjectFacts p) {
        return p.plannedStart() != null && p.plannedFinish() != null && p.plannedInvestment() != null;
    }

    /** Share of the planned days elapsed by today, in percent with one decimal; null without planned dates. */
    static BigDecimal expectedProgress(LocalDate start, LocalDate finish, LocalDate today) {
        if (start == null || finish == null) {
            return null;
        }
        if (today.isBefore(start)) {
            return BigDecimal.ZERO.setScale(1);
        }
        if (!today.isBefore(finish)) {
            return HUNDRED.setScale(1);
        }
        long total = ChronoUnit.DAYS.between(start, finish);
        long elapsed = ChronoUnit.DAYS.between(start, today);
        return BigDecimal.valueOf(elapsed).multiply(HUNDRED).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }
}
