package cn.jiangcheng.tracker.command.rollup;

import cn.jiangcheng.tracker.api.org.EcologyBureau;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.FindOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.CityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.FindCityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitRef;
import cn.jiangcheng.tracker.api.submission.Period;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The coverage as the read models know it: the bureau from the org directory, the missing units from the rollup. */
@Component
class QueryGatewayPeriodCoverage implements PeriodCoverage {
    private final QueryGateway queryGateway;

    QueryGatewayPeriodCoverage(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Override
    public Optional<String> bureauOf(String cityId) {
        if (cityId == null) {
            return Optional.empty();
        }
        return queryGateway.query(new FindOrgUnit(EcologyBureau.unitIdOf(cityId)),
                        ResponseTypes.optionalInstanceOf(OrgUnitView.class)).join()
                .filter(OrgUnitView::active).map(OrgUnitView::id);
    }

    @Override
    public List<String> missingUnits(String cityId, Period period) {
        CityRollup live = queryGateway.query(new FindCityRollup(cityId, period.code(), false), CityRollup.class)
                .join();
        return live.indicators().stream().flatMap(i -> i.coverage().missing().stream()).map(UnitRef::orgUnitId)
                .distinct().sorted().toList();
    }
}
