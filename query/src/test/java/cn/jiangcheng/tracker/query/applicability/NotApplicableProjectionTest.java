package cn.jiangcheng.tracker.query.applicability;

import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableConfirmed;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableDeclared;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRejected;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRevoked;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableSet;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicableIndicators;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicableRecord;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.NotApplicableView;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.Status;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.jiangcheng.tracker.query.support.Events.at;
import static cn.jiangcheng.tracker.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;

class NotApplicableProjectionTest {
    private final NotApplicableProjection projection = new NotApplicableProjection(ReadModelDatabase.jdbc());

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
    }

    private void events() {
        // declared, rejected, declared again and confirmed: the earlier decision no longer stands
        projection.on(new NotApplicableDeclared("na-1", "220200-I15", "220271", "220200", "220200-sthj",
                "开发区无受污染耕地"), 0, at(0), by("jingkai-submitter", "经开区填报员"));
        projection.on(new NotApplicableRejected("na-1", "220200-I15", "220271", "有耕地"), 1, at(1),
                by("sthj-approver", "审核员"));
        projection.on(new NotApplicableDeclared("na-1", "220200-I15", "220271", "220200", "220200-sthj",
                "耕地已全部转为建设用地"), 2, at(2), by("jingkai-submitter", "经开区填报员"));
        projection.on(new NotApplicableConfirmed("na-1", "220200-I15", "220271", "核实无误"), 3, at(3),
                by("sthj-approver", "审核员"));
        // set by the bureau, then revoked
        projection.on(new NotApplicableSet("na-2", "220200-I16", "220272", "220200", "220200-sthj", "无此项"), 0,
                at(4), by("sthj-approver", "审核员"));
        projection.on(new NotApplicableRevoked("na-2", "220200-I16", "220272", "已有该项"), 1, at(5),
                by("sthj-approver", "审核员"));
        // still waiting for a decision
        projection.on(new NotApplicableDeclared("na-3", "220200-I16", "220271", "220200", "220200-sthj", "无"), 0,
                at(6), by("jingkai-submitter", "经开区填报员"));
    }

    @Test
    void theRecordsAsTheEventsLeftThem() {
        ReadModelDatabase.asOwner(NotApplicableProjection.TABLES, this::events);

        NotApplicableView confirmed = projection.handle(new FindNotApplicableRecord("na-1")).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(Status.CONFIRMED);
        assertThat(confirmed.reason()).isEqualTo("耕地已全部转为建设用地");
        assertThat(confirmed.declaredAt()).isEqualTo(at(2));
        assertThat(confirmed.decisionComment()).isEqualTo("核实无误");
        assertThat(confirmed.decidedByName()).isEqualTo("审核员");
        assertThat(confirmed.version()).isEqualTo(3);
        assertThat(projection.handle(new FindNotApplicableRecord("na-2")).orElseThrow().status())
                .isEqualTo(Status.REVOKED);
        assertThat(projection.handle(new FindNotApplicableIndicators("220271")).indicatorIds())
                .containsExactly("220200-I15");
        List<NotApplicableView> page = projection.handle(new FindNotApplicable("220200", null, null, null, null, 0,
                10)).items();
        assertThat(page).extracting(NotApplicableView::id).first().isEqualTo("na-3");
        assertThat(page).hasSize(3);
    }

    @Test
    void replayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(projection, this::events);
    }
}
