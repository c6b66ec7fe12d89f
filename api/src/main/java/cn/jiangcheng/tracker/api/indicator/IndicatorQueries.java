package cn.jiangcheng.tracker.api.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

public final class IndicatorQueries {
    private IndicatorQueries() {
    }

    /** The catalog of one city, ordered by the plan's number; an empty list when cityId is null. */
    public record FindIndicatorsOfCity(String cityId) {
    }

    public record FindIndicator(String indicatorId) {
    }

    /**
     * The indicators one unit must report (it is one of the reporting units or the measuring unit), ordered by
     * number; with a period type only those reported in that rhythm, with null all of them.
     */
    public record FindIndicatorsAssignedTo(String orgUnitId, PeriodType periodType) {
    }

    /**
     * The unit's reporting form: the indicators it reports in the period type's rhythm (all with null), without
     * those confirmed 不涉及 for it, ordered by number. The fill-in page, the Excel template, the calendar and the
     * aggregate that checks a report all ask this one question, so they agree.
     */
    public record FindReportForm(String orgUnitId, PeriodType periodType) {
    }

    /** One indicator as the catalog shows it: the current definition, flattened, with the aggregate's version. */
    public record IndicatorView(String id, String cityId, int number, String category, String name, String unit,
                                ValueType valueType, Direction direction, RollupRule rollupRule,
                                List<ComponentSpec> components, Baseline baseline, List<Target> targets,
                                String attribute, PeriodType periodType, List<String> reportingUnitIds,
                                String measuringUnitId, BigDecimal plausibilityShare, ReportingCalendar calendar,
                                long version) {

        public static IndicatorView of(IndicatorDefinition d, long version) {
            return new IndicatorView(d.indicatorId(), d.cityId(), d.number(), d.category(), d.name(), d.unit(),
                    d.valueType(), d.direction(), d.rollupRule(), nonNull(d.components()), d.baseline(),
                    nonNull(d.targets()), d.attribute(), d.periodType(), nonNull(d.reportingUnitIds()),
                    d.measuringUnitId(), d.plausibilityShare(), d.calendar(), version);
        }

        /** Back to the definition record the rules work with. */
        public IndicatorDefinition toDefinition() {
            return new IndicatorDefinition(id, cityId, number, category, name, unit, valueType, direction, rollupRule,
                    components, baseline, targets, attribute, periodType, reportingUnitIds, measuringUnitId,
                    plausibilityShare, calendar);
        }

        /** Whether the unit reports this indicator, as a reporting unit or as the measuring unit. */
        public boolean reportedBy(String orgUnitId) {
            return orgUnitId != null
                    && (reportingUnitIds.contains(orgUnitId) || Objects.equals(measuringUnitId, orgUnitId));
        }

        private static <T> List<T> nonNull(List<T> list) {
            return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
        }
    }

    /** Wrapper so the query bus can carry a list with its element type. */
    public record IndicatorList(List<IndicatorView> indicators) {
    }
}
