package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.project.ProjectCommands.AttachProjectEvidence;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ApproveProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CancelProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CreateProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.EditProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReassignProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReturnProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectCommands.SubmitProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProjectStats;
import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProjects;
import cn.jiangcheng.tracker.api.project.ProjectQueries.MilestoneView;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectDetail;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectList;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectStats;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectSummary;
import cn.jiangcheng.tracker.api.project.ProjectTypes;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectStatus;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.evidence.EvidenceStore;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.app.web.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Major projects (重大工程, 专栏2–9): the city bureau plans and assigns them, lead units report monthly, the bureau
 * approves or returns each report. Only approved reports count in the official figures and the rollups.
 */
@RestController
@Tag(name = "重大工程")
public class ProjectController {
    static final String READERS = "hasAnyRole('SUBMITTER', 'APPROVER', 'INSPECTOR', 'AUDITOR')";

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final ProjectAccess access;
    private final Clock clock;
    private final EvidenceStore evidenceStore;

    public ProjectController(CommandGateway commandGateway, QueryGateway queryGateway, ProjectAccess access,
                             Clock clock, EvidenceStore evidenceStore) {
        this.evidenceStore = evidenceStore;
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.access = access;
        this.clock = clock;
    }

    public record ProjectMilestoneInput(@Size(max = 40, message = "里程碑编号不能超过40个字符") String id,
                                 @NotBlank(message = "请填写里程碑名称") @Size(max = 100, message = "里程碑名称不能超过100个字符")
                                 String name,
                                 @NotNull(message = "请填写里程碑计划日期") LocalDate plannedDate) {
    }

    public record PlanInput(@NotBlank(message = "请填写项目名称") @Size(max = 200, message = "项目名称不能超过200个字符")
                            String name,
                            @NotNull(message = "请选择所属专栏") @Min(value = 2, message = "专栏须为2至9")
                            @Max(value = 9, message = "专栏须为2至9") Integer column,
                            @Size(max = 60, message = "工程类别不能超过60个字符") String group,
                            @NotNull(message = "请填写计划开工日期") LocalDate plannedStart,
                            @NotNull(message = "请填写计划完工日期") LocalDate plannedFinish,
                            @NotNull(message = "请填写计划投资") @DecimalMin(value = "0", message = "计划投资不能为负数")
                            @Digits(integer = 7, fraction = 2, message = "计划投资最多7位整数、2位小数（万元）")
                            BigDecimal plannedInvestment,
                            @Size(max = 30, message = "里程碑最多30个") List<@Valid @NotNull ProjectMilestoneInput> milestones) {
    }

    public record NewProjectRequest(@NotNull(message = "项目信息不能为空") @Valid PlanInput plan,
                                @NotBlank(message = "请选择牵头单位") String leadUnitId,
                                @Size(max = 20, message = "配合单位最多20个")
                                List<@NotBlank(message = "配合单位不能为空") String> cooperatingUnitIds) {
    }

