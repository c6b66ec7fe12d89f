package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
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
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateStatus;
import cn.jiangcheng.tracker.api.project.ProjectTypes;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import cn.jiangcheng.tracker.command.common.VersionGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One major project (重大工程) of 专栏2–9. The city bureau plans, assigns and cancels it; its lead unit reports
 * progress once per month; the bureau approves or returns each report, and only approved reports move the
 * project's official progress, investment and milestones.
 */
@Aggregate
public class Project {
    static final String NOT_FOUND = "未找到该项目";
    static final int MAX_MILESTONES = 30;
    static final int MAX_UNITS = 20;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** 100 亿元 in 万元: far above any single project of the plan, so a typo of a few zeros is caught. */
    static final BigDecimal MAX_INVESTMENT = new BigDecimal("1000000");
    static final int MAX_EVIDENCE_FILES = 200;
    static final int MAX_FILES_PER_MILESTONE = 10;

    @AggregateIdentifier
    private String projectId;
    private String cityId;
    private String approvalUnitId;
    private String leadUnitId;
    private ProjectPlan plan;
    private boolean cancelled;
    private BigDecimal progress = BigDecimal.ZERO;
    private BigDecimal investmentCompleted = BigDecimal.ZERO;
    private String lastApprovedPeriod;
    private String pendingUpdateId;
    private final Set<String> reachedMilestones = new HashSet<>();
    private final Map<String, UpdateState> updates = new HashMap<>();
    /** fileId → sha256 of the files attached so far. */
    private final Map<String, String> evidenceFiles = new HashMap<>();

    private record UpdateState(int revision, UpdateStatus status, UpdateContent content) {
    }

    protected Project() {
    }

    @CommandHandler
    public Project(CreateProject command, MetaData metaData) {
        Check.that(command.cityId() != null, "UNIT_NOT_IN_CITY", "牵头单位不属于任何城市");
        TenantGuard.requireSameCity(metaData, command.cityId(), "未找到该单位");
        Check.that(command.approvalUnitId() != null, "NO_APPROVER", "本市尚未设立审核单位（市生态环境局）");
        requireDecider(metaData, command.approvalUnitId());
        List<String> cooperating = requireUnits(command.leadUnitId(), command.cooperatingUnitIds());
        ProjectPlan checked = requirePlan(command.plan(), Set.of());
        apply(new ProjectCreated(command.projectId(), command.cityId(), command.approvalUnitId(),
                command.leadUnitId(), cooperating, checked));
    }

    @CommandHandler
    public void handle(EditProject command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        requireActive();
        ProjectPlan checked = requirePlan(command.plan(), reachedMilestones);
        Check.that(!checked.equals(plan), "UNCHANGED", "项目信息没有变化");
        apply(new ProjectEdited(projectId, checked));
    }

