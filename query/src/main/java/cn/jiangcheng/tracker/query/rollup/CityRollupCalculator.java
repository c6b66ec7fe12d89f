package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.CityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.IndicatorRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.ReportingSummary;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.RollupStatus;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.TrendPoint;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitRef;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitValue;
import cn.jiangcheng.tracker.api.submission.Period;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns unit values into the city's values, judged against the plan. Pure: no Spring, no SQL, no clock.
 *
 * <h2>City value per rule</h2>
 * <ul>
 *     <li>RATIO_OF_SUMS: 100 × Σnumerator / Σdenominator over the units that gave both components (never the average
 *     of unit percentages); null when no unit did or Σdenominator is 0.</li>
 *     <li>AREA_WEIGHTED: Σ(value × area) / Σarea over the units that gave both; null when Σarea is 0.</li>
 *     <li>SUM: Σ of the values reported so far (null when none); the reporting summary shows who is missing.</li>
 *     <li>ALL_UNITS_MET (yes/no): 0 as soon as one unit reported 0 (no); 1 when every unit that must report has
 *     reported 1; otherwise null, i.e. unknown: while units are still missing and none has failed, "all met" is not
 *     yet known, and showing 1 would claim more than the data says.</li>
 *     <li>CITY_MEASURED: the measuring unit's own value; what counties report for it does not count.</li>
 * </ul>
 * A unit "must report" an indicator when it is one of its reporting units or its measuring unit.
 *
 * <h2>Pending values</h2>
 * With includePending a report's PENDING values replace all of its APPROVED ones (what the city would show once the
 * pending reports are approved); without it only APPROVED values count.
 *
 * <h2>Numbers</h2>
 * City, unit and trend values are rounded once, at the end, to 2 decimals HALF_UP (yes/no values: 0 or 1); progress
 * to 4 decimals. Progress, status and the warning are judged on the rounded city value the user sees.
 *
 * <h2>Judgement</h2>
 * The next target is the first CITY-level target whose year is the period's year or later. Its number: the
 * target's value; for yes/no indicators 1; for MUST_NOT_FALL without a value the baseline; a PROVINCIAL target
 * (完成省下达目标) without a value yet has none, and neither has any other target without one (NO_TARGET). It is met
 * with ≤ for AT_MOST, ≥ for AT_LEAST, otherwise by the indicator's direction (≤ for LOWER_IS_BETTER, else ≥).
 * Status, first match wins: NO_DATA, NO_TARGET, WARNING, MET, NOT_MET. WARNING (预警): the straight line from the
 * baseline (at the end of its year) through the current value (at the end of the period), extrapolated to the end
 * of the target year, misses the target. It is only judged after the baseline year and before the target year
 * (in the target year itself the value is final), and not for yes/no and MUST_NOT_FALL indicators, whose rule holds
 * every year (they are MET or NOT_MET).
 */
public final class CityRollupCalculator {
    static final int VALUE_SCALE = 2;
    static final int PROGRESS_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final Comparator<Period> CHRONOLOGICAL =
            Comparator.comparingInt(Period::year).thenComparingInt(Period::number);

    private CityRollupCalculator() {
    }

