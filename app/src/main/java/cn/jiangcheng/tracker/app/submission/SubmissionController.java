package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ApproveSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.AttachEvidence;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.CreateSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ReturnSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SaveSubmissionDraft;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.StartAmendment;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SubmitSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.WithdrawSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindReportingStatus;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmissionsOfCity;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmissionsOfUnits;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.ReportingStatus;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionDetail;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionList;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionSummary;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.UnitReportingStatus;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.app.indicator.IndicatorCatalog;
import cn.jiangcheng.tracker.app.web.BusinessReaders;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.evidence.EvidenceStore;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.app.web.VersionRequest;
import cn.jiangcheng.tracker.app.web.Accepted;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
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
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Indicator reports: counties and departments draft and submit, the city bureau approves or returns. */
@RestController
@Tag(name = "数据填报与审核")
@PreAuthorize(BusinessReaders.ONLY) // the administrator sees no business data
public class SubmissionController {
    /** Deadlines are calendar days in China. */

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final OrgDirectory orgDirectory;
    private final SubmissionAccess access;
    private final UnitForms rules;
    private final EvidenceStore evidenceStore;
    private final IndicatorCatalog catalog;
    private final BusinessCalendar calendar;

    public SubmissionController(CommandGateway commandGateway, QueryGateway queryGateway, OrgDirectory orgDirectory,
                                SubmissionAccess access, UnitForms rules, EvidenceStore evidenceStore,
                                IndicatorCatalog catalog, BusinessCalendar calendar) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.orgDirectory = orgDirectory;
        this.access = access;
        this.rules = rules;
        this.evidenceStore = evidenceStore;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    public record ValueInput(@NotBlank(message = "指标不能为空") @Size(max = 40) String indicator, BigDecimal value,
                             @Size(max = 4, message = "分项过多") Map<@Size(max = 40) String, BigDecimal> components,
                             @Size(max = 500, message = "备注不能超过500个字符") String note,
                             @Size(max = 500, message = "变动说明不能超过500个字符") String explanation) {
        ReportedValue toReported() {
            return new ReportedValue(indicator, value, components == null ? Map.of() : components, note, explanation);
        }
    }

    public record NewSubmissionRequest(@NotBlank(message = "单位不能为空") String orgUnitId,
                                @NotBlank(message = "填报期间不能为空") String period,
                                @Size(max = 100, message = "指标过多") List<@Valid @NotNull ValueInput> values) {
    }

