package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator a unit reports in a period, with what a value of it is checked against: its type, the components
 * the city recomputes it from, and the jump from the unit's last approved value that needs an explanation.
 */
public record ExpectedValue(String indicatorId, String name, ValueType valueType, RollupRule rollupRule,
                            List<String> componentKeys, BigDecimal plausibilityShare, BigDecimal lastApprovedValue) {
}
