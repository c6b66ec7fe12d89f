package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.app.audit.AuditLog.Filter;
import cn.jiangcheng.tracker.app.audit.AuditLog.LoggedEvent;
import cn.jiangcheng.tracker.app.audit.AuditTime.DateMeans;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.BadRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The auditor's view of the event store: search, timelines, time travel, rebuilds, chain verification. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "审计")
public class AuditController {
    private static final Set<String> FILTERS = AuditFilterParameters.names();

    private final AuditLog log;
    private final AggregateHistory history;
    private final ProjectionAdmin projections;
    private final ChainVerifier verifier;
    private final AuditTrail trail;
    private final ObjectMapper exportMapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AuditController(AuditLog log, AggregateHistory history, ProjectionAdmin projections, ChainVerifier verifier,
                           AuditTrail trail) {
        this.log = log;
        this.history = history;
        this.projections = projections;
        this.verifier = verifier;
        this.trail = trail;
    }

    @GetMapping("/events")
    @Operation(summary = "检索本市事件日志（按时间、单位、用户、记录、事件类型、关联号；按全局序号翻页）")
    public AuditLog.Page events(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        TrackerUser auditor = Caller.current();
        AuditLog.Page page = log.search(filter(auditor, params, 50, AuditLog.MAX_PAGE));
        trail.read(auditor, "events", params, page.events().size());
        return page;
    }

