package cn.jiangcheng.tracker.app.rollup;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.CityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.FindCityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.PeriodClosure;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.app.audit.AuditTime;
import cn.jiangcheng.tracker.app.audit.PointInTime;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.BadRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import cn.jiangcheng.tracker.api.rollup.ClosureCommands;
import cn.jiangcheng.tracker.api.rollup.ClosureCommands.ClosePeriod;
import cn.jiangcheng.tracker.api.rollup.ClosureCommands.ReopenPeriod;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.format.DateTimeFormatter;

/** Where the city stands against its targets. Only approved data counts unless an approver asks otherwise. */
@RestController
@Tag(name = "城市汇总")
public class RollupController {
    private final QueryGateway queryGateway;
    private final CommandGateway commandGateway;
    private final BusinessCalendar calendar;
    private final PointInTime pointInTime;

    public RollupController(QueryGateway queryGateway, CommandGateway commandGateway, BusinessCalendar calendar,
                            PointInTime pointInTime) {
        this.queryGateway = queryGateway;
        this.commandGateway = commandGateway;
        this.calendar = calendar;
        this.pointInTime = pointInTime;
    }

    public record PeriodCloseRequest(@NotBlank(message = "填报期间不能为空") String period,
                               @NotBlank(message = "请填写截止汇总说明")
                               @Size(max = 500, message = "截止汇总说明不能超过500个字符") String note) {
    }

    public record PeriodReopenRequest(@NotBlank(message = "填报期间不能为空") String period,
                                @NotBlank(message = "请填写重新开放原因")
                                @Size(max = 500, message = "重新开放原因不能超过500个字符") String reason) {
    }

    /**
     * 截止汇总: the aggregate names as missing the units the live rollup (approved data only) lacks right now, so
     * what the bureau signs is what the dashboard showed.
     */
    @PostMapping("/api/rollups/city/closure")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "截止汇总：按现有数据判定本期，并记录未报送单位")
    public CityRollup close(@Valid @RequestBody PeriodCloseRequest request) {
        TrackerUser user = Caller.current();
        Period parsed = Period.parse(request.period()).orElseThrow(() -> BadRequest.period("period", request.period()));
        if (user.dataScope() != DataScope.CITY) {
            throw new AccessDeniedException("the city rollup shows every unit of the city");
        }
        String id = ClosureCommands.reportingPeriodId(user.cityId(), parsed.code());
        commandGateway.sendAndWait(new ClosePeriod(id, user.cityId(), parsed.code(), request.note()));
        return afterProjection(user, parsed.code(), true);
    }

    @PostMapping("/api/rollups/city/closure/reopen")
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "重新开放已截止汇总的期间")
    public CityRollup reopen(@Valid @RequestBody PeriodReopenRequest request) {
        TrackerUser user = Caller.current();
        Period parsed = Period.parse(request.period()).orElseThrow(() -> BadRequest.period("period", request.period()));
        commandGateway.sendAndWait(new ReopenPeriod(ClosureCommands.reportingPeriodId(user.cityId(), parsed.code()),
                user.cityId(), request.reason()));
        return afterProjection(user, parsed.code(), false);
    }

    /** The rollup once the closure projection has caught up with the command just handled (milliseconds). */
    private CityRollup afterProjection(TrackerUser user, String period, boolean closed) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        CityRollup rollup = rollup(user, period, false, null);
        while ((rollup.closure() != null) != closed && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            rollup = rollup(user, period, false, null);
        }
        return rollup;
    }

    @GetMapping("/api/rollups/city")
    @PreAuthorize("hasAnyRole('APPROVER', 'AUDITOR', 'INSPECTOR')")
    @Operation(summary = "城市指标汇总：城市值、目标、进展、状态、各单位排名与趋势；asOf 给出某一时刻的汇总（由事件重算）")
    public CityRollup city(@RequestParam String period,
                           @RequestParam(defaultValue = "false") boolean includePending,
                           @RequestParam(required = false) String asOf) {
        return rollup(Caller.current(), period, includePending, asOf);
    }

    @GetMapping("/api/rollups/city/export")
    @PreAuthorize("hasAnyRole('APPROVER', 'AUDITOR', 'INSPECTOR')")
    @Operation(summary = "导出城市汇总（Excel）")
    public ResponseEntity<byte[]> export(@RequestParam String period,
                                         @RequestParam(defaultValue = "false") boolean includePending,
                                         @RequestParam(required = false) String asOf) {
        CityRollup rollup = rollup(Caller.current(), period, includePending, asOf);
        byte[] xlsx = RollupWorkbook.export(toSheet(rollup), calendar.now());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(rollup.cityName() + "-" + rollup.period() + "-指标汇总.xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(MediaType.parseMediaType(RollupWorkbook.CONTENT_TYPE))
                .body(xlsx);
    }

    static RollupWorkbook.Sheet toSheet(CityRollup rollup) {
        Map<String, String> unitNames = new LinkedHashMap<>();
        rollup.indicators().forEach(i -> i.units().forEach(u -> unitNames.putIfAbsent(u.orgUnitId(), u.orgUnitName())));
        List<RollupWorkbook.Row> rows = rollup.indicators().stream().map(i -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            Set<String> notApplicable = new HashSet<>();
            i.units().forEach(u -> {
                values.put(u.orgUnitName(), u.value());
                if (u.notApplicable()) {
                    notApplicable.add(u.orgUnitName());
                }
            });
            Target target = i.nextTarget();
            return new RollupWorkbook.Row(i.number(), i.category(), i.name(), i.unit(),
                    i.baseline() == null ? null : i.baseline().text(),
                    target == null ? null : target.text(), target == null ? null : target.year(),
                    i.cityValue(), i.progress(), RollupWorkbook.statusLabel(i.status().name()), i.statusReason(),
                    i.valueType() == ValueType.YES_NO, values, notApplicable);
        }).toList();
        return new RollupWorkbook.Sheet(rollup.cityName(), rollup.period(), rollup.includePending(),
                closureText(rollup.closure()), List.copyOf(unitNames.values()), rows);
    }

    private static String closureText(PeriodClosure closure) {
        if (closure == null) {
            return null;
        }
        String day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE)
                .format(closure.closedAt());
        String missing = closure.missingAtClosing().stream()
                .map(u -> u.orgUnitName() != null ? u.orgUnitName() : u.orgUnitId()).collect(Collectors.joining("、"));
        return "已于" + day + "截止汇总（截止时未报送：" + missing + "）";
    }

    CityRollup rollup(TrackerUser user, String period, boolean includePending, String asOf) {
        Instant moment = AuditTime.parse("asOf", asOf, AuditTime.DateMeans.END_OF_DAY);
        Period parsed = Period.parse(period).orElseThrow(() -> BadRequest.period("period", period));
        if (user.dataScope() != DataScope.CITY) {
            throw new AccessDeniedException("the city rollup shows every unit of the city");
        }
        if (includePending && !user.hasRole(Role.APPROVER) && !user.hasRole(Role.AUDITOR)) {
            throw new AccessDeniedException("only approvers and auditors see pending values");
        }
        Supplier<CityRollup> query = () -> queryGateway.query(
                new FindCityRollup(user.cityId(), parsed.code(), includePending), CityRollup.class).join();
        if (moment == null) {
            return query.get();
        }
        if (moment.isAfter(calendar.now())) {
            throw new BadRequest("asOf", "不能查询未来时刻的汇总");
        }
        // what the dashboard would have shown then: replayed from the events, the live read models untouched
        return pointInTime.query(user.cityId(), moment, query);
    }
}
