package cn.jiangcheng.tracker.query.rollup;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One reported value as the rollup reads it: the unit's own figure and the components the city value is
 * recomputed from. pending = submitted but not yet approved.
 */
public record RollupValue(String submissionId, String orgUnitId, String period, String indicatorId,
                          BigDecimal value, Map<String, BigDecimal> components, boolean pending) {
}
