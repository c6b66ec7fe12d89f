package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.CityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.IndicatorRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.RollupStatus;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.TrendPoint;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitRef;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitValue;
import cn.jiangcheng.tracker.api.submission.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.query.rollup.Indicators.CITY;
import static cn.jiangcheng.tracker.query.rollup.Indicators.approved;
import static cn.jiangcheng.tracker.query.rollup.Indicators.cityTarget;
import static cn.jiangcheng.tracker.query.rollup.Indicators.dec;
import static cn.jiangcheng.tracker.query.rollup.Indicators.indicator;
import static cn.jiangcheng.tracker.query.rollup.Indicators.pending;
import static cn.jiangcheng.tracker.query.rollup.Indicators.provinceTarget;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expected number below is worked out by hand in the comment next to it. Values are compared with equals, so
 * the scale (2 decimals, 4 for progress, 0 for yes/no) is checked too.
 */
class CityRollupCalculatorTest {
    private static final Map<String, String> NAMES = Map.of(
            CITY, "吉林市", "A", "永吉县", "B", "蛟河市", "C", "桦甸市", "D", "舒兰市", "E", "磐石市",
            "M", "吉林市生态环境监测站");

    private static CityRollup rollup(String period, boolean includePending, List<IndicatorDefinition> catalog,
                                     List<RollupValue> values) {
        return CityRollupCalculator.calculate(CITY, "吉林市", Period.parse(period).orElseThrow(), includePending,
                catalog, values, NAMES, Map.of(), null);
    }

    private static IndicatorRollup only(String period, IndicatorDefinition indicator, RollupValue... values) {
        return only(period, false, indicator, values);
    }

    private static IndicatorRollup only(String period, boolean includePending, IndicatorDefinition indicator,
                                        RollupValue... values) {
        CityRollup rollup = rollup(period, includePending, List.of(indicator), List.of(values));
        assertThat(rollup.indicators()).hasSize(1);
        return rollup.indicators().get(0);
    }

    @Nested
    class RatioOfSums {
        private final IndicatorDefinition sections = indicator("water").rule(RollupRule.RATIO_OF_SUMS)
                .valueType(ValueType.PERCENT).components("good", "total").units("A", "B").build();

        @Test
        void cityValueIsTheRatioOfSummedCountsNotTheAverageOfUnitPercentages() {
            // A: 9 of 10 sections = 90 %, B: 1 of 2 = 50 %. Average of percentages: 70 %.
            // City: 100 × (9 + 1) / (10 + 2) = 1000 / 12 = 83.333… → 83.33
            IndicatorRollup r = only("2025", sections,
                    approved("s-a", "A", "2025", "water", "90.00", "good", "9", "total", "10"),
                    approved("s-b", "B", "2025", "water", "50.00", "good", "1", "total", "2"));

            assertThat(r.cityValue()).isEqualTo(dec("83.33"));
            assertThat(r.cityValue()).isNotEqualByComparingTo("70");
        }

        @Test
        void unitsWithoutBothComponentsDoNotCount() {
            // B gave a percentage but no counts: the city can only recompute from A: 100 × 9 / 10 = 90.00
            IndicatorRollup r = only("2025", sections,
                    approved("s-a", "A", "2025", "water", "90.00", "good", "9", "total", "10"),
                    approved("s-b", "B", "2025", "water", "50.00", "good", "1"));

            assertThat(r.cityValue()).isEqualTo(dec("90.00"));
        }

        @Test
        void zeroDenominatorGivesNoValue() {
            IndicatorRollup r = only("2025", sections,
                    approved("s-a", "A", "2025", "water", null, "good", "0", "total", "0"));

            assertThat(r.cityValue()).isNull();
            assertThat(r.status()).isEqualTo(RollupStatus.NO_DATA);
        }

        @Test
        void aUnitWithCountsButNoFigureIsShownWithTheFigureItsCountsGive() {
            // 100 × 2 / 3 = 66.666… → 66.67
            IndicatorRollup r = only("2025", sections,
                    approved("s-a", "A", "2025", "water", null, "good", "2", "total", "3"));

            assertThat(r.units().get(0).value()).isEqualTo(dec("66.67"));
            assertThat(r.cityValue()).isEqualTo(dec("66.67"));
        }
    }

    @Nested
    class AreaWeighted {
        private final IndicatorDefinition forest = indicator("forest").rule(RollupRule.AREA_WEIGHTED)
                .valueType(ValueType.PERCENT).components("area").units("A", "B").build();

        @Test
        void cityValueWeighsEachUnitByItsArea() {
            // A: 60 % of 100 km², B: 30 % of 300 km². Simple average 45 %.
            // City: (60 × 100 + 30 × 300) / (100 + 300) = (6000 + 9000) / 400 = 37.50
            IndicatorRollup r = only("2025", forest,
                    approved("s-a", "A", "2025", "forest", "60", "area", "100"),
                    approved("s-b", "B", "2025", "forest", "30", "area", "300"));

            assertThat(r.cityValue()).isEqualTo(dec("37.50"));
        }

        @Test
        void unitsWithoutAnAreaDoNotCount() {
            // only A counts: 60 × 100 / 100 = 60.00
            IndicatorRollup r = only("2025", forest,
                    approved("s-a", "A", "2025", "forest", "60", "area", "100"),
                    approved("s-b", "B", "2025", "forest", "30"));

            assertThat(r.cityValue()).isEqualTo(dec("60.00"));
        }
    }

    @Nested
    class Sum {
        private final IndicatorDefinition projects = indicator("projects").units("A", "B", "C").build();

        @Test
        void addsUpExactly() {
            // 0.1 + 0.2 + 3.005 = 3.305 exactly → 3.31 (HALF_UP); a double would give 3.3049999…
            IndicatorRollup r = only("2025", projects,
                    approved("s-a", "A", "2025", "projects", "0.1"),
                    approved("s-b", "B", "2025", "projects", "0.2"),
                    approved("s-c", "C", "2025", "projects", "3.005"));

            assertThat(r.cityValue()).isEqualTo(dec("3.31"));
        }

        @Test
        void nothingReportedGivesNoData() {
            IndicatorRollup r = only("2025", projects);

            assertThat(r.cityValue()).isNull();
            assertThat(r.status()).isEqualTo(RollupStatus.NO_DATA);
            assertThat(r.progress()).isNull();
        }
    }

    @Nested
    class AllUnitsMet {
        private final IndicatorDefinition secured = indicator("soil").rule(RollupRule.ALL_UNITS_MET)
                .valueType(ValueType.YES_NO).direction(Direction.YES_NO).units("A", "B", "C")
                .targets(cityTarget(2027, TargetKind.SECURED, null)).build();

