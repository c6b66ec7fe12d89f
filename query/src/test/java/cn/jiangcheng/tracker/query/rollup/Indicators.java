package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Test data: indicator definitions with sensible defaults, and reported values. */
final class Indicators {
    static final String CITY = "220200";

    private String id = "ind-1";
    private int number = 1;
    private ValueType valueType = ValueType.NUMBER;
    private Direction direction = Direction.HIGHER_IS_BETTER;
    private RollupRule rule = RollupRule.SUM;
    private List<ComponentSpec> components = List.of();
    private Baseline baseline;
    private List<Target> targets = List.of();
    private PeriodType periodType = PeriodType.ANNUAL;
    private List<String> units = List.of();
    private String measuringUnit;

    static Indicators indicator(String id) {
        Indicators i = new Indicators();
        i.id = id;
        return i;
    }

    Indicators number(int number) {
        this.number = number;
        return this;
    }

    Indicators valueType(ValueType valueType) {
        this.valueType = valueType;
        return this;
    }

    Indicators direction(Direction direction) {
        this.direction = direction;
        return this;
    }

    Indicators rule(RollupRule rule) {
        this.rule = rule;
        return this;
    }

    Indicators components(String... keys) {
        this.components = java.util.Arrays.stream(keys).map(k -> new ComponentSpec(k, k, null)).toList();
        return this;
    }

    Indicators baseline(int year, String value) {
        this.baseline = new Baseline(year, value == null ? null : new BigDecimal(value), value);
        return this;
    }

    Indicators targets(Target... targets) {
        this.targets = List.of(targets);
        return this;
    }

    Indicators periodType(PeriodType periodType) {
        this.periodType = periodType;
        return this;
    }

    Indicators units(String... units) {
        this.units = List.of(units);
        return this;
    }

    Indicators measuredBy(String unit) {
        this.measuringUnit = unit;
        return this;
    }

    IndicatorDefinition build() {
        return new IndicatorDefinition(id, CITY, number, "类别", "指标" + id, "%", valueType, direction, rule,
                components, baseline, targets, "约束性", periodType, units, measuringUnit, new BigDecimal("0.3"));
    }

    static Target cityTarget(int year, TargetKind kind, String value) {
        return new Target(PlanLevel.CITY, year, kind, value == null ? null : new BigDecimal(value), value);
    }

    static Target provinceTarget(int year, TargetKind kind, String value) {
        return new Target(PlanLevel.PROVINCE, year, kind, value == null ? null : new BigDecimal(value), value);
    }

    static RollupValue approved(String submission, String unit, String period, String indicator, String value) {
        return new RollupValue(submission, unit, period, indicator, number(value), Map.of(), false);
    }

    static RollupValue pending(String submission, String unit, String period, String indicator, String value) {
        return new RollupValue(submission, unit, period, indicator, number(value), Map.of(), true);
    }

    /** A value with its components, given as key, number, key, number. */
    static RollupValue approved(String submission, String unit, String period, String indicator, String value,
                                String... components) {
        java.util.Map<String, BigDecimal> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < components.length; i += 2) {
            map.put(components[i], new BigDecimal(components[i + 1]));
        }
        return new RollupValue(submission, unit, period, indicator, number(value), map, false);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal number(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private Indicators() {
    }
}
