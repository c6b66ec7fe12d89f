package cn.jiangcheng.tracker.api.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;

import java.math.BigDecimal;
import java.util.List;

/**
 * The city rollup's vocabulary. Values have two decimals (yes/no values are 0 or 1), progress has four
 * (0.6667 = 66.67 % of the way from the baseline to the target).
 */
public final class RollupTypes {
    private RollupTypes() {
    }

    /**
     * Checked in this order: NO_DATA (no city value), NO_TARGET (no city target from the period's year on, or a
     * 完成省下达目标 whose number is not set yet), WARNING (预警: the straight line from the baseline through the
     * current value misses the target in the target's year, even when the value meets the target today), MET (达标),
     * NOT_MET (未达标).
     */
    public enum RollupStatus { MET, NOT_MET, WARNING, NO_DATA, NO_TARGET }

    /** rank: 1 = best, ties share a rank, null for yes/no indicators and units without a value. */
    public record UnitValue(String orgUnitId, String orgUnitName, BigDecimal value, Integer rank, boolean pending) {
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
     * One indicator of the city rollup. nextTarget is the first city-level target whose year is the period's year
     * or later (null when there is none). units lists the units with a value, best first, then the units that
     * should have reported but have not (value null). trend holds the baseline, then the city value of every
     * earlier period of the same type that has one; the current period is not in it (it is cityValue).
     * expectedUnits / reportedUnits count the units that must report this indicator and those that have.
     */
    public record IndicatorRollup(String indicatorId, int number, String category, String name, String unit,
                                  ValueType valueType, Direction direction, RollupRule rollupRule, Baseline baseline,
                                  BigDecimal cityValue, Target nextTarget, BigDecimal progress, RollupStatus status,
                                  List<UnitValue> units, List<TrendPoint> trend, int expectedUnits,
                                  int reportedUnits) {
    }
}
