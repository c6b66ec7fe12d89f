package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AcceptCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ApproveExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.CloseCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.DenyExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RejectAcceptance;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ReturnPlan;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRejected;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAccepted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAcknowledged;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseClosed;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEvidenceAttached;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionDenied;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanReturned;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanSubmitted;
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
 * Maker-checker on 督察整改 cases: a person of the responsible unit who also holds the inspector's role neither
 * returns the plan they submitted, nor accepts, rejects or closes the case whose acceptance they requested, nor
 * decides on the extension they requested; another inspector does. Whoever reported progress or uploaded evidence
 * since the last decision is a maker of the rectification too; a rejected acceptance starts a new round.
 */
class RectificationCaseMakerCheckerTest {
    /** 永吉县's person holding 填报 and 督察 (granted with a recorded reason). */
    private static final Map<String, Object> UNIT_BOTH = Callers.person("yongji-both", UNIT_ID, CITY_ID,
            Role.SUBMITTER, Role.INSPECTOR);

    private FixtureConfiguration<RectificationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RectificationCase.class);
        fixture.registerInjectableResource(DeadlinePolicy.standard());
        fixture.registerInjectableResource(new FixedDay(TODAY));
    }

    private static List<Object> planSubmittedBy(Map<String, Object> maker) {
        return List.of(registered(), new CaseAcknowledged(CASE_ID),
                madeBy(maker, new PlanSubmitted(CASE_ID, "封堵排污口，建设截污管网", milestones(), "张建国")));
    }

    private static List<Object> acceptanceRequestedBy(Map<String, Object> maker) {
        return plus(planSubmittedBy(unit()), new CaseEvidenceAttached(CASE_ID, evidence()),
                madeBy(maker, new AcceptanceRequested(CASE_ID, "已完成全部整改措施，监测达标", null)));
    }

    private static List<Object> inPublicityRequestedBy(Map<String, Object> maker) {
        return plus(acceptanceRequestedBy(maker), madeBy(inspector(),
                new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 0, TODAY, true)));
    }

    private static List<Object> extensionRequestedBy(Map<String, Object> maker) {
        return plus(planSubmittedBy(unit()), madeBy(maker,
                new ExtensionRequested(CASE_ID, "E1", "冻土", DEADLINE, DEADLINE.plusDays(30))));
    }

    @Test
    void whoSubmittedThePlanDoesNotReturnIt() {
        fixture.given(planSubmittedBy(UNIT_BOTH))
                .when(new ReturnPlan(CASE_ID, "整改措施不具体", null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectExceptionMessage("不能审核自己提交的材料，请由其他审核人员处理")
                .expectNoEvents();
    }

    @Test
    void anotherInspectorReturnsThePlan() {
        fixture.given(planSubmittedBy(UNIT_BOTH))
                .when(new ReturnPlan(CASE_ID, "整改措施不具体", null), inspector())
                .expectEvents(new PlanReturned(CASE_ID, "整改措施不具体"));
    }

    @Test
    void whoRequestedAcceptanceDoesNotAcceptIt() {
        fixture.given(acceptanceRequestedBy(UNIT_BOTH))
                .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void anotherInspectorAcceptsIt() {
        fixture.given(acceptanceRequestedBy(UNIT_BOTH))
                .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), inspector())
                .expectEvents(new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 7, TODAY.plusDays(7), true));
    }

    @Test
    void whoRequestedAcceptanceDoesNotRejectItEither() {
        fixture.given(acceptanceRequestedBy(UNIT_BOTH))
                .when(new RejectAcceptance(CASE_ID, null, "整改不彻底", null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoRequestedAcceptanceDoesNotCloseTheCase() {
        fixture.given(inPublicityRequestedBy(UNIT_BOTH))
                .when(new CloseCase(CASE_ID, null, null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void anotherInspectorClosesIt() {
        fixture.given(inPublicityRequestedBy(UNIT_BOTH))
                .when(new CloseCase(CASE_ID, null, null), inspector())
                .expectEvents(new CaseClosed(CASE_ID, null, TODAY, true));
    }

    @Test
    void whoRequestedAnExtensionDoesNotDecideOnIt() {
        fixture.given(extensionRequestedBy(UNIT_BOTH))
                .when(new ApproveExtension(CASE_ID, "E1", null, null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
        fixture.given(extensionRequestedBy(UNIT_BOTH))
                .when(new DenyExtension(CASE_ID, "E1", "理由不充分", null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void anotherInspectorDecidesOnTheExtension() {
        fixture.given(extensionRequestedBy(UNIT_BOTH))
                .when(new DenyExtension(CASE_ID, "E1", "理由不充分", null), inspector())
                .expectEvents(new ExtensionDenied(CASE_ID, "E1", "理由不充分"));
    }

    @Test
    void theSystemStillActsWhereItDidBefore() {
        fixture.given(acceptanceRequestedBy(Callers.system()))
                .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), Callers.system())
                .expectEvents(new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 7, TODAY.plusDays(7), true));
    }

    private static Object progressBy(Map<String, Object> maker) {
        return madeBy(maker, new ProgressReported(CASE_ID, "已封堵排污口", 60));
    }

    private static Object evidenceBy(Map<String, Object> maker) {
        return madeBy(maker, new CaseEvidenceAttached(CASE_ID, evidence()));
    }

    private static Object requestBy(Map<String, Object> maker) {
        return madeBy(maker, new AcceptanceRequested(CASE_ID, "已完成全部整改措施，监测达标", null));
    }

    private static Object accepted() {
        return madeBy(inspector(), new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 0, TODAY, true));
    }

    @Test
    void whoReportedProgressDoesNotAcceptWhatAColleagueRequested() {
        fixture.given(plus(inProgress(), progressBy(UNIT_BOTH), evidenceBy(unit()), requestBy(unit())))
                .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoUploadedEvidenceDoesNotRejectTheAcceptance() {
        fixture.given(plus(inProgress(), evidenceBy(UNIT_BOTH), requestBy(unit())))
                .when(new RejectAcceptance(CASE_ID, null, "整改不彻底", null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoUploadedEvidenceDoesNotCloseTheCase() {
        fixture.given(plus(inProgress(), evidenceBy(UNIT_BOTH), requestBy(unit()), accepted()))
                .when(new CloseCase(CASE_ID, null, null), UNIT_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void afterARejectedAcceptanceTheNextRoundHasNewMakers() {
        List<Object> secondRound = plus(inProgress(), progressBy(UNIT_BOTH), evidenceBy(UNIT_BOTH),
                requestBy(unit()),
                madeBy(inspector(), new AcceptanceRejected(CASE_ID, null, "整改不彻底")),
                progressBy(unit()), evidenceBy(unit()), requestBy(unit()));
        fixture.given(secondRound)
                .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), UNIT_BOTH)
                .expectEvents(new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 7, TODAY.plusDays(7), true));
    }

    @Test
    void anInspectorWhoMadeNothingClosesIt() {
        fixture.given(plus(inProgress(), evidenceBy(UNIT_BOTH), requestBy(unit()), accepted()))
                .when(new CloseCase(CASE_ID, null, null), inspector())
                .expectEvents(new CaseClosed(CASE_ID, null, TODAY, true));
    }
}
