package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars.Window;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindPreviousApprovedValues;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.PreviousApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.PreviousApprovedList;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ValueRule;
import cn.jiangcheng.tracker.app.indicator.IndicatorCatalog;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the rules a report is checked against from the catalog and the unit's last approved values, on the server:
 * a client cannot loosen them.
 */
@Component
public class SubmissionRules {
    private final IndicatorCatalog catalog;
    private final QueryGateway queryGateway;

    public SubmissionRules(IndicatorCatalog catalog, QueryGateway queryGateway) {
        this.catalog = catalog;
        this.queryGateway = queryGateway;
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

    public List<ValueRule> rules(String orgUnitId, Period period) {
        Map<String, PreviousApproved> previous = previousApproved(orgUnitId, period).stream()
                .collect(Collectors.toMap(PreviousApproved::indicatorId, p -> p, (a, b) -> a));
        return indicators(orgUnitId, period).stream().map(i -> new ValueRule(i.id(), i.name(), i.valueType(),
                        i.rollupRule(), i.components().stream().map(c -> c.key()).toList(), i.plausibilityShare(),
                        previous.containsKey(i.id()) ? previous.get(i.id()).value() : null))
                .toList();
    }

    public List<PreviousApproved> previousApproved(String orgUnitId, Period period) {
        return queryGateway.query(new FindPreviousApprovedValues(orgUnitId, period.code()), PreviousApprovedList.class)
                .join().values();
    }
}