    @GetMapping("/export")
    @Operation(summary = "导出所选事件及其链接（CSV 或 JSON），可离线校验")
    public ResponseEntity<byte[]> export(@Parameter(hidden = true) @RequestParam Map<String, String> params) throws IOException {
        TrackerUser auditor = Caller.current();
        String format = params.getOrDefault("format", "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadRequest("format", "导出格式只能是 json 或 csv");
        }
        Map<String, String> ascending = new LinkedHashMap<>(params);
        ascending.putIfAbsent("order", "asc");
        Filter filter = filter(auditor, ascending, AuditLog.MAX_EXPORT, AuditLog.MAX_EXPORT);
        AuditLog.Page page = log.search(filter);
        trail.read(auditor, "export", params, page.events().size());
        String name = "event-log-" + auditor.cityId() + "." + format;
        byte[] body = format.equals("json") ? json(filter, page) : EventLogCsv.write(page.events());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(format.equals("json") ? MediaType.APPLICATION_JSON
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @GetMapping("/aggregate-types")
    @Operation(summary = "可查询时间线的记录类型")
    public List<String> aggregateTypes() {
        return history.aggregateTypes();
    }

    @GetMapping("/aggregates/{type}/{id}/timeline")
    @Operation(summary = "一条记录的完整时间线：每个事件及其引起的字段变化")
    public AggregateHistory.Timeline timeline(@PathVariable String type, @PathVariable String id) {
        TrackerUser auditor = Caller.current();
        requireInCity(auditor, type, id);
        AggregateHistory.Timeline timeline = history.timeline(type, id)
                .orElseThrow(() -> new NotFoundInScope("未找到该记录"));
        trail.read(auditor, "timeline", Map.of("aggregateType", type, "aggregateId", id), timeline.steps().size());
        return timeline;
    }

    @GetMapping("/aggregates/{type}/{id}/state")
    @Operation(summary = "一条记录在某一时刻的状态（由截至该时刻的事件重建）")
    public AggregateHistory.State state(@PathVariable String type, @PathVariable String id,
                                        @RequestParam String asOf) {
        TrackerUser auditor = Caller.current();
        Instant moment = AuditTime.parse("asOf", asOf, DateMeans.END_OF_DAY);
        requireInCity(auditor, type, id);
        AggregateHistory.State state = history.stateAsOf(type, id, moment)
                .orElseThrow(() -> new NotFoundInScope("该记录在 " + asOf + " 时尚不存在"));
        trail.read(auditor, "state", Map.of("aggregateType", type, "aggregateId", id, "asOf", asOf), 1);
        return state;
    }

    @GetMapping("/projections")
    @Operation(summary = "各投影（读模型）的状态与重建进度")
    public List<ProjectionAdmin.ProjectionStatus> projections() {
        return projections.statuses();
    }

    @PostMapping("/projections/{name}/rebuild")
    @Operation(summary = "从事件库重建一个投影（后台进行，服务不中断）")
    @ApiResponse(responseCode = "202", description = "重建已开始；答复为投影当前的状态")
    public ResponseEntity<ProjectionAdmin.ProjectionStatus> rebuild(@PathVariable String name) {
        TrackerUser auditor = Caller.current();
        if (projections.status(name).isEmpty()) {
            throw new NotFoundInScope("没有名为“" + name + "”的投影");
        }
        trail.rebuildRequested(auditor, name);
        projections.rebuild(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.status(name).orElseThrow());
    }

    @GetMapping("/verify")
    @Operation(summary = "校验事件哈希链，指出第一处被改动、删除或插入的事件")
    public ChainVerifier.Result verify() {
        TrackerUser auditor = Caller.current();
        ChainVerifier.Result result = verifier.verify();
        trail.read(auditor, "verify", Map.of(), (int) Math.min(Integer.MAX_VALUE, result.checkedEvents()));
        return result;
    }

    private void requireInCity(TrackerUser auditor, String type, String id) {
        if (!log.citiesOf(type, id).contains(auditor.cityId())) {
            throw new NotFoundInScope("未找到该记录");
        }
    }

    private Filter filter(TrackerUser auditor, Map<String, String> params, int defaultLimit, int maxLimit) {
        List<String> unknown = new ArrayList<>(params.keySet());
        unknown.removeAll(FILTERS);
        if (!unknown.isEmpty()) {
            throw new BadRequest(unknown.get(0), "不支持的查询条件“" + unknown.get(0) + "”");
        }
        Instant from = AuditTime.parse("from", params.get("from"), DateMeans.START_OF_DAY);
        Instant to = AuditTime.parse("to", params.get("to"), DateMeans.END_OF_DAY);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequest("from", "开始时间晚于结束时间");
        }
        String order = params.getOrDefault("order", "desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new BadRequest("order", "排序只能是 asc 或 desc");
        }
        return new Filter(auditor.cityId(), from, to, blank(params.get("orgUnit")), blank(params.get("user")),
                blank(params.get("aggregateType")), blank(params.get("aggregateId")), blank(params.get("eventType")),
                blank(params.get("correlationId")), number(params, "after", 0, Long.MAX_VALUE),
                number(params, "limit", 1, maxLimit) == null ? defaultLimit
                        : number(params, "limit", 1, maxLimit).intValue(), order.equals("desc"));
    }

    private static Long number(Map<String, String> params, String name, long min, long max) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                throw new BadRequest(name, name + " 应在 " + min + " 到 " + max + " 之间");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequest(name, name + " 应为整数");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private byte[] json(Filter filter, AuditLog.Page page) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("cityId", filter.cityId());
        document.put("exportedAt", Instant.now());
        document.put("hashAlgorithm", "SHA-256 over prevHash || canonical(event); see docs/audit-chain.md");
        document.put("complete", page.nextAfter() == null);
        document.put("events", page.events());
        return exportMapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    /** Kept next to the export so the columns are read in one place. */
    static final class EventLogCsv {
        private EventLogCsv() {
        }

        static byte[] write(List<LoggedEvent> events) {
            StringBuilder csv = new StringBuilder("\uFEFF");
            csv.append("全局序号,时间,用户,姓名,角色,操作单位,客户端地址,记录类型,记录编号,版本,事件,关联号,涉及单位,内容,前一链接,本链接\r\n");
            for (LoggedEvent e : events) {
                csv.append(String.join(",", List.of(String.valueOf(e.globalIndex()), e.time().toString(),
                        cell(e.userId()), cell(e.userName()), cell(e.roles()), cell(e.actorUnitId()), cell(e.clientIp()),
                        cell(e.aggregateType()), cell(e.aggregateId()), String.valueOf(e.sequenceNumber()),
                        cell(e.eventType()), cell(e.correlationId()), cell(e.subjectUnitId()),
                        cell(e.payload() == null ? null : e.payload().toString()), e.link().prevHash(), e.link().hash())))
                        .append("\r\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** Quotes everything and defuses formulas: an exported log must not run anything when opened in Excel. */
        private static String cell(String value) {
            if (value == null) {
                return "";
            }
            String text = value;
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
    }
}