    public record DraftRequest(@NotNull(message = "填报数据不能为空") @Size(max = 100, message = "指标过多")
                               List<@Valid @NotNull ValueInput> values,
                               @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record SubmissionApproval(@NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion,
                                 @Size(max = 500, message = "审核意见不能超过500个字符") String comment) {
    }

    public record SubmissionReturn(@NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion,
                                @NotBlank(message = "请填写退回原因") @Size(max = 500, message = "退回原因不能超过500个字符")
                                String reason,
                                @Size(max = 100) Map<@Size(max = 40) String, @Size(max = 500, message = "意见不能超过500个字符") String>
                                        valueComments) {
    }

    public record AmendmentRequest(@NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion,
                                   @NotBlank(message = "请填写修改原因") @Size(max = 500, message = "修改原因不能超过500个字符")
                                   String reason) {
    }

    public record NewSubmission(String id, Status status, long version) {
    }

    @PostMapping("/api/submissions")
    @PreAuthorize("hasRole('SUBMITTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建填报（草稿）")
    public NewSubmission create(@Valid @RequestBody NewSubmissionRequest request) {
        TrackerUser user = Caller.current();
        Period period = parsePeriod(request.period());
        String id = createDraft(user, request.orgUnitId(), period,
                request.values() == null ? List.of() : request.values().stream().map(ValueInput::toReported).toList());
        return new NewSubmission(id, Status.DRAFT, 1);
    }

    /** Creates a report; the aggregate itself looks up what the unit reports and when. */
    String createDraft(TrackerUser user, String orgUnitId, Period period, List<ReportedValue> values) {
        OrgUnitView unit = orgDirectory.find(orgUnitId)
                .filter(u -> orgDirectory.isVisible(u.id(), user.orgUnitId(), user.cityId(), user.dataScope()))
                .orElseThrow(() -> new NotFoundInScope("未找到该单位"));
        if (!unit.active()) {
            throw new BusinessRuleViolation("UNIT_INACTIVE", "该单位已停用");
        }
        String id = SubmissionAccess.submissionId(unit.id(), period.code());
        commandGateway.sendAndWait(new CreateSubmission(id, unit.id(), unit.cityId(), period.code(),
                access.approvalUnitOf(unit.cityId()).orElse(null), access.reviewUnitOf(unit), values));
        return id;
    }

    /**
     * For what is not a command (the Excel template, an upload before it is read): refused like the report itself,
     * which the aggregate refuses before the period opens.
     */
    void requireOpen(String orgUnitId, Period period) {
        ReportingCalendars.notOpenYet(period, rules.window(orgUnitId, period).opens(), today()).ifPresent(message -> {
            throw new BusinessRuleViolation("PERIOD_NOT_OPEN", message);
        });
    }

    /** The server's date in China: periods open and reports are late by it, whatever the client's clock says. */
    LocalDate today() {
        return calendar.today();
    }

    @GetMapping("/api/submissions")
    @Operation(summary = "填报列表")
    public List<SubmissionSummary> list(@RequestParam(required = false) String orgUnit,
                                        @RequestParam(required = false) String period,
                                        @RequestParam(required = false) Status status) {
        TrackerUser user = Caller.current();
        String periodCode = period == null || period.isBlank() ? null : parsePeriod(period).code();
        if (user.dataScope() == DataScope.CITY) {
            return queryGateway.query(new FindSubmissionsOfCity(user.cityId(), orgUnit, periodCode, status),
                    SubmissionList.class).join().submissions();
        }
        Set<String> units = orgDirectory.visibleUnits(user.orgUnitId(), user.cityId(), user.dataScope()).stream()
                .map(OrgUnitView::id).filter(id -> orgUnit == null || id.equals(orgUnit)).collect(Collectors.toSet());
        return queryGateway.query(new FindSubmissionsOfUnits(user.cityId(), units, periodCode, status),
                SubmissionList.class).join().submissions();
    }

    @GetMapping("/api/submissions/{id}")
    @Operation(summary = "填报详情（含版本号与历史）")
    public SubmissionView one(@PathVariable String id) {
        return SubmissionView.of(access.visible(id, Caller.current()));
    }

    @PutMapping("/api/submissions/{id}")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "保存草稿")
    public Accepted saveDraft(@PathVariable String id, @Valid @RequestBody DraftRequest request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new SaveSubmissionDraft(id,
                request.values().stream().map(ValueInput::toReported).toList(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/submissions/{id}/submit")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "提交审核")
    public Accepted submit(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new SubmitSubmission(id, request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/submissions/{id}/withdraw")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "撤回（审核前）")
    public Accepted withdraw(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new WithdrawSubmission(id, request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/submissions/{id}/approve")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "审核通过")
    public Accepted approve(@PathVariable String id, @Valid @RequestBody SubmissionApproval request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new ApproveSubmission(id, request.comment(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/submissions/{id}/return")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "退回修改")
    public Accepted returnForChanges(@PathVariable String id, @Valid @RequestBody SubmissionReturn request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new ReturnSubmission(id, request.reason(),
                request.valueComments() == null ? Map.of() : request.valueComments(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/submissions/{id}/amendments")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "申请修改已通过的报告")
    public Accepted amend(@PathVariable String id, @Valid @RequestBody AmendmentRequest request) {
        access.visible(id, Caller.current());
        commandGateway.sendAndWait(new StartAmendment(id, request.reason(), request.expectedVersion()));
        return new Accepted(id);
    }

    /** The file row and the event commit together, or neither does. */
    @PostMapping(value = "/api/submissions/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SUBMITTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "上传证明材料")
    public Evidence uploadEvidence(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                   @RequestParam("expectedVersion") Long expectedVersion) throws IOException {
        TrackerUser user = Caller.current();
        access.visible(id, user);
        EvidenceStore.requireVersion(expectedVersion);
        Evidence evidence = evidenceStore.store(id, file, user.getUsername());
        commandGateway.sendAndWait(new AttachEvidence(id, evidence, expectedVersion));
        return evidence;
    }

    @GetMapping("/api/submissions/{id}/evidence/{fileId}")
    @Operation(summary = "下载证明材料")
    public ResponseEntity<byte[]> downloadEvidence(@PathVariable String id, @PathVariable String fileId) {
        SubmissionDetail submission = access.visible(id, Caller.current());
        boolean attached = submission.evidence().stream().anyMatch(e -> e.fileId().equals(fileId));
        return evidenceStore.download(id, fileId, attached);
    }

    @GetMapping("/api/submissions/reporting")
    @Operation(summary = "报送情况：哪些单位尚未填报")
    public ReportingStatus reporting(@RequestParam String period) {
        TrackerUser user = Caller.current();
        Period parsed = parsePeriod(period);
        ReportingStatus status = queryGateway.query(new FindReportingStatus(user.cityId(), parsed.code()),
                ReportingStatus.class).join();
        List<UnitReportingStatus> units = status.units();
        if (user.dataScope() != DataScope.CITY) {
            Set<String> visible = orgDirectory.visibleUnits(user.orgUnitId(), user.cityId(), user.dataScope())
                    .stream().map(OrgUnitView::id).collect(Collectors.toSet());
            units = units.stream().filter(u -> visible.contains(u.orgUnitId())).toList();
        }
        return withCalendarDeadlines(status.cityId(), parsed, units);
    }

    /**
     * A unit without a report yet is due with the latest of its indicators; the period is due when the last of
     * these units is (without units, on the period's default deadline).
     */
    private ReportingStatus withCalendarDeadlines(String cityId, Period period, List<UnitReportingStatus> units) {
        List<IndicatorView> indicators = catalog.ofCity(cityId).stream()
                .filter(i -> i.periodType() == period.type()).toList();
        List<UnitReportingStatus> dated = units.stream().map(u -> u.deadline() != null ? u
                : u.withDeadline(UnitForms.window(indicators.stream()
                        .filter(i -> i.reportedBy(u.orgUnitId())).toList(), period).due())).toList();
        LocalDate due = dated.stream().map(UnitReportingStatus::deadline).max(Comparator.naturalOrder())
                .orElse(period.deadline());
        return new ReportingStatus(cityId, period.code(), due, dated);
    }

    static Period parsePeriod(String period) {
        return Period.parse(period).orElseThrow(() -> BadRequest.period("period", period));
    }
}