        @Test
        void yesWhenEveryUnitThatMustReportSaidYes() {
            IndicatorRollup r = only("2025", secured,
                    approved("s-a", "A", "2025", "soil", "1"),
                    approved("s-b", "B", "2025", "soil", "1"),
                    approved("s-c", "C", "2025", "soil", "1"));

            assertThat(r.cityValue()).isEqualTo(dec("1"));
            assertThat(r.status()).isEqualTo(RollupStatus.MET);
            assertThat(r.progress()).isEqualTo(dec("1.0000"));
        }

        @Test
        void noAsSoonAsOneUnitSaidNoEvenWithAUnitMissing() {
            IndicatorRollup r = only("2025", secured,
                    approved("s-a", "A", "2025", "soil", "1"),
                    approved("s-b", "B", "2025", "soil", "0"));

            assertThat(r.cityValue()).isEqualTo(dec("0"));
            assertThat(r.status()).isEqualTo(RollupStatus.NOT_MET);
            assertThat(r.progress()).isEqualTo(dec("0.0000"));
        }

        @Test
        void unknownWhileAUnitIsMissingAndNobodySaidNo() {
            IndicatorRollup r = only("2025", secured,
                    approved("s-a", "A", "2025", "soil", "1"),
                    approved("s-b", "B", "2025", "soil", "1"));

            assertThat(r.cityValue()).isNull();
            assertThat(r.status()).isEqualTo(RollupStatus.INCOMPLETE);
            assertThat(r.statusReason()).isEqualTo("已报2/3个单位，未报：桦甸市");
            assertThat(r.expectedUnits()).isEqualTo(3);
            assertThat(r.reportedUnits()).isEqualTo(2);
        }

        @Test
        void yesNoUnitsHaveNoRank() {
            IndicatorRollup r = only("2025", secured,
                    approved("s-a", "A", "2025", "soil", "1"),
                    approved("s-b", "B", "2025", "soil", "0"));

            assertThat(r.units()).extracting(UnitValue::rank).containsOnlyNulls();
            assertThat(r.units()).extracting(UnitValue::orgUnitId).containsExactly("A", "B", "C");
            assertThat(r.units()).extracting(UnitValue::value).containsExactly(dec("1"), dec("0"), null);
        }

        @Test
        void aYesNoValueTypeIsTreatedAsYesNoWhateverTheDirectionSays() {
            IndicatorDefinition higher = indicator("plan").rule(RollupRule.CITY_MEASURED).valueType(ValueType.YES_NO)
                    .direction(Direction.HIGHER_IS_BETTER).measuredBy("M").units("A")
                    .targets(cityTarget(2027, TargetKind.SECURED, null)).build();

            IndicatorRollup r = only("2025", higher,
                    approved("s-m", "M", "2025", "plan", "1"),
                    approved("s-a", "A", "2025", "plan", "0"));

            assertThat(r.cityValue()).isEqualTo(dec("1"));
            assertThat(r.status()).isEqualTo(RollupStatus.MET);
            assertThat(r.units()).extracting(UnitValue::rank).containsOnlyNulls();
        }
    }

    @Nested
    class CityMeasured {
        private final IndicatorDefinition pm25 = indicator("pm25").rule(RollupRule.CITY_MEASURED)
                .direction(Direction.LOWER_IS_BETTER).measuredBy("M").build();

        @Test
        void takesTheMeasuringUnitsValueAndIgnoresCounties() {
            // counties' own figures (40, 50) would give 39.33 as an average or 118 as a sum; the city's is 28
            IndicatorRollup r = only("2025", pm25,
                    approved("s-a", "A", "2025", "pm25", "40"),
                    approved("s-m", "M", "2025", "pm25", "28"),
                    approved("s-b", "B", "2025", "pm25", "50"));

            assertThat(r.cityValue()).isEqualTo(dec("28.00"));
            // lower is better: 28 first
            assertThat(r.units()).extracting(UnitValue::orgUnitId).containsExactly("M", "A", "B");
            assertThat(r.units()).extracting(UnitValue::rank).containsExactly(1, 2, 3);
        }

        @Test
        void noValueWhileTheMeasuringUnitHasNotReported() {
            IndicatorRollup r = only("2025", pm25, approved("s-a", "A", "2025", "pm25", "40"));

            assertThat(r.cityValue()).isNull();
            assertThat(r.status()).isEqualTo(RollupStatus.NO_DATA);
        }
    }

    @Nested
    class PendingValues {
        private final IndicatorDefinition total = indicator("total").units("A", "B", "C").build();
        private final List<RollupValue> values = List.of(
                approved("s-a", "A", "2025", "total", "80"),   // A approved 80, its amendment submitted 90
                pending("s-a", "A", "2025", "total", "90"),
                approved("s-b", "B", "2025", "total", "70"),   // B approved only
                pending("s-c", "C", "2025", "total", "60"));   // C submitted, not yet approved

        @Test
        void approvedOnlyByDefault() {
            CityRollup rollup = rollup("2025", false, List.of(total), values);
            IndicatorRollup r = rollup.indicators().get(0);

            // 80 + 70 is not the city's sum while C is missing: no city value, 数据不全
            assertThat(r.cityValue()).isNull();
            assertThat(r.status()).isEqualTo(RollupStatus.INCOMPLETE);
            assertThat(r.coverage().missing()).containsExactly(new UnitRef("C", "桦甸市"));
            assertThat(r.units()).extracting(UnitValue::orgUnitId, UnitValue::value, UnitValue::pending)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("A", dec("80.00"), false),
                            org.assertj.core.groups.Tuple.tuple("B", dec("70.00"), false),
                            org.assertj.core.groups.Tuple.tuple("C", null, false));
            assertThat(rollup.reporting().expected()).isEqualTo(3);
            assertThat(rollup.reporting().reported()).isEqualTo(2);
            assertThat(rollup.reporting().missing()).containsExactly(new UnitRef("C", "桦甸市"));
        }

