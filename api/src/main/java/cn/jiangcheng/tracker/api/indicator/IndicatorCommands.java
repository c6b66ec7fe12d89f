package cn.jiangcheng.tracker.api.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.util.List;

public final class IndicatorCommands {
    private IndicatorCommands() {
    }

    public record DefineIndicator(@TargetAggregateIdentifier String indicatorId, IndicatorDefinition definition) {
    }

    public record ChangeIndicatorTargets(@TargetAggregateIdentifier String indicatorId, List<Target> targets,
                                         @TargetAggregateVersion Long expectedVersion) {
    }

    /** Sets the number behind 完成省下达目标 for one year, once the province has handed it down. */
    public record SetProvincialTarget(@TargetAggregateIdentifier String indicatorId, int year, BigDecimal value,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record AssignIndicator(@TargetAggregateIdentifier String indicatorId, PeriodType periodType,
                                  List<String> reportingUnitIds, String measuringUnitId,
                                  @TargetAggregateVersion Long expectedVersion) {
    }

    public record ChangePlausibilityShare(@TargetAggregateIdentifier String indicatorId, BigDecimal share,
                                          @TargetAggregateVersion Long expectedVersion) {
    }

    /** calendar null goes back to the default calendar of the indicator's period type. */
    public record ChangeReportingCalendar(@TargetAggregateIdentifier String indicatorId, ReportingCalendar calendar,
                                          @TargetAggregateVersion Long expectedVersion) {
    }
}
