package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.CityRollup;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.FindCityRollup;
import cn.jiangcheng.tracker.query.Projections;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The as-of view replays exactly the projections the catalog names as the city rollup's sources: the rollup must
 * read nothing else, or a past rollup would mix in today's rows. Run as a role that may read only those tables.
 */
class CityRollupReadsTest {
    private final JdbcTemplate jdbc = ReadModelDatabase.jdbc();
    private final CityRollupQueryHandler handler = new CityRollupQueryHandler(jdbc, new PeriodClosureProjection(jdbc));

    @BeforeEach
    void onlyTheSourcesAreReadable() {
        ReadModelDatabase.emptyAll();
        jdbc.execute("create role rollup_reader nologin");
        jdbc.execute("grant usage on schema public to rollup_reader");
        for (ProjectionTables source : Projections.CATALOG.cityRollupSources()) {
            jdbc.execute("grant select on " + String.join(", ", source.tables()) + " to rollup_reader");
        }
        jdbc.update("insert into period_closure (id, city_id, period, closed, closed_at, closed_by, note, missing, "
                + "version) values ('220200-2025', '220200', '2025', true, now(), '审核员', null, '[\"220221\"]', 0)");
    }

    @AfterEach
    void dropTheRole() {
        jdbc.execute("reset role");
        jdbc.execute("drop owned by rollup_reader");
        jdbc.execute("drop role rollup_reader");
    }

    @Test
    void theCityRollupReadsOnlyTheTablesOfItsDeclaredSources() {
        jdbc.execute("set role rollup_reader");
        CityRollup rollup = handler.handle(new FindCityRollup("220200", "2025", false));
        assertThat(rollup.closure()).isNotNull();
        assertThat(rollup.closure().missingAtClosing()).hasSize(1);
    }

    @Test
    void theRoleReallyKeepsOtherTablesOut() {
        jdbc.execute("set role rollup_reader");
        assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from project_view", Long.class))
                .rootCause().hasMessageContaining("permission denied");
    }
}
