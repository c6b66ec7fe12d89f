package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.CityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.FindCityRollup;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.query.common.JsonColumns;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads what the city rollup needs from the catalog and submission read models (indicator_view, submission_value,
 * org_unit_view, period_closure, indicator_not_applicable) and hands it to {@link CityRollupCalculator}. It owns
 * no tables and handles no events. What it reads must belong to the projections the catalog names as the city
 * rollup's sources ({@code Projections}): the as-of view replays those, and CityRollupReadsTest holds it to them.
 */
@Component
public class CityRollupQueryHandler {
    private static final TypeReference<Map<String, BigDecimal>> COMPONENTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final PeriodClosureProjection closures;

    public CityRollupQueryHandler(JdbcTemplate jdbc, PeriodClosureProjection closures) {
        this.jdbc = jdbc;
        this.closures = closures;
    }

    @QueryHandler
    CityRollup handle(FindCityRollup query) {
        Period period = Period.parse(query.period())
                .orElseThrow(() -> new IllegalArgumentException("unknown period " + query.period()));
        List<IndicatorDefinition> catalog = jdbc.query("""
                select definition::text as definition from indicator_view
                where city_id = ? and period_type = ? order by number, id""",
                (rs, i) -> JsonColumns.read(rs.getString("definition"), IndicatorDefinition.class),
                query.cityId(), period.type().name());
        // this period and every earlier one of the same type, for the trend
        List<RollupValue> values = jdbc.query("""
                select submission_id, org_unit_id, period, indicator_id, value, components::text as components, state
                from submission_value
                where city_id = ? and period_type = ? and (year < ? or (year = ? and period_number <= ?))""",
                (rs, i) -> new RollupValue(rs.getString("submission_id"), rs.getString("org_unit_id"),
                        rs.getString("period"), rs.getString("indicator_id"), rs.getBigDecimal("value"),
                        components(rs.getString("components")), "PENDING".equals(rs.getString("state"))),
                query.cityId(), period.type().name(), period.year(), period.year(), period.number());
        Map<String, String> names = new HashMap<>();
        jdbc.query("select id, name from org_unit_view where city_id = ? or id = ?",
                rs -> {
                    names.put(rs.getString("id"), rs.getString("name"));
                }, query.cityId(), query.cityId());
        return CityRollupCalculator.calculate(query.cityId(), names.get(query.cityId()), period,
                query.includePending(), catalog, values, names, notApplicable(query.cityId()),
                closures.closure(query.cityId(), period.code()));
    }

    private static Map<String, BigDecimal> components(String json) {
        return json == null ? null : JsonColumns.read(json, COMPONENTS);
    }

    /** Indicator id → units for which it is confirmed 不涉及 (indicator_not_applicable, NotApplicableProjection). */
    private Map<String, Set<String>> notApplicable(String cityId) {
        Map<String, Set<String>> units = new HashMap<>();
        jdbc.query("""
                select indicator_id, org_unit_id from indicator_not_applicable
                where city_id = ? and status = 'CONFIRMED'""",
                rs -> {
                    units.computeIfAbsent(rs.getString("indicator_id"), k -> new HashSet<>())
                            .add(rs.getString("org_unit_id"));
                }, cityId);
        return units;
    }
}