    public record EditRequest(@NotNull(message = "项目信息不能为空") @Valid PlanInput plan,
                              @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record ReassignRequest(@NotBlank(message = "请选择牵头单位") String leadUnitId,
                                  @Size(max = 20, message = "配合单位最多20个")
                                  List<@NotBlank(message = "配合单位不能为空") String> cooperatingUnitIds,
                                  @NotBlank(message = "请填写调整原因") @Size(max = 500, message = "调整原因不能超过500个字符")
                                  String reason,
                                  @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record CancelRequest(@NotBlank(message = "请填写取消原因") @Size(max = 500, message = "取消原因不能超过500个字符")
                                String reason,
                                @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    /** evidence (a note) or evidenceFileIds (files uploaded to the project first) must prove the milestone. */
    public record MilestoneReachedInput(@NotBlank(message = "请选择里程碑") @Size(max = 40) String milestoneId,
                                        @NotNull(message = "请填写里程碑完成日期") LocalDate reachedOn,
                                        @Size(max = 500, message = "完成证明不能超过500个字符") String evidence,
                                        @Size(max = 10, message = "每个里程碑最多引用10个证明文件")
                                        List<@NotBlank(message = "证明文件编号不能为空")
                                        @Size(max = 40, message = "证明文件编号无效") String> evidenceFileIds) {
    }

    public record UpdateRequest(@NotBlank(message = "请填写报告期间") String period,
                                @NotNull(message = "请填写形象进度") @DecimalMin(value = "0", message = "进度须在0到100之间")
                                @DecimalMax(value = "100", message = "进度须在0到100之间")
                                @Digits(integer = 3, fraction = 2, message = "进度最多保留两位小数") BigDecimal progress,
                                @NotNull(message = "请填写累计完成投资") @DecimalMin(value = "0", message = "累计完成投资不能为负数")
                                @Digits(integer = 7, fraction = 2, message = "累计完成投资最多7位整数、2位小数（万元）")
                                BigDecimal investmentCompleted,
                                @Size(max = 30, message = "里程碑最多30个")
                                List<@Valid @NotNull MilestoneReachedInput> milestonesReached,
                                @Size(max = 1000, message = "存在问题和风险不能超过1000个字符") String problems,
                                @Size(max = 1000, message = "下一步工作不能超过1000个字符") String nextSteps,
                                @Size(max = 500, message = "情况说明不能超过500个字符") String explanation,
                                @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record ProjectUpdateApproval(@Size(max = 500, message = "审核意见不能超过500个字符") String comment,
                                 @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record ProjectUpdateReturn(@NotBlank(message = "请填写退回原因") @Size(max = 500, message = "退回原因不能超过500个字符")
                                String reason,
                                @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    // ---------------------------------------------------------------- reads

    @GetMapping("/api/projects")
    @PreAuthorize(READERS)
    @Operation(summary = "重大工程列表（筛选：专栏、单位、状态、关键字、待审核）")
    public List<ProjectSummary> list(@RequestParam(required = false) Integer column,
                                     @RequestParam(required = false) String unit,
                                     @RequestParam(required = false) ProjectStatus status,
                                     @RequestParam(required = false) String text,
                                     @RequestParam(defaultValue = "false") boolean pending,
                                     @Parameter(hidden = true) @RequestParam(name = "category", required = false)
                                     String oldColumnName) {
        // the old name of the 专栏 filter: ignoring it would answer an old client with every project
        if (oldColumnName != null) {
            throw BadRequest.unknownField("category", "不支持查询条件“category”，专栏请用“column”");
        }
        if (column != null && !ProjectTypes.COLUMNS.containsKey(column)) {
            throw new BadRequest("column", "专栏须为2至9");
        }
        if (text != null && text.length() > 100) {
            throw new BadRequest("text", "关键字不能超过100个字符");
        }
        TrackerUser user = Caller.current();
        return queryGateway.query(new FindProjects(user.cityId(), access.unitScope(user), column,
                        blankToNull(unit), status, text, pending, access.today(), access.marginPoints()),
                ProjectList.class).join().projects();
    }

    @GetMapping("/api/projects/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "项目详情（含里程碑与进展报告历史）")
    public ProjectDetail one(@PathVariable String id) {
        return access.visible(id, Caller.current());
    }

    @GetMapping("/api/projects/stats")
    @PreAuthorize(READERS)
    @Operation(summary = "重大工程汇总：按专栏、按单位、全市；滞后项目清单")
    public ProjectStats stats() {
        TrackerUser user = Caller.current();
        return stats(user);
    }

    @GetMapping("/api/projects/export")
    @PreAuthorize(READERS)
    @Operation(summary = "导出重大工程清单与汇总（Excel）")
    public ResponseEntity<byte[]> export() {
        TrackerUser user = Caller.current();
        List<ProjectSummary> projects = queryGateway.query(new FindProjects(user.cityId(), access.unitScope(user),
                null, null, null, null, false, access.today(), access.marginPoints()), ProjectList.class).join()
                .projects();
        byte[] xlsx = ProjectWorkbook.export(projects, stats(user), clock.instant());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("重大工程进展-" + access.today() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(ProjectWorkbook.CONTENT_TYPE))
                .body(xlsx);
    }

    private ProjectStats stats(TrackerUser user) {
        return queryGateway.query(new FindProjectStats(user.cityId(), access.unitScope(user), access.today(),
                access.marginPoints()), ProjectStats.class).join();
    }

    // ---------------------------------------------------------------- the city bureau

    @PostMapping("/api/projects")
    @PreAuthorize("hasRole('APPROVER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建项目（市生态环境局）")
    public Accepted create(@Valid @RequestBody NewProjectRequest request) {
        TrackerUser user = Caller.current();
        var lead = access.unitOfCity(request.leadUnitId(), user);
        List<String> cooperating = cooperating(request.cooperatingUnitIds(), user);
        String approvalUnit = access.approvalUnitOf(lead.cityId())
                .orElseThrow(() -> new BusinessRuleViolation("NO_APPROVER", "本市尚未设立审核单位（市生态环境局）"));
        String id = lead.cityId() + "-P" + UUID.randomUUID().toString().substring(0, 8);
        commandGateway.sendAndWait(new CreateProject(id, lead.cityId(), approvalUnit, lead.id(), cooperating,
                plan(request.plan(), List.of())));
        return new Accepted(id);
    }

    @PutMapping("/api/projects/{id}")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "修改项目计划（市生态环境局）")
    public Accepted edit(@PathVariable String id, @Valid @RequestBody EditRequest request) {
        ProjectDetail project = access.visible(id, Caller.current());
        commandGateway.sendAndWait(new EditProject(id, plan(request.plan(), project.milestones()),
                request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/projects/{id}/reassign")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "调整牵头单位和配合单位（市生态环境局）")
    public Accepted reassign(@PathVariable String id, @Valid @RequestBody ReassignRequest request) {
        TrackerUser user = Caller.current();
        access.visible(id, user);
        var lead = access.unitOfCity(request.leadUnitId(), user);
        commandGateway.sendAndWait(new ReassignProject(id, lead.id(), cooperating(request.cooperatingUnitIds(), user),
                request.reason(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/projects/{id}/cancel")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "取消项目（市生态环境局）")
    public Accepted cancel(@PathVariable String id, @Valid @RequestBody CancelRequest request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new CancelProject(id, request.reason(), request.expectedVersion()));
        return new Accepted(id);
    }

    // ---------------------------------------------------------------- reports

    @PostMapping("/api/projects/{id}/updates")
    @PreAuthorize("hasRole('SUBMITTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送进展（牵头单位填报员，按月）")
    public Accepted submitUpdate(@PathVariable String id, @Valid @RequestBody UpdateRequest request) {
        access.visible(id, Caller.current());
        List<MilestoneReached> reached = request.milestonesReached() == null ? List.of()
                : request.milestonesReached().stream()
                .map(m -> new MilestoneReached(m.milestoneId(), m.reachedOn(), m.evidence(),
                        m.evidenceFileIds() == null ? List.of() : m.evidenceFileIds())).toList();
        UpdateContent content = new UpdateContent(request.period().strip(), request.progress(),
                request.investmentCompleted(), reached, request.problems(), request.nextSteps(), request.explanation());
        commandGateway.sendAndWait(new SubmitProjectUpdate(id, content, request.expectedVersion()));
        return new Accepted(content.period());
    }

    /**
     * The file row and the event commit together, or neither does: a refused file (wrong type, too large, not the
     * lead unit, stale version) leaves no bytes behind.
     */
    @PostMapping(value = "/api/projects/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SUBMITTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "上传里程碑证明文件（牵头单位填报员）")
    public Evidence uploadEvidence(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                   @RequestParam("expectedVersion") Long expectedVersion) throws IOException {
        TrackerUser user = Caller.current();
        access.visible(id, user);
        EvidenceStore.requireVersion(expectedVersion);
        Evidence evidence = evidenceStore.store(id, file, user.getUsername());
        commandGateway.sendAndWait(new AttachProjectEvidence(id, evidence, expectedVersion));
        return evidence;
    }

    @GetMapping("/api/projects/{id}/evidence/{fileId}")
    @PreAuthorize(READERS)
    @Operation(summary = "下载项目证明文件")
    public ResponseEntity<byte[]> downloadEvidence(@PathVariable String id, @PathVariable String fileId) {
        ProjectDetail project = access.visible(id, Caller.current());
        // only files the project's events attached: the bytes table alone does not say whose a file is
        boolean attached = project.evidenceFiles().stream().anyMatch(f -> f.fileId().equals(fileId));
        return evidenceStore.download(id, fileId, attached);
    }

    @PostMapping("/api/projects/{id}/updates/{updateId}/approve")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "审核通过进展报告")
    public Accepted approve(@PathVariable String id, @PathVariable String updateId,
                            @Valid @RequestBody ProjectUpdateApproval request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new ApproveProjectUpdate(id, updateId, request.comment(), request.expectedVersion()));
        return new Accepted(updateId);
    }

    @PostMapping("/api/projects/{id}/updates/{updateId}/return")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "退回进展报告")
    public Accepted returnUpdate(@PathVariable String id, @PathVariable String updateId,
                                 @Valid @RequestBody ProjectUpdateReturn request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new ReturnProjectUpdate(id, updateId, request.reason(), request.expectedVersion()));
        return new Accepted(updateId);
    }

    // ---------------------------------------------------------------- helpers

    private List<String> cooperating(List<String> ids, TrackerUser user) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(u -> access.unitOfCity(u, user).id()).toList();
    }

    /**
     * Milestones keep their ids across edits: those sent without one get the next free "m" number, so reports
     * that named a milestone still name the same one.
     */
    static ProjectPlan plan(PlanInput input, List<MilestoneView> existing) {
        int next = existing.stream().map(MilestoneView::milestoneId)
                .filter(id -> id.matches("m\\d{1,6}")).mapToInt(id -> Integer.parseInt(id.substring(1)))
                .max().orElse(0);
        List<Milestone> milestones = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>(existing.stream().map(MilestoneView::milestoneId).toList());
        for (ProjectMilestoneInput m : input.milestones() == null ? List.<ProjectMilestoneInput>of() : input.milestones()) {
            String id = m.id() == null || m.id().isBlank() ? null : m.id().strip();
            if (id != null && !known.contains(id)) {
                throw new BadRequest("milestones", "里程碑编号“" + id + "”不属于该项目");
            }
            milestones.add(new Milestone(id != null ? id : "m" + (++next), m.name(), m.plannedDate()));
        }
        return new ProjectPlan(input.name(), input.column(), blankToNull(input.group()), input.plannedStart(),
                input.plannedFinish(), input.plannedInvestment(), milestones);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
