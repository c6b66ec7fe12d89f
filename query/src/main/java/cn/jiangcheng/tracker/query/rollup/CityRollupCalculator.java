package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static cn.jiangcheng.tracker.query.rollup.CityValues.baselineValue;
import static cn.jiangcheng.tracker.query.rollup.CityValues.cityValue;
import static cn.jiangcheng.tracker.query.rollup.CityValues.expectedUnits;
import static cn.jiangcheng.tracker.query.rollup.CityValues.needsEveryUnit;
import static cn.jiangcheng.tracker.query.rollup.CityValues.scale;
import static cn.jiangcheng.tracker.query.rollup.CityValues.unitValue;
import static cn.jiangcheng.tracker.query.rollup.CityValues.units;
import static cn.jiangcheng.tracker.query.rollup.CityValues.yesNo;
import static cn.jiangcheng.tracker.query.rollup.TargetJudgement.judge;
import static cn.jiangcheng.tracker.query.rollup.TargetJudgement.judgedTarget;
import static cn.jiangcheng.tracker.query.rollup.TargetJudgement.time;

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
 * <h2>Coverage</h2>
 * An indicator is complete when every expected unit (reporting units and measuring unit, less the confirmed 不涉及
 * ones) has a counted value, or when the period is closed (截止汇总). Indicators that need every unit (SUM,
 * MUST_NOT_FALL, ALL_UNITS_MET, CITY_MEASURED) show no city value and stay INCOMPLETE while a unit is missing,
 * closed or not, since a partial sum is not the city's figure; except a yes/no answered "no" by one unit, which no
 * later report can turn into "all met" (NOT_MET at once). Ratios and area-weighted rates show their value,
 * INCOMPLETE until complete; once closed they are judged and the reason names who is left out.
 *
 * <p>Values: {@link CityValues}; judgement against the plan: {@link TargetJudgement} (levels, 保持) and
 * {@link CumulativeRateJudgement} (five-year rates). Coverage and the reporting summary are decided here.
 */
public final class CityRollupCalculator {
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
        TargetJudgement.Judgement judgement;
        boolean allIn = missing.isEmpty();
        boolean failedYesNo = yesNo(d) && value != null && value.signum() == 0;
        if (!allIn && needsEveryUnit(d) && !failedYesNo) {
            // a sum without every unit is not the city's figure, closed or not: closing cannot make it one
            value = null;
            judgement = coverage.reported() == 0 ? TargetJudgement.Judgement.of(RollupStatus.NO_DATA, "尚无单位报送")
                    : TargetJudgement.Judgement.of(RollupStatus.INCOMPLETE, closed
                    ? "已截止汇总，缺" + names(missing) + "，合计不完整，不作判定" : incompleteReason(coverage));
        } else if (!allIn && !closed && value != null && !yesNo(d)) {
            judgement = TargetJudgement.Judgement.of(RollupStatus.INCOMPLETE, incompleteReason(coverage));
        } else {
            judgement = judge(d, period, value, target, trend);
            if (!allIn && closed && value != null && !failedYesNo) {
                judgement = new TargetJudgement.Judgement(judgement.progress(), judgement.expectedProgress(), judgement.status(),
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

    private static Map<String, RollupValue> byUnit(List<RollupValue> values, String indicatorId) {
        Map<String, RollupValue> byUnit = new LinkedHashMap<>();
        for (RollupValue v : values) {
            if (indicatorId.equals(v.indicatorId())) {
                byUnit.put(v.orgUnitId(), v);
            }
        }
        return byUnit;
    }
}
