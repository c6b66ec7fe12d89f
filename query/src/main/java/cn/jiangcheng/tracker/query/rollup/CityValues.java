package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value rules: how one period's unit values become the city's value, how each unit's value is shown and ranked,
 * and which units an indicator expects. Pure: no Spring, no SQL, no clock.
 */
final class CityValues {
    static final int VALUE_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CityValues() {
    }

    /** Sums, must-not-fall, yes/no and city-measured figures are the city's only when every unit is in. */
    static boolean needsEveryUnit(IndicatorDefinition d) {
        return d.rollupRule() == RollupRule.SUM || d.rollupRule() == RollupRule.ALL_UNITS_MET
                || d.rollupRule() == RollupRule.CITY_MEASURED || d.direction() == Direction.MUST_NOT_FALL;
    }

    /** The city value of one indicator from one period's unit values (unit id → value). */
    static BigDecimal cityValue(IndicatorDefinition d, Map<String, RollupValue> byUnit) {
        return switch (d.rollupRule()) {
            case RATIO_OF_SUMS -> ratioOfSums(d, byUnit.values());
            case AREA_WEIGHTED -> areaWeighted(d, byUnit.values());
            case SUM -> sum(byUnit.values());
            case ALL_UNITS_MET -> allUnitsMet(expectedUnits(d), byUnit);
            case CITY_MEASURED -> d.measuringUnitId() == null || byUnit.get(d.measuringUnitId()) == null ? null
                    : scale(d, byUnit.get(d.measuringUnitId()).value());
        };
    }

    private static BigDecimal ratioOfSums(IndicatorDefinition d, Iterable<RollupValue> values) {
        if (d.components() == null || d.components().size() < 2) {
            return null;
        }
        String numeratorKey = d.components().get(0).key();
        String denominatorKey = d.components().get(1).key();
        BigDecimal numerators = BigDecimal.ZERO;
        BigDecimal denominators = BigDecimal.ZERO;
        for (RollupValue v : values) {
            BigDecimal numerator = component(v, numeratorKey);
            BigDecimal denominator = component(v, denominatorKey);
            if (numerator != null && denominator != null) {
                numerators = numerators.add(numerator);
                denominators = denominators.add(denominator);
            }
        }
        if (denominators.signum() == 0) {
            return null;
        }
        return HUNDRED.multiply(numerators).divide(denominators, VALUE_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal areaWeighted(IndicatorDefinition d, Iterable<RollupValue> values) {
        if (d.components() == null || d.components().isEmpty()) {
            return null;
        }
        String areaKey = d.components().get(0).key();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal areas = BigDecimal.ZERO;
        for (RollupValue v : values) {
            BigDecimal area = component(v, areaKey);
            if (v.value() != null && area != null) {
                weighted = weighted.add(v.value().multiply(area));
                areas = areas.add(area);
            }
        }
        if (areas.signum() == 0) {
            return null;
        }
        return weighted.divide(areas, VALUE_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(Iterable<RollupValue> values) {
        BigDecimal total = null;
        for (RollupValue v : values) {
            if (v.value() != null) {
                total = total == null ? v.value() : total.add(v.value());
            }
        }
        return total == null ? null : total.setScale(VALUE_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal allUnitsMet(Set<String> expected, Map<String, RollupValue> byUnit) {
        List<BigDecimal> answers = byUnit.values().stream().map(RollupValue::value).filter(Objects::nonNull).toList();
        if (answers.stream().anyMatch(a -> a.compareTo(BigDecimal.ONE) != 0)) {
            return BigDecimal.ZERO;
        }
        if (answers.isEmpty()) {
            return null;
        }
        boolean everyoneAnswered = expected.stream()
                .allMatch(u -> byUnit.get(u) != null && byUnit.get(u).value() != null);
        return everyoneAnswered ? BigDecimal.ONE : null;
    }

    /** A unit's value as shown: its reported figure, or for a ratio without one the figure its counts give. */
    static BigDecimal unitValue(IndicatorDefinition d, RollupValue v) {
        if (v.value() != null) {
            return scale(d, v.value());
        }
        if (d.rollupRule() == RollupRule.RATIO_OF_SUMS && d.components() != null && d.components().size() >= 2) {
            BigDecimal numerator = component(v, d.components().get(0).key());
            BigDecimal denominator = component(v, d.components().get(1).key());
            if (numerator != null && denominator != null && denominator.signum() != 0) {
                return HUNDRED.multiply(numerator).divide(denominator, VALUE_SCALE, RoundingMode.HALF_UP);
            }
        }
        return null;
    }

    /** Units with a value best first (ties share a rank; yes/no: no rank, by id), then expected units without. */
    static List<UnitValue> units(IndicatorDefinition d, Map<String, RollupValue> byUnit,
                                 Map<String, String> unitNames) {
        Set<String> ids = new TreeSet<>(expectedUnits(d));
        ids.addAll(byUnit.keySet());
        List<UnitValue> withValue = new ArrayList<>();
        List<UnitValue> without = new ArrayList<>();
        for (String id : ids) {
            RollupValue v = byUnit.get(id);
            BigDecimal value = v == null ? null : unitValue(d, v);
            UnitValue unit = new UnitValue(id, unitNames.get(id), value, null, v != null && v.pending());
            (value == null ? without : withValue).add(unit);
        }
        if (yesNo(d)) {
            withValue.addAll(without);
            return withValue;
        }
        Comparator<BigDecimal> better = d.direction() == Direction.LOWER_IS_BETTER
                ? Comparator.naturalOrder() : Comparator.reverseOrder();
        withValue.sort(Comparator.comparing(UnitValue::value, better).thenComparing(UnitValue::orgUnitId));
        List<UnitValue> ranked = new ArrayList<>();
        for (int i = 0; i < withValue.size(); i++) {
            UnitValue u = withValue.get(i);
            int rank = i > 0 && withValue.get(i - 1).value().compareTo(u.value()) == 0
                    ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitValue(u.orgUnitId(), u.orgUnitName(), u.value(), rank, u.pending()));
        }
        ranked.addAll(without);
        return ranked;
    }

    /** The units that must report the indicator: its reporting units and its measuring unit. */
    static Set<String> expectedUnits(IndicatorDefinition d) {
        Set<String> units = new LinkedHashSet<>();
        if (d.reportingUnitIds() != null) {
            d.reportingUnitIds().stream().filter(Objects::nonNull).forEach(units::add);
        }
        if (d.measuringUnitId() != null) {
            units.add(d.measuringUnitId());
        }
        return units;
    }

    static boolean rate(IndicatorDefinition d) {
        return d.valueType() == ValueType.RATE;
    }

    static boolean yesNo(IndicatorDefinition d) {
        return d.direction() == Direction.YES_NO || d.valueType() == ValueType.YES_NO
                || d.rollupRule() == RollupRule.ALL_UNITS_MET;
    }

    static BigDecimal baselineValue(IndicatorDefinition d) {
        Baseline baseline = d.baseline();
        return baseline == null ? null : baseline.value();
    }

    private static BigDecimal component(RollupValue v, String key) {
        return v.components() == null ? null : v.components().get(key);
    }

    static BigDecimal scale(IndicatorDefinition d, BigDecimal value) {
        return value == null ? null : value.setScale(yesNo(d) ? 0 : VALUE_SCALE, RoundingMode.HALF_UP);
    }
}
