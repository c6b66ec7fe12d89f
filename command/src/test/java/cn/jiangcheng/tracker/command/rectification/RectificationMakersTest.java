package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AcceptCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.CloseCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RejectAcceptance;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRejected;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAccepted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseClosed;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEvidenceAttached;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ProgressReported;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.DeadlinePolicy;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.command.FixedDay;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.command.Callers.madeBy;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;
import static cn.jiangcheng.tracker.command.rectification.CaseFixtures.*;

/**
 * The makers of a case's rectification are everyone who reported progress, uploaded evidence or requested
 * acceptance since the last decision on it: none of them accepts, rejects or closes the case, even when a
 * colleague clicked 申请验收. A rejected acceptance starts a new round with new makers.
 */
class RectificationMakersTest {
    private static final Map<String, Object> UNIT_BOTH = Callers.person("yongji-both", UNIT_ID, CITY_ID,
            Role.SUBMITTER, Role.INSPECTOR);

    private FixtureConfiguration<RectificationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RectificationCase.class);
        fixture.registerInjectableResource(DeadlinePolicy.standard());
        fixture.registerInjectableResource(new FixedDay(TODAY));
    }

    private static Object progressBy(Map<String, Object> maker) {
        return madeBy(maker, new ProgressReported(CASE_ID, "已封堵排污口", 60));
    }

    private static Object evidenceBy(Map<String, Object> maker) {
        return madeBy(maker, new CaseEvidenceAttached(CASE_ID, evidence()));
    }

    private static Object acceptanceRequestedBy(Map<String, Object> maker) {
        return madeBy(maker, new AcceptanceRequested(CASE_ID, "已完成全部整改措施，监测达标", null));
    }

    private static Object accepted() {
        return madeBy(inspector(), new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 0, TODAY, true));
    }

    @Test
    void whoReportedProgressDoesNotAcceptWhatAColleagueRequested() {
        fixture.given(plus(inProgress(), progressBy(UNIT_BOTH), evidenceBy(unit()), acceptanceRequestedBy(unit())))
                .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoUploadedEvidenceDoesNotRejectTheAcceptance() {
        fixture.given(plus(inProgress(), evidenceBy(UNIT_BOTH), acceptanceRequestedBy(unit())))
                .when(new RejectAcceptance(CASE_ID, null, "整改不彻底", null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoUploadedEvidenceDoesNotCloseTheCase() {
        fixture.given(plus(inProgress(), evidenceBy(UNIT_BOTH), acceptanceRequestedBy(unit()), accepted()))
                .when(new CloseCase(CASE_ID, null, null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void afterARejectedAcceptanceTheNextRoundHasNewMakers() {
        List<Object> secondRound = plus(inProgress(), progressBy(UNIT_BOTH), evidenceBy(UNIT_BOTH),
                acceptanceRequestedBy(unit()),
                madeBy(inspector(), new AcceptanceRejected(CASE_ID, null, "整改不彻底")),
                progressBy(unit()), evidenceBy(unit()), acceptanceRequestedBy(unit()));
        fixture.given(secondRound)
                .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), UNIT_BOTH)
                .expectEvents(new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 7, TODAY.plusDays(7), true));
    }

    @Test
    void anInspectorWhoMadeNothingClosesIt() {
        fixture.given(plus(inProgress(), evidenceBy(UNIT_BOTH), acceptanceRequestedBy(unit()), accepted()))
                .when(new CloseCase(CASE_ID, null, null), inspector())
                .expectEvents(new CaseClosed(CASE_ID, null, TODAY, true));
    }
}
