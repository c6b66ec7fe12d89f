package cn.jiangcheng.tracker.api.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;

import java.math.BigDecimal;
import java.util.List;

public final class IndicatorEvents {
    private IndicatorEvents() {
    }

    public record IndicatorDefined(String indicatorId, IndicatorDefinition definition) {
    }

    public record IndicatorTargetsChanged(String indicatorId, List<Target> oldTargets, List<Target> newTargets) {
    }

    public record ProvincialTargetSet(String indicatorId, int year, BigDecimal value) {
    }

    public record IndicatorAssigned(String indicatorId, PeriodType periodType, List<String> reportingUnitIds,
                                    String measuringUnitId) {
    }

    public record PlausibilityShareChanged(String indicatorId, BigDecimal oldShare, BigDecimal newShare) {
    }

    /** null on either side: the default calendar of the indicator's period type. */
    public record ReportingCalendarChanged(String indicatorId, ReportingCalendar oldCalendar,
                                           ReportingCalendar newCalendar) {
    }
}
