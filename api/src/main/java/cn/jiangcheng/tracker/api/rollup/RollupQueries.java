package cn.jiangcheng.tracker.api.rollup;

import cn.jiangcheng.tracker.api.rollup.RollupTypes.IndicatorRollup;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.PeriodClosure;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.ReportingSummary;

import java.util.List;

public final class RollupQueries {
    private RollupQueries() {
    }

    /**
     * The city's value of every indicator reported in the period's rhythm (2025 → the annual indicators, 2025-Q1 →
     * the quarterly ones). includePending also counts submitted, not yet approved values: a submission's pending
     * values then replace all of its approved ones. The period must parse (see
     * {@link cn.jiangcheng.tracker.api.submission.Period}); the handler throws IllegalArgumentException otherwise.
     */
    public record FindCityRollup(String cityId, String period, boolean includePending) {
    }

    /** closure is null while the period is open (see {@link PeriodClosure}). */
    public record CityRollup(String period, String cityId, String cityName, boolean includePending,
                             List<IndicatorRollup> indicators, ReportingSummary reporting, PeriodClosure closure) {
    }
}
