package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.command.common.Check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The targets of an indicator that read 完成省下达目标 until the province hands down its number: which year may get
 * one, what the value may be, and what the targets become once it is known.
 */
record ProvincialTargets(IndicatorDefinition definition, List<Target> targets) {
    static final String SECURED_TEXT = "有效保障";
    static final String YEARLY_RATE_TEXT = "完成省下达目标（年度）";

    /**
     * The value the year's 完成省下达目标 gets: a number within range, or for a yes/no indicator nothing (the province
     * hands down 有效保障, there is no number to type).
     */
    BigDecimal checkedValue(int year, BigDecimal value) {
        boolean hasProvincial = targets.stream().anyMatch(t -> isProvincial(t, year));
        // a yearly rate gets the province's target of any year of the plan, not only of a milestone year
        boolean newYearlyRate = rate() && year >= 2024 && year <= 2035 && !hasCityTarget(year);
        Check.that(hasProvincial || newYearlyRate, "NO_PROVINCIAL_TARGET", year + "年的目标不是“完成省下达目标”");
        if (yesNo()) {
            Check.that(value == null || value.compareTo(BigDecimal.ONE) == 0, "YES_NO_TARGET",
                    "是/否指标的省下达目标为“有效保障”，无需填写数值");
            return null;
        }
        Check.that(value != null, "REQUIRED", "目标值不能为空");
        Check.that(value.signum() >= 0, "OUT_OF_RANGE", "目标值不能为负数");
        Check.that(definition.valueType() != ValueType.PERCENT && !rate()
                        || value.compareTo(BigDecimal.valueOf(100)) <= 0,
                "OUT_OF_RANGE", "百分比目标须在0到100之间");
        Check.that(!IndicatorContent.sameTargets(after(year, value), targets), "TARGETS_UNCHANGED", "目标没有变化");
        return value;
    }

    /** The targets once the year's 完成省下达目标 is known; a yes/no indicator's becomes 有效保障 (SECURED). */
    List<Target> after(int year, BigDecimal value) {
        List<Target> result = new ArrayList<>();
        for (Target t : targets) {
            if (!isProvincial(t, year)) {
                result.add(t);
            } else if (yesNo()) {
                result.add(new Target(t.level(), t.year(), TargetKind.SECURED, null, SECURED_TEXT, t.fromYear()));
            } else {
                result.add(new Target(t.level(), t.year(), t.kind(), value, t.text(), t.fromYear()));
            }
        }
        if (rate() && !hasCityTarget(year)) {
            result.add(new Target(PlanLevel.CITY, year, TargetKind.PROVINCIAL, value, YEARLY_RATE_TEXT, null));
            result.sort(Comparator.comparing(Target::level).thenComparingInt(Target::year));
        }
        return List.copyOf(result);
    }

    /**
     * A number stays a ProvincialTargetSet (the projections fill it in); a yes/no target changes the target's kind,
     * which only a target list change can say, and so does a new yearly target of a rate.
     */
    boolean needsTargetListChange(List<Target> newTargets) {
        return yesNo() || newTargets.size() != targets.size();
    }

    /** As the catalog projection reads a ProvincialTargetSet: only the value is filled in, whatever the indicator. */
    static List<Target> withValue(List<Target> targets, int year, BigDecimal value) {
        return targets.stream().map(t -> isProvincial(t, year)
                ? new Target(t.level(), t.year(), t.kind(), value, t.text(), t.fromYear()) : t).toList();
    }

    private static boolean isProvincial(Target t, int year) {
        return t.level() == PlanLevel.CITY && t.year() == year && t.kind() == TargetKind.PROVINCIAL;
    }

    private boolean hasCityTarget(int year) {
        return targets.stream().anyMatch(t -> t.level() == PlanLevel.CITY && t.year() == year);
    }

    private boolean rate() {
        return definition.valueType() == ValueType.RATE;
    }

    private boolean yesNo() {
        return definition.valueType() == ValueType.YES_NO || definition.direction() == Direction.YES_NO;
    }
}