        @Test
        void pendingValuesReplaceTheApprovedOnesOfTheirReport() {
            CityRollup rollup = rollup("2025", true, List.of(total), values);
            IndicatorRollup r = rollup.indicators().get(0);

            assertThat(r.cityValue()).isEqualTo(dec("220.00")); // 90 + 70 + 60
            assertThat(r.units()).extracting(UnitValue::orgUnitId, UnitValue::value, UnitValue::pending)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("A", dec("90.00"), true),
                            org.assertj.core.groups.Tuple.tuple("B", dec("70.00"), false),
                            org.assertj.core.groups.Tuple.tuple("C", dec("60.00"), true));
            assertThat(rollup.reporting().reported()).isEqualTo(3);
            assertThat(rollup.reporting().missing()).isEmpty();
        }

        @Test
        void aPendingReportReplacesAllApprovedValuesOfTheReportNotOnlyThoseItRepeats() {
            IndicatorDefinition other = indicator("other").number(2).units("A").build();
            List<RollupValue> amended = List.of(
                    approved("s-a", "A", "2025", "total", "80"),
                    approved("s-a", "A", "2025", "other", "5"),
                    pending("s-a", "A", "2025", "total", "90"));

            CityRollup approvedOnly = rollup("2025", false, List.of(total, other), amended);
            CityRollup withPending = rollup("2025", true, List.of(total, other), amended);

            assertThat(approvedOnly.indicators().get(1).cityValue()).isEqualTo(dec("5.00"));
            assertThat(withPending.indicators().get(0).units().get(0).value()).isEqualTo(dec("90.00"));
            assertThat(withPending.indicators().get(1).cityValue()).isNull();
        }
    }

    @Nested
    class Ranks {
        @Test
        void higherIsBetterRanksDescendingAndTiesShareARank() {
            IndicatorDefinition rate = indicator("rate").units("A", "B", "C", "D", "E").build();

            IndicatorRollup r = only("2025", rate,
                    approved("s-a", "A", "2025", "rate", "90"),
                    approved("s-b", "B", "2025", "rate", "95"),
                    approved("s-c", "C", "2025", "rate", "90.00"),
                    approved("s-d", "D", "2025", "rate", "80"));

            assertThat(r.units()).extracting(UnitValue::orgUnitId).containsExactly("B", "A", "C", "D", "E");
            assertThat(r.units()).extracting(UnitValue::rank).containsExactly(1, 2, 2, 4, null);
            assertThat(r.units().get(4).value()).isNull();
            assertThat(r.units().get(1).orgUnitName()).isEqualTo("永吉县");
        }

        @Test
        void lowerIsBetterRanksAscending() {
            IndicatorDefinition pm = indicator("pm").direction(Direction.LOWER_IS_BETTER).units("A", "B", "C").build();

            IndicatorRollup r = only("2025", pm,
                    approved("s-a", "A", "2025", "pm", "31"),
                    approved("s-b", "B", "2025", "pm", "25"),
                    approved("s-c", "C", "2025", "pm", "28"));

            assertThat(r.units()).extracting(UnitValue::orgUnitId).containsExactly("B", "C", "A");
            assertThat(r.units()).extracting(UnitValue::rank).containsExactly(1, 2, 3);
        }
    }

    @Nested
    class NextTarget {
        private final IndicatorDefinition rate = indicator("rate").baseline(2023, "80").targets(
                        provinceTarget(2027, TargetKind.AT_LEAST, "85"),
                        cityTarget(2035, TargetKind.AT_LEAST, "95"),
                        cityTarget(2027, TargetKind.AT_LEAST, "90"))
                .units("A").build();

        @ParameterizedTest
        @CsvSource({"2025, 2027, 90", "2027, 2027, 90", "2028, 2035, 95", "2035, 2035, 95"})
        void isTheFirstCityTargetFromThePeriodsYearOn(int year, int targetYear, String value) {
            IndicatorRollup r = only(String.valueOf(year), rate,
                    approved("s-a", "A", String.valueOf(year), "rate", "85"));

            assertThat(r.nextTarget().year()).isEqualTo(targetYear);
            assertThat(r.nextTarget().value()).isEqualByComparingTo(value);
        }

        @Test
        void afterTheLastMilestoneTheLastTargetMustStillBeMet() {
            IndicatorRollup met = only("2036", rate, approved("s-a", "A", "2036", "rate", "99"));
            IndicatorRollup missed = only("2036", rate, approved("s-a", "A", "2036", "rate", "94"));

            assertThat(met.nextTarget().year()).isEqualTo(2035);
            assertThat(met.status()).isEqualTo(RollupStatus.MET);
            assertThat(missed.status()).isEqualTo(RollupStatus.NOT_MET);
        }

        @Test
        void aProvincialTargetWithoutItsNumberIsNoTargetYet() {
            IndicatorDefinition pm = indicator("pm").direction(Direction.LOWER_IS_BETTER).baseline(2023, "30")
                    .targets(cityTarget(2027, TargetKind.PROVINCIAL, null)).units("A").build();

            IndicatorRollup r = only("2025", pm, approved("s-a", "A", "2025", "pm", "27"));

            assertThat(r.nextTarget().kind()).isEqualTo(TargetKind.PROVINCIAL);
            assertThat(r.status()).isEqualTo(RollupStatus.NO_TARGET);
            assertThat(r.progress()).isNull();
            assertThat(r.cityValue()).isEqualTo(dec("27.00"));
        }

        @Test
        void aProvincialTargetWithItsNumberIsJudgedByTheDirection() {
            // lower is better, baseline 30 (2023), province says 26 by 2027, 2025: 27.
            // progress (30 − 27) / (30 − 26) = 0.75; 序时 30 − 4 × 2/4 = 28, 27 ≤ 28 → on schedule
            IndicatorDefinition pm = indicator("pm").direction(Direction.LOWER_IS_BETTER).baseline(2023, "30")
                    .targets(cityTarget(2027, TargetKind.PROVINCIAL, "26")).units("A").build();

            IndicatorRollup r = only("2025", pm, approved("s-a", "A", "2025", "pm", "27"));

            assertThat(r.progress()).isEqualTo(dec("0.7500"));
            assertThat(r.status()).isEqualTo(RollupStatus.ON_TRACK);
            assertThat(r.statusReason()).isEqualTo("序时目标28，实际27");
        }
    }

    @Nested
    class ProgressAndStatus {
        // higher is better: baseline 80 in 2023, at least 90 by 2027 (plan pace 2.5 a year)
        private final IndicatorDefinition higher = indicator("rate").baseline(2023, "80")
                .targets(cityTarget(2027, TargetKind.AT_LEAST, "90")).units("A").build();
        // lower is better: baseline 30 in 2023, at most 25 by 2027 (plan pace 1.25 a year)
        private final IndicatorDefinition lower = indicator("pm").direction(Direction.LOWER_IS_BETTER)
                .baseline(2023, "30").targets(cityTarget(2027, TargetKind.AT_MOST, "25")).units("A").build();

        private IndicatorRollup higherIn(String period, String value) {
            return only(period, higher, approved("s", "A", period, "rate", value));
        }

        private IndicatorRollup lowerIn(String period, String value) {
            return only(period, lower, approved("s", "A", period, "pm", value));
        }

        @ParameterizedTest(name = "higher {1} in {0} → progress {2}, {3}")
        @CsvSource({
                // 序时 2025: 80 + 10 × 2/4 = 85; exactly on the line
                "2025, 85, 0.5000, ON_TRACK",
                // 84 < 85; not below the baseline; the rest (90 − 84) / 2 years = 3 a year ≤ 2 × 2.5
                "2025, 84, 0.4000, BEHIND",
                // below the baseline 80: moving away from the target
                "2025, 79, 0.0000, OFF_TRACK",
                // ahead of the line and past the target: (92 − 80) / 10 = 1.2 → 1
                "2025, 92, 1.0000, ON_TRACK",
                // 序时 2026: 80 + 10 × 3/4 = 87.5; the rest (90 − 85) / 1 = 5 a year = 2 × 2.5, not more
                "2026, 85, 0.5000, BEHIND",
                // (90 − 82) / 1 = 8 a year > 5
                "2026, 82, 0.2000, OFF_TRACK",
                // the target year: the value is final
                "2027, 85, 0.5000, NOT_MET",
                "2027, 90, 1.0000, MET",
                // the baseline year itself: the line starts at the baseline
                "2023, 80, 0.0000, ON_TRACK"})
        void higherIsBetter(String period, String value, String progress, RollupStatus status) {
            IndicatorRollup r = higherIn(period, value);

            assertThat(r.progress()).isEqualTo(dec(progress));
            assertThat(r.status()).isEqualTo(status);
        }

        @ParameterizedTest(name = "PM {0} in 2025 → progress {1}, {2}")
        @CsvSource({
                // 序时 30 − 5 × 2/4 = 27.5: 27 ≤ 27.5; progress (30 − 27) / (30 − 25) = 0.6
                "27, 0.6000, ON_TRACK",
                // 28 > 27.5; the rest (28 − 25) / 2 = 1.5 a year ≤ 2 × 1.25
                "28, 0.4000, BEHIND",
                "24, 1.0000, ON_TRACK",
                "25, 1.0000, ON_TRACK",
                // worse than the baseline
                "31, 0.0000, OFF_TRACK"})
        void lowerIsBetter(String value, String progress, RollupStatus status) {
            IndicatorRollup r = lowerIn("2025", value);

            assertThat(r.progress()).isEqualTo(dec(progress));
            assertThat(r.status()).isEqualTo(status);
        }

        @Test
        void aDipBelowTheBaselineEarlyOnIsBehindNotOffTrack() {
            // 优良天数 88.8 (2023) → ≥90 (2027), 0.3 a year; 2024 = 88.7: 序时 89.1; rest 1.3 / 3 = 0.43 ≤ 0.6
            IndicatorDefinition air = indicator("air").baseline(2023, "88.8")
                    .targets(cityTarget(2027, TargetKind.AT_LEAST, "90")).units("A").build();

            IndicatorRollup r = only("2024", air, approved("s", "A", "2024", "air", "88.7"));

            assertThat(r.status()).isEqualTo(RollupStatus.BEHIND);
            assertThat(r.statusReason()).isEqualTo("序时目标89.1，实际88.7，较基准年下降");
        }

        @Test
        void aValueOnTheBaselineAtThePlansPrecisionIsNoDecline() {
            // 国控断面 89.5 % (2023) is 17/19; 17/19 = 89.47 % in 2024 is the same result, not a decline
            IndicatorDefinition water = indicator("w").baseline(2023, "89.5")
                    .targets(cityTarget(2027, TargetKind.AT_LEAST, "94.7")).units("A").build();

            IndicatorRollup r = only("2024", water, approved("s", "A", "2024", "w", "89.47"));

            assertThat(r.status()).isEqualTo(RollupStatus.BEHIND);
            assertThat(r.statusReason()).doesNotContain("下降");
        }

        @Test
        void theExpectedProgressIsTheShareOfTheTimePassed() {
            IndicatorRollup r = higherIn("2026", "85");

            assertThat(r.expectedProgress()).isEqualTo(dec("0.7500"));
            assertThat(r.statusReason()).isEqualTo("序时目标87.5，实际85");
            assertThat(higherIn("2027", "85").expectedProgress()).isNull();
        }

        @Test
        void aHoldingTargetIsMetOrNotEveryYear() {
            // the baseline 95 (2023) already meets the 2030 target 90: 保持, no 序时 line; 89 in 2025 is a breach now
            IndicatorDefinition holding = indicator("green").baseline(2023, "95")
                    .targets(cityTarget(2030, TargetKind.AT_LEAST, "90")).units("A").build();

            IndicatorRollup kept = only("2025", holding, approved("s", "A", "2025", "green", "93"));
            IndicatorRollup breached = only("2025", holding, approved("s", "A", "2025", "green", "89"));

            assertThat(kept.status()).isEqualTo(RollupStatus.MET);
            assertThat(kept.progress()).isEqualTo(dec("1.0000"));
            assertThat(breached.status()).isEqualTo(RollupStatus.NOT_MET);
            assertThat(breached.statusReason()).isEqualTo("保持类目标，每年须达到≥90，实际89");
        }

        @Test
        void goodLevelIsAThresholdInTheIndicatorsDirection() {
            // EQI: baseline 56 (2023), 良好水平 55; 2025: 57 → met; the baseline already met it → progress 1
            IndicatorDefinition eqi = indicator("eqi").baseline(2023, "56")
                    .targets(cityTarget(2027, TargetKind.GOOD_LEVEL, "55")).units("A").build();

            IndicatorRollup r = only("2025", eqi, approved("s", "A", "2025", "eqi", "57"));

            assertThat(r.status()).isEqualTo(RollupStatus.MET);
            assertThat(r.progress()).isEqualTo(dec("1.0000"));
        }

        @ParameterizedTest(name = "red line area {0} → progress {1}, {2}")
        @CsvSource({"100, 1.0000, MET", "100.5, 1.0000, MET", "99.99, 0.0000, NOT_MET"})
        void mustNotFallIsJudgedAgainstTheBaselineEveryYear(String value, String progress, RollupStatus status) {
            // 不降低: the target has no number of its own, so the baseline 100 (2023) is the floor
            IndicatorDefinition redLine = indicator("redline").direction(Direction.MUST_NOT_FALL)
                    .baseline(2023, "100").targets(cityTarget(2030, TargetKind.SECURED, null)).units("A").build();

            IndicatorRollup r = only("2025", redLine, approved("s", "A", "2025", "redline", value));

            assertThat(r.progress()).isEqualTo(dec(progress));
            assertThat(r.status()).isEqualTo(status);
        }

        @ParameterizedTest(name = "yes/no {0} → progress {1}, {2}")
        @CsvSource({"1, 1.0000, MET", "0, 0.0000, NOT_MET"})
        void yesNoIsMetByYes(String value, String progress, RollupStatus status) {
            IndicatorDefinition plan = indicator("plan").valueType(ValueType.YES_NO).direction(Direction.YES_NO)
                    .rule(RollupRule.CITY_MEASURED).measuredBy("M")
                    .targets(cityTarget(2027, TargetKind.SECURED, null)).build();

            IndicatorRollup r = only("2025", plan, approved("s", "M", "2025", "plan", value));

            assertThat(r.cityValue()).isEqualTo(dec(value));
            assertThat(r.progress()).isEqualTo(dec(progress));
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.units().get(0).rank()).isNull();
        }

        @Test
        void withoutABaselineValueOnlyWhetherTheTargetIsReachedCanBeSaid() {
            IndicatorDefinition fresh = indicator("fresh").baseline(2023, null)
                    .targets(cityTarget(2027, TargetKind.AT_LEAST, "90")).units("A").build();

            IndicatorRollup below = only("2025", fresh, approved("s", "A", "2025", "fresh", "85"));
            IndicatorRollup above = only("2025", fresh, approved("s", "A", "2025", "fresh", "95"));
            IndicatorRollup finalYear = only("2027", fresh, approved("s", "A", "2027", "fresh", "85"));

            assertThat(below.progress()).isNull();
            assertThat(below.status()).isEqualTo(RollupStatus.NO_BASELINE);
            assertThat(above.progress()).isEqualTo(dec("1.0000"));
            assertThat(above.status()).isEqualTo(RollupStatus.ON_TRACK);
            assertThat(finalYear.status()).isEqualTo(RollupStatus.NOT_MET);
        }

        @ParameterizedTest(name = "2025-Q2 value {0} → {1}")
        @CsvSource({
                // 2025-Q2 ends at 2024.5: 序时 80 + 10 × 1.5/4 = 83.75; 82 behind, the rest 8 / 2.5 = 3.2 ≤ 5
                "82, BEHIND",
                "84, ON_TRACK"})
        void quartersAreTimedByTheirEnd(String value, RollupStatus status) {
            IndicatorDefinition quarterly = indicator("q").periodType(PeriodType.QUARTERLY).baseline(2023, "80")
                    .targets(cityTarget(2027, TargetKind.AT_LEAST, "90")).units("A").build();

            IndicatorRollup r = only("2025-Q2", quarterly, approved("s", "A", "2025-Q2", "q", value));

            assertThat(r.status()).isEqualTo(status);
        }

        @ParameterizedTest
        @CsvSource({"2025, 2025", "2025-Q4, 2025", "2025-Q1, 2024.25", "2025-03, 2024.25", "2025-12, 2025"})
        void periodsEndAt(String period, String time) {
            assertThat(TargetJudgement.time(Period.parse(period).orElseThrow())).isEqualByComparingTo(time);
        }
    }

    /** The findings of issue 11 on the plan's own indicators, with the plan's numbers. */
    @Nested
    class PlanIndicators {
        // 专栏1 PM2.5: 32 (2023) → 30 (2027) → 29 (2030), measured by the bureau
        private final IndicatorDefinition pm25 = indicator("pm25").rule(RollupRule.CITY_MEASURED)
                .direction(Direction.LOWER_IS_BETTER).measuredBy("M").baseline(2023, "32")
                .targets(cityTarget(2027, TargetKind.AT_MOST, "30"), cityTarget(2030, TargetKind.AT_MOST, "29"))
                .build();

        private IndicatorRollup pm25In(String year, String value) {
            return only(year, pm25, approved("s", "M", year, "pm25", value));
        }

        @Test
        void onTheStraightLineIsOnScheduleNotRed() {
            // 2025: 序时 32 − 2 × 2/4 = 31, exactly the value
            assertThat(pm25In("2025", "31").status()).isEqualTo(RollupStatus.ON_TRACK);
        }

        @Test
        void behindTheLineIsBehindScheduleNotAWarning() {
            // 2024: 序时 31.5; 31.8 is behind; the rest (31.8 − 30) / 3 = 0.6 a year ≤ 2 × 0.5
            assertThat(pm25In("2024", "31.8").status()).isEqualTo(RollupStatus.BEHIND);
        }

        @Test
        void theMilestoneYearIsMetOrNot() {
            assertThat(pm25In("2027", "30").status()).isEqualTo(RollupStatus.MET);
            assertThat(pm25In("2027", "30.5").status()).isEqualTo(RollupStatus.NOT_MET);
        }

        @Test
        void afterAMilestoneTheLineRunsToTheNextOne() {
            // 2028 against 2030's 29, the stage starting at 2027's 30: 序时 30 − 1 × 1/3 = 29.67; 29.9 behind;
            // rest 0.9 / 2 = 0.45 ≤ 2 × 1/3; expected progress (32 − 29.67) / (32 − 29) = 0.7767
            IndicatorRollup r = pm25In("2028", "29.9");

            assertThat(r.nextTarget().year()).isEqualTo(2030);
            assertThat(r.status()).isEqualTo(RollupStatus.BEHIND);
            assertThat(r.statusReason()).isEqualTo("序时目标29.67，实际29.9");
            assertThat(r.expectedProgress()).isEqualTo(dec("0.7767"));
        }

        @ParameterizedTest(name = "保持 {0}: {1} → {2}")
        @CsvSource({
                // 劣Ⅴ类 0 → 0: any share above 0 is a breach today
                "0, AT_MOST, LOWER_IS_BETTER, 0, 0, MET",
                "0, AT_MOST, LOWER_IS_BETTER, 0, 5, NOT_MET",
                // 饮用水 100 → 100
                "100, AT_LEAST, HIGHER_IS_BETTER, 100, 99.5, NOT_MET",
                // 森林覆盖率 54.96 → ≥53
                "54.96, AT_LEAST, HIGHER_IS_BETTER, 53, 53.5, MET",
                "54.96, AT_LEAST, HIGHER_IS_BETTER, 53, 52, NOT_MET",
                // 受污染耕地 99.86 → 95 以上
                "99.86, AT_LEAST, HIGHER_IS_BETTER, 95, 94, NOT_MET"})
        void holdingTargetsAreJudgedEveryYear(String baseline, TargetKind kind, Direction direction, String target,
                                              String value, RollupStatus status) {
            IndicatorDefinition d = indicator("hold").direction(direction).baseline(2023, baseline)
                    .targets(cityTarget(2027, kind, target)).units("A").build();

            assertThat(only("2025", d, approved("s", "A", "2025", "hold", value)).status()).isEqualTo(status);
        }
    }

    /** Each kind of indicator in the year before a milestone, in the milestone year and after it. */
    @Nested
    class EveryKindAroundAMilestone {
        private IndicatorDefinition kind(String kind) {
            return switch (kind) {
                case "lower" -> indicator(kind).direction(Direction.LOWER_IS_BETTER).baseline(2023, "32")
                        .targets(cityTarget(2027, TargetKind.AT_MOST, "30"), cityTarget(2030, TargetKind.AT_MOST, "29"),
                                cityTarget(2035, TargetKind.AT_MOST, "28")).units("A").build();
                case "higher" -> indicator(kind).baseline(2023, "80")
                        .targets(cityTarget(2027, TargetKind.AT_LEAST, "90"), cityTarget(2030, TargetKind.AT_LEAST, "95"))
                        .units("A").build();
                case "mustNotFall" -> indicator(kind).direction(Direction.MUST_NOT_FALL).baseline(2023, "100")
                        .targets(cityTarget(2027, TargetKind.AT_LEAST, "100"), cityTarget(2030, TargetKind.AT_LEAST, "100"))
                        .units("A").build();
                case "holding" -> indicator(kind).baseline(2023, "100")
                        .targets(cityTarget(2027, TargetKind.AT_LEAST, "100"), cityTarget(2035, TargetKind.AT_LEAST, "100"))
                        .units("A").build();
                case "yesNo" -> indicator(kind).valueType(ValueType.YES_NO).direction(Direction.YES_NO)
                        .rule(RollupRule.ALL_UNITS_MET).units("A")
                        .targets(cityTarget(2027, TargetKind.SECURED, null), cityTarget(2030, TargetKind.SECURED, null))
                        .build();
                default -> indicator(kind).valueType(ValueType.RATE).rule(RollupRule.CITY_MEASURED).measuredBy("M")
                        .baseline(2023, "3.5").targets(cityTarget(2026, TargetKind.AT_LEAST, "3"),
                                cityTarget(2027, TargetKind.AT_LEAST, "3"), cityTarget(2028, TargetKind.AT_LEAST, "3"))
                        .build();
            };
        }

        @ParameterizedTest(name = "{0} {1} = {2} → {3}")
        @CsvSource({
                // 序时 2026: 32 − 2 × 3/4 = 30.5
                "lower, 2026, 30.5, ON_TRACK",
                "lower, 2027, 30, MET",
                // after the last milestone (2035: 28) the last target stands
                "lower, 2036, 28.5, NOT_MET",
                // 序时 2026: 80 + 10 × 3/4 = 87.5
                "higher, 2026, 87.5, ON_TRACK",
                "higher, 2027, 89, NOT_MET",
                // the stage 2027 (90) → 2030 (95): 序时 2028 91.67; the rest 4 / 2 = 2 ≤ 2 × 5/3, 0.67 behind < 5/3
                "higher, 2028, 91, BEHIND",
                "mustNotFall, 2026, 99, NOT_MET",
                "mustNotFall, 2027, 100, MET",
                "mustNotFall, 2031, 101, MET",
                "holding, 2026, 99.5, NOT_MET",
                "holding, 2027, 100, MET",
                "holding, 2036, 100, MET",
                "yesNo, 2026, 1, MET",
                "yesNo, 2027, 0, NOT_MET",
                "yesNo, 2028, 1, MET",
                "rate, 2026, 2.9, NOT_MET",
                "rate, 2027, 3, MET",
                "rate, 2028, 3.1, MET"})
        void isJudgedByItsKind(String kind, String year, String value, RollupStatus status) {
            String unit = kind.equals("rate") ? "M" : "A";
            IndicatorRollup r = only(year, kind(kind), approved("s", unit, year, kind, value));

            assertThat(r.status()).as(r.statusReason()).isEqualTo(status);
        }
    }

    @Nested
    class Rates {
        // 单位GDP能耗降低率: 2025's own target 3 %, 十五五 (2026—2030) 13.5 % cumulative
        private final IndicatorDefinition energy = indicator("energy").valueType(ValueType.RATE)
                .rule(RollupRule.CITY_MEASURED).measuredBy("M").baseline(2023, "3.5")
                .targets(cityTarget(2025, TargetKind.AT_LEAST, "3"),
                        new cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target(
                                cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel.CITY, 2030,
                                TargetKind.PROVINCIAL, dec("13.5"), "十五五累计13.5", 2026))
                .build();

        private IndicatorRollup energyIn(String year, String... earlierYearAndValue) {
            List<RollupValue> values = new java.util.ArrayList<>();
            for (int i = 0; i < earlierYearAndValue.length; i += 2) {
                values.add(approved("s" + i, "M", earlierYearAndValue[i], "energy", earlierYearAndValue[i + 1]));
            }
            return rollup(year, false, List.of(energy), values).indicators().get(0);
        }

        @Test
        void aYearlyRateIsJudgedAgainstItsOwnYearsTargetNeverByTrend() {
            // intensity rose by 1.2 %: a negative rate, below 2025's 3 %
            IndicatorRollup rose = energyIn("2025", "2025", "-1.2");
            IndicatorRollup fell = energyIn("2025", "2025", "3.2");

            assertThat(rose.cityValue()).isEqualTo(dec("-1.20"));
            assertThat(rose.status()).isEqualTo(RollupStatus.NOT_MET);
            assertThat(rose.statusReason()).isEqualTo("2025年目标≥3，实际-1.2");
            assertThat(fell.status()).isEqualTo(RollupStatus.MET);
        }

        @Test
        void aYearWithoutItsOwnTargetHasNone() {
            assertThat(energyIn("2024", "2024", "3").status()).isEqualTo(RollupStatus.NO_TARGET);
        }

        @Test
        void aCumulativeTargetCompoundsTheSpansYears() {
            // 2026 3 %, 2027 3 %: 1 − 0.97² = 5.91 %; pro rata after 2 of 5 years 1 − 0.865^(2/5) = 5.64 %
            IndicatorRollup onTrack = energyIn("2027", "2026", "3", "2027", "3");
            // 2026 3 %, 2027 2.5 %: 1 − 0.97 × 0.975 = 5.43 % < 5.64 %; the rest needs 2.93 % a year
            // ≤ 2 × the plan's 2.86 % a year
            IndicatorRollup behind = energyIn("2027", "2026", "3", "2027", "2.5");
            // intensity rose twice: the rest needs far more than twice the plan's pace
            IndicatorRollup off = energyIn("2027", "2026", "-1", "2027", "-1");

            assertThat(onTrack.status()).isEqualTo(RollupStatus.ON_TRACK);
            assertThat(onTrack.statusReason()).isEqualTo("2026—2030年累计5.91%，序时应累计5.64%");
            assertThat(onTrack.expectedProgress()).isEqualTo(dec("0.4000"));
            assertThat(behind.status()).isEqualTo(RollupStatus.BEHIND);
            assertThat(off.status()).isEqualTo(RollupStatus.OFF_TRACK);
        }

        @Test
        void theLastYearOfTheSpanIsMetOrNot() {
            // 0.97⁴ × 0.98 = 0.8676 → 13.24 % < 13.5; 0.97⁴ × 0.965 = 0.8543 → 14.57 % ≥ 13.5
            IndicatorRollup missed = energyIn("2030", "2026", "3", "2027", "3", "2028", "3", "2029", "3", "2030", "2");
            IndicatorRollup met = energyIn("2030", "2026", "3", "2027", "3", "2028", "3", "2029", "3", "2030", "3.5");

            assertThat(missed.status()).isEqualTo(RollupStatus.NOT_MET);
            assertThat(missed.statusReason()).isEqualTo("2026—2030年累计13.24%，目标13.5%");
            assertThat(met.status()).isEqualTo(RollupStatus.MET);
        }

        @Test
        void aYearlyTargetWithoutItsNumberGivesWayToTheSpansCumulativeOne() {
            IndicatorDefinition pendingYearly = indicator("energy").valueType(ValueType.RATE)
                    .rule(RollupRule.CITY_MEASURED).measuredBy("M").baseline(2023, "3.5")
                    .targets(cityTarget(2027, TargetKind.PROVINCIAL, null), energy.targets().get(1)).build();
            List<RollupValue> values = List.of(approved("s1", "M", "2026", "energy", "3"),
                    approved("s2", "M", "2027", "energy", "3"));

            IndicatorRollup r = rollup("2027", false, List.of(pendingYearly), values).indicators().get(0);

            assertThat(r.nextTarget().year()).isEqualTo(2030);
            assertThat(r.status()).isEqualTo(RollupStatus.ON_TRACK);
        }

        @Test
        void aMissingYearOfTheSpanLeavesTheCumulativeUnknown() {
            IndicatorRollup r = energyIn("2027", "2027", "3");

            assertThat(r.status()).isEqualTo(RollupStatus.INCOMPLETE);
            assertThat(r.statusReason()).isEqualTo("累计目标缺少2026年的数据");
        }
    }

    @Nested
    class Coverage {
        private final IndicatorDefinition redLine = indicator("redline").direction(Direction.MUST_NOT_FALL)
                .baseline(2023, "7076.41").targets(cityTarget(2027, TargetKind.AT_LEAST, "7076.41"))
                .units("A", "B", "C").build();
        private final IndicatorDefinition water = indicator("water").rule(RollupRule.RATIO_OF_SUMS)
                .valueType(ValueType.PERCENT).components("good", "total").baseline(2023, "80")
                .targets(cityTarget(2027, TargetKind.AT_LEAST, "90")).units("A", "B", "C").build();
        private final List<RollupValue> twoOfThree = List.of(
                approved("s-a", "A", "2025", "redline", "1200.5"),
                approved("s-b", "B", "2025", "redline", "700"),
                approved("s-a", "A", "2025", "water", null, "good", "9", "total", "10"),
                approved("s-b", "B", "2025", "water", null, "good", "8", "total", "10"));

        private CityRollup with(List<RollupValue> values, Map<String, java.util.Set<String>> notApplicable,
                                cn.jiangcheng.tracker.api.rollup.RollupTypes.PeriodClosure closure) {
            return CityRollupCalculator.calculate(CITY, "吉林市", Period.parse("2025").orElseThrow(), false,
                    List.of(redLine, water), values, NAMES, notApplicable, closure);
        }

        @Test
        void aPartialSumIsNotTheCitysValue() {
            // 1200.5 + 700 of 3 units is not the red line area of the city: no value, no verdict
            IndicatorRollup r = with(twoOfThree, Map.of(), null).indicators().get(0);

            assertThat(r.cityValue()).isNull();
            assertThat(r.progress()).isNull();
            assertThat(r.status()).isEqualTo(RollupStatus.INCOMPLETE);
            assertThat(r.coverage().complete()).isFalse();
            assertThat(r.coverage().reported()).isEqualTo(2);
            assertThat(r.coverage().expected()).isEqualTo(3);
            assertThat(r.coverage().missing()).containsExactly(new UnitRef("C", "桦甸市"));
        }

        @Test
        void aPartialRatioIsShownButNotJudged() {
            // 17 / 20 = 85 % from A and B; C missing
            IndicatorRollup r = with(twoOfThree, Map.of(), null).indicators().get(1);

            assertThat(r.cityValue()).isEqualTo(dec("85.00"));
            assertThat(r.status()).isEqualTo(RollupStatus.INCOMPLETE);
            assertThat(r.progress()).isNull();
        }

        @Test
        void thePeriodTurnsCompleteWhenTheLastUnitIsIn() {
            List<RollupValue> all = new java.util.ArrayList<>(twoOfThree);
            all.add(approved("s-c", "C", "2025", "redline", "5175.91"));
            all.add(approved("s-c", "C", "2025", "water", null, "good", "1", "total", "2"));

            List<IndicatorRollup> r = with(all, Map.of(), null).indicators();

            // 1200.5 + 700 + 5175.91 = 7076.41, exactly the red line
            assertThat(r.get(0).cityValue()).isEqualTo(dec("7076.41"));
            assertThat(r.get(0).status()).isEqualTo(RollupStatus.MET);
            // 18 / 22 = 81.82 %; 序时 85: behind, the rest 8.18 / 2 = 4.09 a year ≤ 2 × 2.5
            assertThat(r.get(1).cityValue()).isEqualTo(dec("81.82"));
            assertThat(r.get(1).status()).isEqualTo(RollupStatus.BEHIND);
            assertThat(r.get(1).coverage().complete()).isTrue();
        }

        @Test
        void aClosedPeriodIsJudgedOnTheDataThereIs() {
            var closure = new cn.jiangcheng.tracker.api.rollup.RollupTypes.PeriodClosure(
                    java.time.Instant.parse("2026-02-10T02:00:00Z"), "审核员", "桦甸市逾期未报",
                    List.of(new UnitRef("C", "桦甸市")));

            CityRollup rollup = with(twoOfThree, Map.of(), closure);

            assertThat(rollup.closure()).isEqualTo(closure);
            // 1900.5 is still not the city's red line area: closing does not turn a partial sum into a verdict
            IndicatorRollup redLineRow = rollup.indicators().get(0);
            assertThat(redLineRow.cityValue()).isNull();
            assertThat(redLineRow.status()).isEqualTo(RollupStatus.INCOMPLETE);
            assertThat(redLineRow.statusReason()).isEqualTo("已截止汇总，缺桦甸市，合计不完整，不作判定");
            assertThat(redLineRow.coverage().complete()).isTrue();
            assertThat(redLineRow.coverage().missing()).containsExactly(new UnitRef("C", "桦甸市"));
            // a ratio is judged on the units there are, and says whom it leaves out: 17 / 20 = 85 % is exactly 序时
            IndicatorRollup waterRow = rollup.indicators().get(1);
            assertThat(waterRow.status()).isEqualTo(RollupStatus.ON_TRACK);
            assertThat(waterRow.statusReason()).isEqualTo("序时目标85，实际85（截止汇总，不含：桦甸市）");
        }

        @Test
        void aNotApplicableUnitIsNotExpected() {
            CityRollup rollup = with(twoOfThree, Map.of("water", java.util.Set.of("C")), null);
            IndicatorRollup r = rollup.indicators().get(1);

            assertThat(r.coverage().expected()).isEqualTo(2);
            assertThat(r.coverage().complete()).isTrue();
            assertThat(r.coverage().notApplicable()).containsExactly(new UnitRef("C", "桦甸市"));
            assertThat(r.status()).isEqualTo(RollupStatus.ON_TRACK);
            assertThat(r.units()).filteredOn(UnitValue::notApplicable).extracting(UnitValue::orgUnitId)
                    .containsExactly("C");
            // the red line still expects C
            assertThat(rollup.indicators().get(0).status()).isEqualTo(RollupStatus.INCOMPLETE);
        }
    }

    @Nested
    class Trend {
        private final IndicatorDefinition total = indicator("total").baseline(2023, "10").units("A", "B").build();

        @Test
        void startsWithTheBaselineThenEarlierPeriodsWithData() {
            List<RollupValue> values = List.of(
                    approved("s-a23", "A", "2023", "total", "9"),     // the baseline year: the baseline stands
                    approved("s-a24", "A", "2024", "total", "7"),     // 2024: 7 + 5 = 12.00
                    approved("s-b24", "B", "2024", "total", "5"),
                    pending("s-a25", "A", "2025", "total", "99"),     // 2025: only pending → no point
                    approved("s-a26", "A", "2026", "total", "8.5"),   // 2026: 8.5 + 5 = 13.50
                    approved("s-b26", "B", "2026", "total", "5"),
                    approved("s-a27", "A", "2027", "total", "9"),     // the current period: cityValue, not trend
                    approved("s-b27", "B", "2027", "total", "5"));

            IndicatorRollup r = rollup("2027", false, List.of(total), values).indicators().get(0);

            assertThat(r.trend()).containsExactly(
                    new TrendPoint("2023", dec("10.00")),
                    new TrendPoint("2024", dec("12.00")),
                    new TrendPoint("2026", dec("13.50")));
            assertThat(r.cityValue()).isEqualTo(dec("14.00"));
        }

        @Test
        void countsPendingValuesOfEarlierPeriodsWhenAskedTo() {
            List<RollupValue> values = List.of(
                    pending("s-a25", "A", "2025", "total", "11"),
                    approved("s-a26", "A", "2026", "total", "12"));

            IndicatorRollup r = rollup("2026", true, List.of(total), values).indicators().get(0);

            assertThat(r.trend()).containsExactly(
                    new TrendPoint("2023", dec("10.00")),
                    new TrendPoint("2025", dec("11.00")));
        }

        @Test
        void withoutABaselineValueOnlyThePeriods() {
            IndicatorDefinition fresh = indicator("fresh").baseline(2023, null).units("A").build();
            List<RollupValue> values = List.of(
                    approved("s-1", "A", "2024-Q4", "fresh", "3"),   // another rhythm: not this indicator's trend
                    approved("s-2", "A", "2023", "fresh", "2"),
                    approved("s-3", "A", "2024", "fresh", "4"));

            IndicatorRollup r = rollup("2025", false, List.of(fresh), values).indicators().get(0);

            assertThat(r.trend()).containsExactly(
                    new TrendPoint("2023", dec("2.00")),
                    new TrendPoint("2024", dec("4.00")));
        }
    }

    @Nested
    class Reporting {
        @Test
        void expectsEveryUnitThatMustReportAnIndicatorOfThePeriodsRhythm() {
            IndicatorDefinition first = indicator("one").number(1).units("A", "B").build();
            IndicatorDefinition second = indicator("two").number(2).units("B", "C").measuredBy("M").build();
            IndicatorDefinition quarterly = indicator("three").number(3).periodType(PeriodType.QUARTERLY)
                    .units("D").build();
            List<RollupValue> values = List.of(
                    approved("s-a", "A", "2025", "one", "1"),
                    approved("s-m", "M", "2025", "two", "2"),
                    approved("s-e", "E", "2025", "two", "2"));      // E is not expected: not counted as reported

            CityRollup rollup = rollup("2025", false, List.of(second, quarterly, first), values);

            assertThat(rollup.indicators()).extracting(IndicatorRollup::indicatorId).containsExactly("one", "two");
            assertThat(rollup.reporting().expected()).isEqualTo(4);   // A, B, C, M
            assertThat(rollup.reporting().reported()).isEqualTo(2);   // A, M
            assertThat(rollup.reporting().missing()).containsExactly(
                    new UnitRef("B", "蛟河市"), new UnitRef("C", "桦甸市"));
            assertThat(rollup.indicators().get(1).expectedUnits()).isEqualTo(3);
            assertThat(rollup.indicators().get(1).reportedUnits()).isEqualTo(1);
        }

        @Test
        void carriesTheIndicatorsCatalogFieldsAndTheCity() {
            IndicatorDefinition first = indicator("one").number(7).baseline(2023, "5").units("A").build();

            CityRollup rollup = rollup("2025", true, List.of(first), List.of());
            IndicatorRollup r = rollup.indicators().get(0);

            assertThat(rollup.cityName()).isEqualTo("吉林市");
            assertThat(rollup.period()).isEqualTo("2025");
            assertThat(rollup.includePending()).isTrue();
            assertThat(r.number()).isEqualTo(7);
            assertThat(r.name()).isEqualTo("指标one");
            assertThat(r.baseline().value()).isEqualByComparingTo(BigDecimal.valueOf(5));
            assertThat(r.rollupRule()).isEqualTo(RollupRule.SUM);
        }
    }
}
