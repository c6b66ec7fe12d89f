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
import cn.jiangcheng.tracker.api.rollup.RollupTypes.Coverage;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.IndicatorRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.PeriodClosure;
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
 * to 4 decimals. Progress and status are judged on the rounded city value the user sees.
 *
 * <h2>Judgement (docs/indicator-api.md, 判定规则, has a worked example per kind)</h2>
 * <ol>
 *     <li>Coverage: an indicator is complete when every expected unit (reporting units and measuring unit, less the
 *     confirmed 不涉及 ones) has a counted value, or when the period is closed (截止汇总). Indicators that need every
 *     unit (SUM, MUST_NOT_FALL, ALL_UNITS_MET, CITY_MEASURED) show no city value and stay INCOMPLETE while a unit is
 *     missing, closed or not, since a partial sum is not the city's figure; except a yes/no answered "no" by one
 *     unit, which no later report can turn into "all met" (NOT_MET at once). Ratios and area-weighted rates show
 *     their value, INCOMPLETE until complete; once closed they are judged and the reason names who is left out.</li>
 *     <li>NO_DATA without a city value; NO_TARGET without a target number.</li>
 *     <li>Rates (ValueType.RATE): the city target of the period's own year, else the cumulative target whose span
 *     holds the year (one with a number first). Against a yearly target: MET / NOT_MET. Against a cumulative one:
 *     the compounded rate of the span's years so far (1 − Π(1 − r/100)), in the last year MET / NOT_MET, before it
 *     ON_TRACK when at least the pro-rata share 1 − (1 − G/100)^(n/N), otherwise BEHIND, or OFF_TRACK when the span
 *     so far compounds to a rise or the rest needs more than twice the plan's yearly rate; a span year without a
 *     value is INCOMPLETE.</li>
 *     <li>Levels: the target is the first CITY-level target from the period's year on (after the last one, the last
 *     one). In or after its year (the period ends at or after the end of the target year): MET / NOT_MET. The stage
 *     towards it starts at the previous milestone's target, or at the baseline. 保持 targets — yes/no,
 *     must-not-fall, or a stage start that already meets the target — are MET / NOT_MET every year. Otherwise
 *     序时进度: the expected value on the straight line from the stage start to the target at the end of the period,
 *     rounded like values; ON_TRACK when the value meets it; OFF_TRACK when the value is more than one year's
 *     planned change behind it and the rest needs more than twice the plan's yearly change (本局预警口径); BEHIND
 *     otherwise (the reason says when the value fell below the stage start, judged at the plan's own precision).
 *     Without a stage start (no baseline value, before the first milestone) NO_BASELINE, unless the value already
 *     meets the target (ON_TRACK).</li>
 * </ol>
 * A target is met with ≤ for AT_MOST, ≥ for AT_LEAST, otherwise by the indicator's direction (≤ for
 * LOWER_IS_BETTER, else ≥). Its number: the target's value; for yes/no indicators 1; for MUST_NOT_FALL without a
 * value the baseline; a PROVINCIAL target (完成省下达目标) without its number has none.
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
     * @param closure       the bureau's 截止汇总 of the period, or null while it is open
     */
    public static CityRollup calculate(String cityId, String cityName, Period period, boolean includePending,
                                       List<IndicatorDefinition> catalog, List<RollupValue> values,
                                       Map<String, String> unitNames, Map<String, Set<String>> notApplicable,
                                       PeriodClosure closure) {
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
            Set<String> exempt = notApplicable.getOrDefault(d.indicatorId(), Set.of());
            rollups.add(rollup(d, period, byUnit(current, d.indicatorId()), earlier, byPeriod, unitNames, exempt,
                    closure != null));
        }
        return new CityRollup(period.code(), cityId, cityName, includePending, rollups,
                reporting(indicators, current, unitNames), closure);
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
                                          Map<String, String> unitNames, Set<String> exempt, boolean closed) {
        Set<String> expected = expectedUnits(d);
        List<UnitRef> missing = expected.stream()
                .filter(u -> byUnit.get(u) == null || unitValue(d, byUnit.get(u)) == null)
                .map(u -> new UnitRef(u, unitNames.get(u))).toList();
        List<UnitRef> notApplicable = exempt.stream().sorted().map(u -> new UnitRef(u, unitNames.get(u))).toList();
        Coverage coverage = new Coverage(expected.size(), expected.size() - missing.size(), missing, notApplicable,
                missing.isEmpty() || closed);
        BigDecimal value = cityValue(d, byUnit);
        List<TrendPoint> trend = trend(d, earlier, byPeriod);
        Target target = judgedTarget(d, period);
        Judgement judgement;
        boolean allIn = missing.isEmpty();
        boolean failedYesNo = yesNo(d) && value != null && value.signum() == 0;
        if (!allIn && needsEveryUnit(d) && !failedYesNo) {
            // a sum without every unit is not the city's figure, closed or not: closing cannot make it one
            value = null;
            judgement = coverage.reported() == 0 ? Judgement.of(RollupStatus.NO_DATA, "尚无单位报送")
                    : Judgement.of(RollupStatus.INCOMPLETE, closed
                    ? "已截止汇总，缺" + names(missing) + "，合计不完整，不作判定" : incompleteReason(coverage));
        } else if (!allIn && !closed && value != null && !yesNo(d)) {
            judgement = Judgement.of(RollupStatus.INCOMPLETE, incompleteReason(coverage));
        } else {
            judgement = judge(d, period, value, target, trend);
            if (!allIn && closed && value != null && !failedYesNo) {
                judgement = new Judgement(judgement.progress(), judgement.expectedProgress(), judgement.status(),
                        judgement.reason() + "（截止汇总，不含：" + names(missing) + "）");
            }
        }
        List<UnitValue> units = new ArrayList<>(units(d, byUnit, unitNames));
        notApplicable.forEach(u -> units.add(new UnitValue(u.orgUnitId(), u.orgUnitName(), null, null, false, true)));
        return new IndicatorRollup(d.indicatorId(), d.number(), d.category(), d.name(), d.unit(), d.valueType(),
                d.direction(), d.rollupRule(), d.baseline(), value, target, judgement.progress(),
                judgement.expectedProgress(), judgement.status(), judgement.reason(), units, trend, coverage,
                coverage.expected(), coverage.reported());
    }

    private static String incompleteReason(Coverage coverage) {
        return "已报" + coverage.reported() + "/" + coverage.expected() + "个单位，未报：" + names(coverage.missing());
    }

    private static String names(List<UnitRef> units) {
        return units.stream().map(u -> u.orgUnitName() != null ? u.orgUnitName() : u.orgUnitId())
                .collect(Collectors.joining("、"));
    }

    /** Sums, must-not-fall, yes/no and city-measured figures are the city's only when every unit is in. */
    static boolean needsEveryUnit(IndicatorDefinition d) {
        return d.rollupRule() == RollupRule.SUM || d.rollupRule() == RollupRule.ALL_UNITS_MET
                || d.rollupRule() == RollupRule.CITY_MEASURED || d.direction() == Direction.MUST_NOT_FALL;
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
        return cityTargets(d).filter(t -> t.year() >= year).min(Comparator.comparingInt(Target::year)).orElse(null);
    }

    /**
     * The target a period is judged against: for a rate its own year's target or the cumulative one whose span
     * holds the year; otherwise the next target, after the last milestone the last one (it must still be met).
     */
    static Target judgedTarget(IndicatorDefinition d, Period period) {
        int year = period.year();
        if (rate(d)) {
            // a number beats a pending 完成省下达目标: the year's own first, else the span's cumulative one
            List<Target> candidates = new ArrayList<>();
            cityTargets(d).filter(t -> !t.cumulative() && t.year() == year).forEach(candidates::add);
            cityTargets(d).filter(t -> t.cumulative() && t.fromYear() <= year && year <= t.year())
                    .sorted(Comparator.comparingInt(Target::year)).forEach(candidates::add);
            return candidates.stream().filter(t -> targetValue(d, t) != null).findFirst()
                    .orElse(candidates.isEmpty() ? null : candidates.get(0));
        }
        Target next = nextTarget(d, year);
        return next != null ? next
                : cityTargets(d).max(Comparator.comparingInt(Target::year)).orElse(null);
    }

    private static java.util.stream.Stream<Target> cityTargets(IndicatorDefinition d) {
        return d.targets() == null ? java.util.stream.Stream.empty()
                : d.targets().stream().filter(t -> t.level() == PlanLevel.CITY);
    }

    record Judgement(BigDecimal progress, BigDecimal expectedProgress, RollupStatus status, String reason) {
        static Judgement of(RollupStatus status, String reason) {
            return new Judgement(null, null, status, reason);
        }
    }

    static Judgement judge(IndicatorDefinition d, Period period, BigDecimal value, Target target,
                           List<TrendPoint> trend) {
        if (value == null) {
            return Judgement.of(RollupStatus.NO_DATA, "暂无数据");
        }
        BigDecimal goal = targetValue(d, target);
        if (goal == null) {
            return Judgement.of(RollupStatus.NO_TARGET, target != null && target.kind() == TargetKind.PROVINCIAL
                    ? target.year() + "年省下达目标尚未录入" : "本期没有对应的目标");
        }
        boolean atMost = atMost(d, target);
        if (rate(d)) {
            return target.cumulative() ? judgeCumulativeRate(period, value, target, goal, trend)
                    : final_(value, goal, atMost, share(meets(value, goal, atMost)), target.year() + "年目标");
        }
        BigDecimal progress = progress(d, value, goal, atMost);
        BigDecimal now = time(period);
        BigDecimal goalYear = BigDecimal.valueOf(target.year());
        int published = publishedScale(d, goal);
        if (now.compareTo(goalYear) >= 0) {
            return final_(value, goal, atMost, progress, target.year() + "年目标");
        }
        Stage stage = stage(d, target, goal, atMost);
        if (yesNo(d) || d.direction() == Direction.MUST_NOT_FALL
                || stage != null && meets(stage.value(), goal, atMost)) {
            return final_(value, goal, atMost, progress, "保持类目标，每年须达到");
        }
        if (stage == null) {
            return meets(value, goal, atMost)
                    ? new Judgement(progress, null, RollupStatus.ON_TRACK, "已达到目标值" + plain(goal))
                    : Judgement.of(RollupStatus.NO_BASELINE, "基准值未录入，目标年之前无法判断序时进度");
        }
        BigDecimal startYear = BigDecimal.valueOf(stage.year());
        BigDecimal elapsed = now.subtract(startYear).divide(goalYear.subtract(startYear), MATH)
                .max(BigDecimal.ZERO).min(BigDecimal.ONE);
        BigDecimal expected = stage.value().add(goal.subtract(stage.value()).multiply(elapsed))
                .setScale(VALUE_SCALE, RoundingMode.HALF_UP);
        BigDecimal expectedProgress = progress(d, expected, goal, atMost);
        String line = "序时目标" + plain(expected) + "，实际" + plain(value);
        if (meets(value, expected, atMost)) {
            return new Judgement(progress, expectedProgress, RollupStatus.ON_TRACK, line);
        }
        BigDecimal plannedPace = goal.subtract(stage.value()).abs().divide(goalYear.subtract(startYear), MATH);
        BigDecimal requiredPace = goal.subtract(value).abs().divide(goalYear.subtract(now), MATH);
        BigDecimal shortfall = expected.subtract(value).abs();
        // 本局预警口径: more than a year behind schedule and the rest needs more than twice the plan's pace
        if (requiredPace.compareTo(plannedPace.multiply(BigDecimal.valueOf(2))) > 0
                && shortfall.compareTo(plannedPace) > 0) {
            return new Judgement(progress, expectedProgress, RollupStatus.OFF_TRACK,
                    line + "，剩余年份须年均改善" + plain(requiredPace.setScale(VALUE_SCALE, RoundingMode.HALF_UP))
                            + "，超过规划年均幅度" + plain(plannedPace.setScale(VALUE_SCALE, RoundingMode.HALF_UP))
                            + "的两倍");
        }
        boolean fell = !meets(round(value, published), stage.value(), atMost);
        return new Judgement(progress, expectedProgress, RollupStatus.BEHIND,
                line + (fell ? "，较" + stage.label() + "下降" : ""));
    }

    /** Where the current stage of the plan starts: the previous milestone's target, or the baseline. */
    record Stage(int year, BigDecimal value, String label) {
    }

    static Stage stage(IndicatorDefinition d, Target target, BigDecimal goal, boolean atMost) {
        int baselineYear = d.baseline() == null ? Integer.MIN_VALUE : d.baseline().year();
        Optional<Target> previous = cityTargets(d)
                .filter(t -> t.year() < target.year() && t.year() > baselineYear && t.kind() == target.kind()
                        && targetValue(d, t) != null)
                .max(Comparator.comparingInt(Target::year));
        if (previous.isPresent()) {
            return new Stage(previous.get().year(), targetValue(d, previous.get()), previous.get().year() + "年目标");
        }
        BigDecimal baseline = baselineValue(d);
        return baseline == null ? null : new Stage(baselineYear, baseline, "基准年");
    }

    /**
     * The decimals the plan publishes the indicator's numbers with (89.5, 94.7 → 1; PM2.5 32, 30 → 0), at most 2:
     * "below the baseline" is said at that precision, so 17/19 = 89.47 % is the baseline's 89.5 %, not a decline.
     * Targets are compared exactly: 99.5 % is not 100 %.
     */
    static int publishedScale(IndicatorDefinition d, BigDecimal goal) {
        BigDecimal baseline = baselineValue(d);
        int scale = Math.max(0, goal.stripTrailingZeros().scale());
        if (baseline != null) {
            scale = Math.max(scale, baseline.stripTrailingZeros().scale());
        }
        return Math.min(VALUE_SCALE, scale);
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static Judgement final_(BigDecimal value, BigDecimal goal, boolean atMost, BigDecimal progress,
                                    String basis) {
        boolean met = meets(value, goal, atMost);
        return new Judgement(progress, null, met ? RollupStatus.MET : RollupStatus.NOT_MET,
                basis + (atMost ? "≤" : "≥") + plain(goal) + "，实际" + plain(value));
    }

    /**
     * A cumulative rate target (e.g. 十五五 能耗强度累计降低 G %): the years of the span so far compound to
     * 1 − Π(1 − r/100); the plan's pro-rata share after n of N years is 1 − (1 − G/100)^(n/N).
     */
    private static Judgement judgeCumulativeRate(Period period, BigDecimal value, Target target, BigDecimal goal,
                                                 List<TrendPoint> trend) {
        Map<String, BigDecimal> byYear = new LinkedHashMap<>();
        trend.forEach(p -> byYear.put(p.period(), p.value()));
        double remaining = 1;
        List<String> gaps = new ArrayList<>();
        for (int y = target.fromYear(); y < period.year(); y++) {
            BigDecimal r = byYear.get(String.valueOf(y));
            if (r == null) {
                gaps.add(y + "年");
            } else {
                remaining *= 1 - r.doubleValue() / 100;
            }
        }
        if (!gaps.isEmpty()) {
            return Judgement.of(RollupStatus.INCOMPLETE, "累计目标缺少" + String.join("、", gaps) + "的数据");
        }
        remaining *= 1 - value.doubleValue() / 100;
        double achieved = 1 - remaining;
        double g = goal.doubleValue() / 100;
        int n = period.year() - target.fromYear() + 1;
        int total = target.year() - target.fromYear() + 1;
        BigDecimal progress = BigDecimal.valueOf(g <= 0 ? 1 : Math.max(0, Math.min(1, achieved / g)))
                .setScale(PROGRESS_SCALE, RoundingMode.HALF_UP);
        String line = target.fromYear() + "—" + target.year() + "年累计" + plain(pct(achieved)) + "%";
        if (n >= total) {
            boolean met = achieved * 100 >= goal.doubleValue() - 1e-9;
            return new Judgement(progress, null, met ? RollupStatus.MET : RollupStatus.NOT_MET,
                    line + "，目标" + plain(goal) + "%");
        }
        double proRata = 1 - Math.pow(1 - g, (double) n / total);
        BigDecimal expectedProgress = BigDecimal.valueOf((double) n / total).setScale(PROGRESS_SCALE,
                RoundingMode.HALF_UP);
        String withLine = line + "，序时应累计" + plain(pct(proRata)) + "%";
        if (achieved >= proRata - 1e-9) {
            return new Judgement(progress, expectedProgress, RollupStatus.ON_TRACK, withLine);
        }
        double planned = 1 - Math.pow(1 - g, 1.0 / total);
        double required = 1 - Math.pow((1 - g) / remaining, 1.0 / (total - n));
        // intensity has risen over the span so far, or the rest needs more than twice the plan's yearly rate
        RollupStatus status = achieved < 0 || required > 2 * planned ? RollupStatus.OFF_TRACK : RollupStatus.BEHIND;
        return new Judgement(progress, expectedProgress, status, withLine);
    }

    private static BigDecimal pct(double share) {
        return BigDecimal.valueOf(share * 100).setScale(VALUE_SCALE, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
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

    static boolean rate(IndicatorDefinition d) {
        return d.valueType() == ValueType.RATE;
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
