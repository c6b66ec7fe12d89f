package cn.jiangcheng.tracker.query;

import cn.jiangcheng.tracker.api.common.ProjectionCatalog;
import cn.jiangcheng.tracker.query.applicability.NotApplicableProjection;
import cn.jiangcheng.tracker.query.indicator.IndicatorCatalogProjection;
import cn.jiangcheng.tracker.query.indicator.TargetHistoryProjection;
import cn.jiangcheng.tracker.query.org.OrgUnitProjection;
import cn.jiangcheng.tracker.query.project.ProjectProjection;
import cn.jiangcheng.tracker.query.rectification.RectificationProjection;
import cn.jiangcheng.tracker.query.rollup.PeriodClosureProjection;
import cn.jiangcheng.tracker.query.submission.SubmissionProjection;
import cn.jiangcheng.tracker.query.user.UserAccountProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The read side's projections and their tables, as the app's audit tools (rebuild, as-of view) take them. The
 * tables are created by this module's migrations (db/migration); V2 also creates login_lockout, which the app's
 * log-in owns and no projection writes.
 */
@Configuration(proxyBeanMethods = false)
public class Projections {
    public static final ProjectionCatalog CATALOG = new ProjectionCatalog(
            List.of(OrgUnitProjection.TABLES, UserAccountProjection.TABLES, IndicatorCatalogProjection.TABLES,
                    TargetHistoryProjection.TABLES, SubmissionProjection.TABLES, NotApplicableProjection.TABLES,
                    PeriodClosureProjection.TABLES, ProjectProjection.TABLES, RectificationProjection.TABLES),
            // what CityRollupQueryHandler reads: indicator_view, submission_value, org_unit_view, period_closure,
            // indicator_not_applicable (CityRollupReadsTest holds it to that)
            List.of(OrgUnitProjection.TABLES, IndicatorCatalogProjection.TABLES, SubmissionProjection.TABLES,
                    PeriodClosureProjection.TABLES, NotApplicableProjection.TABLES));

    @Bean
    public ProjectionCatalog projectionCatalog() {
        return CATALOG;
    }
}
