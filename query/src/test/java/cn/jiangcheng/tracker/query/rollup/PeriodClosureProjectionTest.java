package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodClosed;
import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodReopened;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.PeriodClosure;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.UnitRef;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.jiangcheng.tracker.query.support.Events.at;
import static cn.jiangcheng.tracker.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;

class PeriodClosureProjectionTest {
    private final PeriodClosureProjection projection = new PeriodClosureProjection(ReadModelDatabase.jdbc());

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
        ReadModelDatabase.jdbc().update("insert into org_unit_view (id, name, type, parent_id, city_id, active, "
                + "version) values ('220221', '永吉县', 'COUNTY', '220200', '220200', true, 0)");
    }

    private void events() {
        projection.on(new PeriodClosed("220200-2024", "220200", "2024", List.of("220221"), "按期截止"), 0, at(0),
                by("sthj-approver", "审核员"));
        projection.on(new PeriodReopened("220200-2024", "220200", "2024", "永吉县补报"), 1);
        projection.on(new PeriodClosed("220200-2024", "220200", "2024", List.of(), "补报后截止"), 2, at(2),
                by("sthj-approver", "审核员"));
        projection.on(new PeriodClosed("220200-2025", "220200", "2025", List.of("220221", "220299"), null), 0,
                at(3), by("sthj-approver", "审核员"));
        projection.on(new PeriodReopened("220200-2025", "220200", "2025", "重新开放"), 1);
    }

    @Test
    void closedPeriodsWithWhoWasMissing() {
        ReadModelDatabase.asOwner(PeriodClosureProjection.TABLES, this::events);

        PeriodClosure closed = projection.closure("220200", "2024");
        assertThat(closed.closedAt()).isEqualTo(at(2));
        assertThat(closed.closedBy()).isEqualTo("审核员");
        assertThat(closed.note()).isEqualTo("补报后截止");
        assertThat(closed.missingAtClosing()).isEmpty();
        assertThat(projection.closure("220200", "2025")).isNull();
    }

    @Test
    void missingUnitsAreNamedFromTheOrgTree() {
        projection.on(new PeriodClosed("220200-2026", "220200", "2026", List.of("220221", "220299"), null), 0,
                at(0), by("sthj-approver", "审核员"));
        assertThat(projection.closure("220200", "2026").missingAtClosing())
                .containsExactly(new UnitRef("220221", "永吉县"), new UnitRef("220299", null));
    }

    @Test
    void replayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(projection, this::events);
    }
}