    /**
     * @param catalog   the city's indicators; only those of the period's type are rolled up
     * @param values    the city's values of the period and of earlier periods of the same type (for the trend),
     *                  approved and pending
     * @param unitNames org unit id → name, for display
     * @param notApplicable indicator id → the units for which it is confirmed 不涉及: they are not expected to report
     */
    public static CityRollup calculate(String cityId, String cityName, Period period, boolean includePending,
                                       List<IndicatorDefinition> catalog, List<RollupValue> values,
                                       Map<String, String> unitNames, Map<String, Set<String>> notApplicable) {
        List<IndicatorDefinition> indicators = catalog.stream()
                .filter(d -> d.periodType() == period.type())
                .map(d -> withoutUnits(d, notApplicable.getOrDefault(d.indicatorId(), Set.of())))
                .sorted(Comparator.comparingInt(IndicatorDefinition::number)
                        .thenComparing(IndicatorDefinition::indicatorId))
                .toList();
        Map<String, List<RollupValue>> byPeriod = effective(values, includePending).stream()
                .collect(Collectors.groupingBy(RollupValue::period, LinkedHashMap::new, Collectors.toList()));
        List<RollupValue> current = byPeriod.getOrDefault(period.code(), List.of());
        List<Period> earlier = byPeriod.keySet().stream()
                .map(Period::parse).flatMap(Optional::stream)
                .filter(p -> p.type() == period.type() && CHRONOLOGICAL.compare(p, period) < 0)
                .sorted(CHRONOLOGICAL)
                .toList();

        List<IndicatorRollup> rollups = new ArrayList<>();
        for (IndicatorDefinition d : indicators) {
            rollups.add(rollup(d, period, byUnit(current, d.indicatorId()), earlier, byPeriod, unitNames));
        }
        return new CityRollup(period.code(), cityId, cityName, includePending, rollups,
                reporting(indicators, current, unitNames));
    }

    /** The definition as the rollup sees it: units for which the indicator is 不涉及 are no longer expected. */
    static IndicatorDefinition withoutUnits(IndicatorDefinition d, Set<String> notApplicable) {
        if (notApplicable.isEmpty() || d.reportingUnitIds() == null) {
            return d;
        }
        List<String> reporting = d.reportingUnitIds().stream().filter(u -> !notApplicable.contains(u)).toList();
        return new IndicatorDefinition(d.indicatorId(), d.cityId(), d.number(), d.category(), d.name(), d.unit(),
                d.valueType(), d.direction(), d.rollupRule(), d.components(), d.baseline(), d.targets(),
                d.attribute(), d.periodType(), reporting, d.measuringUnitId(), d.plausibilityShare(), d.calendar());
    }

    /** Without pending: the approved values. With: a report's pending values replace all its approved ones. */
    static List<RollupValue> effective(List<RollupValue> values, boolean includePending) {
        if (!includePending) {
            return values.stream().filter(v -> !v.pending()).toList();
        }
        Set<String> withPending = values.stream().filter(RollupValue::pending)
                .map(RollupValue::submissionId).collect(Collectors.toSet());
        return values.stream().filter(v -> v.pending() || !withPending.contains(v.submissionId())).toList();
    }

    private static IndicatorRollup rollup(IndicatorDefinition d, Period period, Map<String, RollupValue> byUnit,
                                          List<Period> earlier, Map<String, List<RollupValue>> byPeriod,
                                          Map<String, String> unitNames) {
        BigDecimal cityValue = cityValue(d, byUnit);
        Target next = nextTarget(d, period.year());
        Judgement judgement = judge(d, period, cityValue, next);
        Set<String> expected = expectedUnits(d);
        int reported = (int) expected.stream()
                .filter(u -> byUnit.get(u) != null && unitValue(d, byUnit.get(u)) != null).count();
        return new IndicatorRollup(d.indicatorId(), d.number(), d.category(), d.name(), d.unit(), d.valueType(),
                d.direction(), d.rollupRule(), d.baseline(), cityValue, next, judgement.progress(),
                judgement.status(), units(d, byUnit, unitNames), trend(d, earlier, byPeriod), expected.size(),
                reported);
    }

    // ---------------------------------------------------------------- city value

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

    // ---------------------------------------------------------------- units

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

    // ---------------------------------------------------------------- target, progress, status

    /** The first CITY-level target whose year is the given year or later; null when there is none. */
    static Target nextTarget(IndicatorDefinition d, int year) {
        if (d.targets() == null) {
            return null;
        }
        return d.targets().stream()
                .filter(t -> t.level() == PlanLevel.CITY && t.year() >= year)
                .min(Comparator.comparingInt(Target::year))
                .orElse(null);
    }

    record Judgement(BigDecimal progress, RollupStatus status) {
    }

