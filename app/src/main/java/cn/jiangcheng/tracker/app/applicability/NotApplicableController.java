package cn.jiangcheng.tracker.app.applicability;

import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.ConfirmNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.DeclareNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.RejectNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.RevokeNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.SetNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicableRecord;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.NotApplicablePage;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.NotApplicableView;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.Status;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.app.indicator.IndicatorCatalog;
import cn.jiangcheng.tracker.app.web.BusinessReaders;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.submission.SubmissionAccess;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.app.web.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.stream.Collectors;

import static cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.applicabilityId;

/**
 * 不涉及: a reporting unit declares that an indicator does not apply to it, the city bureau confirms or rejects
 * that, or sets and revokes it directly. A confirmed one takes the indicator out of the unit's reports.
 */
@RestController
@Tag(name = "不涉及")
@PreAuthorize(BusinessReaders.ONLY) // the administrator sees no business data
public class NotApplicableController {
    static final int MAX_PAGE = 100;
    private static final String INDICATOR_NOT_FOUND = "未找到该指标";
    private static final String RECORD_NOT_FOUND = "未找到该不涉及记录";

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final IndicatorCatalog catalog;
    private final OrgDirectory orgDirectory;
    private final SubmissionAccess submissions;

    public NotApplicableController(CommandGateway commandGateway, QueryGateway queryGateway,
                                   IndicatorCatalog catalog, OrgDirectory orgDirectory,
                                   SubmissionAccess submissions) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.catalog = catalog;
        this.orgDirectory = orgDirectory;
        this.submissions = submissions;
    }

    /** orgUnitId defaults to the submitter's own unit, the only one it may declare for. */
    public record DeclareRequest(@Size(max = 40) String orgUnitId,
                                 @NotBlank(message = "请填写不涉及原因") @Size(max = 500, message = "不涉及原因不能超过500个字符")
                                 String reason) {
    }

    public record NotApplicableReason(@NotBlank(message = "请填写原因") @Size(max = 500, message = "原因不能超过500个字符")
                                String reason) {
    }

    public record ConfirmRequest(@NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion,
                                 @Size(max = 500, message = "确认意见不能超过500个字符") String comment) {
    }

    public record NotApplicableDecision(@NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion,
                                  @NotBlank(message = "请填写原因") @Size(max = 500, message = "原因不能超过500个字符")
                                  String reason) {
    }

    @PostMapping("/api/indicators/{id}/not-applicable")
    @PreAuthorize("hasRole('SUBMITTER')")
    @Operation(summary = "申报不涉及（本单位）", description = "由市生态环境局审核员确认后生效")
    public Accepted declare(@PathVariable String id, @Valid @RequestBody DeclareRequest request) {
        TrackerUser user = Caller.current();
        IndicatorView indicator = indicatorOfCity(id, user);
        String unitId = request.orgUnitId() == null || request.orgUnitId().isBlank() ? user.orgUnitId()
                : request.orgUnitId();
        OrgUnitView unit = reportingUnit(indicator, unitId, user);
        String recordId = applicabilityId(indicator.id(), unit.id());
        commandGateway.sendAndWait(new DeclareNotApplicable(recordId, indicator.id(), unit.id(), unit.cityId(),
                approvalUnit(unit.cityId()), request.reason()));
        return new Accepted(recordId);
    }

    @PutMapping("/api/indicators/{id}/not-applicable/{unitId}")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "直接设定不涉及（市生态环境局）")
    public Accepted set(@PathVariable String id, @PathVariable String unitId,
                        @Valid @RequestBody NotApplicableReason request) {
        TrackerUser user = cityBureau();
        IndicatorView indicator = indicatorOfCity(id, user);
        OrgUnitView unit = reportingUnit(indicator, unitId, user);
        String recordId = applicabilityId(indicator.id(), unit.id());
        commandGateway.sendAndWait(new SetNotApplicable(recordId, indicator.id(), unit.id(), unit.cityId(),
                approvalUnit(unit.cityId()), request.reason()));
        return new Accepted(recordId);
    }

    @PostMapping("/api/indicators/{id}/not-applicable/{unitId}/confirm")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "确认不涉及")
    public Accepted confirm(@PathVariable String id, @PathVariable String unitId,
                            @Valid @RequestBody ConfirmRequest request) {
        String recordId = existing(id, unitId).id();
        commandGateway.sendAndWait(new ConfirmNotApplicable(recordId, request.comment(), request.expectedVersion()));
        return new Accepted(recordId);
    }

    @PostMapping("/api/indicators/{id}/not-applicable/{unitId}/reject")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "驳回不涉及申请")
    public Accepted reject(@PathVariable String id, @PathVariable String unitId,
                           @Valid @RequestBody NotApplicableDecision request) {
        String recordId = existing(id, unitId).id();
        commandGateway.sendAndWait(new RejectNotApplicable(recordId, request.reason(), request.expectedVersion()));
        return new Accepted(recordId);
    }

    @PostMapping("/api/indicators/{id}/not-applicable/{unitId}/revoke")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "撤销不涉及（该单位恢复填报此指标）")
    public Accepted revoke(@PathVariable String id, @PathVariable String unitId,
                           @Valid @RequestBody NotApplicableDecision request) {
        String recordId = existing(id, unitId).id();
        commandGateway.sendAndWait(new RevokeNotApplicable(recordId, request.reason(), request.expectedVersion()));
        return new Accepted(recordId);
    }

    @GetMapping("/api/not-applicable")
    @Operation(summary = "不涉及申报与确认情况（分页、筛选）", description = "待确认的排在前面，其余按指标序号、单位排列")
    public NotApplicablePage list(@RequestParam(required = false) Status status,
                                  @RequestParam(required = false) String indicator,
                                  @RequestParam(required = false) String unit,
                                  @RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(defaultValue = "20") int limit) {
        if (offset < 0) {
            throw new BadRequest("offset", "offset 不能为负数");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadRequest("limit", "每页条数应在1到" + MAX_PAGE + "之间");
        }
        TrackerUser user = Caller.current();
        Set<String> scope = user.dataScope() == DataScope.CITY ? null
                : orgDirectory.visibleUnits(user.orgUnitId(), user.cityId(), user.dataScope()).stream()
                .map(OrgUnitView::id).collect(Collectors.toSet());
        return queryGateway.query(new FindNotApplicable(user.cityId(), scope, status, blankToNull(indicator),
                blankToNull(unit), offset, limit), NotApplicablePage.class).join();
    }

    private IndicatorView indicatorOfCity(String indicatorId, TrackerUser user) {
        return catalog.find(indicatorId).filter(i -> i.cityId().equals(user.cityId()))
                .orElseThrow(() -> new NotFoundInScope(INDICATOR_NOT_FOUND));
    }

    /**
     * The unit must be one the caller sees and one of the indicator's reporting units; the measuring unit measures
     * the city figure itself and is never 不涉及.
     */
    private OrgUnitView reportingUnit(IndicatorView indicator, String unitId, TrackerUser user) {
        OrgUnitView unit = orgDirectory.find(unitId)
                .filter(u -> orgDirectory.isVisible(u.id(), user.orgUnitId(), user.cityId(), user.dataScope()))
                .orElseThrow(() -> new NotFoundInScope("未找到该单位"));
        if (!indicator.reportingUnitIds().contains(unit.id())) {
            throw new BusinessRuleViolation("NOT_ASSIGNED",
                    "指标“" + indicator.name() + "”不属于" + unit.name() + "的填报任务");
        }
        return unit;
    }

    /** Only the city bureau decides what a unit reports; county approvers do not. */
    private static TrackerUser cityBureau() {
        TrackerUser user = Caller.current();
        if (user.dataScope() != DataScope.CITY) {
            throw new AccessDeniedException("only the city bureau decides 不涉及");
        }
        return user;
    }

    private NotApplicableView existing(String indicatorId, String unitId) {
        TrackerUser user = cityBureau();
        indicatorOfCity(indicatorId, user);
        return queryGateway.query(new FindNotApplicableRecord(applicabilityId(indicatorId, unitId)),
                        ResponseTypes.optionalInstanceOf(NotApplicableView.class)).join()
                .filter(r -> r.cityId().equals(user.cityId()))
                .orElseThrow(() -> new NotFoundInScope(RECORD_NOT_FOUND));
    }

    private String approvalUnit(String cityId) {
        return submissions.approvalUnitOf(cityId)
                .orElseThrow(() -> new BusinessRuleViolation("NO_APPROVER", "本市尚未设立审核单位（市生态环境局）"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
