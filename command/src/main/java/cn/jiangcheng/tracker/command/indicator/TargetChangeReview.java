package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeProposed;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Kind;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.Check;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Four eyes on an indicator's targets: one approver proposes a change with its reason and source document, another
 * confirms or rejects it, the proposer may withdraw it. One proposal is open at a time; proposal ids are used once.
 */
final class TargetChangeReview {
    private final Set<String> proposalIds = new HashSet<>();
    private Proposal open;

    static void requireApprover(Actor actor) {
        Check.that(actor.has(Role.APPROVER) && actor.userId() != null, "NOT_APPROVER", "只有审核人可以调整目标");
    }

    /** A new proposal while none is open, with its reason and source document. */
    Source newProposal(String proposalId, String reason, String documentNumber, String documentTitle) {
        Check.that(proposalId != null && !proposalId.isBlank() && !proposalIds.contains(proposalId),
                "BAD_PROPOSAL_ID", "目标调整编号无效");
        if (open != null) {
            throw new BusinessRuleViolation("PROPOSAL_OPEN", "该指标已有待确认的目标调整（" + open.id() + "，"
                    + open.proposedByName() + "提出），请先确认、驳回或撤回");
        }
        return Source.of(reason, documentNumber, documentTitle);
    }

    /** The open proposal a decision names. */
    Proposal open(String proposalId) {
        if (proposalId == null || !proposalIds.contains(proposalId)) {
            throw new NotFoundInScope("未找到该目标调整");
        }
        Check.that(open != null && open.id().equals(proposalId), "PROPOSAL_CLOSED", "该目标调整已确认、驳回或撤回");
        return open;
    }

    void proposed(TargetChangeProposed event, Actor proposer) {
        proposalIds.add(event.proposalId());
        open = new Proposal(event.proposalId(), event.kind(), event.year(), event.value(),
                event.oldTargets(), event.newTargets(), event.reason(), event.documentNumber(),
                event.documentTitle(), proposer.userId(),
                proposer.userName() == null ? proposer.userId() : proposer.userName());
    }

    /** Confirmed, rejected or withdrawn. */
    void closed() {
        open = null;
    }

    /** The reason and source document every target change needs. */
    record Source(String reason, String documentNumber, String documentTitle) {
        static Source of(String reason, String documentNumber, String documentTitle) {
            return new Source(Check.text(reason, 500, "调整理由"), Check.text(documentNumber, 60, "文号"),
                    Check.text(documentTitle, 200, "文件标题"));
        }
    }

    /** proposedBy is a user id, from the metadata of the proposing event. */
    record Proposal(String id, Kind kind, Integer year, BigDecimal value, List<Target> oldTargets,
                    List<Target> newTargets, String reason, String documentNumber, String documentTitle,
                    String proposedBy, String proposedByName) {

        /** Confirming or rejecting takes an approver other than the proposer. */
        void requireSecondApprover(Actor actor, String message) {
            Check.that(!actor.is(proposedBy), "SAME_APPROVER", message);
        }

        void requireProposer(Actor actor) {
            Check.that(actor.is(proposedBy), "NOT_PROPOSER", "只有提出人可以撤回该提议");
        }
    }
}
