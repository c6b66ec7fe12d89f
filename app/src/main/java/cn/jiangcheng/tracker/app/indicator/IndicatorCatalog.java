package cn.jiangcheng.tracker.app.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicatorsOfCity;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindReportForm;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorList;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The indicator catalog as the web layer reads it. */
@Component
public class IndicatorCatalog {
    private final QueryGateway queryGateway;

    public IndicatorCatalog(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public List<IndicatorView> ofCity(String cityId) {
        return queryGateway.query(new FindIndicatorsOfCity(cityId), IndicatorList.class).join().indicators();
    }

    /**
     * What the unit reports: the indicators assigned to it, without those confirmed 不涉及 for it. The fill-in page,
     * the Excel template and the aggregate checking a report all ask this one query, so they agree.
     */
    public List<IndicatorView> assignedTo(String orgUnitId, PeriodType periodType) {
        return queryGateway.query(new FindReportForm(orgUnitId, periodType), IndicatorList.class).join().indicators();
    }

    public Optional<IndicatorView> find(String indicatorId) {
        return queryGateway.query(new FindIndicator(indicatorId), ResponseTypes.optionalInstanceOf(IndicatorView.class))
                .join();
    }
}
