package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.command.common.Check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What an indicator's definition, its targets and its 变动阈值 must say, as the plan text gives them. Who may change
 * them, and how (the system directly, people through a proposal), is the aggregate's.
 */
final class IndicatorContent {
    private IndicatorContent() {
    }

    /** A definition as imported from the plan text, for the indicator the command names. */
    static IndicatorDefinition definition(String indicatorId, IndicatorDefinition d) {
        Check.that(d != null && indicatorId.equals(d.indicatorId()), "BAD_DEFINITION", "指标定义不完整");
        Check.text(d.name(), 80, "指标名称");
        Check.that(d.cityId() != null && d.valueType() != null && d.direction() != null && d.rollupRule() != null
                && d.periodType() != null, "BAD_DEFINITION", "指标定义不完整");
        requireComponents(d);
        requireTargets(d.targets());
        requireShare(d.plausibilityShare());
        return d;
    }

    /** The rollup rule decides how many components (分项) the units report. */
    private static void requireComponents(IndicatorDefinition d) {
        int expected = switch (d.rollupRule()) {
            case RATIO_OF_SUMS -> 2;
            case AREA_WEIGHTED -> 1;
            default -> 0;
        };
        int actual = d.components() == null ? 0 : d.components().size();
        Check.that(actual == expected, "BAD_COMPONENTS", "指标“" + d.name() + "”的分项数量与汇总规则不符");
        Check.that(d.rollupRule() != RollupRule.ALL_UNITS_MET || d.valueType() == ValueType.YES_NO,
                "BAD_DEFINITION", "“全部达标”规则只适用于是/否指标");
    }

    static void requireTargets(List<Target> targets) {
        Check.that(targets != null && targets.stream().allMatch(Objects::nonNull), "REQUIRED", "目标不能为空");
        for (Target t : targets) {
            Check.that(t.level() != null && t.kind() != null, "BAD_TARGET", "目标缺少层级或类型");
            Check.that(t.year() >= 2024 && t.year() <= 2050, "BAD_TARGET", "目标年份须在2024到2050之间");
            boolean needsValue = t.kind() == TargetKind.AT_LEAST || t.kind() == TargetKind.AT_MOST
                    || t.kind() == TargetKind.GOOD_LEVEL;
            Check.that(!needsValue || t.value() != null, "BAD_TARGET", t.year() + "年目标缺少数值");
        }
    }

    /** Targets that replace the current ones must be valid and differ from them. */
    static void requireNewTargets(List<Target> newTargets, List<Target> current) {
        requireTargets(newTargets);
        Check.that(!sameTargets(newTargets, current), "TARGETS_UNCHANGED", "目标没有变化");
    }

    /** 90 and 90.0 are the same target. */
    static boolean sameTargets(List<Target> a, List<Target> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Target x = a.get(i);
            Target y = b.get(i);
            boolean sameValue = x.value() == null ? y.value() == null
                    : y.value() != null && x.value().compareTo(y.value()) == 0;
            if (x.level() != y.level() || x.year() != y.year() || x.kind() != y.kind() || !sameValue
                    || !Objects.equals(x.text(), y.text()) || !Objects.equals(x.fromYear(), y.fromYear())) {
                return false;
            }
        }
        return true;
    }

    static void requireShare(BigDecimal share) {
        Check.that(share != null && share.signum() > 0 && share.compareTo(BigDecimal.TEN) <= 0,
                "OUT_OF_RANGE", "变动阈值须大于0且不超过10（即1000%）");
    }
}
