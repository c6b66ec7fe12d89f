package cn.jiangcheng.tracker.query.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorAssigned;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorDefined;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorTargetsChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.PlausibilityShareChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ProvincialTargetSet;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeConfirmed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeProposed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeRejected;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindIndicatorsAssignedTo;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.FindReportForm;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.FindOpenTargetProposals;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.FindTargetHistory;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Kind;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.ProposalView;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Status;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.TargetHistory;
import cn.jiangcheng.tracker.query.applicability.NotApplicableProjection;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cn.jiangcheng.tracker.query.support.Events.at;
import static cn.jiangcheng.tracker.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog (indicator_view, indicator_unit) and the target history (target_proposal) of the same events. */
class IndicatorProjectionsTest {
    private static final String ID = "220200-I03";
    private static final Target PROVINCIAL_2027 =
            new Target(PlanLevel.CITY, 2027, TargetKind.PROVINCIAL, null, "完成省下达目标");
    private static final Target AT_LEAST_2030 =
            new Target(PlanLevel.CITY, 2030, TargetKind.AT_LEAST, new BigDecimal("90.0"), "≥90");
    private static final Target AT_LEAST_2035 =
            new Target(PlanLevel.CITY, 2035, TargetKind.AT_LEAST, new BigDecimal("95.0"), "≥95");

