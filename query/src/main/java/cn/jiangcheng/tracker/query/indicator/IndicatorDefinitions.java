package cn.jiangcheng.tracker.query.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How the catalog's events change a stored definition, and the definition's jsonb form. No Spring, no SQL. */
final class IndicatorDefinitions {
    /** BigDecimals are written as plain numbers and read back with their scale; unknown fields are skipped. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private IndicatorDefinitions() {
    }

    static String toJson(IndicatorDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write indicator " + definition.indicatorId(), e);
        }
    }

    static IndicatorDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, IndicatorDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored indicator definition", e);
        }
    }

    static String targetsToJson(List<Target> targets) {
        try {
            return JSON.writeValueAsString(targets == null ? List.of() : targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write targets", e);
        }
    }

    static List<Target> targetsFromJson(String json) {
        try {
            return List.of(JSON.readValue(json, Target[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored targets", e);
        }
    }

    static IndicatorDefinition withTargets(IndicatorDefinition d, List<Target> targets) {
        return new IndicatorDefinition(d.indicatorId(), d.cityId(), d.number(), d.category(), d.name(), d.unit(),
                d.valueType(), d.direction(), d.rollupRule(), d.components(), d.baseline(),
                targets == null ? List.of() : List.copyOf(targets), d.attribute(), d.periodType(),
                d.reportingUnitIds(), d.measuringUnitId(), d.plausibilityShare(), d.calendar());
    }

    /** The number behind 完成省下达目标 of that year: only the city-level PROVINCIAL target of the year changes. */
    static IndicatorDefinition withProvincialTarget(IndicatorDefinition d, int year, BigDecimal value) {
        List<Target> targets = new ArrayList<>();
        for (Target t : d.targets() == null ? List.<Target>of() : d.targets()) {
            boolean provincial = t.level() == PlanLevel.CITY && t.year() == year && t.kind() == TargetKind.PROVINCIAL;
            targets.add(provincial ? new Target(t.level(), t.year(), t.kind(), value, t.text(), t.fromYear()) : t);
        }
        return withTargets(d, targets);
    }

    static IndicatorDefinition withAssignment(IndicatorDefinition d, PeriodType periodType,
                                              List<String> reportingUnitIds, String measuringUnitId) {
        return new IndicatorDefinition(d.indicatorId(), d.cityId(), d.number(), d.category(), d.name(), d.unit(),
                d.valueType(), d.direction(), d.rollupRule(), d.components(), d.baseline(), d.targets(),
                d.attribute(), periodType, reportingUnitIds == null ? List.of() : List.copyOf(reportingUnitIds),
                measuringUnitId, d.plausibilityShare(), d.calendar());
    }

    static IndicatorDefinition withPlausibilityShare(IndicatorDefinition d, BigDecimal share) {
        return new IndicatorDefinition(d.indicatorId(), d.cityId(), d.number(), d.category(), d.name(), d.unit(),
                d.valueType(), d.direction(), d.rollupRule(), d.components(), d.baseline(), d.targets(),
                d.attribute(), d.periodType(), d.reportingUnitIds(), d.measuringUnitId(), share, d.calendar());
    }

    /** Every unit that must report the indicator: the reporting units, then the measuring unit, once each. */
    static Set<String> unitsThatReport(IndicatorDefinition d) {
        Set<String> units = new LinkedHashSet<>();
        if (d.reportingUnitIds() != null) {
            d.reportingUnitIds().stream().filter(u -> u != null && !u.isBlank()).forEach(units::add);
        }
        if (d.measuringUnitId() != null && !d.measuringUnitId().isBlank()) {
            units.add(d.measuringUnitId());
        }
        return units;
    }
}
