package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;

/** When an indicator's periods open and are due, as the indicator stores it. */
final class IndicatorCalendar {
    private IndicatorCalendar() {
    }

    /**
     * The calendar to store for the one the bureau wants: null stays the default, and so does a calendar equal to
     * the period type's default, so the indicator follows the default if it changes.
     */
    static ReportingCalendar stored(ReportingCalendar wanted, PeriodType periodType) {
        if (wanted == null) {
            return null;
        }
        ReportingCalendars.problem(wanted, periodType).ifPresent(problem -> {
            throw new BusinessRuleViolation("BAD_CALENDAR", problem);
        });
        return wanted.equals(ReportingCalendars.defaultOf(periodType)) ? null : wanted;
    }
}
