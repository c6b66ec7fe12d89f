package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.command.common.Check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks reported values against what the unit's form expects; ratio values are recomputed from their components. */
final class ReportedValues {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX = new BigDecimal("1000000000000");
    private static final int MAX_TEXT = 500;

    private ReportedValues() {
    }

    /** Validates a draft: what is there must be right, but values may still be missing. */
    static List<ReportedValue> normalise(List<ReportedValue> values, List<ExpectedValue> expected) {
        Map<String, ExpectedValue> byIndicator = expected.stream()
                .collect(Collectors.toMap(ExpectedValue::indicatorId, Function.identity(), (a, b) -> a));
        List<ReportedValue> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReportedValue value : values == null ? List.<ReportedValue>of() : values) {
            Check.that(value != null && value.indicatorId() != null, "REQUIRED", "指标不能为空");
            Check.that(seen.add(value.indicatorId()), "DUPLICATE_INDICATOR", "同一指标填写了两次");
            ExpectedValue indicator = byIndicator.get(value.indicatorId());
            Check.that(indicator != null, "NOT_ASSIGNED", "指标“" + value.indicatorId() + "”不属于本单位本期的填报任务");
            result.add(normalise(value, indicator));
        }
        return List.copyOf(result);
    }

    private static ReportedValue normalise(ReportedValue value, ExpectedValue indicator) {
        String name = "“" + indicator.name() + "”";
        Map<String, BigDecimal> components = checkComponents(value.components(), indicator, name);
        BigDecimal number = value.value();
        if (indicator.rollupRule() == RollupRule.RATIO_OF_SUMS && components.size() == 2) {
            BigDecimal numerator = components.get(indicator.componentKeys().get(0));
            BigDecimal denominator = components.get(indicator.componentKeys().get(1));
            Check.that(numerator.compareTo(denominator) <= 0, "NUMERATOR_ABOVE_DENOMINATOR",
                    name + "的分子不能大于分母");
            Check.that(denominator.signum() > 0, "ZERO_DENOMINATOR", name + "的分母必须大于0");
            // the unit's own percentage is always the one its counts give, so the city ratio adds up
            number = HUNDRED.multiply(numerator).divide(denominator, 2, RoundingMode.HALF_UP);
        }
        if (number != null) {
            checkRange(number, indicator.valueType(), name);
        }
        if (indicator.rollupRule() == RollupRule.AREA_WEIGHTED && number != null) {
            BigDecimal area = components.get(indicator.componentKeys().get(0));
            Check.that(area != null && area.signum() > 0, "AREA_REQUIRED", name + "须同时填写面积（大于0）");
        }
        return new ReportedValue(value.indicatorId(), number, components,
                Check.optionalText(value.note(), MAX_TEXT, name + "的备注"),
                Check.optionalText(value.explanation(), MAX_TEXT, name + "的变动说明"));
    }

    private static Map<String, BigDecimal> checkComponents(Map<String, BigDecimal> given, ExpectedValue indicator,
                                                           String name) {
        Map<String, BigDecimal> components = new LinkedHashMap<>();
        if (given == null) {
            return components;
        }
        for (Map.Entry<String, BigDecimal> entry : given.entrySet()) {
            Check.that(indicator.componentKeys().contains(entry.getKey()), "UNKNOWN_COMPONENT",
                    name + "没有分项“" + entry.getKey() + "”");
            BigDecimal component = entry.getValue();
            if (component != null) {
                Check.that(component.signum() >= 0, "NEGATIVE", name + "的分项不能为负数");
                Check.that(component.compareTo(MAX) < 0, "OUT_OF_RANGE", name + "的分项数值过大");
                Check.that(component.stripTrailingZeros().scale() <= 4, "TOO_PRECISE", name + "的分项最多保留4位小数");
                components.put(entry.getKey(), component);
            }
        }
        return components;
    }

    private static void checkRange(BigDecimal number, ValueType type, String name) {
        switch (type) {
            case PERCENT -> Check.that(number.signum() >= 0 && number.compareTo(HUNDRED) <= 0, "OUT_OF_RANGE",
                    name + "是百分比，须在0到100之间");
            case NUMBER -> Check.that(number.signum() >= 0 && number.compareTo(MAX) < 0, "OUT_OF_RANGE",
                    name + "不能为负数或过大");
            case RATE -> Check.that(number.compareTo(HUNDRED.negate()) > 0 && number.compareTo(HUNDRED) < 0,
                    "OUT_OF_RANGE", name + "是年度变化率，须大于-100且小于100（上升时填负数，如-1.2）");
            case YES_NO -> Check.that(number.compareTo(BigDecimal.ZERO) == 0
                    || number.compareTo(BigDecimal.ONE) == 0, "OUT_OF_RANGE", name + "只能填“是”或“否”");
        }
        Check.that(number.stripTrailingZeros().scale() <= 4, "TOO_PRECISE", name + "最多保留4位小数");
    }

    /** Before submitting: every assigned indicator has a value, and big jumps are explained. */
    static void requireComplete(List<ReportedValue> values, List<ExpectedValue> expected) {
        Map<String, ReportedValue> byIndicator = values.stream()
                .collect(Collectors.toMap(ReportedValue::indicatorId, Function.identity()));
        List<String> missing = new ArrayList<>();
        for (ExpectedValue indicator : expected) {
            ReportedValue value = byIndicator.get(indicator.indicatorId());
            boolean componentsMissing = value != null && value.components().size() < indicator.componentKeys().size();
            if (value == null || value.value() == null || componentsMissing) {
                missing.add(indicator.name());
                continue;
            }
            if (needsExplanation(value.value(), indicator)) {
                Check.that(value.explanation() != null, "EXPLANATION_REQUIRED",
                        "“" + indicator.name() + "”与上次审核通过的数值（" + plain(indicator.lastApprovedValue())
                                + "）相比变动超过" + plain(indicator.plausibilityShare().multiply(HUNDRED))
                                + "%，请填写变动说明");
            }
        }
        Check.that(missing.isEmpty(), "INCOMPLETE", "以下指标尚未填写完整：" + String.join("、", missing));
    }

    static boolean needsExplanation(BigDecimal value, ExpectedValue indicator) {
        BigDecimal last = indicator.lastApprovedValue();
        if (last == null || indicator.plausibilityShare() == null) {
            return false;
        }
        BigDecimal change = value.subtract(last).abs();
        if (last.signum() == 0) {
            return change.signum() != 0;
        }
        return change.divide(last.abs(), 6, RoundingMode.HALF_UP).compareTo(indicator.plausibilityShare()) > 0;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
