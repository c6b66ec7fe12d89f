package cn.jiangcheng.tracker.api.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The four-eyes path of a target change: one approver proposes it with its reason and source document (文号, 标题),
 * a second approver confirms it, and only then does it take effect.
 */
public final class TargetProposals {
    private TargetProposals() {
    }

    /** PLAN_TARGETS replaces the target list; PROVINCIAL_TARGET fills in one year's 完成省下达目标. */
    public enum Kind { PLAN_TARGETS, PROVINCIAL_TARGET }

    public enum Status { OPEN, CONFIRMED, REJECTED, WITHDRAWN }

    /** The target history of one indicator; empty lists for an unknown indicator. */
    public record FindTargetHistory(String indicatorId) {
    }

    /** The open proposals of one city, oldest first. */
    public record FindOpenTargetProposals(String cityId) {
    }

    /**
     * One proposal with its outcome: old → new targets, why and on which document, who proposed it and who decided
     * (confirmed, rejected or withdrew) it. decisionReason is the reason of a rejection.
     */
    public record ProposalView(String proposalId, String indicatorId, String cityId, Kind kind, Status status,
                               Integer year, BigDecimal value, List<Target> oldTargets, List<Target> newTargets,
                               String reason, String documentNumber, String documentTitle,
                               String proposedBy, String proposedByName, Instant proposedAt,
                               String decidedBy, String decidedByName, Instant decidedAt, String decisionReason) {
    }

    /** The open proposal (or null), the confirmed changes and the rejected or withdrawn ones, newest first. */
    public record TargetHistory(ProposalView openProposal, List<ProposalView> confirmed, List<ProposalView> closed) {
    }

    /** Wrapper so the query bus can carry a list with its element type. */
    public record ProposalList(List<ProposalView> proposals) {
    }
}