    static Judgement judge(IndicatorDefinition d, Period period, BigDecimal value, Target target) {
        if (value == null) {
            return new Judgement(null, RollupStatus.NO_DATA);
        }
        BigDecimal goal = targetValue(d, target);
        if (goal == null) {
            return new Judgement(null, RollupStatus.NO_TARGET);
        }
        boolean atMost = atMost(d, target);
        BigDecimal progress = progress(d, value, goal, atMost);
        if (warning(d, period, value, goal, target.year(), atMost)) {
            return new Judgement(progress, RollupStatus.WARNING);
        }
        return new Judgement(progress, meets(value, goal, atMost) ? RollupStatus.MET : RollupStatus.NOT_MET);
    }

    /** The number a target stands for, or null when it has none (yet). */
    static BigDecimal targetValue(IndicatorDefinition d, Target target) {
        if (target == null || target.kind() == TargetKind.PROVINCIAL && target.value() == null) {
            return null;
        }
        if (yesNo(d)) {
            return BigDecimal.ONE;
        }
        if (target.value() != null) {
            return target.value();
        }
        if (d.direction() == Direction.MUST_NOT_FALL) {
            return baselineValue(d);
        }
        return null;
    }

    private static boolean atMost(IndicatorDefinition d, Target target) {
        if (yesNo(d)) {
            return false;
        }
        return switch (target.kind()) {
            case AT_MOST -> true;
            case AT_LEAST -> false;
            default -> d.direction() == Direction.LOWER_IS_BETTER;
        };
    }

    private static boolean meets(BigDecimal value, BigDecimal goal, boolean atMost) {
        int c = value.compareTo(goal);
        return atMost ? c <= 0 : c >= 0;
    }

    /**
     * The share of the way from the baseline to the target, in [0, 1]. Yes/no: 1 or 0. MUST_NOT_FALL: 1 when the
     * value is at least the baseline, else 0. When the baseline already meets the target: 1 if the value meets it,
     * else 0. Without a baseline value: 1 if the value meets the target, else null (not computable).
     */
    static BigDecimal progress(IndicatorDefinition d, BigDecimal value, BigDecimal goal, boolean atMost) {
        if (yesNo(d)) {
            return share(value.compareTo(BigDecimal.ONE) == 0);
        }
        BigDecimal baseline = baselineValue(d);
        if (d.direction() == Direction.MUST_NOT_FALL) {
            return share(value.compareTo(baseline != null ? baseline : goal) >= 0);
        }
        if (baseline == null) {
            return meets(value, goal, atMost) ? share(true) : null;
        }
        BigDecimal way = atMost ? baseline.subtract(goal) : goal.subtract(baseline);
        if (way.signum() <= 0) {
            return share(meets(value, goal, atMost));
        }
        BigDecimal done = atMost ? baseline.subtract(value) : value.subtract(baseline);
        BigDecimal progress = done.divide(way, PROGRESS_SCALE, RoundingMode.HALF_UP);
        return progress.max(BigDecimal.ZERO.setScale(PROGRESS_SCALE))
                .min(BigDecimal.ONE.setScale(PROGRESS_SCALE));
    }

    /**
     * Whether the straight line from the baseline through the current value misses the target in the target's year:
     * projected = B + (V − B) × (targetYear − baselineYear) / (now − baselineYear).
     */
    static boolean warning(IndicatorDefinition d, Period period, BigDecimal value, BigDecimal goal, int targetYear,
                           boolean atMost) {
        BigDecimal baseline = baselineValue(d);
        if (yesNo(d) || d.direction() == Direction.MUST_NOT_FALL || baseline == null) {
            return false;
        }
        BigDecimal now = time(period);
        BigDecimal baselineYear = BigDecimal.valueOf(d.baseline().year());
        BigDecimal goalYear = BigDecimal.valueOf(targetYear);
        if (now.compareTo(baselineYear) <= 0 || goalYear.compareTo(now) <= 0) {
            return false;
        }
        BigDecimal projected = baseline.add(value.subtract(baseline)
                        .multiply(goalYear.subtract(baselineYear))
                        .divide(now.subtract(baselineYear), MATH))
                .setScale(6, RoundingMode.HALF_UP);
        return !meets(projected, goal, atMost);
    }

