package cn.jiangcheng.tracker.app.indicator;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.AssignIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeIndicatorTargets;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangePlausibilityShare;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.SetProvincialTarget;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.BadRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
@Tag(name = "指标目录")
public class IndicatorController {
    private final IndicatorCatalog catalog;
    private final CommandGateway commandGateway;
    private final OrgDirectory orgDirectory;

    public IndicatorController(IndicatorCatalog catalog, CommandGateway commandGateway, OrgDirectory orgDirectory) {
        this.catalog = catalog;
        this.commandGateway = commandGateway;
        this.orgDirectory = orgDirectory;
    }

    public record TargetsRequest(@NotNull(message = "目标不能为空") @Size(max = 20, message = "目标过多") List<@NotNull Target> targets,
                                 @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record ProvincialTargetRequest(@NotNull(message = "年份不能为空") @Min(2024) @Max(2050) Integer year,
                                          @NotNull(message = "目标值不能为空") @DecimalMin(value = "0", message = "目标值不能为负数")
                                          @DecimalMax(value = "1000000000", message = "目标值过大") BigDecimal value,
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

    public record Accepted(String id) {
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

    @PutMapping("/api/indicators/{id}/targets")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "修改目标值")
    public Accepted targets(@PathVariable String id, @Valid @RequestBody TargetsRequest request) {
        requireCityBureau(id);
        commandGateway.sendAndWait(new ChangeIndicatorTargets(id, request.targets(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/indicators/{id}/provincial-targets")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "设定“完成省下达目标”的具体数值")
    public Accepted provincialTarget(@PathVariable String id, @Valid @RequestBody ProvincialTargetRequest request) {
        requireCityBureau(id);
        commandGateway.sendAndWait(new SetProvincialTarget(id, request.year(), request.value(),
                request.expectedVersion()));
        return new Accepted(id);
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
        TrackerUser user = Caller.current();
        catalog.find(indicatorId).filter(i -> i.cityId().equals(user.cityId()))
                .orElseThrow(() -> new NotFoundInScope("未找到该指标"));
        if (user.dataScope() != DataScope.CITY) {
            throw new AccessDeniedException("only the city bureau maintains the catalog");
        }
        return user;
    }

    private void requireUnitOfCity(String unitId, TrackerUser user) {
        orgDirectory.find(unitId).filter(u -> user.cityId().equals(u.cityId()) && u.active())
                .orElseThrow(() -> new NotFoundInScope("未找到单位“" + unitId + "”"));
    }
}
