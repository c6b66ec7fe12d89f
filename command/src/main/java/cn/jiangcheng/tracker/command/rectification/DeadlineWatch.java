package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.command.rectification.RectificationCase.DeadlineDue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * A case's current 整改时限, its 延期申请, and what was already recorded against the 时限 (warnings, 超期, 挂牌督办),
 * so a deadline that fires twice, or one scheduled for an earlier 时限, changes nothing.
 */
final class DeadlineWatch {
    private LocalDate deadline;
    private final Set<Integer> warningsIssued = new HashSet<>();
    private boolean overdue;
    private boolean escalated;
    private String pendingExtensionId;
    private LocalDate requestedDeadline;
    private final Set<String> extensionIds = new HashSet<>();

    LocalDate deadline() {
        return deadline;
    }

    boolean isOverdue() {
        return overdue;
    }

    boolean hasPendingExtension() {
        return pendingExtensionId != null;
    }

    /** Request ids are the client's: each may be used once in the life of the case. */
    boolean isNewExtension(String requestId) {
        return requestId != null && !extensionIds.contains(requestId);
    }

    boolean isPendingExtension(String requestId) {
        return requestId != null && requestId.equals(pendingExtensionId);
    }

    LocalDate requestedDeadline() {
        return requestedDeadline;
    }

    /** A warning is raised once per day count, and never once the case is overdue or a nearer one was raised. */
    boolean warns(DeadlineDue due) {
        return isCurrent(due) && !overdue && warningsIssued.stream().noneMatch(d -> d <= due.daysLeft());
    }

    boolean turnsOverdue(DeadlineDue due) {
        return isCurrent(due) && !overdue;
    }

    boolean escalates(DeadlineDue due) {
        return isCurrent(due) && !escalated;
    }

    private boolean isCurrent(DeadlineDue due) {
        return due.deadline().equals(deadline);
    }

    void extensionRequested(String requestId, LocalDate newDeadline) {
        pendingExtensionId = requestId;
        requestedDeadline = newDeadline;
        extensionIds.add(requestId);
    }

    void extensionDenied() {
        pendingExtensionId = null;
    }

    void startAt(LocalDate newDeadline) {
        deadline = newDeadline;
    }

    /** An approved extension: warnings and 超期 start again, 挂牌督办 stays with the case until it is closed. */
    void extendTo(LocalDate newDeadline) {
        pendingExtensionId = null;
        moveTo(newDeadline);
    }

    /** 回头看 starts a new rectification: the escalation of the first round does not carry over either. */
    void restartAt(LocalDate newDeadline) {
        moveTo(newDeadline);
        escalated = false;
    }

    private void moveTo(LocalDate newDeadline) {
        deadline = newDeadline;
        warningsIssued.clear();
        overdue = false;
    }

    void warned(int daysLeft) {
        warningsIssued.add(daysLeft);
    }

    void markOverdue() {
        overdue = true;
    }

    void markEscalated() {
        escalated = true;
    }
}
