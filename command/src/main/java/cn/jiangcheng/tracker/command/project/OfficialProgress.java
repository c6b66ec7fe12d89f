package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** A project's progress, investment and milestones as the approved reports state them; nothing else moves them. */
final class OfficialProgress {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BigDecimal progress = BigDecimal.ZERO;
    private BigDecimal investmentCompleted = BigDecimal.ZERO;
    private String lastApprovedPeriod;
    private final Set<String> reachedMilestones = new HashSet<>();

    BigDecimal progress() {
        return progress;
    }

    BigDecimal investmentCompleted() {
        return investmentCompleted;
    }

    /** The month of the last approved report (2026-03), null before the first. */
    String lastApprovedPeriod() {
        return lastApprovedPeriod;
    }

    Set<String> reachedMilestones() {
        return Set.copyOf(reachedMilestones);
    }

    boolean hasReached(String milestoneId) {
        return reachedMilestones.contains(milestoneId);
    }

    boolean isComplete() {
        return progress.compareTo(HUNDRED) >= 0;
    }

    void approved(String period, UpdateContent content) {
        progress = content.progress();
        investmentCompleted = content.investmentCompleted();
        lastApprovedPeriod = period;
        content.milestonesReached().forEach(m -> reachedMilestones.add(m.milestoneId()));
    }
}
