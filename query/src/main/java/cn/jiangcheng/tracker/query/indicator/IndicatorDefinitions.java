package cn.jiangcheng.tracker.query.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.query.common.JsonColumns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How the catalog's events change a stored definition, and the definition's jsonb form. No Spring, no SQL. */
final class IndicatorDefinitions {
    private IndicatorDefinitions() {
    }

    static String toJson(IndicatorDefinition definition) {
        return JsonColumns.write(definition);
    }

    static IndicatorDefinition fromJson(String json) {
        return JsonColumns.read(json, IndicatorDefinition.class);
    }

    static String targetsToJson(List<Target> targets) {
        return JsonColumns.write(targets == null ? List.of() : targets);
    }

    static List<Target> targetsFromJson(String json) {
        return List.of(JsonColumns.read(json, Target[].class));
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

    /** calendar null: the default calendar of the period type. */
    static IndicatorDefinition withCalendar(IndicatorDefinition d, ReportingCalendar calendar) {
        return new IndicatorDefinition(d.indicatorId(), d.cityId(), d.number(), d.category(), d.name(), d.unit(),
                d.valueType(), d.direction(), d.rollupRule(), d.components(), d.baseline(), d.targets(),
                d.attribute(), d.periodType(), d.reportingUnitIds(), d.measuringUnitId(), d.plausibilityShare(),
                calendar);
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