    private final IndicatorCatalogProjection catalog = new IndicatorCatalogProjection(ReadModelDatabase.jdbc());
    private final TargetHistoryProjection history = new TargetHistoryProjection(ReadModelDatabase.jdbc());

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
    }

    private static IndicatorDefinition water() {
        return new IndicatorDefinition(ID, "220200", 3, "水环境", "地表水达到或好于Ⅲ类水体比例", "%", ValueType.PERCENT,
                Direction.HIGHER_IS_BETTER, RollupRule.RATIO_OF_SUMS,
                List.of(new ComponentSpec("good", "达到或好于Ⅲ类的断面数", "个"), new ComponentSpec("total", "考核断面数", "个")),
                new Baseline(2023, new BigDecimal("86.70"), "86.7"), List.of(PROVINCIAL_2027, AT_LEAST_2030),
                "约束性", PeriodType.ANNUAL, List.of("220221", "220281"), null, new BigDecimal("0.30"));
    }

    private void catalogEvents() {
        catalog.on(new IndicatorDefined(ID, water()), 0);
        catalog.on(new IndicatorAssigned(ID, PeriodType.ANNUAL, List.of("220221", "220273"), "220200-sthj"), 1);
        catalog.on(new PlausibilityShareChanged(ID, new BigDecimal("0.30"), new BigDecimal("0.20")), 2);
        catalog.on(new IndicatorTargetsChanged(ID, List.of(), List.of(PROVINCIAL_2027, AT_LEAST_2030, AT_LEAST_2035)),
                3);
        catalog.on(new TargetChangeProposed(ID, "p-1", Kind.PLAN_TARGETS, null, null, null, null, "r", "d", "t"), 4);
        catalog.on(new ProvincialTargetSet(ID, 2027, new BigDecimal("85")), 5);
        catalog.on(new TargetChangeConfirmed(ID, "p-1", Kind.PLAN_TARGETS, null, null, "r", "d", "t"), 6);
    }

    private void historyEvents() {
        List<Target> before = List.of(PROVINCIAL_2027, AT_LEAST_2030);
        List<Target> after = List.of(PROVINCIAL_2027, AT_LEAST_2030, AT_LEAST_2035);
        history.on(new TargetChangeProposed(ID, "p-1", Kind.PLAN_TARGETS, null, null, before, after, "补充2035年目标",
                "吉政发〔2026〕3号", "关于调整目标的通知"), at(0), by("approver-a", "审核员甲"));
        history.on(new TargetChangeConfirmed(ID, "p-1", Kind.PLAN_TARGETS, before, after, "补充2035年目标",
                "吉政发〔2026〕3号", "关于调整目标的通知"), at(1), by("approver-b", "审核员乙"));
        history.on(new TargetChangeProposed(ID, "p-2", Kind.PROVINCIAL_TARGET, 2027, new BigDecimal("85"), after,
                after, "省下达", "吉环发〔2026〕1号", "省目标"), at(2), by("approver-a", "审核员甲"));
        history.on(new TargetChangeRejected(ID, "p-2", "文号有误"), at(3), by("approver-b", "审核员乙"));
        history.on(new TargetChangeProposed(ID, "p-3", Kind.PROVINCIAL_TARGET, 2027, new BigDecimal("86"), after,
                after, "省下达", "吉环发〔2026〕2号", "省目标"), at(4), by("approver-a", "审核员甲"));
    }

    @Test
    void theCatalogFollowsEveryChangeAndKnowsWhoReports() {
        ReadModelDatabase.asOwner(IndicatorCatalogProjection.TABLES, this::catalogEvents);

        IndicatorView view = catalog.handle(new FindIndicator(ID)).orElseThrow();
        assertThat(view.targets()).hasSize(3);
        assertThat(view.targets().get(0).value()).isEqualByComparingTo("85");
        assertThat(view.plausibilityShare()).isEqualByComparingTo("0.20");
        assertThat(view.version()).isEqualTo(6);
        assertThat(catalog.handle(new FindIndicatorsAssignedTo("220273", null)).indicators()).hasSize(1);
        assertThat(catalog.handle(new FindIndicatorsAssignedTo("220200-sthj", PeriodType.ANNUAL)).indicators())
                .hasSize(1);
        assertThat(catalog.handle(new FindIndicatorsAssignedTo("220281", null)).indicators()).isEmpty();
    }

    @Test
    void aUnitsReportFormLeavesOutOnlyWhatIsConfirmedNotApplicableForIt() {
        ReadModelDatabase.asOwner(IndicatorCatalogProjection.TABLES, this::catalogEvents);
        // the rows the not-applicable projection keeps: set by the bureau for 220273, only declared by 220221
        String row = "insert into indicator_not_applicable (id, indicator_id, org_unit_id, city_id, status, reason,"
                + " declared_at, version) values (?, ?, ?, '220200', ?, '无此项', now(), 0)";
        ReadModelDatabase.asOwner(NotApplicableProjection.TABLES, () -> {
            ReadModelDatabase.jdbc().update(row, "na-1", ID, "220273", "CONFIRMED");
            ReadModelDatabase.jdbc().update(row, "na-2", ID, "220221", "DECLARED");
        });

        assertThat(catalog.handle(new FindReportForm("220273", PeriodType.ANNUAL)).indicators()).isEmpty();
        assertThat(catalog.handle(new FindReportForm("220273", null)).indicators()).isEmpty();
        // only declared, not yet confirmed: still on the form
        assertThat(catalog.handle(new FindReportForm("220221", PeriodType.ANNUAL)).indicators())
                .extracting(IndicatorView::id).containsExactly(ID);
        assertThat(catalog.handle(new FindReportForm("220221", PeriodType.QUARTERLY)).indicators()).isEmpty();
        assertThat(catalog.handle(new FindIndicatorsAssignedTo("220273", null)).indicators()).hasSize(1);
    }

    @Test
    void theTargetHistoryKeepsEveryProposalAndItsDecision() {
        ReadModelDatabase.asOwner(TargetHistoryProjection.TABLES, this::historyEvents);

        TargetHistory h = history.handle(new FindTargetHistory(ID));
        assertThat(h.openProposal().proposalId()).isEqualTo("p-3");
        assertThat(h.confirmed()).extracting(ProposalView::proposalId).containsExactly("p-1");
        assertThat(h.confirmed().get(0).decidedByName()).isEqualTo("审核员乙");
        assertThat(h.closed()).extracting(ProposalView::status).containsExactly(Status.REJECTED);
        assertThat(history.handle(new FindOpenTargetProposals("220200")).proposals()).hasSize(1);
    }

    @Test
    void bothReplayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(catalog, this::catalogEvents);
        ReadModelDatabase.assertReplayable(history, this::historyEvents);
    }
}
