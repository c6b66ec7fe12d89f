package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AcceptCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AcknowledgeCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ApproveExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AttachCaseEvidence;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.CloseCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.DenyExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RegisterCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RejectAcceptance;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ReopenCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ReportProgress;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RequestAcceptance;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RequestExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ReturnPlan;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.SubmitPlan;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRejected;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAccepted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAcknowledged;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseClosed;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEscalated;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEvidenceAttached;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseOverdue;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseRegistered;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseReopened;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.DeadlineWarningIssued;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionApproved;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionDenied;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanReturned;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanSubmitted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ProgressReported;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.DeadlinePolicy;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.BusinessDay;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import cn.jiangcheng.tracker.command.common.VersionGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One 督察整改 case, from 交办 to 销号 (and 回头看). The inspector assigns, verifies and closes; only the
 * responsible unit's submitters acknowledge, plan, report and apply for acceptance. The deadline manager warns
 * before the deadline, marks the case overdue after it and escalates it to 挂牌督办 when it stays overdue. Nobody
 * decides on a step they made themselves ({@link CaseMakers}).
 *
 * <p>Deadline handlers may run twice (a cancelled deadline that still fires, a retry after a crash): each one
 * checks that the case still waits for rectification under the same deadline and that it has not already
 * recorded the same fact, so a second run changes nothing.
 */
@Aggregate
public class RectificationCase {
    static final String NOT_FOUND = "未找到该整改案件";
    static final String WARNING = "rectification-warning";
    static final String OVERDUE = "rectification-overdue";
    static final String ESCALATION = "rectification-escalation";
    static final int MAX_EVIDENCE = 20;
    static final int MAX_PUBLICITY_DAYS = 30;

    /**
     * What a fired deadline is about; the deadline day tells stale deadlines (before an extension) apart. Stored
     * with every scheduled deadline, like the deadline names above: neither moves nor is renamed.
     */
    public record DeadlineDue(LocalDate deadline, int daysLeft) {
    }

    @AggregateIdentifier
    private String caseId;
    private String cityId;
    private String responsibleUnitId;
    private Source source;
    private Status status;
    private LocalDate closableFrom;
    private boolean acceptedOnTime;
    private int evidenceCount;
    private final DeadlineWatch watch = new DeadlineWatch();
    private final CaseMakers makers = new CaseMakers();

    protected RectificationCase() {
    }

    @CommandHandler
    public RectificationCase(RegisterCase command, MetaData metaData, DeadlineManager deadlines,
                             DeadlinePolicy policy, BusinessDay day) {
        Check.that(command.cityId() != null, "UNIT_NOT_IN_CITY", "责任单位不属于任何城市");
        TenantGuard.requireSameCity(metaData, command.cityId(), "未找到该单位");
        requireInspector(metaData);
        CaseRegistered registered = CaseContent.registration(command, day.today());
        apply(registered);
        // events applied in a constructor reach the state only after it returns: pass the deadline along
        CaseDeadlines.schedule(deadlines, policy, registered.deadline(), registered.registeredOn());
    }

    @CommandHandler
    public void handle(AcknowledgeCase command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        Check.status(status, "只有已交办、尚未签收的案件可以签收", Status.ASSIGNED);
        apply(new CaseAcknowledged(caseId));
    }

    @CommandHandler
    public void handle(SubmitPlan command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        Check.status(status, "签收后（或方案被退回后）才能提交整改方案", Status.ACKNOWLEDGED);
        apply(CaseContent.plan(caseId, command));
    }

    @CommandHandler
    public void handle(ReturnPlan command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        Check.status(status, "只有整改中的案件可以退回整改方案", Status.IN_PROGRESS);
        makers.requireNotPlanMaker(metaData);
        apply(new PlanReturned(caseId, Check.text(command.reason(), 500, "退回原因")));
    }

    @CommandHandler
    public void handle(ReportProgress command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        Check.status(status, "只有整改中的案件可以报送进展", Status.IN_PROGRESS);
        String progress = Check.text(command.progress(), 1000, "整改进展");
        Check.that(command.percent() == null || (command.percent() >= 0 && command.percent() <= 100),
                "OUT_OF_RANGE", "完成比例应在0到100之间");
        apply(new ProgressReported(caseId, progress, command.percent()));
    }

    @CommandHandler
    public void handle(AttachCaseEvidence command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        Check.status(status, "只有整改中的案件可以上传佐证材料", Status.IN_PROGRESS);
        Evidence evidence = command.evidence();
        Check.that(evidence != null && evidence.sha256() != null && evidence.sha256().matches("[0-9a-f]{64}"),
                "BAD_EVIDENCE", "佐证材料无效");
        Check.that(evidenceCount < MAX_EVIDENCE, "TOO_MANY_FILES", "每个案件最多上传" + MAX_EVIDENCE + "个佐证材料");
        apply(new CaseEvidenceAttached(caseId, evidence));
    }

