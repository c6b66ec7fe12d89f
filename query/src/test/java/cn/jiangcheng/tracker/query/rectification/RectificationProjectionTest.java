package cn.jiangcheng.tracker.query.rectification;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRejected;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAccepted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAcknowledged;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseClosed;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEscalated;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseOverdue;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseRegistered;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseReopened;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.DeadlineWarningIssued;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionApproved;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionDenied;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanReturned;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanSubmitted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ProgressReported;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseDetail;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseFilter;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseSummary;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.Extension;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCase;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCaseStats;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCases;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.Light;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.TimelineEntry;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ExtensionStatus;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.jiangcheng.tracker.query.support.Events.at;
import static cn.jiangcheng.tracker.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;

class RectificationProjectionTest {
    private static final String CLOSED = "220200-C0001";
    private static final String OVERDUE = "220200-C0002";
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final MetaData INSPECTOR = by("sthj-inspector", "督察员");
    private static final MetaData UNIT = by("yongji-submitter", "永吉填报员");

    private final RectificationProjection projection = new RectificationProjection(ReadModelDatabase.jdbc());
    private final CaseLedgerQueryHandler ledger = new CaseLedgerQueryHandler(ReadModelDatabase.jdbc());

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
    }

    private static CaseRegistered registered(String id, LocalDate deadline) {
        return new CaseRegistered(id, "220200", Source.CENTRAL_INSPECTION, "第二轮", "第一批", "ZY-" + id, null, null,
                ProblemClass.WATER, "生活污水直排", "永吉县某镇", "220221", List.of("220200-zjj"), deadline, "立行立改",
                LocalDate.of(2026, 1, 5));
    }

    private void events() {
        // one case through its whole life: planned, extended, accepted on the second try, closed, reopened, closed
        projection.on(registered(CLOSED, LocalDate.of(2026, 6, 30)), 0, at(0), INSPECTOR);
        projection.on(new CaseAcknowledged(CLOSED), 1, at(1), UNIT);
        projection.on(new PlanSubmitted(CLOSED, "截污纳管", List.of(new Milestone(LocalDate.of(2026, 5, 1), "管网完工")),
                "张三"), 2, at(2), UNIT);
        projection.on(new PlanReturned(CLOSED, "措施不具体"), 3, at(3), INSPECTOR);
        projection.on(new PlanSubmitted(CLOSED, "截污纳管并建设处理站", List.of(), "张三"), 4, at(4), UNIT);
        projection.on(new ProgressReported(CLOSED, "管网完成一半", 50), 5, at(5), UNIT);
        projection.on(new ExtensionRequested(CLOSED, "x-1", "汛期停工", LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 7, 31)), 6, at(6), UNIT);
        projection.on(new ExtensionApproved(CLOSED, "x-1", "同意", LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 7, 31)), 7, at(7), INSPECTOR);
        projection.on(new ExtensionRequested(CLOSED, "x-2", "再延", LocalDate.of(2026, 7, 31),
                LocalDate.of(2026, 8, 31)), 8, at(8), UNIT);
        projection.on(new ExtensionDenied(CLOSED, "x-2", "理由不充分"), 9, at(9), INSPECTOR);
        projection.on(new AcceptanceRequested(CLOSED, "已完工", Outcome.values()[0]), 10, at(10), UNIT);
        projection.on(new AcceptanceRejected(CLOSED, "现场仍有排污", "未完成"), 11, at(11), INSPECTOR);
        projection.on(new AcceptanceRequested(CLOSED, "已整改", Outcome.values()[0]), 12, at(12), UNIT);
        projection.on(new CaseAccepted(CLOSED, "核查通过", LocalDate.of(2026, 7, 20), 7, LocalDate.of(2026, 7, 27),
                true), 13, at(13), INSPECTOR);
        projection.on(new CaseClosed(CLOSED, "销号", LocalDate.of(2026, 7, 28), true), 14, at(14), INSPECTOR);
        projection.on(new CaseReopened(CLOSED, "回头看发现反弹", LocalDate.of(2026, 8, 20)), 15, at(15), INSPECTOR);
        projection.on(new CaseAccepted(CLOSED, "复查通过", LocalDate.of(2026, 8, 15), 0, LocalDate.of(2026, 8, 15),
                true), 16, at(16), INSPECTOR);
        projection.on(new CaseClosed(CLOSED, "再次销号", LocalDate.of(2026, 8, 15), true), 17, at(17), INSPECTOR);
        // another one left to its deadlines, which the system records
        projection.on(registered(OVERDUE, LocalDate.of(2026, 7, 1)), 0, at(18), INSPECTOR);
        projection.on(new DeadlineWarningIssued(OVERDUE, LocalDate.of(2026, 7, 1), 3), 1, at(19));
        projection.on(new CaseOverdue(OVERDUE, LocalDate.of(2026, 7, 1)), 2, at(20));
        projection.on(new CaseEscalated(OVERDUE, LocalDate.of(2026, 7, 1)), 3, at(21));
    }

    @Test
    void theLedgerAsTheEventsLeftIt() {
        ReadModelDatabase.asOwner(RectificationProjection.TABLES, this::events);

        CaseDetail closed = ledger.handle(new FindCase(CLOSED, TODAY)).orElseThrow();
        assertThat(closed.summary().status()).isEqualTo(Status.CLOSED);
        assertThat(closed.summary().deadline()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(closed.originalDeadline()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(closed.reopenCount()).isEqualTo(1);
        assertThat(closed.summary().light()).isEqualTo(Light.NONE);
        assertThat(closed.extensions()).extracting(Extension::requestId, Extension::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("x-1", ExtensionStatus.APPROVED),
                org.assertj.core.groups.Tuple.tuple("x-2", ExtensionStatus.DENIED));
        assertThat(closed.timeline()).hasSize(18);
        assertThat(closed.timeline().get(3).userName()).isEqualTo("督察员");

        CaseDetail overdue = ledger.handle(new FindCase(OVERDUE, TODAY)).orElseThrow();
        assertThat(overdue.summary().overdue()).isTrue();
        assertThat(overdue.summary().escalated()).isTrue();
        assertThat(overdue.summary().light()).isEqualTo(Light.RED);
        assertThat(overdue.timeline()).extracting(TimelineEntry::userId).containsExactly("sthj-inspector",
                AuditKeys.SYSTEM_USER, AuditKeys.SYSTEM_USER, AuditKeys.SYSTEM_USER);

        // the cooperating unit sees both, nearest deadline first
        List<CaseSummary> page = ledger.handle(new FindCases("220200", List.of("220200-zjj"),
                CaseFilter.none(), TODAY, 0, 10, null)).items();
        assertThat(page).extracting(CaseSummary::id).containsExactly(OVERDUE, CLOSED);
        var byUnit = ledger.handle(new FindCaseStats("220200", null, TODAY)).byUnit();
        assertThat(byUnit).hasSize(1);
        assertThat(byUnit.get(0).closed()).isEqualTo(1);
        assertThat(byUnit.get(0).overdue()).isEqualTo(1);
    }

    @Test
    void replayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(projection, this::events);
    }
}
