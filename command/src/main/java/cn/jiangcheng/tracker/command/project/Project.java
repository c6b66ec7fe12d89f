package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ApproveProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectCommands.AttachProjectEvidence;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CancelProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CreateProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.EditProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReassignProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReturnProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectCommands.SubmitProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCancelled;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCreated;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEdited;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEvidenceAttached;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectReassigned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateApproved;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateReturned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateSubmitted;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ReportPolicy;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateStatus;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.BusinessDay;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.Makers;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import cn.jiangcheng.tracker.command.common.VersionGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One major project (重大工程) of 专栏2–9. The city bureau plans, assigns and cancels it; its lead unit reports
 * progress once per month; the bureau approves or returns each report, and only approved reports move the
 * project's official progress, investment and milestones ({@link OfficialProgress}). What a plan must say is
 * {@link PlanContent}'s, what a monthly report must say {@link ReportContent}'s; this class decides who may act when.
 */
@Aggregate
public class Project {
    static final String NOT_FOUND = "未找到该项目";
    static final int MAX_EVIDENCE_FILES = 200;

    @AggregateIdentifier
    private String projectId;
    private String cityId;
    private String approvalUnitId;
    private String leadUnitId;
    private ProjectPlan plan;
    private boolean cancelled;
    private final OfficialProgress official = new OfficialProgress();
    private String pendingUpdateId;
    private final Map<String, UpdateState> updates = new HashMap<>();
    /** fileId → sha256 of the files attached so far. */
    private final Map<String, String> evidenceFiles = new HashMap<>();

    private record UpdateState(int revision, UpdateStatus status, UpdateContent content) {
    }

    /**
     * The makers of the pending report: who attached the project's evidence since the last decision on a report,
     * and who submitted it. None of them approves or returns it; a decision starts the next report's list.
     */
    private final Makers reportMakers = new Makers();

    protected Project() {
    }

    @CommandHandler
    public Project(CreateProject command, MetaData metaData) {
        Check.that(command.cityId() != null, "UNIT_NOT_IN_CITY", "牵头单位不属于任何城市");
        TenantGuard.requireSameCity(metaData, command.cityId(), "未找到该单位");
        Check.that(command.approvalUnitId() != null, "NO_APPROVER", "本市尚未设立审核单位（市生态环境局）");
        requireDecider(metaData, command.approvalUnitId());
        List<String> cooperating = PlanContent.cooperatingUnits(command.leadUnitId(), command.cooperatingUnitIds());
        ProjectPlan checked = PlanContent.plan(command.plan(), Set.of());
        apply(new ProjectCreated(command.projectId(), command.cityId(), command.approvalUnitId(),
                command.leadUnitId(), cooperating, checked));
    }

    @CommandHandler
    public void handle(EditProject command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        requireActive();
        ProjectPlan checked = PlanContent.plan(command.plan(), official.reachedMilestones());
        Check.that(!checked.equals(plan), "UNCHANGED", "项目信息没有变化");
        apply(new ProjectEdited(projectId, checked));
    }

    @CommandHandler
    public void handle(ReassignProject command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        requireActive();
        List<String> cooperating = PlanContent.cooperatingUnits(command.leadUnitId(), command.cooperatingUnitIds());
        String reason = Check.text(command.reason(), 500, "调整原因");
        // the pending report belongs to the unit that wrote it; decide on it before handing the project over
        Check.that(pendingUpdateId == null || command.leadUnitId().equals(leadUnitId), "UPDATE_PENDING",
                "该项目有待审核的进展报告，请先审核后再调整牵头单位");
        apply(new ProjectReassigned(projectId, leadUnitId, command.leadUnitId(), cooperating, reason));
    }

    @CommandHandler
    public void handle(CancelProject command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        requireActive();
        apply(new ProjectCancelled(projectId, Check.text(command.reason(), 500, "取消原因")));
    }

    @CommandHandler
    public void handle(AttachProjectEvidence command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireLeadUnitSubmitter(metaData);
        requireActive();
        Evidence file = command.file();
        Check.that(file != null && file.fileId() != null && !file.fileId().isBlank(), "REQUIRED",
                "请选择要上传的文件");
        Check.that(file.sha256() != null && file.sha256().matches("[0-9a-f]{64}"), "BAD_HASH",
                "文件摘要（SHA-256）无效");
        Check.that(!evidenceFiles.containsKey(file.fileId()), "DUPLICATE_FILE", "该文件已上传");
        // the same bytes twice would be two names for one proof; the unit names the existing file instead
        Check.that(!evidenceFiles.containsValue(file.sha256()), "DUPLICATE_FILE",
                "相同内容的文件已上传过，请直接选用已上传的文件");
        Check.that(evidenceFiles.size() < MAX_EVIDENCE_FILES, "TOO_MANY_FILES",
                "每个项目最多上传" + MAX_EVIDENCE_FILES + "个证明文件");
        apply(new ProjectEvidenceAttached(projectId, leadUnitId, file));
    }

