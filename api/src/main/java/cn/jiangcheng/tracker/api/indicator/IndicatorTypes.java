package cn.jiangcheng.tracker.api.indicator;

import java.math.BigDecimal;
import java.util.List;

/** The vocabulary of the indicator catalog (专栏1 of the plan). */
public final class IndicatorTypes {
    private IndicatorTypes() {
    }

    /** Which way is better; MUST_NOT_FALL means the value may not drop below its baseline. */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER, MUST_NOT_FALL, YES_NO }

    /**
     * RATE is a yearly rate of change that may be negative (单位GDP能耗降低率: −1.2 means intensity rose): it is a
     * flow, judged against the target of its own year (or the cumulative target of its span), never extrapolated.
     */
    public enum ValueType { PERCENT, NUMBER, YES_NO, RATE }

    /**
     * How unit values become the city value. Ratios are recomputed from summed components, never averaged;
     * coverage rates are weighted by area; city-measured indicators come from the city's own monitoring report.
     */
    public enum RollupRule { RATIO_OF_SUMS, AREA_WEIGHTED, SUM, ALL_UNITS_MET, CITY_MEASURED }

    public enum PeriodType { ANNUAL, QUARTERLY, MONTHLY }

    public enum PlanLevel { PROVINCE, CITY }

    /**
     * AT_LEAST / AT_MOST compare with value; PROVINCIAL is 完成省下达目标 (value set later by the city, unknown until
     * then); GOOD_LEVEL is 良好水平 (value holds the threshold, e.g. EQI 55); SECURED is 有效保障 (a yes/no).
     */
    public enum TargetKind { AT_LEAST, AT_MOST, PROVINCIAL, GOOD_LEVEL, SECURED }

    /** A number the unit reports so the city value can be recomputed, e.g. sections assessed. */
    public record ComponentSpec(String key, String label, String unit) {
    }

    /**
     * text keeps the plan's own wording (≥90, 完成省下达目标, 95 以上). fromYear is set only for a cumulative target of a
     * rate indicator: the first year the target adds up over (2026 for a 十五五 target of 2030); null means the
     * target is the level (or, for a rate, the rate) of its own year.
     */
    public record Target(PlanLevel level, int year, TargetKind kind, BigDecimal value, String text, Integer fromYear) {
        public Target(PlanLevel level, int year, TargetKind kind, BigDecimal value, String text) {
            this(level, year, kind, value, text, null);
        }

        public boolean cumulative() {
            return fromYear != null;
        }
    }

    /**
     * When a period of an indicator may be reported and when it is due. A period opens openDaysEarly days before
     * the day after it ends (0: from the day after its end, e.g. an annual report from 1 January of the next
     * year); it is due on day dueDay (clamped to the month's length) of the month dueMonthsAfterEnd months after the
     * month it ends in (annual default 1/31 → 31 January; EQI 6/30 → 30 June, when the figures are published).
     */
    public record ReportingCalendar(int openDaysEarly, int dueMonthsAfterEnd, int dueDay) {
    }

    public record Baseline(int year, BigDecimal value, String text) {
    }

    /**
     * Everything a rule needs to know about one indicator. For RATIO_OF_SUMS the components are numerator then
     * denominator (value = 100 × Σnumerator / Σdenominator); for AREA_WEIGHTED the one component is the area the
     * rate applies to.
     */
    public record IndicatorDefinition(String indicatorId, String cityId, int number, String category, String name,
                                      String unit, ValueType valueType, Direction direction, RollupRule rollupRule,
                                      List<ComponentSpec> components, Baseline baseline, List<Target> targets,
                                      String attribute, PeriodType periodType, List<String> reportingUnitIds,
                                      String measuringUnitId, BigDecimal plausibilityShare,
                                      ReportingCalendar calendar) {
        /** Without a calendar: the default one of its period type applies. */
        public IndicatorDefinition(String indicatorId, String cityId, int number, String category, String name,
                                   String unit, ValueType valueType, Direction direction, RollupRule rollupRule,
                                   List<ComponentSpec> components, Baseline baseline, List<Target> targets,
                                   String attribute, PeriodType periodType, List<String> reportingUnitIds,
                                   String measuringUnitId, BigDecimal plausibilityShare) {
            this(indicatorId, cityId, number, category, name, unit, valueType, direction, rollupRule, components,
                    baseline, targets, attribute, periodType, reportingUnitIds, measuringUnitId, plausibilityShare,
                    null);
        }
    }
}
