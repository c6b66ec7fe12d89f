package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
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
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseCursor;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseDetail;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseFilter;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CasePage;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseStats;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCaseStats;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCases;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.AcceptRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.AcceptanceRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.CaseCreated;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.CaseCloseRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.ExtensionDecision;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.ExtensionCreated;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.ExtensionRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.CaseMilestoneInput;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.PlanRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.ProgressRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.CaseReasonRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.RegisterRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.RejectRequest;
import cn.jiangcheng.tracker.app.rectification.CaseRequests.CaseReopenRequest;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.evidence.EvidenceStore;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.app.web.VersionRequest;
import cn.jiangcheng.tracker.app.web.Accepted;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 督察整改: inspectors assign, verify and close cases; responsible units acknowledge, plan, report and apply for
 * acceptance. Approvers and administrators have no part in it (403); auditors only read.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "督察整改")
@PreAuthorize("hasAnyRole('INSPECTOR', 'AUDITOR', 'SUBMITTER')")
public class RectificationController {
    static final int MAX_PAGE = 200;
    static final int MAX_EXPORT = 5000;

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final OrgDirectory orgDirectory;
    private final RectificationAccess access;
    private final EvidenceStore evidenceStore;
    private final BusinessCalendar calendar;

    public RectificationController(CommandGateway commandGateway, QueryGateway queryGateway,
                                   OrgDirectory orgDirectory, RectificationAccess access, EvidenceStore evidenceStore,
                                   BusinessCalendar calendar) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.orgDirectory = orgDirectory;
        this.access = access;
        this.evidenceStore = evidenceStore;
        this.calendar = calendar;
    }

    // ---------------------------------------------------------------- commands

    @PostMapping
    @PreAuthorize("hasRole('INSPECTOR')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记并交办整改案件")
    public CaseCreated register(@Valid @RequestBody RegisterRequest request) {
        TrackerUser user = Caller.current();
        OrgUnitView unit = orgDirectory.find(request.responsibleUnitId())
                .filter(u -> orgDirectory.isVisible(u.id(), user.orgUnitId(), user.cityId(), user.dataScope()))
                .orElseThrow(() -> new NotFoundInScope("未找到该单位"));
        if (!unit.active()) {
            throw new BusinessRuleViolation("UNIT_INACTIVE", "责任单位已停用");
        }
        List<String> cooperating = request.cooperatingUnitIds() == null ? List.of() : request.cooperatingUnitIds();
        for (String id : cooperating) {
            // cooperation across the city is normal (a county and a city department), across cities it is not
            if (orgDirectory.find(id).filter(u -> unit.cityId().equals(u.cityId()) && u.active()).isEmpty()) {
                throw new BusinessRuleViolation("UNKNOWN_UNIT", "配合单位“" + id + "”不存在或已停用");
            }
        }
        String id = "RC-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        commandGateway.sendAndWait(new RegisterCase(id, unit.cityId(), request.source(), request.round(),
                request.batch(), request.problemNumber(), request.complaintNumber(), request.channel(),
                request.problemClass(), request.description(), request.location(), unit.id(), cooperating,
                request.deadline(), request.requirements()));
        return new CaseCreated(id, 0);
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "签收")
    public Accepted acknowledge(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        visible(id);
        commandGateway.sendAndWait(new AcknowledgeCase(id, request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/plan")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "提交整改方案")
    public Accepted plan(@PathVariable String id, @Valid @RequestBody PlanRequest request) {
        visible(id);
        List<Milestone> milestones = request.milestones() == null ? List.of()
                : request.milestones().stream().map(m -> new Milestone(m.dueOn(), m.description())).toList();
        commandGateway.sendAndWait(new SubmitPlan(id, request.measures(), milestones, request.responsiblePerson(),
                request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/return-plan")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "退回整改方案")
    public Accepted returnPlan(@PathVariable String id, @Valid @RequestBody CaseReasonRequest request) {
        visible(id);
        commandGateway.sendAndWait(new ReturnPlan(id, request.reason(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/progress")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "报送整改进展")
    public Accepted progress(@PathVariable String id, @Valid @RequestBody ProgressRequest request) {
        visible(id);
        commandGateway.sendAndWait(new ReportProgress(id, request.progress(), request.percent(),
                request.expectedVersion()));
        return new Accepted(id);
    }

    /** The file row and the event commit together, or neither does. */
    @PostMapping(value = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SUBMITTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "上传整改佐证材料")
    public Evidence uploadEvidence(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                   @RequestParam("expectedVersion") Long expectedVersion) throws IOException {
        TrackerUser user = Caller.current();
        visible(id);
        EvidenceStore.requireVersion(expectedVersion);
        Evidence evidence = evidenceStore.store(id, file, user.getUsername());
        commandGateway.sendAndWait(new AttachCaseEvidence(id, evidence, expectedVersion));
        return evidence;
    }

    @GetMapping("/{id}/evidence/{fileId}")
    @Operation(summary = "下载整改佐证材料")
    public ResponseEntity<byte[]> downloadEvidence(@PathVariable String id, @PathVariable String fileId) {
        CaseDetail detail = visible(id);
        boolean attached = detail.evidence().stream().anyMatch(e -> e.fileId().equals(fileId));
        return evidenceStore.download(id, fileId, attached);
    }

    @PostMapping("/{id}/request-acceptance")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "申请验收")
    public Accepted requestAcceptance(@PathVariable String id, @Valid @RequestBody AcceptanceRequest request) {
        visible(id);
        commandGateway.sendAndWait(new RequestAcceptance(id, request.selfCheck(), request.outcome(),
                request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "现场核查，验收通过并开始公示")
    public Accepted accept(@PathVariable String id, @Valid @RequestBody AcceptRequest request) {
        visible(id);
        commandGateway.sendAndWait(new AcceptCase(id, request.siteCheck(), request.publicityDays(),
                request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "验收不通过，退回整改")
    public Accepted reject(@PathVariable String id, @Valid @RequestBody RejectRequest request) {
        visible(id);
        commandGateway.sendAndWait(new RejectAcceptance(id, request.siteCheck(), request.reason(),
                request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "销号（公示期满后）")
    public Accepted close(@PathVariable String id, @Valid @RequestBody CaseCloseRequest request) {
        visible(id);
        commandGateway.sendAndWait(new CloseCase(id, request.comment(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "回头看：重新打开已销号案件")
    public Accepted reopen(@PathVariable String id, @Valid @RequestBody CaseReopenRequest request) {
        visible(id);
        commandGateway.sendAndWait(new ReopenCase(id, request.reason(), request.newDeadline(),
                request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/extension-requests")
    @PreAuthorize("hasRole('SUBMITTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请延期")
    public ExtensionCreated requestExtension(@PathVariable String id, @Valid @RequestBody ExtensionRequest request) {
        visible(id);
        String requestId = "EXT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        commandGateway.sendAndWait(new RequestExtension(id, requestId, request.reason(), request.newDeadline(),
                request.expectedVersion()));
        return new ExtensionCreated(id, requestId);
    }

    @PostMapping("/{id}/extension-requests/{requestId}/approve")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "批准延期")
    public Accepted approveExtension(@PathVariable String id, @PathVariable String requestId,
                                     @Valid @RequestBody ExtensionDecision request) {
        visible(id);
        commandGateway.sendAndWait(new ApproveExtension(id, requestId, request.comment(),
                request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/{id}/extension-requests/{requestId}/deny")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "不予延期")
    public Accepted denyExtension(@PathVariable String id, @PathVariable String requestId,
                                  @Valid @RequestBody CaseReasonRequest request) {
        visible(id);
        commandGateway.sendAndWait(new DenyExtension(id, requestId, request.reason(), request.expectedVersion()));
        return new Accepted(id);
    }

    // ---------------------------------------------------------------- queries

    @GetMapping
    @Operation(summary = "整改台账（分页、筛选）",
            description = "按整改时限、案件编号排序。offset 为页码式分页；after 传上一页答复中的 nextAfter 即取下一页"
                    + "（键集分页，数据量大时更快，翻页期间新增案件也不会重复或遗漏已翻过的行），两者不能同时使用。")
    public CasePage list(@RequestParam(required = false) Source source,
                         @RequestParam(required = false) String round,
                         @RequestParam(required = false) String batch,
                         @RequestParam(required = false) String unit,
                         @RequestParam(required = false) Status status,
                         @RequestParam(required = false) ProblemClass problemClass,
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "0") int offset,
                         @RequestParam(defaultValue = "20") int limit,
                         @RequestParam(required = false) String after) {
        if (offset < 0) {
            throw new BadRequest("offset", "offset 不能为负数");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadRequest("limit", "每页条数应在1到" + MAX_PAGE + "之间");
        }
        CaseCursor cursor = CaseRequests.cursor(after);
        if (cursor != null && offset > 0) {
            throw new BadRequest("after", "after 与 offset 不能同时使用");
        }
        CaseFilter filter = CaseRequests.filter(source, round, batch, unit, status, problemClass, overdue, q);
        return page(filter, offset, limit, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "案件详情（含完整办理记录）")
    public CaseDetail one(@PathVariable String id) {
        return visible(id);
    }

    @GetMapping("/stats")
    @Operation(summary = "整改统计：按责任单位、按问题来源")
    public CaseStats stats() {
        TrackerUser user = Caller.current();
        return queryGateway.query(new FindCaseStats(user.cityId(), access.unitScope(user), today()), CaseStats.class)
                .join();
    }

    @GetMapping("/export")
    @Operation(summary = "导出整改台账（Excel）")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) Source source,
                                         @RequestParam(required = false) String round,
                                         @RequestParam(required = false) String batch,
                                         @RequestParam(required = false) String unit,
                                         @RequestParam(required = false) Status status,
                                         @RequestParam(required = false) ProblemClass problemClass,
                                         @RequestParam(required = false) Boolean overdue,
                                         @RequestParam(required = false) String q) {
        CasePage page = page(CaseRequests.filter(source, round, batch, unit, status, problemClass, overdue, q), 0,
                MAX_EXPORT, null);
        if (page.total() > MAX_EXPORT) {
            throw new BusinessRuleViolation("TOO_MANY_ROWS", "符合条件的案件超过" + MAX_EXPORT + "件，请缩小筛选范围后导出");
        }
        LocalDate today = today();
        byte[] xlsx = RectificationWorkbook.export("督察整改台账（" + today + "）",
                page.items().stream().map(RectificationWorkbook::row).toList());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("整改台账-" + today + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(RectificationWorkbook.CONTENT_TYPE))
                .body(xlsx);
    }

    private CasePage page(CaseFilter filter, int offset, int limit, CaseCursor after) {
        TrackerUser user = Caller.current();
        Set<String> scope = access.unitScope(user);
        return queryGateway.query(new FindCases(user.cityId(), scope, filter, today(), offset, limit, after),
                CasePage.class).join();
    }

    private CaseDetail visible(String id) {
        return access.visible(id, Caller.current(), today());
    }

    /** Deadlines are calendar days in China, whatever zone the server runs in. */
    private LocalDate today() {
        return calendar.today();
    }
}
