package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindReportForm;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorList;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindPreviousApprovedValues;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.PreviousApprovedList;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The forms as the read models know them: two queries per command (the unit's form, its last approved values). */
@Component
class QueryGatewayReportForms implements ReportForms {
    private final QueryGateway queryGateway;

    QueryGatewayReportForms(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Override
    public ReportForm formFor(String orgUnitId, Period period) {
        List<IndicatorView> indicators = queryGateway.query(new FindReportForm(orgUnitId, period.type()),
                IndicatorList.class).join().indicators();
        Map<String, BigDecimal> lastApproved = new HashMap<>();
        queryGateway.query(new FindPreviousApprovedValues(orgUnitId, period.code()), PreviousApprovedList.class)
                .join().values().forEach(p -> lastApproved.putIfAbsent(p.indicatorId(), p.value()));
        List<ExpectedValue> expected = indicators.stream().map(i -> new ExpectedValue(i.id(), i.name(),
                i.valueType(), i.rollupRule(), i.components().stream().map(ComponentSpec::key).toList(),
                i.plausibilityShare(), lastApproved.get(i.id()))).toList();
        return new ReportForm(expected, ReportingCalendars.window(
                indicators.stream().map(IndicatorView::toDefinition).toList(), period));
    }
}