    @CommandHandler
    public void handle(RequestAcceptance command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        Check.status(status, "只有整改中的案件可以申请验收", Status.IN_PROGRESS);
        Check.that(!watch.hasPendingExtension(), "EXTENSION_PENDING", "延期申请尚未审批，暂不能申请验收");
        Check.that(evidenceCount > 0, "NO_EVIDENCE", "申请验收前请上传整改佐证材料");
        apply(CaseContent.acceptanceRequest(caseId, source, command));
    }

    @CommandHandler
    public void handle(AcceptCase command, MetaData metaData, ConflictResolver conflicts,
                       DeadlineManager deadlines, BusinessDay day) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        Check.status(status, "只有待验收的案件可以验收", Status.ACCEPTANCE_REQUESTED);
        makers.requireNotAcceptanceMaker(metaData);
        String siteCheck = Check.text(command.siteCheck(), 1000, "现场核查情况");
        int days = command.publicityDays() == null ? 7 : command.publicityDays();
        Check.that(days >= 0 && days <= MAX_PUBLICITY_DAYS, "OUT_OF_RANGE",
                "公示天数应在0到" + MAX_PUBLICITY_DAYS + "天之间");
        LocalDate today = day.today();
        CaseDeadlines.cancel(deadlines);
        apply(new CaseAccepted(caseId, siteCheck, today, days, today.plusDays(days), !today.isAfter(watch.deadline())));
    }

    @CommandHandler
    public void handle(RejectAcceptance command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        Check.status(status, "只有待验收的案件可以退回", Status.ACCEPTANCE_REQUESTED);
        makers.requireNotAcceptanceMaker(metaData);
        apply(new AcceptanceRejected(caseId, Check.optionalText(command.siteCheck(), 1000, "现场核查情况"),
                Check.text(command.reason(), 500, "退回原因")));
    }

    @CommandHandler
    public void handle(CloseCase command, MetaData metaData, ConflictResolver conflicts, BusinessDay day) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        Check.status(status, "只有验收通过并公示的案件可以销号", Status.PUBLICITY);
        makers.requireNotAcceptanceMaker(metaData);
        LocalDate today = day.today();
        Check.that(!today.isBefore(closableFrom), "PUBLICITY_RUNNING", "公示期尚未结束，" + closableFrom + "起可以销号");
        apply(new CaseClosed(caseId, Check.optionalText(command.comment(), 500, "销号意见"), today, acceptedOnTime));
    }

    @CommandHandler
    public void handle(ReopenCase command, MetaData metaData, ConflictResolver conflicts,
                       DeadlineManager deadlines, DeadlinePolicy policy, BusinessDay day) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        Check.status(status, "只有已销号的案件可以回头看重新打开", Status.CLOSED);
        String reason = Check.text(command.reason(), 500, "重新打开原因");
        LocalDate today = day.today();
        CaseDeadlines.requireValid(command.newDeadline(), today, null);
        apply(new CaseReopened(caseId, reason, command.newDeadline()));
        CaseDeadlines.schedule(deadlines, policy, command.newDeadline(), today);
    }

    @CommandHandler
    public String handle(RequestExtension command, MetaData metaData, ConflictResolver conflicts, BusinessDay day) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        Check.status(status, "只有已签收、尚未申请验收的案件可以申请延期", Status.ACKNOWLEDGED, Status.IN_PROGRESS);
        Check.that(!watch.hasPendingExtension(), "EXTENSION_PENDING", "已有一项延期申请正在审批");
        Check.that(watch.isNewExtension(command.requestId()), "BAD_REQUEST_ID", "延期申请编号无效");
        LocalDate today = day.today();
        Check.that(!today.isAfter(watch.deadline()), "DEADLINE_PASSED", "整改时限已过，不能再申请延期");
        String reason = Check.text(command.reason(), 500, "延期理由");
        CaseDeadlines.requireValid(command.newDeadline(), today, watch.deadline());
        apply(new ExtensionRequested(caseId, command.requestId(), reason, watch.deadline(),
                command.newDeadline()));
        return command.requestId();
    }

    @CommandHandler
    public void handle(ApproveExtension command, MetaData metaData, ConflictResolver conflicts,
                       DeadlineManager deadlines, DeadlinePolicy policy, BusinessDay day) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requirePending(command.requestId());
        makers.requireNotExtensionMaker(metaData);
        LocalDate newDeadline = watch.requestedDeadline();
        CaseDeadlines.cancel(deadlines);
        apply(new ExtensionApproved(caseId, command.requestId(), Check.optionalText(command.comment(), 500, "审批意见"),
                watch.deadline(), newDeadline));
        CaseDeadlines.schedule(deadlines, policy, newDeadline, day.today());
    }

    @CommandHandler
    public void handle(DenyExtension command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requirePending(command.requestId());
        makers.requireNotExtensionMaker(metaData);
        apply(new ExtensionDenied(caseId, command.requestId(), Check.text(command.reason(), 500, "不予延期理由")));
    }

    // ---------------------------------------------------------------- deadlines

    @DeadlineHandler(deadlineName = WARNING)
    void onWarning(DeadlineDue due) {
        if (awaitingRectification() && watch.warns(due)) {
            apply(new DeadlineWarningIssued(caseId, watch.deadline(), due.daysLeft()));
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE)
    void onOverdue(DeadlineDue due) {
        if (awaitingRectification() && watch.turnsOverdue(due)) {
            apply(new CaseOverdue(caseId, watch.deadline()));
        }
    }

    @DeadlineHandler(deadlineName = ESCALATION)
    void onEscalation(DeadlineDue due) {
        if (awaitingRectification() && watch.escalates(due)) {
            if (!watch.isOverdue()) {
                apply(new CaseOverdue(caseId, watch.deadline()));
            }
            apply(new CaseEscalated(caseId, watch.deadline()));
        }
    }

    // ---------------------------------------------------------------- rules

    private void requirePending(String requestId) {
        Check.that(watch.isPendingExtension(requestId), "NO_PENDING_EXTENSION",
                "该延期申请不存在或已审批");
        Check.that(awaitingRectification(), "WRONG_STATUS", "该案件已不在整改阶段");
    }

    private boolean awaitingRectification() {
        return status == Status.ASSIGNED || status == Status.ACKNOWLEDGED || status == Status.IN_PROGRESS
                || status == Status.ACCEPTANCE_REQUESTED;
    }

    /** Inspectors assign, verify and decide; auditors, approvers and administrators only look. */
    private static void requireInspector(MetaData metaData) {
        Check.that(Actor.of(metaData).isSystemOrHas(Role.INSPECTOR), "NOT_INSPECTOR", "只有督察员可以办理此事项");
    }

    /** Cooperating units see the case but answer for nothing: only the responsible unit's submitters act. */
    private void requireResponsibleUnit(MetaData metaData) {
        Check.that(Actor.of(metaData).isSystemOrActsAs(Role.SUBMITTER, responsibleUnitId), "NOT_RESPONSIBLE_UNIT",
                "只有责任单位的填报员可以办理此事项");
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(CaseRegistered event) {
        caseId = event.caseId();
        cityId = event.cityId();
        responsibleUnitId = event.responsibleUnitId();
        source = event.source();
        watch.startAt(event.deadline());
        status = Status.ASSIGNED;
    }

    @EventSourcingHandler
    void on(CaseAcknowledged event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(PlanSubmitted event, MetaData metaData) {
        makers.planSubmitted(metaData);
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(PlanReturned event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(ProgressReported event, MetaData metaData) {
        makers.rectified(metaData);
    }

    @EventSourcingHandler
    void on(CaseEvidenceAttached event, MetaData metaData) {
        makers.rectified(metaData);
        evidenceCount++;
    }

    @EventSourcingHandler
    void on(AcceptanceRequested event, MetaData metaData) {
        makers.rectified(metaData);
        status = Status.ACCEPTANCE_REQUESTED;
    }

    @EventSourcingHandler
    void on(CaseAccepted event) {
        status = Status.PUBLICITY;
        closableFrom = event.closableFrom();
        acceptedOnTime = event.onTime();
    }

    @EventSourcingHandler
    void on(AcceptanceRejected event) {
        makers.rectificationDecided();
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        makers.rectificationDecided();
        status = Status.IN_PROGRESS;
        watch.restartAt(event.newDeadline());
    }

    @EventSourcingHandler
    void on(ExtensionRequested event, MetaData metaData) {
        makers.extensionRequested(metaData);
        watch.extensionRequested(event.requestId(), event.newDeadline());
    }

    @EventSourcingHandler
    void on(ExtensionApproved event) {
        watch.extendTo(event.newDeadline());
    }

    @EventSourcingHandler
    void on(ExtensionDenied event) {
        watch.extensionDenied();
    }

    @EventSourcingHandler
    void on(DeadlineWarningIssued event) {
        watch.warned(event.daysLeft());
    }

    @EventSourcingHandler
    void on(CaseOverdue event) {
        watch.markOverdue();
    }

    @EventSourcingHandler
    void on(CaseEscalated event) {
        watch.markEscalated();
    }
}