    /** The end of a period in years: 2025 → 2025, 2025-Q2 → 2024.5, 2025-03 → 2024.25 (the end of 2024 + 3/12). */
    static BigDecimal time(Period period) {
        BigDecimal yearBefore = BigDecimal.valueOf(period.year() - 1L);
        return switch (period.type()) {
            case ANNUAL -> BigDecimal.valueOf(period.year());
            case QUARTERLY -> yearBefore.add(BigDecimal.valueOf(period.number()).divide(BigDecimal.valueOf(4), MATH));
            case MONTHLY -> yearBefore.add(BigDecimal.valueOf(period.number()).divide(BigDecimal.valueOf(12), MATH));
        };
    }

    // ---------------------------------------------------------------- trend and reporting

    /** The baseline first, then the city value of each earlier period with data that lies after the baseline. */
    static List<TrendPoint> trend(IndicatorDefinition d, List<Period> earlier,
                                  Map<String, List<RollupValue>> byPeriod) {
        List<TrendPoint> trend = new ArrayList<>();
        BigDecimal baseline = baselineValue(d);
        if (baseline != null) {
            trend.add(new TrendPoint(String.valueOf(d.baseline().year()), scale(d, baseline)));
        }
        for (Period p : earlier) {
            if (baseline != null && time(p).compareTo(BigDecimal.valueOf(d.baseline().year())) <= 0) {
                continue;
            }
            BigDecimal value = cityValue(d, byUnit(byPeriod.getOrDefault(p.code(), List.of()), d.indicatorId()));
            if (value != null) {
                trend.add(new TrendPoint(p.code(), value));
            }
        }
        return trend;
    }

    /**
     * Expected: every unit that must report one of the period's indicators. Reported: those of them with at least
     * one counted value in the period (an approved report; with includePending also a submitted one).
     */
    static ReportingSummary reporting(List<IndicatorDefinition> indicators, List<RollupValue> current,
                                      Map<String, String> unitNames) {
        Set<String> expected = new TreeSet<>();
        indicators.forEach(d -> expected.addAll(expectedUnits(d)));
        Set<String> reporting = current.stream().map(RollupValue::orgUnitId).collect(Collectors.toSet());
        List<UnitRef> missing = expected.stream().filter(u -> !reporting.contains(u))
                .map(u -> new UnitRef(u, unitNames.get(u))).toList();
        return new ReportingSummary(expected.size(), expected.size() - missing.size(), missing);
    }

    // ---------------------------------------------------------------- small helpers

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

    private static Map<String, RollupValue> byUnit(List<RollupValue> values, String indicatorId) {
        Map<String, RollupValue> byUnit = new LinkedHashMap<>();
        for (RollupValue v : values) {
            if (indicatorId.equals(v.indicatorId())) {
                byUnit.put(v.orgUnitId(), v);
            }
        }
        return byUnit;
    }

    static boolean yesNo(IndicatorDefinition d) {
        return d.direction() == Direction.YES_NO || d.valueType() == ValueType.YES_NO
                || d.rollupRule() == RollupRule.ALL_UNITS_MET;
    }

    private static BigDecimal baselineValue(IndicatorDefinition d) {
        Baseline baseline = d.baseline();
        return baseline == null ? null : baseline.value();
    }

    private static BigDecimal component(RollupValue v, String key) {
        return v.components() == null ? null : v.components().get(key);
    }

    private static BigDecimal scale(IndicatorDefinition d, BigDecimal value) {
        return value == null ? null : value.setScale(yesNo(d) ? 0 : VALUE_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(boolean met) {
        return (met ? BigDecimal.ONE : BigDecimal.ZERO).setScale(PROGRESS_SCALE);
    }
}
