package cn.jiangcheng.tracker.api.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The city rollup's vocabulary. Values have two decimals (yes/no values are 0 or 1), progress has four
 * (0.6667 = 66.67 % of the way from the baseline to the target).
 */
public final class RollupTypes {
    private RollupTypes() {
    }

    /**
     * The verdict on one indicator in the plan's own words (docs/indicator-api.md, 判定规则, has a worked example per
     * kind). Before the target year: ON_TRACK 进度符合预期 (on or ahead of the straight line from the baseline to the
     * target), BEHIND 进度滞后 (behind it), OFF_TRACK 预计难以完成 (worse than the baseline, or the rest of the way
     * needs more than twice the plan's yearly pace). In and after the target year, and every year for 保持 targets
     * (the baseline already meets the target; must-not-fall; yes/no): MET 达标 / NOT_MET 未达标. Rates are judged
     * against their own year's target, cumulative rates against the pro-rata share of their span. INCOMPLETE
     * 数据不全: not every expected unit has reported and the period is not closed (截止汇总); a sum stays so even
     * when closed. NO_BASELINE 无基准值: no baseline, so no 序时 line before the first milestone. NO_DATA 暂无数据,
     * NO_TARGET 无目标 (no target, or a 完成省下达目标 whose number is not set yet).
     */
    public enum RollupStatus { ON_TRACK, BEHIND, OFF_TRACK, MET, NOT_MET, INCOMPLETE, NO_BASELINE, NO_DATA, NO_TARGET }

    /**
     * rank: 1 = best, ties share a rank, null for yes/no indicators and units without a value. notApplicable: the
     * indicator is confirmed 不涉及 for this unit, which is therefore not expected (value null).
     */
    public record UnitValue(String orgUnitId, String orgUnitName, BigDecimal value, Integer rank, boolean pending,
                            boolean notApplicable) {
        public UnitValue(String orgUnitId, String orgUnitName, BigDecimal value, Integer rank, boolean pending) {
            this(orgUnitId, orgUnitName, value, rank, pending, false);
        }
    }

    /** period is the baseline's year for the first point, otherwise a period code (2024, 2025-Q1). */
    public record TrendPoint(String period, BigDecimal value) {
    }

    public record UnitRef(String orgUnitId, String orgUnitName) {
    }

    /** expected = reported + missing.size(); reported counts only units that are expected. */
    public record ReportingSummary(int expected, int reported, List<UnitRef> missing) {
    }

    /**
     * 截止汇总: the bureau closed the period although the named units had not reported; from then on every indicator
     * is judged on the data there is. Null while the period is open.
     */
    public record PeriodClosure(Instant closedAt, String closedBy, String note, List<UnitRef> missingAtClosing) {
    }

    /**
     * Who of the expected units has reported one indicator. complete: all of them have, or the period is closed.
     * notApplicable lists the units for which the indicator is confirmed 不涉及 (not counted in expected).
     */
    public record Coverage(int expected, int reported, List<UnitRef> missing, List<UnitRef> notApplicable,
                           boolean complete) {
    }

    /**
     * One indicator of the city rollup. nextTarget is the target the period is judged against: the first city-level
     * target whose year is the period's year or later, after the last one the last one; for a rate the target of
     * its own year or the cumulative target whose span holds it (null when there is none). cityValue is null for
     * indicators that need every unit (sums, must-not-fall, yes/no, city-measured) while incomplete, since a partial
     * sum is not the city's figure; ratio and area-weighted values are shown from the units there are.
     * progress is the share of the way from the baseline to the target (0..1); expectedProgress the share of the
     * time from the baseline year to the target year that has passed (序时进度), null where no line is drawn.
     * units lists the units with a value, best first, then the units that should have reported but have not
     * (value null), then the 不涉及 units. trend holds the baseline, then the city value of every earlier period of
     * the same type that has one; the current period is not in it (it is cityValue). expectedUnits / reportedUnits
     * repeat coverage's counts.
     */
    public record IndicatorRollup(String indicatorId, int number, String category, String name, String unit,
                                  ValueType valueType, Direction direction, RollupRule rollupRule, Baseline baseline,
                                  BigDecimal cityValue, Target nextTarget, BigDecimal progress,
                                  BigDecimal expectedProgress, RollupStatus status, String statusReason,
                                  List<UnitValue> units, List<TrendPoint> trend, Coverage coverage,
                                  int expectedUnits, int reportedUnits) {
    }
}
