package cn.jiangcheng.tracker.app.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.CityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.FindCityRollup;
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
import org.axonframework.queryhandling.QueryGateway;
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
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the city stands against its targets. Only approved data counts unless an approver asks otherwise. */
@RestController
@Tag(name = "城市汇总")
public class RollupController {
    private final QueryGateway queryGateway;
    private final Clock clock;
    private final PointInTime pointInTime;

    public RollupController(QueryGateway queryGateway, Clock clock, PointInTime pointInTime) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.pointInTime = pointInTime;
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
        byte[] xlsx = RollupWorkbook.export(toSheet(rollup), clock.instant());
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
            i.units().forEach(u -> values.put(u.orgUnitName(), u.value()));
            Target target = i.nextTarget();
            return new RollupWorkbook.Row(i.number(), i.category(), i.name(), i.unit(),
                    i.baseline() == null ? null : i.baseline().text(),
                    target == null ? null : target.text(), target == null ? null : target.year(),
                    i.cityValue(), i.progress(), RollupWorkbook.statusLabel(i.status().name()),
                    i.valueType() == ValueType.YES_NO, values);
        }).toList();
        return new RollupWorkbook.Sheet(rollup.cityName(), rollup.period(), rollup.includePending(),
                List.copyOf(unitNames.values()), rows);
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
        if (moment.isAfter(clock.instant())) {
            throw new BadRequest("asOf", "不能查询未来时刻的汇总");
        }
        // what the dashboard would have shown then: replayed from the events, the live read models untouched
        return pointInTime.query(user.cityId(), moment, query);
    }
}
