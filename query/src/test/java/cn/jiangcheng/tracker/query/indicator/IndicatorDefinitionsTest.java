package cn.jiangcheng.tracker.query.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorDefinitionsTest {
    private static final Target PROVINCE_2027 =
            new Target(PlanLevel.PROVINCE, 2027, TargetKind.PROVINCIAL, null, "完成省下达目标");
    private static final Target CITY_2027 =
            new Target(PlanLevel.CITY, 2027, TargetKind.PROVINCIAL, null, "完成省下达目标");
    private static final Target CITY_2035 =
            new Target(PlanLevel.CITY, 2035, TargetKind.PROVINCIAL, null, "完成省下达目标");
    private static final Target CITY_2030 =
            new Target(PlanLevel.CITY, 2030, TargetKind.AT_LEAST, new BigDecimal("90.0"), "≥90");

    private static final IndicatorDefinition WATER = new IndicatorDefinition("jl-03", "220200", 3, "水环境",
            "地表水达到或好于Ⅲ类水体比例", "%", ValueType.PERCENT, Direction.HIGHER_IS_BETTER, RollupRule.RATIO_OF_SUMS,
            List.of(new ComponentSpec("good", "达到或好于Ⅲ类的断面数", "个"),
                    new ComponentSpec("total", "考核断面数", "个")),
            new Baseline(2023, new BigDecimal("86.70"), "86.7"),
            List.of(PROVINCE_2027, CITY_2027, CITY_2030, CITY_2035),
            "约束性", PeriodType.ANNUAL, List.of("220221", "220281"), null, new BigDecimal("0.30"));

    @Test
    void jsonKeepsEveryFieldAndTheScaleOfNumbers() {
        String json = IndicatorDefinitions.toJson(WATER);
        IndicatorDefinition back = IndicatorDefinitions.fromJson(json);

        assertThat(back).isEqualTo(WATER);
        assertThat(back.baseline().value().scale()).isEqualTo(2);
        assertThat(back.plausibilityShare()).isEqualTo(new BigDecimal("0.30"));
        assertThat(json).contains("86.70").doesNotContain("E+");
    }

    @Test
    void jsonWritesLargeNumbersPlainAndSkipsUnknownFields() {
        IndicatorDefinition big = IndicatorDefinitions.withPlausibilityShare(WATER, new BigDecimal("1E+3"));
        String json = IndicatorDefinitions.toJson(big).replace("{\"indicatorId\"", "{\"retired\":1,\"indicatorId\"");

        assertThat(json).contains("\"plausibilityShare\":1000");
        assertThat(IndicatorDefinitions.fromJson(json).plausibilityShare()).isEqualByComparingTo("1000");
    }

    /** Stored definitions from before calendars existed read back with the default (null). */
    @Test
    void theCalendarIsKeptThroughJsonAndOtherChanges() {
        ReportingCalendar june = new ReportingCalendar(0, 6, 30);
        IndicatorDefinition withCalendar = IndicatorDefinitions.withCalendar(WATER, june);
        IndicatorDefinition back = IndicatorDefinitions.fromJson(IndicatorDefinitions.toJson(withCalendar));

        assertThat(back.calendar()).isEqualTo(june);
        assertThat(IndicatorDefinitions.withTargets(back, List.of(CITY_2030)).calendar()).isEqualTo(june);
        assertThat(IndicatorDefinitions.withAssignment(back, PeriodType.ANNUAL, List.of("220221"), null).calendar())
                .isEqualTo(june);
        assertThat(IndicatorDefinitions.withCalendar(back, null).calendar()).isNull();
        assertThat(IndicatorDefinitions.fromJson(IndicatorDefinitions.toJson(WATER).replace(",\"calendar\":null", ""))
                .calendar()).isNull();
    }

    @Test
    void provincialTargetSetsOnlyTheCityLevelProvincialTargetOfThatYear() {
        IndicatorDefinition changed = IndicatorDefinitions.withProvincialTarget(WATER, 2027, new BigDecimal("88.5"));

        assertThat(changed.targets()).containsExactly(
                PROVINCE_2027,
                new Target(PlanLevel.CITY, 2027, TargetKind.PROVINCIAL, new BigDecimal("88.5"), "完成省下达目标"),
                CITY_2030,
                CITY_2035);
        assertThat(WATER.targets().get(1).value()).isNull();
    }

    @Test
    void provincialTargetOfAYearWithoutOneChangesNothing() {
        IndicatorDefinition changed = IndicatorDefinitions.withProvincialTarget(WATER, 2030, new BigDecimal("95"));

        assertThat(changed.targets()).isEqualTo(WATER.targets());
    }

    @Test
    void newTargetsReplaceTheOldOnes() {
        IndicatorDefinition changed = IndicatorDefinitions.withTargets(WATER, List.of(CITY_2030));

        assertThat(changed.targets()).containsExactly(CITY_2030);
        assertThat(changed.baseline()).isEqualTo(WATER.baseline());
    }

    @Test
    void assignmentChangesRhythmUnitsAndMeasuringUnitOnly() {
        IndicatorDefinition changed = IndicatorDefinitions.withAssignment(WATER, PeriodType.QUARTERLY,
                List.of("220283"), "220200-sthj");

        assertThat(changed.periodType()).isEqualTo(PeriodType.QUARTERLY);
        assertThat(changed.reportingUnitIds()).containsExactly("220283");
        assertThat(changed.measuringUnitId()).isEqualTo("220200-sthj");
        assertThat(changed.targets()).isEqualTo(WATER.targets());
        assertThat(IndicatorDefinitions.unitsThatReport(changed)).containsExactly("220283", "220200-sthj");
    }

    @Test
    void theMeasuringUnitIsExpectedOnceEvenWhenItAlsoReports() {
        IndicatorDefinition changed = IndicatorDefinitions.withAssignment(WATER, PeriodType.ANNUAL,
                List.of("220221", "220200-sthj"), "220200-sthj");

        assertThat(IndicatorDefinitions.unitsThatReport(changed)).containsExactly("220221", "220200-sthj");
    }

    @Test
    void theViewFlattensTheDefinitionAndGivesItBack() {
        IndicatorView view = IndicatorView.of(WATER, 4);

        assertThat(view.id()).isEqualTo("jl-03");
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.toDefinition()).isEqualTo(WATER);
        assertThat(view.reportedBy("220281")).isTrue();
        assertThat(view.reportedBy("220283")).isFalse();
    }
}
