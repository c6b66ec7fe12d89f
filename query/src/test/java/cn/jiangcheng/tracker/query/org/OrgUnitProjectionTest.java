package cn.jiangcheng.tracker.query.org;

import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitDeactivated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitMoved;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.FindOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.FindOrgUnitsOfCity;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrgUnitProjectionTest {
    private final OrgUnitProjection projection = new OrgUnitProjection(ReadModelDatabase.jdbc());

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
    }

    private void events() {
        projection.on(new OrgUnitCreated("220200", "吉林市", OrgUnitType.CITY, null, "220200"), 0);
        projection.on(new OrgUnitCreated("220271", "吉林高新技术产业开发区", OrgUnitType.DEV_ZONE, "220200", "220200"), 0);
        projection.on(new OrgUnitRenamed("220271", "吉林高新技术产业开发区", "吉林经济技术开发区"), 1);
        projection.on(new OrgUnitCreated("220221", "永吉县", OrgUnitType.COUNTY, "220271", "220200"), 0);
        projection.on(new OrgUnitMoved("220221", "220271", "220200"), 1);
        projection.on(new OrgUnitDeactivated("220221"), 2);
    }

    @Test
    void theTreeAsTheEventsLeftIt() {
        ReadModelDatabase.asOwner(OrgUnitProjection.TABLES, this::events);

        OrgUnitView zone = projection.handle(new FindOrgUnit("220271")).orElseThrow();
        assertThat(zone.name()).isEqualTo("吉林经济技术开发区");
        assertThat(zone.version()).isEqualTo(1);
        OrgUnitView county = projection.handle(new FindOrgUnit("220221")).orElseThrow();
        assertThat(county.parentId()).isEqualTo("220200");
        assertThat(county.active()).isFalse();
        assertThat(projection.handle(new FindOrgUnitsOfCity("220200")).units()).extracting(OrgUnitView::id)
                .containsExactly("220200", "220221", "220271");
        assertThat(projection.handle(new FindOrgUnitsOfCity("220100")).units()).isEmpty();
    }

    @Test
    void replayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(projection, this::events);
    }
}