    @CommandHandler
    public void handle(SubmitProjectUpdate command, MetaData metaData, ConflictResolver conflicts,
                       BusinessDay day, ReportPolicy policy) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireLeadUnitSubmitter(metaData);
        requireActive();
        UpdateContent content = command.content();
        Check.that(content != null, "REQUIRED", "报告内容不能为空");
        LocalDate today = day.today();
        Period period = ReportContent.period(content, today);
        Check.that(pendingUpdateId == null, "UPDATE_PENDING",
                "上一期进展报告（" + pendingUpdateId + "）尚在审核中");
        String lastApprovedPeriod = official.lastApprovedPeriod();
        Check.that(lastApprovedPeriod == null || period.code().compareTo(lastApprovedPeriod) > 0,
                "PERIOD_COVERED", lastApprovedPeriod + "的报告已审核通过，只能报告之后的月份");
        UpdateContent checked = new ReportContent(plan, official, evidenceFiles.keySet())
                .checked(content, period, today, policy.investmentJumpShare());
        UpdateState previous = updates.get(period.code());
        int revision = previous == null ? 1 : previous.revision() + 1;
        apply(new ProjectUpdateSubmitted(projectId, period.code(), revision, leadUnitId, checked));
    }

    @CommandHandler
    public void handle(ApproveProjectUpdate command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        UpdateState update = requireUpdate(command.updateId());
        requireDecider(metaData, approvalUnitId);
        requireActive();
        Check.that(update.status() == UpdateStatus.SUBMITTED, "WRONG_STATUS", "只有待审核的进展报告可以审核通过");
        reportMakers.requireNoneOf(metaData);
        apply(new ProjectUpdateApproved(projectId, command.updateId(), update.revision(), update.content(),
                Check.optionalText(command.comment(), 500, "审核意见")));
    }

    @CommandHandler
    public void handle(ReturnProjectUpdate command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        UpdateState update = requireUpdate(command.updateId());
        requireDecider(metaData, approvalUnitId);
        requireActive();
        Check.that(update.status() == UpdateStatus.SUBMITTED, "WRONG_STATUS", "只有待审核的进展报告可以退回");
        reportMakers.requireNoneOf(metaData);
        apply(new ProjectUpdateReturned(projectId, command.updateId(), update.revision(),
                Check.text(command.reason(), 500, "退回原因")));
    }

    // ---------------------------------------------------------------- rules

    private void requireActive() {
        Check.that(!cancelled, "PROJECT_CANCELLED", "该项目已取消");
        Check.that(!official.isComplete(), "PROJECT_COMPLETED", "该项目已完成");
    }

    private UpdateState requireUpdate(String updateId) {
        UpdateState update = updateId == null ? null : updates.get(updateId);
        if (update == null) {
            throw new NotFoundInScope("未找到该进展报告");
        }
        return update;
    }

    /** Only the approvers of the city bureau plan projects and decide on reports; the system seeds them. */
    private static void requireDecider(MetaData metaData, String deciderUnitId) {
        Check.that(Actor.of(metaData).isSystemOrActsAs(Role.APPROVER, deciderUnitId), "NOT_DECIDER",
                "只有市生态环境局审核员可以办理此事项");
    }

    /** Cooperating units see the project, but only the lead unit's submitters report on it. */
    private void requireLeadUnitSubmitter(MetaData metaData) {
        Check.that(Actor.of(metaData).actsAs(Role.SUBMITTER, leadUnitId), "NOT_LEAD_UNIT",
                "只有牵头单位的填报员可以报送项目进展");
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(ProjectCreated event) {
        projectId = event.projectId();
        cityId = event.cityId();
        approvalUnitId = event.approvalUnitId();
        leadUnitId = event.leadUnitId();
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(ProjectEdited event) {
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(ProjectReassigned event) {
        leadUnitId = event.leadUnitId();
    }

    @EventSourcingHandler
    void on(ProjectCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(ProjectEvidenceAttached event, MetaData metaData) {
        reportMakers.add(metaData);
        evidenceFiles.put(event.file().fileId(), event.file().sha256());
    }

    @EventSourcingHandler
    void on(ProjectUpdateSubmitted event, MetaData metaData) {
        reportMakers.add(metaData);
        updates.put(event.updateId(), new UpdateState(event.revision(), UpdateStatus.SUBMITTED, event.content()));
        pendingUpdateId = event.updateId();
    }

    @EventSourcingHandler
    void on(ProjectUpdateApproved event) {
        updates.put(event.updateId(), new UpdateState(event.revision(), UpdateStatus.APPROVED, event.content()));
        pendingUpdateId = null;
        reportMakers.clear();
        official.approved(event.updateId(), event.content());
    }

    @EventSourcingHandler
    void on(ProjectUpdateReturned event) {
        UpdateState update = updates.get(event.updateId());
        updates.put(event.updateId(), new UpdateState(event.revision(), UpdateStatus.RETURNED, update.content()));
        pendingUpdateId = null;
        reportMakers.clear();
    }
}