    @CommandHandler
    public void handle(ReassignProject command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        requireActive();
        List<String> cooperating = requireUnits(command.leadUnitId(), command.cooperatingUnitIds());
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
    public void handle(SubmitProjectUpdate command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireLeadUnitSubmitter(metaData);
        requireActive();
        UpdateContent content = command.content();
        Check.that(content != null, "REQUIRED", "报告内容不能为空");
        Check.that(command.today() != null, "NO_DATE", "缺少报告日期");
        Period period = Period.parse(content.period()).filter(p -> p.type() == PeriodType.MONTHLY)
                .orElseThrow(() -> new BusinessRuleViolation("BAD_PERIOD", "报告期间格式应为 2026-03（按月报告）"));
        Check.that(!period.firstDay().isAfter(command.today()), "FUTURE_PERIOD",
                "不能报告尚未开始的月份（" + period.label() + "）");
        Check.that(pendingUpdateId == null, "UPDATE_PENDING",
                "上一期进展报告（" + pendingUpdateId + "）尚在审核中");
        Check.that(lastApprovedPeriod == null || period.code().compareTo(lastApprovedPeriod) > 0,
                "PERIOD_COVERED", lastApprovedPeriod + "的报告已审核通过，只能报告之后的月份");
        BigDecimal newProgress = requireAmount(content.progress(), "进度");
        Check.that(newProgress.compareTo(HUNDRED) <= 0, "OUT_OF_RANGE", "进度须在0到100之间");
        BigDecimal newInvestment = requireAmount(content.investmentCompleted(), "累计完成投资");
        Check.that(newInvestment.compareTo(MAX_INVESTMENT) <= 0, "OUT_OF_RANGE",
                "累计完成投资超过100亿元，请核对单位（万元）");
        String explanation = Check.optionalText(content.explanation(), 500, "情况说明");
        List<MilestoneReached> reached = requireMilestonesReached(content.milestonesReached(), command.today());
        requireExplained(explanation, newProgress, newInvestment, command.jumpShare());
        if (newProgress.compareTo(HUNDRED) == 0) {
            long open = plan.milestones().stream().filter(m -> !reachedMilestones.contains(m.milestoneId())
                    && reached.stream().noneMatch(r -> r.milestoneId().equals(m.milestoneId()))).count();
            Check.that(open == 0, "MILESTONES_OPEN", "还有" + open + "个里程碑未完成，进度不能为100%");
        }
        UpdateContent checked = new UpdateContent(period.code(), newProgress, newInvestment, reached,
                Check.optionalText(content.problems(), 1000, "存在问题和风险"),
                Check.optionalText(content.nextSteps(), 1000, "下一步工作"), explanation);
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
        apply(new ProjectUpdateReturned(projectId, command.updateId(), update.revision(),
                Check.text(command.reason(), 500, "退回原因")));
    }

    // ---------------------------------------------------------------- rules

    private void requireActive() {
        Check.that(!cancelled, "PROJECT_CANCELLED", "该项目已取消");
        Check.that(progress.compareTo(HUNDRED) < 0, "PROJECT_COMPLETED", "该项目已完成");
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
        Actor actor = Actor.of(metaData);
        Check.that(actor.isSystem() || actor.actsAs(Role.APPROVER, deciderUnitId), "NOT_DECIDER",
                "只有市生态环境局审核员可以办理此事项");
    }

    /** Cooperating units see the project, but only the lead unit's submitters report on it. */
    private void requireLeadUnitSubmitter(MetaData metaData) {
        Check.that(Actor.of(metaData).actsAs(Role.SUBMITTER, leadUnitId), "NOT_LEAD_UNIT",
                "只有牵头单位的填报员可以报送项目进展");
    }

    private static List<String> requireUnits(String lead, List<String> cooperatingUnitIds) {
        Check.that(lead != null && !lead.isBlank(), "REQUIRED", "牵头单位不能为空");
        List<String> cooperating = cooperatingUnitIds == null ? List.of() : cooperatingUnitIds;
        Check.that(cooperating.stream().allMatch(u -> u != null && !u.isBlank()), "REQUIRED", "配合单位不能为空");
        Check.that(cooperating.size() <= MAX_UNITS, "TOO_MANY_UNITS", "配合单位最多" + MAX_UNITS + "个");
        Check.that(new HashSet<>(cooperating).size() == cooperating.size(), "DUPLICATE_UNIT", "配合单位重复");
        Check.that(!cooperating.contains(lead), "DUPLICATE_UNIT", "牵头单位不能同时是配合单位");
        return List.copyOf(cooperating);
    }

    private static ProjectPlan requirePlan(ProjectPlan plan, Set<String> reached) {
        Check.that(plan != null, "REQUIRED", "项目信息不能为空");
        String name = Check.text(plan.name(), 200, "项目名称");
        Check.that(ProjectTypes.COLUMNS.containsKey(plan.column()), "BAD_COLUMN", "项目须属于规划专栏2至专栏9之一");
        String group = Check.optionalText(plan.group(), 60, "工程类别");
        LocalDate start = plan.plannedStart();
        LocalDate finish = plan.plannedFinish();
        Check.that((start == null) == (finish == null), "REQUIRED", "计划开工和完工日期须同时填写");
        Check.that(start == null || !finish.isBefore(start), "BAD_DATES", "计划完工日期不能早于开工日期");
        Check.that(plan.plannedInvestment() == null || (plan.plannedInvestment().signum() >= 0
                        && plan.plannedInvestment().compareTo(MAX_INVESTMENT) <= 0),
                "OUT_OF_RANGE", "计划投资须在0到100亿元（1000000万元）之间");
        List<Milestone> milestones = plan.milestones() == null ? List.of() : plan.milestones();
        Check.that(milestones.size() <= MAX_MILESTONES, "TOO_MANY_MILESTONES", "里程碑最多" + MAX_MILESTONES + "个");
        Set<String> ids = new HashSet<>();
        List<Milestone> checked = new ArrayList<>();
        for (Milestone m : milestones) {
            Check.that(m != null && m.milestoneId() != null && !m.milestoneId().isBlank(), "REQUIRED",
                    "里程碑缺少编号");
            Check.that(ids.add(m.milestoneId()), "DUPLICATE_MILESTONE", "里程碑编号“" + m.milestoneId() + "”重复");
            String milestoneName = Check.text(m.name(), 100, "里程碑名称");
            Check.that(m.plannedDate() != null, "REQUIRED", "里程碑“" + milestoneName + "”缺少计划日期");
            Check.that(start == null || (!m.plannedDate().isBefore(start) && !m.plannedDate().isAfter(finish)),
                    "MILESTONE_OUTSIDE_PLAN", "里程碑“" + milestoneName + "”的计划日期不在项目计划工期内");
            checked.add(new Milestone(m.milestoneId().strip(), milestoneName, m.plannedDate()));
        }
        for (String id : reached) {
            Check.that(ids.contains(id), "MILESTONE_REACHED", "已完成的里程碑不能删除");
        }
        return new ProjectPlan(name, plan.column(), group, start, finish, plan.plannedInvestment(),
                List.copyOf(checked));
    }

    private List<MilestoneReached> requireMilestonesReached(List<MilestoneReached> list, LocalDate today) {
        List<MilestoneReached> reached = list == null ? List.of() : list;
        Set<String> seen = new HashSet<>();
        List<MilestoneReached> checked = new ArrayList<>();
        for (MilestoneReached r : reached) {
            Check.that(r != null && r.milestoneId() != null, "REQUIRED", "里程碑不能为空");
            Milestone milestone = plan.milestones().stream().filter(m -> m.milestoneId().equals(r.milestoneId()))
                    .findFirst().orElseThrow(() -> new BusinessRuleViolation("UNKNOWN_MILESTONE",
                            "项目中没有里程碑“" + r.milestoneId() + "”"));
            Check.that(seen.add(r.milestoneId()), "DUPLICATE_MILESTONE", "里程碑“" + milestone.name() + "”重复");
            Check.that(!reachedMilestones.contains(r.milestoneId()), "MILESTONE_ALREADY_REACHED",
                    "里程碑“" + milestone.name() + "”已经完成");
            Check.that(r.reachedOn() != null, "REQUIRED", "里程碑“" + milestone.name() + "”缺少完成日期");
            Check.that(!r.reachedOn().isAfter(today), "FUTURE_DATE",
                    "里程碑“" + milestone.name() + "”的完成日期不能晚于今天");
            List<String> files = r.evidenceFileIds();
            Check.that(files.size() <= MAX_FILES_PER_MILESTONE, "TOO_MANY_FILES",
                    "里程碑“" + milestone.name() + "”最多引用" + MAX_FILES_PER_MILESTONE + "个证明文件");
            Check.that(new HashSet<>(files).size() == files.size(), "DUPLICATE_FILE",
                    "里程碑“" + milestone.name() + "”的证明文件重复");
            for (String fileId : files) {
                Check.that(fileId != null && evidenceFiles.containsKey(fileId), "UNKNOWN_FILE",
                        "里程碑“" + milestone.name() + "”引用的证明文件不属于该项目，请先上传");
            }
            String evidence = Check.optionalText(r.evidence(), 500, "里程碑“" + milestone.name() + "”的完成证明");
            Check.that(evidence != null || !files.isEmpty(), "EVIDENCE_REQUIRED",
                    "里程碑“" + milestone.name() + "”须填写完成证明或上传证明文件");
            checked.add(new MilestoneReached(r.milestoneId(), r.reachedOn(), evidence, List.copyOf(files)));
        }
        return List.copyOf(checked);
    }

    /** Figures that go down, pass the plan or jump need a word from the unit; the bureau then decides. */
    private void requireExplained(String explanation, BigDecimal newProgress, BigDecimal newInvestment,
                                  BigDecimal jumpShare) {
        if (explanation != null) {
            return;
        }
        Check.that(newProgress.compareTo(progress) >= 0, "PROGRESS_BACKWARDS",
                "进度由已审核的" + plain(progress) + "%降至" + plain(newProgress) + "%，请在情况说明中说明原因");
        Check.that(newInvestment.compareTo(investmentCompleted) >= 0, "INVESTMENT_BACKWARDS",
                "累计完成投资由已审核的" + plain(investmentCompleted) + "万元降至" + plain(newInvestment)
                        + "万元，请在情况说明中说明原因");
        BigDecimal planned = plan.plannedInvestment();
        if (planned == null) {
            return;
        }
        Check.that(newInvestment.compareTo(planned) <= 0, "INVESTMENT_OVER_PLAN",
                "累计完成投资" + plain(newInvestment) + "万元超过计划投资" + plain(planned) + "万元，请在情况说明中说明原因");
        if (jumpShare != null && planned.signum() > 0) {
            BigDecimal added = newInvestment.subtract(investmentCompleted);
            Check.that(added.compareTo(planned.multiply(jumpShare)) <= 0, "INVESTMENT_JUMP",
                    "本期新增投资" + plain(added) + "万元超过计划投资的" + plain(jumpShare.multiply(HUNDRED))
                            + "%，请在情况说明中说明原因");
        }
    }

    private static BigDecimal requireAmount(BigDecimal value, String label) {
        Check.that(value != null, "REQUIRED", label + "不能为空");
        Check.that(value.signum() >= 0, "OUT_OF_RANGE", label + "不能为负数");
        Check.that(value.stripTrailingZeros().scale() <= 2, "TOO_PRECISE", label + "最多保留两位小数");
        return value;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
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
    void on(ProjectEvidenceAttached event) {
        evidenceFiles.put(event.file().fileId(), event.file().sha256());
    }

    @EventSourcingHandler
    void on(ProjectUpdateSubmitted event) {
        updates.put(event.updateId(), new UpdateState(event.revision(), UpdateStatus.SUBMITTED, event.content()));
        pendingUpdateId = event.updateId();
    }

    @EventSourcingHandler
    void on(ProjectUpdateApproved event) {
        updates.put(event.updateId(), new UpdateState(event.revision(), UpdateStatus.APPROVED, event.content()));
        pendingUpdateId = null;
        progress = event.content().progress();
        investmentCompleted = event.content().investmentCompleted();
        lastApprovedPeriod = event.updateId();
        event.content().milestonesReached().forEach(m -> reachedMilestones.add(m.milestoneId()));
    }

    @EventSourcingHandler
    void on(ProjectUpdateReturned event) {
        UpdateState update = updates.get(event.updateId());
        updates.put(event.updateId(), new UpdateState(event.revision(), UpdateStatus.RETURNED, update.content()));
        pendingUpdateId = null;
    }
}
