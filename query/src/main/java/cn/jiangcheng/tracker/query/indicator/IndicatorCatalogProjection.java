package cn.jiangcheng.tracker.query.indicator;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorAssigned;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorDefined;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorTargetsChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.PlausibilityShareChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ProvincialTargetSet;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ReportingCalendarChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeConfirmed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeProposed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeRejected;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeWithdrawn;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicatorsAssignedTo;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindReportForm;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicatorsOfCity;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorList;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The indicator catalog: one row per indicator holding its current definition as jsonb, plus one row per unit that
 * must report it (indicator_unit), which the submission and rollup read models use to know who is expected.
 */
@Component
@ProcessingGroup(IndicatorCatalogProjection.NAME)
public class IndicatorCatalogProjection {
    public static final String NAME = "indicator-catalog";
    /** The tables it alone writes (V3). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME,
            List.of("indicator_view", "indicator_unit"));

    private static final RowMapper<IndicatorView> ROW = (rs, i) -> IndicatorView.of(
            IndicatorDefinitions.fromJson(rs.getString("definition")), rs.getLong("version"));

    private final JdbcTemplate jdbc;

    public IndicatorCatalogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IndicatorDefined event, @SequenceNumber long version) {
        IndicatorDefinition d = event.definition();
        int inserted = jdbc.update("""
                insert into indicator_view (id, city_id, number, period_type, definition, version)
                values (?, ?, ?, ?, cast(? as jsonb), ?) on conflict (id) do nothing""",
                event.indicatorId(), d.cityId(), d.number(), d.periodType().name(),
                IndicatorDefinitions.toJson(d), version);
        if (inserted == 1) {
            replaceUnits(event.indicatorId(), d);
        }
    }

    @EventHandler
    void on(IndicatorTargetsChanged event, @SequenceNumber long version) {
        change(event.indicatorId(), version, d -> IndicatorDefinitions.withTargets(d, event.newTargets()));
    }

    @EventHandler
    void on(ProvincialTargetSet event, @SequenceNumber long version) {
        change(event.indicatorId(), version,
                d -> IndicatorDefinitions.withProvincialTarget(d, event.year(), event.value()));
    }

    @EventHandler
    void on(IndicatorAssigned event, @SequenceNumber long version) {
        IndicatorDefinition changed = change(event.indicatorId(), version, d -> IndicatorDefinitions.withAssignment(
                d, event.periodType(), event.reportingUnitIds(), event.measuringUnitId()));
        if (changed != null) {
            replaceUnits(event.indicatorId(), changed);
        }
    }

    @EventHandler
    void on(PlausibilityShareChanged event, @SequenceNumber long version) {
        change(event.indicatorId(), version, d -> IndicatorDefinitions.withPlausibilityShare(d, event.newShare()));
    }

    @EventHandler
    void on(ReportingCalendarChanged event, @SequenceNumber long version) {
        change(event.indicatorId(), version, d -> IndicatorDefinitions.withCalendar(d, event.newCalendar()));
    }

    /** A proposal changes no target, but the version the next command must name moves on. */
    @EventHandler
    void on(TargetChangeProposed event, @SequenceNumber long version) {
        advance(event.indicatorId(), version);
    }

    @EventHandler
    void on(TargetChangeConfirmed event, @SequenceNumber long version) {
        advance(event.indicatorId(), version);
    }

    @EventHandler
    void on(TargetChangeRejected event, @SequenceNumber long version) {
        advance(event.indicatorId(), version);
    }

    @EventHandler
    void on(TargetChangeWithdrawn event, @SequenceNumber long version) {
        advance(event.indicatorId(), version);
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    @QueryHandler
    IndicatorList handle(FindIndicatorsOfCity query) {
        if (query.cityId() == null) {
            return new IndicatorList(List.of());
        }
        return new IndicatorList(jdbc.query(
                "select * from indicator_view where city_id = ? order by number, id", ROW, query.cityId()));
    }

    @QueryHandler
    Optional<IndicatorView> handle(FindIndicator query) {
        return jdbc.query("select * from indicator_view where id = ?", ROW, query.indicatorId()).stream().findFirst();
    }

    @QueryHandler
    IndicatorList handle(FindIndicatorsAssignedTo query) {
        if (query.periodType() == null) {
            return new IndicatorList(jdbc.query("""
                    select i.* from indicator_view i join indicator_unit u on u.indicator_id = i.id
                    where u.org_unit_id = ? order by i.number, i.id""", ROW, query.orgUnitId()));
        }
        return new IndicatorList(jdbc.query("""
                select i.* from indicator_view i join indicator_unit u on u.indicator_id = i.id
                where u.org_unit_id = ? and i.period_type = ? order by i.number, i.id""",
                ROW, query.orgUnitId(), query.periodType().name()));
    }

    /** The assigned indicators less the unit's confirmed 不涉及 (the not-applicable projection's rows). */
    @QueryHandler
    IndicatorList handle(FindReportForm query) {
        return new IndicatorList(jdbc.query("""
                select i.* from indicator_view i join indicator_unit u on u.indicator_id = i.id
                where u.org_unit_id = ? and (cast(? as text) is null or i.period_type = ?)
                  and not exists (select 1 from indicator_not_applicable n where n.indicator_id = i.id
                                  and n.org_unit_id = u.org_unit_id and n.status = 'CONFIRMED')
                order by i.number, i.id""", ROW, query.orgUnitId(), periodType(query), periodType(query)));
    }

    private static String periodType(FindReportForm query) {
        return query.periodType() == null ? null : query.periodType().name();
    }

    /**
     * Applies a change to the stored definition unless this event was applied already (the row's version is the
     * sequence number of the last event it reflects). Returns the new definition, or null when nothing changed.
     */
    private IndicatorDefinition change(String indicatorId, long version, UnaryOperator<IndicatorDefinition> change) {
        List<String> stored = jdbc.queryForList(
                "select definition::text from indicator_view where id = ? and version < ?",
                String.class, indicatorId, version);
        if (stored.isEmpty()) {
            return null;
        }
        IndicatorDefinition changed = change.apply(IndicatorDefinitions.fromJson(stored.get(0)));
        jdbc.update("""
                update indicator_view set definition = cast(? as jsonb), period_type = ?, version = ?
                where id = ?""",
                IndicatorDefinitions.toJson(changed), changed.periodType().name(), version, indicatorId);
        return changed;
    }

    private void advance(String indicatorId, long version) {
        jdbc.update("update indicator_view set version = ? where id = ? and version < ?", version, indicatorId, version);
    }

    private void replaceUnits(String indicatorId, IndicatorDefinition d) {
        jdbc.update("delete from indicator_unit where indicator_id = ?", indicatorId);
        for (String unit : IndicatorDefinitions.unitsThatReport(d)) {
            jdbc.update("""
                    insert into indicator_unit (indicator_id, org_unit_id, city_id, period_type)
                    values (?, ?, ?, ?)""", indicatorId, unit, d.cityId(), d.periodType().name());
        }
    }
}
