package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
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
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;
import cn.jiangcheng.tracker.command.common.Rules;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One 督察整改 case, from 交办 to 销号 (and 回头看). The inspector assigns, verifies and closes; only the
 * responsible unit's submitters acknowledge, plan, report and apply for acceptance. The deadline manager warns
 * before the deadline, marks the case overdue after it and escalates it to 挂牌督办 when it stays overdue.
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
    static final int MAX_COOPERATING = 10;
    static final int MAX_MILESTONES = 20;
    /** Feedback is usually rectified within months; years-away deadlines are typing mistakes. */
    static final int MAX_YEARS_AHEAD = 5;
    static final int MAX_PUBLICITY_DAYS = 30;
    private static final Pattern COMPLAINT_NUMBER = Pattern.compile("[A-Z0-9]{6,30}");

    /** What a fired deadline is about; the deadline day tells stale deadlines (before an extension) apart. */
    public record DeadlineDue(LocalDate deadline, int daysLeft) {
    }

    @AggregateIdentifier
    private String caseId;
    private String cityId;
    private String responsibleUnitId;
    private Source source;
    private Status status;
    private LocalDate deadline;
    private LocalDate closableFrom;
    private boolean acceptedOnTime;
    private int evidenceCount;
    private String pendingExtensionId;
    private LocalDate requestedDeadline;
    private final Set<String> extensionIds = new HashSet<>();
    private final Set<Integer> warningsIssued = new HashSet<>();
    private boolean overdue;
    private boolean escalated;

    protected RectificationCase() {
    }

    @CommandHandler
    public RectificationCase(RegisterCase command, MetaData metaData, DeadlineManager deadlines,
                             DeadlinePolicy policy) {
        Rules.require(command.cityId() != null, "UNIT_NOT_IN_CITY", "责任单位不属于任何城市");
        TenantGuard.requireSameCity(metaData, command.cityId(), "未找到该单位");
        requireInspector(metaData);
        Rules.require(command.source() != null, "REQUIRED", "问题来源不能为空");
        Rules.require(command.problemClass() != null, "REQUIRED", "问题类别不能为空");
        String round = optionalText(command.round(), 40, "督察轮次");
        String batch = optionalText(command.batch(), 40, "批次");
        String problemNumber = optionalText(command.problemNumber(), 40, "问题编号");
        String complaintNumber = optionalText(command.complaintNumber(), 30, "信访件编号");
        if (command.source().isInspection()) {
            Rules.require(round != null, "REQUIRED", "督察反馈问题须填写督察轮次");
            Rules.require(problemNumber != null, "REQUIRED", "督察反馈问题须填写问题编号");
        }
        if (command.source() == Source.COMPLAINT) {
            Rules.require(complaintNumber != null, "REQUIRED", "信访举报案件须填写信访件编号");
            Rules.require(COMPLAINT_NUMBER.matcher(complaintNumber).matches(), "BAD_NUMBER",
                    "信访件编号只能由大写字母和数字组成（6—30位），如 D3SX202505280018");
            Rules.require(command.channel() != null, "REQUIRED", "信访举报案件须填写举报方式");
        } else {
            Rules.require(complaintNumber == null && command.channel() == null, "NOT_A_COMPLAINT",
                    "只有信访举报案件填写信访件编号和举报方式");
        }
        String description = Rules.requireText(command.description(), 2000, "问题描述");
        String location = Rules.requireText(command.location(), 200, "问题地点");
        String requirements = Rules.requireText(command.requirements(), 2000, "整改要求");
        Rules.require(command.responsibleUnitId() != null, "REQUIRED", "责任单位不能为空");
        List<String> cooperating = cooperatingUnits(command);
        Rules.require(command.today() != null, "NO_DATE", "缺少当前日期");
        requireDeadline(command.deadline(), command.today(), null);
        apply(new CaseRegistered(command.caseId(), command.cityId(), command.source(), round, batch,
                problemNumber, complaintNumber, command.channel(), command.problemClass(), description, location,
                command.responsibleUnitId(), cooperating, command.deadline(), requirements, command.today()));
        // events applied in a constructor reach the state only after it returns: pass the deadline along
        scheduleDeadlines(deadlines, policy, command.deadline(), command.today());
    }

    @CommandHandler
    public void handle(AcknowledgeCase command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        requireStatus("只有已交办、尚未签收的案件可以签收", Status.ASSIGNED);
        apply(new CaseAcknowledged(caseId));
    }

    @CommandHandler
    public void handle(SubmitPlan command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        requireStatus("签收后（或方案被退回后）才能提交整改方案", Status.ACKNOWLEDGED);
        String measures = Rules.requireText(command.measures(), 2000, "整改措施");
        String person = Rules.requireText(command.responsiblePerson(), 60, "整改责任人");
        List<Milestone> milestones = command.milestones() == null ? List.of() : command.milestones();
        Rules.require(milestones.size() <= MAX_MILESTONES, "TOO_MANY", "整改节点最多" + MAX_MILESTONES + "个");
        List<Milestone> clean = new ArrayList<>();
        for (Milestone m : milestones) {
            Rules.require(m != null && m.dueOn() != null, "REQUIRED", "整改节点须填写完成日期");
            clean.add(new Milestone(m.dueOn(), Rules.requireText(m.description(), 200, "整改节点内容")));
        }
        apply(new PlanSubmitted(caseId, measures, List.copyOf(clean), person));
    }

    @CommandHandler
    public void handle(ReturnPlan command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requireStatus("只有整改中的案件可以退回整改方案", Status.IN_PROGRESS);
        apply(new PlanReturned(caseId, Rules.requireText(command.reason(), 500, "退回原因")));
    }

    @CommandHandler
    public void handle(ReportProgress command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        requireStatus("只有整改中的案件可以报送进展", Status.IN_PROGRESS);
        String progress = Rules.requireText(command.progress(), 1000, "整改进展");
        Rules.require(command.percent() == null || (command.percent() >= 0 && command.percent() <= 100),
                "OUT_OF_RANGE", "完成比例应在0到100之间");
        apply(new ProgressReported(caseId, progress, command.percent()));
    }

    @CommandHandler
    public void handle(AttachCaseEvidence command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        requireStatus("只有整改中的案件可以上传佐证材料", Status.IN_PROGRESS);
        Evidence evidence = command.evidence();
        Rules.require(evidence != null && evidence.sha256() != null && evidence.sha256().matches("[0-9a-f]{64}"),
                "BAD_EVIDENCE", "佐证材料无效");
        Rules.require(evidenceCount < MAX_EVIDENCE, "TOO_MANY_FILES", "每个案件最多上传" + MAX_EVIDENCE + "个佐证材料");
        apply(new CaseEvidenceAttached(caseId, evidence));
    }

    @CommandHandler
    public void handle(RequestAcceptance command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        requireStatus("只有整改中的案件可以申请验收", Status.IN_PROGRESS);
        Rules.require(pendingExtensionId == null, "EXTENSION_PENDING", "延期申请尚未审批，暂不能申请验收");
        Rules.require(evidenceCount > 0, "NO_EVIDENCE", "申请验收前请上传整改佐证材料");
        String selfCheck = Rules.requireText(command.selfCheck(), 2000, "自查情况");
        Outcome outcome = command.outcome();
        if (source == Source.COMPLAINT) {
            Rules.require(outcome != null, "REQUIRED", "信访举报案件须填写办理结果");
        } else {
            Rules.require(outcome == null, "NOT_A_COMPLAINT", "只有信访举报案件填写办理结果");
        }
        apply(new AcceptanceRequested(caseId, selfCheck, outcome));
    }

    @CommandHandler
    public void handle(AcceptCase command, MetaData metaData, ConflictResolver conflicts,
                       DeadlineManager deadlines) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requireStatus("只有待验收的案件可以验收", Status.ACCEPTANCE_REQUESTED);
        String siteCheck = Rules.requireText(command.siteCheck(), 1000, "现场核查情况");
        int days = command.publicityDays() == null ? 7 : command.publicityDays();
        Rules.require(days >= 0 && days <= MAX_PUBLICITY_DAYS, "OUT_OF_RANGE",
                "公示天数应在0到" + MAX_PUBLICITY_DAYS + "天之间");
        Rules.require(command.today() != null, "NO_DATE", "缺少当前日期");
        cancelDeadlines(deadlines);
        apply(new CaseAccepted(caseId, siteCheck, command.today(), days, command.today().plusDays(days),
                !command.today().isAfter(deadline)));
    }

    @CommandHandler
    public void handle(RejectAcceptance command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requireStatus("只有待验收的案件可以退回", Status.ACCEPTANCE_REQUESTED);
        apply(new AcceptanceRejected(caseId, optionalText(command.siteCheck(), 1000, "现场核查情况"),
                Rules.requireText(command.reason(), 500, "退回原因")));
    }

    @CommandHandler
    public void handle(CloseCase command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requireStatus("只有验收通过并公示的案件可以销号", Status.PUBLICITY);
        Rules.require(command.today() != null, "NO_DATE", "缺少当前日期");
        Rules.require(!command.today().isBefore(closableFrom), "PUBLICITY_RUNNING",
                "公示期尚未结束，" + closableFrom + "起可以销号");
        apply(new CaseClosed(caseId, optionalText(command.comment(), 500, "销号意见"), command.today(),
                acceptedOnTime));
    }

    @CommandHandler
    public void handle(ReopenCase command, MetaData metaData, ConflictResolver conflicts,
                       DeadlineManager deadlines, DeadlinePolicy policy) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requireStatus("只有已销号的案件可以回头看重新打开", Status.CLOSED);
        String reason = Rules.requireText(command.reason(), 500, "重新打开原因");
        Rules.require(command.today() != null, "NO_DATE", "缺少当前日期");
        requireDeadline(command.newDeadline(), command.today(), null);
        apply(new CaseReopened(caseId, reason, command.newDeadline()));
        scheduleDeadlines(deadlines, policy, command.newDeadline(), command.today());
    }

    @CommandHandler
    public String handle(RequestExtension command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireResponsibleUnit(metaData);
        requireStatus("只有已签收、尚未申请验收的案件可以申请延期", Status.ACKNOWLEDGED, Status.IN_PROGRESS);
        Rules.require(pendingExtensionId == null, "EXTENSION_PENDING", "已有一项延期申请正在审批");
        Rules.require(command.requestId() != null && !extensionIds.contains(command.requestId()), "BAD_REQUEST_ID",
                "延期申请编号无效");
        Rules.require(command.today() != null, "NO_DATE", "缺少当前日期");
        Rules.require(!command.today().isAfter(deadline), "DEADLINE_PASSED", "整改时限已过，不能再申请延期");
        String reason = Rules.requireText(command.reason(), 500, "延期理由");
        requireDeadline(command.newDeadline(), command.today(), deadline);
        apply(new ExtensionRequested(caseId, command.requestId(), reason, deadline, command.newDeadline()));
        return command.requestId();
    }

    @CommandHandler
    public void handle(ApproveExtension command, MetaData metaData, ConflictResolver conflicts,
                       DeadlineManager deadlines, DeadlinePolicy policy) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requirePending(command.requestId());
        Rules.require(command.today() != null, "NO_DATE", "缺少当前日期");
        LocalDate newDeadline = requestedDeadline;
        cancelDeadlines(deadlines);
        apply(new ExtensionApproved(caseId, command.requestId(), optionalText(command.comment(), 500, "审批意见"),
                deadline, newDeadline));
        scheduleDeadlines(deadlines, policy, newDeadline, command.today());
    }

    @CommandHandler
    public void handle(DenyExtension command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireInspector(metaData);
        requirePending(command.requestId());
        apply(new ExtensionDenied(caseId, command.requestId(), Rules.requireText(command.reason(), 500, "不予延期理由")));
    }

    // ---------------------------------------------------------------- deadlines

    @DeadlineHandler(deadlineName = WARNING)
    void onWarning(DeadlineDue due) {
        if (awaitingRectification() && due.deadline().equals(deadline) && !overdue
                && warningsIssued.stream().noneMatch(d -> d <= due.daysLeft())) {
            apply(new DeadlineWarningIssued(caseId, deadline, due.daysLeft()));
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE)
    void onOverdue(DeadlineDue due) {
        if (awaitingRectification() && due.deadline().equals(deadline) && !overdue) {
            apply(new CaseOverdue(caseId, deadline));
        }
    }

    @DeadlineHandler(deadlineName = ESCALATION)
    void onEscalation(DeadlineDue due) {
        if (awaitingRectification() && due.deadline().equals(deadline) && !escalated) {
            if (!overdue) {
                apply(new CaseOverdue(caseId, deadline));
            }
            apply(new CaseEscalated(caseId, deadline));
        }
    }

    /**
     * Warnings still ahead are scheduled for the start of their day; of the warnings already due only the
     * nearest is raised at once (a case assigned five days before its deadline is warned now, once). The
     * escalation is scheduled from the overdue moment, so an extension moves all of them together.
     */
    private static void scheduleDeadlines(DeadlineManager deadlines, DeadlinePolicy policy, LocalDate deadline,
                                          LocalDate today) {
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

    private static void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(WARNING);
        deadlines.cancelAllWithinScope(OVERDUE);
        deadlines.cancelAllWithinScope(ESCALATION);
    }

    // ---------------------------------------------------------------- rules

    private List<String> cooperatingUnits(RegisterCase command) {
        List<String> units = command.cooperatingUnitIds() == null ? List.of() : command.cooperatingUnitIds();
        Rules.require(units.size() <= MAX_COOPERATING, "TOO_MANY", "配合单位最多" + MAX_COOPERATING + "个");
        Rules.require(units.stream().allMatch(Objects::nonNull) && new HashSet<>(units).size() == units.size(),
                "DUPLICATE_UNIT", "配合单位不能重复");
        Rules.require(!units.contains(command.responsibleUnitId()), "DUPLICATE_UNIT", "责任单位不能同时是配合单位");
        return List.copyOf(units);
    }

    /** A deadline lies between today (or after the current one, for an extension) and five years ahead. */
    private static void requireDeadline(LocalDate newDeadline, LocalDate today, LocalDate current) {
        Rules.require(newDeadline != null, "REQUIRED", "整改时限不能为空");
        Rules.require(!newDeadline.isBefore(today), "DEADLINE_IN_PAST", "整改时限不能早于今天");
        if (current != null) {
            Rules.require(newDeadline.isAfter(current), "DEADLINE_NOT_LATER", "延期后的时限须晚于现有整改时限");
        }
        Rules.require(!newDeadline.isAfter(today.plusYears(MAX_YEARS_AHEAD)), "OUT_OF_RANGE",
                "整改时限不能晚于" + MAX_YEARS_AHEAD + "年之后");
    }

    private void requirePending(String requestId) {
        Rules.require(requestId != null && requestId.equals(pendingExtensionId), "NO_PENDING_EXTENSION",
                "该延期申请不存在或已审批");
        Rules.require(awaitingRectification(), "WRONG_STATUS", "该案件已不在整改阶段");
    }

    private boolean awaitingRectification() {
        return status == Status.ASSIGNED || status == Status.ACKNOWLEDGED || status == Status.IN_PROGRESS
                || status == Status.ACCEPTANCE_REQUESTED;
    }

    /** As on reports: a decision taken on an outdated screen is refused before any rule is checked. */

    /** Inspectors assign, verify and decide; auditors, approvers and administrators only look. */
    private static void requireInspector(MetaData metaData) {
        if (AuditKeys.SYSTEM_USER.equals(metaData.get(AuditKeys.USER_ID))) {
            return;
        }
        Rules.require(hasRole(metaData, "INSPECTOR"), "NOT_INSPECTOR", "只有督察员可以办理此事项");
    }

    /** Cooperating units see the case but answer for nothing: only the responsible unit's submitters act. */
    private void requireResponsibleUnit(MetaData metaData) {
        if (AuditKeys.SYSTEM_USER.equals(metaData.get(AuditKeys.USER_ID))) {
            return;
        }
        Rules.require(Objects.equals(metaData.get(AuditKeys.ORG_UNIT_ID), responsibleUnitId)
                && hasRole(metaData, "SUBMITTER"), "NOT_RESPONSIBLE_UNIT", "只有责任单位的填报员可以办理此事项");
    }

    private static boolean hasRole(MetaData metaData, String role) {
        Object roles = metaData.get(AuditKeys.ROLES);
        return roles != null && Arrays.asList(roles.toString().split(",")).contains(role);
    }

    private void requireStatus(String message, Status... allowed) {
        Rules.require(Arrays.asList(allowed).contains(status), "WRONG_STATUS", message);
    }

    private static String optionalText(String text, int max, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Rules.requireText(text, max, label);
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(CaseRegistered event) {
        caseId = event.caseId();
        cityId = event.cityId();
        responsibleUnitId = event.responsibleUnitId();
        source = event.source();
        deadline = event.deadline();
        status = Status.ASSIGNED;
    }

    @EventSourcingHandler
    void on(CaseAcknowledged event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(PlanSubmitted event) {
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(PlanReturned event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(CaseEvidenceAttached event) {
        evidenceCount++;
    }

    @EventSourcingHandler
    void on(AcceptanceRequested event) {
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
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = Status.IN_PROGRESS;
        deadline = event.newDeadline();
        resetDeadlineFacts();
        // 回头看 starts a new rectification: the escalation of the first round does not carry over
        escalated = false;
    }

    @EventSourcingHandler
    void on(ExtensionRequested event) {
        pendingExtensionId = event.requestId();
        requestedDeadline = event.newDeadline();
        extensionIds.add(event.requestId());
    }

    @EventSourcingHandler
    void on(ExtensionApproved event) {
        pendingExtensionId = null;
        deadline = event.newDeadline();
        resetDeadlineFacts();
    }

    @EventSourcingHandler
    void on(ExtensionDenied event) {
        pendingExtensionId = null;
    }

    @EventSourcingHandler
    void on(DeadlineWarningIssued event) {
        warningsIssued.add(event.daysLeft());
    }

    @EventSourcingHandler
    void on(CaseOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(CaseEscalated event) {
        escalated = true;
    }

    /** 挂牌督办 stays with the case until it is closed: a new deadline does not lift it. */
    private void resetDeadlineFacts() {
        warningsIssued.clear();
        overdue = false;
    }
}
