package cn.jiangcheng.tracker.app.indicator;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.AssignIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangePlausibilityShare;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ConfirmTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ProposeProvincialTarget;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ProposeTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.RejectTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.WithdrawTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.FindOpenTargetProposals;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.FindTargetHistory;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.ProposalList;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.ProposalView;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.TargetHistory;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.web.BusinessReaders;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.app.web.VersionRequest;
import cn.jiangcheng.tracker.app.web.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@RestController
@Tag(name = "指标目录")
@PreAuthorize(BusinessReaders.ONLY) // the administrator sees no business data
public class IndicatorController {
    private final IndicatorCatalog catalog;
    private final CommandGateway commandGateway;
    private final OrgDirectory orgDirectory;
    private final QueryGateway queryGateway;

    public IndicatorController(IndicatorCatalog catalog, CommandGateway commandGateway, OrgDirectory orgDirectory,
                               QueryGateway queryGateway) {
        this.catalog = catalog;
        this.commandGateway = commandGateway;
        this.orgDirectory = orgDirectory;
        this.queryGateway = queryGateway;
    }

    /** A change of the target list, with why and the document it comes from (文号 and title). */
    public record TargetProposalRequest(@NotNull(message = "目标不能为空") @Size(max = 20, message = "目标过多")
                                        List<@NotNull Target> targets,
                                        @NotBlank(message = "调整理由不能为空") @Size(max = 500, message = "调整理由不能超过500个字符")
                                        String reason,
                                        @NotBlank(message = "文号不能为空") @Size(max = 60, message = "文号不能超过60个字符")
                                        String documentNumber,
                                        @NotBlank(message = "文件标题不能为空") @Size(max = 200, message = "文件标题不能超过200个字符")
                                        String documentTitle,
                                        @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    /** value stays empty for a yes/no indicator: its provincial target is 有效保障. */
    public record ProvincialProposalRequest(@NotNull(message = "年份不能为空") @Min(2024) @Max(2050) Integer year,
                                            @DecimalMin(value = "0", message = "目标值不能为负数")
                                            @DecimalMax(value = "1000000000", message = "目标值过大") BigDecimal value,
                                            @NotBlank(message = "调整理由不能为空") @Size(max = 500, message = "调整理由不能超过500个字符")
                                            String reason,
                                            @NotBlank(message = "文号不能为空") @Size(max = 60, message = "文号不能超过60个字符")
                                            String documentNumber,
                                            @NotBlank(message = "文件标题不能为空") @Size(max = 200, message = "文件标题不能超过200个字符")
                                            String documentTitle,
                                            @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record RejectionRequest(@NotBlank(message = "驳回理由不能为空") @Size(max = 500, message = "驳回理由不能超过500个字符")
                                   String reason,
                                   @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record AssignmentRequest(@NotNull(message = "填报周期不能为空") PeriodType periodType,
                                    @NotNull(message = "填报单位不能为空") @Size(max = 200) List<@NotNull String> reportingUnitIds,
                                    String measuringUnitId,
                                    @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record PlausibilityRequest(@NotNull(message = "阈值不能为空") @DecimalMin(value = "0.01", message = "阈值须大于0")
                                      @DecimalMax(value = "10", message = "阈值不能超过10") BigDecimal share,
                                      @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record ProposalCreated(String id, String proposalId) {
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "本市指标目录（专栏1）")
    public List<IndicatorView> list() {
        return catalog.ofCity(Caller.current().cityId());
    }

    @GetMapping("/api/indicators/assigned")
    @Operation(summary = "某单位某期须填报的指标")
    public List<IndicatorView> assigned(@RequestParam String orgUnitId, @RequestParam String period) {
        TrackerUser user = Caller.current();
        if (!orgDirectory.isVisible(orgUnitId, user.orgUnitId(), user.cityId(), user.dataScope())) {
            throw new NotFoundInScope("未找到该单位");
        }
        Period parsed = Period.parse(period).orElseThrow(() -> BadRequest.period("period", period));
        return catalog.assignedTo(orgUnitId, parsed.type());
    }

    @GetMapping("/api/indicators/target-proposals")
    @PreAuthorize("hasAnyRole('APPROVER', 'AUDITOR', 'INSPECTOR')")
    @Operation(summary = "本市待确认的目标调整")
    public List<ProposalView> openProposals() {
        return queryGateway.query(new FindOpenTargetProposals(Caller.current().cityId()), ProposalList.class)
                .join().proposals();
    }

    @GetMapping("/api/indicators/{id}/target-history")
    @PreAuthorize("hasAnyRole('APPROVER', 'AUDITOR', 'INSPECTOR')")
    @Operation(summary = "目标调整记录：待确认的提议、已生效的调整、已驳回或撤回的提议")
    public TargetHistory targetHistory(@PathVariable String id) {
        requireOwnCity(id);
        return queryGateway.query(new FindTargetHistory(id), TargetHistory.class).join();
    }

    @PostMapping("/api/indicators/{id}/target-proposals")
    @PreAuthorize("hasRole('APPROVER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出目标调整（须另一名审核人确认后生效）")
    public ProposalCreated proposeTargets(@PathVariable String id, @Valid @RequestBody TargetProposalRequest request) {
        return propose(id, proposalId -> new ProposeTargetChange(id, proposalId, request.targets(), request.reason(),
                request.documentNumber(), request.documentTitle(), request.expectedVersion()));
    }

    @PostMapping("/api/indicators/{id}/target-proposals/provincial")
    @PreAuthorize("hasRole('APPROVER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出“完成省下达目标”的具体目标（是/否指标不填数值，即“有效保障”）")
    public ProposalCreated proposeProvincialTarget(@PathVariable String id,
                                                   @Valid @RequestBody ProvincialProposalRequest request) {
        return propose(id, proposalId -> new ProposeProvincialTarget(id, proposalId, request.year(), request.value(),
                request.reason(), request.documentNumber(), request.documentTitle(), request.expectedVersion()));
    }

    @PostMapping("/api/indicators/{id}/target-proposals/{proposalId}/confirm")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "确认目标调整（提出人以外的审核人），确认后生效")
    public Accepted confirmProposal(@PathVariable String id, @PathVariable String proposalId,
                                    @Valid @RequestBody VersionRequest request) {
        return decide(id, new ConfirmTargetChange(id, proposalId, request.expectedVersion()));
    }

    @PostMapping("/api/indicators/{id}/target-proposals/{proposalId}/reject")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "驳回目标调整（提出人以外的审核人，须说明理由）")
    public Accepted rejectProposal(@PathVariable String id, @PathVariable String proposalId,
                                   @Valid @RequestBody RejectionRequest request) {
        return decide(id, new RejectTargetChange(id, proposalId, request.reason(), request.expectedVersion()));
    }

    @PostMapping("/api/indicators/{id}/target-proposals/{proposalId}/withdraw")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "撤回自己提出的目标调整")
    public Accepted withdrawProposal(@PathVariable String id, @PathVariable String proposalId,
                                     @Valid @RequestBody VersionRequest request) {
        return decide(id, new WithdrawTargetChange(id, proposalId, request.expectedVersion()));
    }

    @PutMapping("/api/indicators/{id}/assignment")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "指定填报单位和周期")
    public Accepted assign(@PathVariable String id, @Valid @RequestBody AssignmentRequest request) {
        TrackerUser user = requireCityBureau(id);
        for (String unit : request.reportingUnitIds()) {
            requireUnitOfCity(unit, user);
        }
        if (request.measuringUnitId() != null) {
            requireUnitOfCity(request.measuringUnitId(), user);
        }
        commandGateway.sendAndWait(new AssignIndicator(id, request.periodType(), request.reportingUnitIds(),
                request.measuringUnitId(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PutMapping("/api/indicators/{id}/plausibility")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "修改变动说明阈值")
    public Accepted plausibility(@PathVariable String id, @Valid @RequestBody PlausibilityRequest request) {
        requireCityBureau(id);
        commandGateway.sendAndWait(new ChangePlausibilityShare(id, request.share(), request.expectedVersion()));
        return new Accepted(id);
    }

    // ---------------------------------------------------------------- reporting calendar

    /** A period opens openDaysEarly days before the day after it ends; due on dueDay, dueMonthsAfterEnd months on. */
    public record CalendarInput(@NotNull(message = "请填写提前开放天数") @Min(value = 0, message = "提前开放天数须在0到31之间")
                                @Max(value = 31, message = "提前开放天数须在0到31之间") Integer openDaysEarly,
                                @NotNull(message = "请填写截止月份") @Min(value = 0, message = "截止月份须为期末后0到12个月")
                                @Max(value = 12, message = "截止月份须为期末后0到12个月") Integer dueMonthsAfterEnd,
                                @NotNull(message = "请填写截止日") @Min(value = 1, message = "截止日须在1到31之间")
                                @Max(value = 31, message = "截止日须在1到31之间") Integer dueDay) {
        ReportingCalendar toCalendar() {
            return new ReportingCalendar(openDaysEarly, dueMonthsAfterEnd, dueDay);
        }
    }

    /** calendar null: back to the default calendar of the indicator's period type. */
    public record CalendarRequest(@Valid CalendarInput calendar,
                                  @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    @PutMapping("/api/indicators/{id}/calendar")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "修改填报日历（何时开放填报、何时截止）")
    public Accepted calendar(@PathVariable String id, @Valid @RequestBody CalendarRequest request) {
        requireCityBureau(id);
        commandGateway.sendAndWait(new ChangeReportingCalendar(id,
                request.calendar() == null ? null : request.calendar().toCalendar(), request.expectedVersion()));
        return new Accepted(id);
    }

    /** The catalog belongs to the city: only approvers with the whole city in view maintain it. */
    private TrackerUser requireCityBureau(String indicatorId) {
        TrackerUser user = requireOwnCity(indicatorId);
        if (user.dataScope() != DataScope.CITY) {
            throw new AccessDeniedException("only the city bureau maintains the catalog");
        }
        return user;
    }

    private TrackerUser requireOwnCity(String indicatorId) {
        TrackerUser user = Caller.current();
        catalog.find(indicatorId).filter(i -> i.cityId().equals(user.cityId()))
                .orElseThrow(() -> new NotFoundInScope("未找到该指标"));
        return user;
    }

    /** The server names the proposal, so the caller can refer to it at once. */
    private ProposalCreated propose(String indicatorId, Function<String, Object> command) {
        requireCityBureau(indicatorId);
        String proposalId = "TP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        commandGateway.sendAndWait(command.apply(proposalId));
        return new ProposalCreated(indicatorId, proposalId);
    }

    private Accepted decide(String indicatorId, Object decision) {
        requireCityBureau(indicatorId);
        commandGateway.sendAndWait(decision);
        return new Accepted(indicatorId);
    }

    private void requireUnitOfCity(String unitId, TrackerUser user) {
        orgDirectory.find(unitId).filter(u -> user.cityId().equals(u.cityId()) && u.active())
                .orElseThrow(() -> new NotFoundInScope("未找到单位“" + unitId + "”"));
    }
}
