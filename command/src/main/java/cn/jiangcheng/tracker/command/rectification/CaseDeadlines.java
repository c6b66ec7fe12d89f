package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationTypes.DeadlinePolicy;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.rectification.RectificationCase.DeadlineDue;
import org.axonframework.deadline.DeadlineManager;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static cn.jiangcheng.tracker.command.rectification.RectificationCase.ESCALATION;
import static cn.jiangcheng.tracker.command.rectification.RectificationCase.OVERDUE;
import static cn.jiangcheng.tracker.command.rectification.RectificationCase.WARNING;

/**
 * A case's 整改时限 and the deadlines the deadline manager keeps for it: 临期预警, 超期 and 挂牌督办. The names and
 * payload of the deadlines stay on {@link RectificationCase}, whose handlers they reach.
 */
final class CaseDeadlines {
    /** Feedback is usually rectified within months; years-away deadlines are typing mistakes. */
    static final int MAX_YEARS_AHEAD = 5;

    private CaseDeadlines() {
    }

    /** A deadline lies between today (or after the current one, for an extension) and five years ahead. */
    static void requireValid(LocalDate newDeadline, LocalDate today, LocalDate current) {
        Check.that(newDeadline != null, "REQUIRED", "整改时限不能为空");
        Check.that(!newDeadline.isBefore(today), "DEADLINE_IN_PAST", "整改时限不能早于今天");
        if (current != null) {
            Check.that(newDeadline.isAfter(current), "DEADLINE_NOT_LATER", "延期后的时限须晚于现有整改时限");
        }
        Check.that(!newDeadline.isAfter(today.plusYears(MAX_YEARS_AHEAD)), "OUT_OF_RANGE",
                "整改时限不能晚于" + MAX_YEARS_AHEAD + "年之后");
    }

    /**
     * Warnings still ahead are scheduled for the start of their day; of the warnings already due only the
     * nearest is raised at once (a case assigned five days before its deadline is warned now, once). The
     * escalation is scheduled from the overdue moment, so an extension moves all of them together.
     */
    static void schedule(DeadlineManager deadlines, DeadlinePolicy policy, LocalDate deadline, LocalDate today) {
        List<Integer> days = new ArrayList<>(new LinkedHashSet<>(policy.warningDays()));
        days.sort(null);
        boolean pastWarningRaised = false;
        for (int before : days) {
            if (deadline.minusDays(before).isAfter(today)) {
                deadlines.schedule(DeadlinePolicy.warningAt(deadline, before), WARNING,
                        new DeadlineDue(deadline, before));
            } else if (!pastWarningRaised) {
                pastWarningRaised = true;
                deadlines.schedule(DeadlinePolicy.warningAt(deadline, before), WARNING,
                        new DeadlineDue(deadline, (int) ChronoUnit.DAYS.between(today, deadline)));
            }
        }
        deadlines.schedule(DeadlinePolicy.overdueAt(deadline), OVERDUE, new DeadlineDue(deadline, -1));
        deadlines.schedule(DeadlinePolicy.overdueAt(deadline).plus(policy.escalateAfter()), ESCALATION,
                new DeadlineDue(deadline, -1));
    }

    static void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(WARNING);
        deadlines.cancelAllWithinScope(OVERDUE);
        deadlines.cancelAllWithinScope(ESCALATION);
    }
}
