package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars.Window;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.app.indicator.IndicatorCatalog;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the web layer shows of a unit's form (the Excel template, the opening day); the aggregate looks up the same
 * for itself when it checks a report.
 */
@Component
public class UnitForms {
    private final IndicatorCatalog catalog;

    public UnitForms(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    /** The unit's indicators of the period's type; those confirmed 不涉及 for it are not among them. */
    public List<IndicatorView> indicators(String orgUnitId, Period period) {
        return catalog.assignedTo(orgUnitId, period.type());
    }

    /** When the unit's report for the period opens and is due, from the calendars of the indicators in it. */
    public Window window(String orgUnitId, Period period) {
        return window(indicators(orgUnitId, period), period);
    }

    static Window window(List<IndicatorView> indicators, Period period) {
        return ReportingCalendars.window(indicators.stream().map(IndicatorView::toDefinition).toList(), period);
    }
}
