package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicableIndicators;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.IndicatorIds;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicatorsAssignedTo;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reporting rules as the read models know them: three queries per command (catalog, 不涉及, last values). */
@Component
class QueryGatewayReportingRules implements ReportingRules {
    private final QueryGateway queryGateway;
    private final Clock clock;

    QueryGatewayReportingRules(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    @Override
    public ReportForm formFor(String orgUnitId, Period period) {
        Set<String> notApplicable = Set.copyOf(queryGateway.query(new FindNotApplicableIndicators(orgUnitId),
                IndicatorIds.class).join().indicatorIds());
        List<IndicatorView> indicators = queryGateway.query(new FindIndicatorsAssignedTo(orgUnitId, period.type()),
                        IndicatorList.class).join().indicators().stream()
                .filter(i -> !notApplicable.contains(i.id())).toList();
        Map<String, BigDecimal> lastApproved = new HashMap<>();
        queryGateway.query(new FindPreviousApprovedValues(orgUnitId, period.code()), PreviousApprovedList.class)
                .join().values().forEach(p -> lastApproved.putIfAbsent(p.indicatorId(), p.value()));
        List<ExpectedValue> expected = indicators.stream().map(i -> new ExpectedValue(i.id(), i.name(),
                i.valueType(), i.rollupRule(), i.components().stream().map(ComponentSpec::key).toList(),
                i.plausibilityShare(), lastApproved.get(i.id()))).toList();
        return new ReportForm(expected, ReportingCalendars.window(
                indicators.stream().map(IndicatorView::toDefinition).toList(), period));
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
