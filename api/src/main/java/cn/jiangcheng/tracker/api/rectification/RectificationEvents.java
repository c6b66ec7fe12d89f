package cn.jiangcheng.tracker.api.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;

import java.time.LocalDate;
import java.util.List;

/** What happened to a 督察整改 case. Deadline events (warning, overdue, escalation) are raised by the system. */
public final class RectificationEvents {
    private RectificationEvents() {
    }

    public record CaseRegistered(String caseId, String cityId, Source source, String round, String batch,
                                 String problemNumber, String complaintNumber, Channel channel,
                                 ProblemClass problemClass, String description, String location,
                                 String responsibleUnitId, List<String> cooperatingUnitIds, LocalDate deadline,
                                 String requirements, LocalDate registeredOn) {
    }

    public record CaseAcknowledged(String caseId) {
    }

    public record PlanSubmitted(String caseId, String measures, List<Milestone> milestones,
                                String responsiblePerson) {
    }

    public record PlanReturned(String caseId, String reason) {
    }

    public record ProgressReported(String caseId, String progress, Integer percent) {
    }

    public record CaseEvidenceAttached(String caseId, Evidence evidence) {
    }

    public record AcceptanceRequested(String caseId, String selfCheck, Outcome outcome) {
    }

    /**
     * onTime: accepted on or before the deadline day. The publicity (公示) runs publicityDays days from acceptedOn;
     * the case may be closed from closableFrom on (acceptedOn itself when there is no publicity).
     */
    public record CaseAccepted(String caseId, String siteCheck, LocalDate acceptedOn, int publicityDays,
                               LocalDate closableFrom, boolean onTime) {
    }

    public record AcceptanceRejected(String caseId, String siteCheck, String reason) {
    }

    public record CaseClosed(String caseId, String comment, LocalDate closedOn, boolean onTime) {
    }

    public record CaseReopened(String caseId, String reason, LocalDate newDeadline) {
    }

    public record ExtensionRequested(String caseId, String requestId, String reason, LocalDate currentDeadline,
                                     LocalDate newDeadline) {
    }

    public record ExtensionApproved(String caseId, String requestId, String comment, LocalDate previousDeadline,
                                    LocalDate newDeadline) {
    }

    public record ExtensionDenied(String caseId, String requestId, String reason) {
    }

    /** 临期预警: daysLeft days remain until the end of the deadline day. */
    public record DeadlineWarningIssued(String caseId, LocalDate deadline, int daysLeft) {
    }

    /** 超期: the deadline day ended before the case was accepted. */
    public record CaseOverdue(String caseId, LocalDate deadline) {
    }

    /** 挂牌督办: the case stayed overdue for too long. */
    public record CaseEscalated(String caseId, LocalDate deadline) {
    }
}
