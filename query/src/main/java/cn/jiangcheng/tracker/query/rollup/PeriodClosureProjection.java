package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodClosed;
import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodReopened;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.PeriodClosure;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitRef;
import com.fasterxml.jackson.core.type.TypeReference;
import cn.jiangcheng.tracker.query.common.AuditMetadata;
import cn.jiangcheng.tracker.query.common.Columns;
import cn.jiangcheng.tracker.query.common.JsonColumns;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 截止汇总 of reporting periods: whether a city's period is closed, by whom, and who was missing then. */
@Component
@ProcessingGroup(PeriodClosureProjection.NAME)
public class PeriodClosureProjection {
    public static final String NAME = "period-closures";
    /** The tables it alone writes (V10). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME, List.of("period_closure"));
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public PeriodClosureProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PeriodClosed event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        jdbc.update("""
                insert into period_closure (id, city_id, period, closed, closed_at, closed_by, note, missing, version)
                values (?, ?, ?, true, ?, ?, ?, cast(? as jsonb), ?)
                on conflict (id) do update set closed = true, closed_at = excluded.closed_at,
                    closed_by = excluded.closed_by, note = excluded.note, missing = excluded.missing,
                    version = excluded.version
                where period_closure.version < excluded.version""",
                event.reportingPeriodId(), event.cityId(), event.period(), Columns.time(at),
                AuditMetadata.userName(metaData), event.note(), json(event.missingUnitIds()), version);
    }

    @EventHandler
    void on(PeriodReopened event, @SequenceNumber long version) {
        jdbc.update("update period_closure set closed = false, version = ? where id = ? and version < ?",
                version, event.reportingPeriodId(), version);
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    /** The closure of a city's period, or null while it is open. */
    public PeriodClosure closure(String cityId, String period) {
        List<PeriodClosure> rows = jdbc.query("""
                select closed_at, closed_by, note, missing::text as missing from period_closure
                where city_id = ? and period = ? and closed""",
                (rs, i) -> new PeriodClosure(rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("closed_by"), rs.getString("note"), units(rs.getString("missing"))),
                cityId, period);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<UnitRef> units(String missingJson) {
        List<String> ids = read(missingJson);
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name from org_unit_view where id = any(?)", rs -> {
                names.put(rs.getString("id"), rs.getString("name"));
            }, (Object) ids.toArray(String[]::new));
        }
        return ids.stream().map(id -> new UnitRef(id, names.get(id))).toList();
    }

    private static String json(List<String> ids) {
        return JsonColumns.write(ids == null ? List.of() : ids);
    }

    private static List<String> read(String json) {
        return json == null ? List.of() : JsonColumns.read(json, IDS);
    }
}
