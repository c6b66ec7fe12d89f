package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.command.FixedDay;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AcceptCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AcknowledgeCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ApproveExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.AttachCaseEvidence;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.CloseCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.DenyExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RejectAcceptance;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ReopenCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ReportProgress;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RequestAcceptance;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RequestExtension;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.ReturnPlan;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.SubmitPlan;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRejected;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAccepted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAcknowledged;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseClosed;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEscalated;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEvidenceAttached;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseOverdue;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseReopened;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.DeadlineWarningIssued;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionApproved;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionDenied;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ExtensionRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanReturned;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanSubmitted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.ProgressReported;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.DeadlinePolicy;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.command.rectification.RectificationCase.DeadlineDue;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;
import static cn.jiangcheng.tracker.command.rectification.CaseFixtures.*;

/** The life of a 督察整改 case: every step, who may take it, and what the deadline manager does meanwhile. */
class RectificationCaseTest {
    private final FixedDay day = new FixedDay(TODAY);
    private FixtureConfiguration<RectificationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RectificationCase.class);
        fixture.registerInjectableResource(DeadlinePolicy.standard());
        fixture.registerInjectableResource(day);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    @Nested
    class Registering {
        @Test
        void theInspectorAssignsACaseAndItsDeadlinesAreScheduled() {
            fixture.givenCurrentTime(NOW)
                    .when(register(), inspector())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered())
                    .expectScheduledDeadline(startOf(DEADLINE.minusDays(7)), new DeadlineDue(DEADLINE, 7))
                    .expectScheduledDeadline(startOf(DEADLINE.minusDays(3)), new DeadlineDue(DEADLINE, 3))
                    .expectScheduledDeadlineWithName(startOf(DEADLINE.plusDays(1)), RectificationCase.OVERDUE)
                    .expectScheduledDeadlineWithName(startOf(DEADLINE.plusDays(31)), RectificationCase.ESCALATION);
        }

        @Test
        void aComplaintCarriesItsNumberAndChannel() {
            fixture.givenCurrentTime(NOW)
                    .when(registerComplaint("D3SX202505280018", Channel.PHONE), inspector())
                    .expectEvents(complaintRegistered());
        }

        @Test
        void aComplaintWithoutAProperNumberIsRefused() {
            fixture.givenCurrentTime(NOW)
                    .when(registerComplaint("d3-sx", Channel.PHONE), inspector())
                    .expectException(violationOf("BAD_NUMBER"))
                    .expectNoEvents();
        }

        @Test
        void aComplaintNeedsItsChannel() {
            fixture.givenCurrentTime(NOW)
                    .when(registerComplaint("D3SX202505280018", null), inspector())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("信访举报案件须填写举报方式")
                    .expectNoEvents();
        }

        @Test
        void aDeadlineInThePastIsRefused() {
            fixture.givenCurrentTime(NOW)
                    .when(registerDueOn(TODAY.minusDays(1)), inspector())
                    .expectException(violationOf("DEADLINE_IN_PAST"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aDeadlineYearsAheadIsATypingMistake() {
            fixture.givenCurrentTime(NOW)
                    .when(registerDueOn(TODAY.plusYears(6)), inspector())
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectNoEvents();
        }

        @Test
        void aCaseAssignedFiveDaysBeforeItsDeadlineIsWarnedAtOnceAndOnce() {
            LocalDate soon = TODAY.plusDays(5);
            fixture.givenCurrentTime(NOW)
                    .when(registerDueOn(soon), inspector())
                    .expectEvents(registeredDueOn(soon))
                    .expectScheduledDeadline(startOf(soon.minusDays(7)), new DeadlineDue(soon, 5))
                    .expectScheduledDeadline(startOf(soon.minusDays(3)), new DeadlineDue(soon, 3));
        }

        @Test
        void onlyInspectorsAssign() {
            for (Map<String, Object> caller : List.of(unit(), auditor(), admin(), approver())) {
                fixture.givenCurrentTime(NOW)
                        .when(register(), caller)
                        .expectException(violationOf("NOT_INSPECTOR"))
                        .expectNoEvents();
            }
        }

        @Test
        void anInspectorOfAnotherCityIsToldTheUnitDoesNotExist() {
            fixture.givenCurrentTime(NOW)
                    .when(register(), otherCityInspector())
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class TheUnitsSteps {
        @Test
        void theResponsibleUnitAcknowledges() {
            fixture.given(assigned())
                    .when(new AcknowledgeCase(CASE_ID, null), unit())
                    .expectEvents(new CaseAcknowledged(CASE_ID));
        }

        @Test
        void aCooperatingUnitSeesButDoesNotAct() {
            fixture.given(assigned())
                    .when(new AcknowledgeCase(CASE_ID, null), cooperatingUnit())
                    .expectException(violationOf("NOT_RESPONSIBLE_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void anInspectorDoesNotAcknowledgeForTheUnit() {
            fixture.given(assigned())
                    .when(new AcknowledgeCase(CASE_ID, null), inspector())
                    .expectException(violationOf("NOT_RESPONSIBLE_UNIT"));
        }

        @Test
        void aCaseIsAcknowledgedOnce() {
            fixture.given(acknowledged())
                    .when(new AcknowledgeCase(CASE_ID, null), unit())
                    .expectException(violationOf("WRONG_STATUS"));
        }

        @Test
        void thePlanStartsTheRectification() {
            fixture.given(acknowledged())
                    .when(new SubmitPlan(CASE_ID, "封堵排污口，建设截污管网", milestones(), "张建国", null), unit())
                    .expectEvents(new PlanSubmitted(CASE_ID, "封堵排污口，建设截污管网", milestones(), "张建国"));
        }

        @Test
        void noPlanBeforeAcknowledging() {
            fixture.given(assigned())
                    .when(new SubmitPlan(CASE_ID, "措施", List.of(), "张建国", null), unit())
                    .expectException(violationOf("WRONG_STATUS"));
        }

        @Test
        void aPlanNeedsItsMeasuresAndItsPerson() {
            fixture.given(acknowledged())
                    .when(new SubmitPlan(CASE_ID, " ", List.of(), "张建国", null), unit())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("整改措施不能为空");
        }

        @Test
        void theInspectorReturnsThePlan() {
            fixture.given(inProgress())
                    .when(new ReturnPlan(CASE_ID, "整改措施不具体", null), inspector())
                    .expectEvents(new PlanReturned(CASE_ID, "整改措施不具体"));
        }

        @Test
        void aReturnedPlanIsSubmittedAgain() {
            fixture.given(plus(inProgress(), new PlanReturned(CASE_ID, "整改措施不具体")))
                    .when(new SubmitPlan(CASE_ID, "封堵排污口并建设截污管网，4月底前完成", List.of(), "张建国", null), unit())
                    .expectEvents(new PlanSubmitted(CASE_ID, "封堵排污口并建设截污管网，4月底前完成", List.of(), "张建国"));
        }

        @Test
        void theUnitReportsProgress() {
            fixture.given(inProgress())
                    .when(new ReportProgress(CASE_ID, "排污口已封堵", 40, null), unit())
                    .expectEvents(new ProgressReported(CASE_ID, "排污口已封堵", 40));
        }

        @Test
        void aPercentageAbove100IsRefused() {
            fixture.given(inProgress())
                    .when(new ReportProgress(CASE_ID, "排污口已封堵", 140, null), unit())
                    .expectException(violationOf("OUT_OF_RANGE"));
        }

        @Test
        void evidenceIsAttachedDuringTheRectification() {
            fixture.given(inProgress())
                    .when(new AttachCaseEvidence(CASE_ID, evidence(), null), unit())
                    .expectEvents(new CaseEvidenceAttached(CASE_ID, evidence()));
        }

        @Test
        void acceptanceNeedsEvidence() {
            fixture.given(inProgress())
                    .when(new RequestAcceptance(CASE_ID, "已完成", null, null), unit())
                    .expectException(violationOf("NO_EVIDENCE"))
                    .expectNoEvents();
        }

        @Test
        void theUnitAppliesForAcceptance() {
            fixture.given(withEvidence())
                    .when(new RequestAcceptance(CASE_ID, "已完成全部整改措施，监测达标", null, null), unit())
                    .expectEvents(new AcceptanceRequested(CASE_ID, "已完成全部整改措施，监测达标", null));
        }

        @Test
        void aComplaintIsAnsweredWithItsOutcome() {
            List<Object> given = complaintAcceptanceRequested().subList(0, 4);
            fixture.given(given)
                    .when(new RequestAcceptance(CASE_ID, "已停止夜间施工", null, null), unit())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("信访举报案件须填写办理结果");
            fixture.given(given)
                    .when(new RequestAcceptance(CASE_ID, "已停止夜间施工", Outcome.STAGED, null), unit())
                    .expectEvents(new AcceptanceRequested(CASE_ID, "已停止夜间施工", Outcome.STAGED));
        }

        @Test
        void onlyComplaintsHaveAnOutcome() {
            fixture.given(withEvidence())
                    .when(new RequestAcceptance(CASE_ID, "已完成", Outcome.CONCLUDED, null), unit())
                    .expectException(violationOf("NOT_A_COMPLAINT"));
        }

        @Test
        void anotherCityCannotTouchTheCase() {
            fixture.given(assigned())
                    .when(new AcknowledgeCase(CASE_ID, null),
                            Callers.person("cc-submitter", UNIT_ID, OTHER_CITY_ID, Role.SUBMITTER))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Acceptance {
        @Test
        void theInspectorAcceptsAndPublicityStarts() {
            fixture.given(acceptanceRequested())
                    .when(new AcceptCase(CASE_ID, "现场核查属实", 7, null), inspector())
                    .expectEvents(new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 7, TODAY.plusDays(7), true))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void publicityDefaultsToSevenDays() {
            fixture.given(acceptanceRequested())
                    .when(new AcceptCase(CASE_ID, "现场核查属实", null, null), inspector())
                    .expectEvents(new CaseAccepted(CASE_ID, "现场核查属实", TODAY, 7, TODAY.plusDays(7), true));
        }

        @Test
        void anAcceptanceAfterTheDeadlineIsLate() {
            LocalDate late = DEADLINE.plusDays(3);
            day.set(late);
            fixture.given(acceptanceRequested())
                    .when(new AcceptCase(CASE_ID, "现场核查属实", 0, null), inspector())
                    .expectEvents(new CaseAccepted(CASE_ID, "现场核查属实", late, 0, late, false));
        }

        @Test
        void theInspectorRejectsBackToRectification() {
            fixture.given(acceptanceRequested())
                    .when(new RejectAcceptance(CASE_ID, "现场仍有异味", "整改不彻底", null), inspector())
                    .expectEvents(new AcceptanceRejected(CASE_ID, "现场仍有异味", "整改不彻底"));
        }

        @Test
        void aRejectedCaseIsRectifiedFurther() {
            fixture.given(plus(acceptanceRequested(), new AcceptanceRejected(CASE_ID, null, "整改不彻底")))
                    .when(new ReportProgress(CASE_ID, "补充完成管网建设", 90, null), unit())
                    .expectEvents(new ProgressReported(CASE_ID, "补充完成管网建设", 90));
        }

        @Test
        void theUnitCannotAcceptItsOwnCase() {
            fixture.given(acceptanceRequested())
                    .when(new AcceptCase(CASE_ID, "自查合格", 7, null), unit())
                    .expectException(violationOf("NOT_INSPECTOR"))
                    .expectNoEvents();
        }

        @Test
        void auditorsAndAdministratorsOnlyLook() {
            for (Map<String, Object> caller : List.of(auditor(), admin(), approver())) {
                fixture.given(acceptanceRequested())
                        .when(new AcceptCase(CASE_ID, "核查", 7, null), caller)
                        .expectException(violationOf("NOT_INSPECTOR"))
                        .expectNoEvents();
            }
        }

        @Test
        void publicityOfMoreThan30DaysIsRefused() {
            fixture.given(acceptanceRequested())
                    .when(new AcceptCase(CASE_ID, "现场核查属实", 31, null), inspector())
                    .expectException(violationOf("OUT_OF_RANGE"));
        }
    }

    @Nested
    class Closing {
        @Test
        void closingWithoutAcceptanceIsRefused() {
            fixture.given(inProgress())
                    .when(new CloseCase(CASE_ID, null, null), inspector())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
            fixture.given(acceptanceRequested())
                    .when(new CloseCase(CASE_ID, null, null), inspector())
                    .expectException(violationOf("WRONG_STATUS"));
        }

        @Test
        void closingDuringPublicityIsRefused() {
            day.set(TODAY.plusDays(6));
            fixture.given(inPublicity(TODAY, 7))
                    .when(new CloseCase(CASE_ID, null, null), inspector())
                    .expectException(violationOf("PUBLICITY_RUNNING"))
                    .expectNoEvents();
        }

        @Test
        void theCaseIsClosedWhenPublicityEnds() {
            day.set(TODAY.plusDays(7));
            fixture.given(inPublicity(TODAY, 7))
                    .when(new CloseCase(CASE_ID, "公示无异议", null), inspector())
                    .expectEvents(new CaseClosed(CASE_ID, "公示无异议", TODAY.plusDays(7), true));
        }

        @Test
        void withoutPublicityTheCaseIsClosedAtOnce() {
            fixture.given(inPublicity(TODAY, 0))
                    .when(new CloseCase(CASE_ID, null, null), inspector())
                    .expectEvents(new CaseClosed(CASE_ID, null, TODAY, true));
        }

        @Test
        void aClosedCaseIsReopenedWithANewDeadline() {
            LocalDate again = TODAY.plusDays(60);
            fixture.given(closed())
                    .when(new ReopenCase(CASE_ID, "回头看发现问题反弹", again, null), inspector())
                    .expectEvents(new CaseReopened(CASE_ID, "回头看发现问题反弹", again))
                    .expectScheduledDeadlineWithName(startOf(again.plusDays(1)), RectificationCase.OVERDUE);
        }

        @Test
        void onlyAClosedCaseIsReopened() {
            fixture.given(inProgress())
                    .when(new ReopenCase(CASE_ID, "回头看", TODAY.plusDays(30), null), inspector())
                    .expectException(violationOf("WRONG_STATUS"));
        }
    }

    @Nested
    class Extensions {
        @Test
        void theUnitAsksForMoreTimeBeforeTheDeadline() {
            fixture.given(inProgress())
                    .when(new RequestExtension(CASE_ID, "E1", "管网施工受冻土影响", DEADLINE.plusDays(30), null),
                            unit())
                    .expectEvents(new ExtensionRequested(CASE_ID, "E1", "管网施工受冻土影响", DEADLINE,
                            DEADLINE.plusDays(30)))
                    .expectResultMessagePayload("E1");
        }

        @Test
        void noExtensionAfterTheDeadline() {
            day.set(DEADLINE.plusDays(1));
            fixture.given(inProgress())
                    .when(new RequestExtension(CASE_ID, "E1", "来不及", DEADLINE.plusDays(30), null), unit())
                    .expectException(violationOf("DEADLINE_PASSED"))
                    .expectNoEvents();
        }

        @Test
        void theNewDeadlineMustBeLater() {
            fixture.given(inProgress())
                    .when(new RequestExtension(CASE_ID, "E1", "来不及", DEADLINE, null), unit())
                    .expectException(violationOf("DEADLINE_NOT_LATER"));
        }

        @Test
        void oneRequestAtATime() {
            fixture.given(plus(inProgress(), new ExtensionRequested(CASE_ID, "E1", "冻土", DEADLINE,
                            DEADLINE.plusDays(30))))
                    .when(new RequestExtension(CASE_ID, "E2", "再延", DEADLINE.plusDays(40), null), unit())
                    .expectException(violationOf("EXTENSION_PENDING"));
        }

        @Test
        void anApprovedExtensionMovesTheDeadlineAndTheWarnings() {
            LocalDate later = DEADLINE.plusDays(30);
            fixture.given(plus(inProgress(), new ExtensionRequested(CASE_ID, "E1", "冻土", DEADLINE, later)))
                    .andGivenCurrentTime(NOW)
                    .when(new ApproveExtension(CASE_ID, "E1", "同意", null), inspector())
                    .expectEvents(new ExtensionApproved(CASE_ID, "E1", "同意", DEADLINE, later))
                    .expectScheduledDeadline(startOf(later.minusDays(7)), new DeadlineDue(later, 7))
                    .expectScheduledDeadlineWithName(startOf(later.plusDays(1)), RectificationCase.OVERDUE)
                    .expectNoScheduledDeadline(startOf(DEADLINE.minusDays(7)), new DeadlineDue(DEADLINE, 7));
        }

        @Test
        void theInspectorDeniesAnExtension() {
            fixture.given(plus(inProgress(), new ExtensionRequested(CASE_ID, "E1", "冻土", DEADLINE,
                            DEADLINE.plusDays(30))))
                    .when(new DenyExtension(CASE_ID, "E1", "理由不充分", null), inspector())
                    .expectEvents(new ExtensionDenied(CASE_ID, "E1", "理由不充分"));
        }

        @Test
        void theUnitDoesNotDecideItsOwnExtension() {
            fixture.given(plus(inProgress(), new ExtensionRequested(CASE_ID, "E1", "冻土", DEADLINE,
                            DEADLINE.plusDays(30))))
                    .when(new ApproveExtension(CASE_ID, "E1", null, null), unit())
                    .expectException(violationOf("NOT_INSPECTOR"));
        }

        @Test
        void anUnknownRequestCannotBeDecided() {
            fixture.given(inProgress())
                    .when(new ApproveExtension(CASE_ID, "E9", null, null), inspector())
                    .expectException(violationOf("NO_PENDING_EXTENSION"));
        }
    }

    /**
     * Deadlines are scheduled by command handlers, so these tests send the commands as "given" (events alone would
     * schedule nothing) and then let the fixture's clock run.
     */
    @Nested
    class Deadlines {
        private final Instant afterOverdue = startOf(DEADLINE.plusDays(1)).plusSeconds(60);
        private final Instant afterEscalation = startOf(DEADLINE.plusDays(31)).plusSeconds(60);

        private Object as(Object command, Map<String, Object> caller) {
            return GenericCommandMessage.asCommandMessage(command).andMetaData(caller);
        }

        private List<Object> untilInProgress() {
            return List.of(as(register(), inspector()), as(new AcknowledgeCase(CASE_ID, null), unit()),
                    as(new SubmitPlan(CASE_ID, "封堵排污口", List.of(), "张建国", null), unit()));
        }

        @Test
        void warningsComeSevenAndThreeDaysBefore() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(untilInProgress())
                    .whenTimeAdvancesTo(startOf(DEADLINE.minusDays(3)).plusSeconds(60))
                    .expectEvents(new DeadlineWarningIssued(CASE_ID, DEADLINE, 7),
                            new DeadlineWarningIssued(CASE_ID, DEADLINE, 3))
                    .expectTriggeredDeadlinesWithName(RectificationCase.WARNING, RectificationCase.WARNING);
        }

        @Test
        void anOpenCaseBecomesOverdueWhenItsDeadlineDayEnds() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(untilInProgress())
                    .whenTimeAdvancesTo(afterOverdue)
                    .expectEvents(new DeadlineWarningIssued(CASE_ID, DEADLINE, 7),
                            new DeadlineWarningIssued(CASE_ID, DEADLINE, 3), new CaseOverdue(CASE_ID, DEADLINE));
        }

        @Test
        void aCaseOverdueForThirtyDaysIsEscalated() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(untilInProgress())
                    .whenTimeAdvancesTo(afterEscalation)
                    .expectEvents(new DeadlineWarningIssued(CASE_ID, DEADLINE, 7),
                            new DeadlineWarningIssued(CASE_ID, DEADLINE, 3), new CaseOverdue(CASE_ID, DEADLINE),
                            new CaseEscalated(CASE_ID, DEADLINE));
        }

        @Test
        void noWarningOneSecondTooEarly() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(untilInProgress())
                    .whenTimeAdvancesTo(startOf(DEADLINE.minusDays(7)).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void anAcceptedCaseIsNeverOverdue() {
            List<Object> commands = new java.util.ArrayList<>(untilInProgress());
            commands.add(as(new AttachCaseEvidence(CASE_ID, evidence(), null), unit()));
            commands.add(as(new RequestAcceptance(CASE_ID, "已完成", null, null), unit()));
            commands.add(as(new AcceptCase(CASE_ID, "属实", 7, null), inspector()));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(commands)
                    .whenTimeAdvancesTo(afterEscalation)
                    .expectNoEvents();
        }

        @Test
        void anApprovedExtensionMovesOverdueToTheNewDeadline() {
            LocalDate later = DEADLINE.plusDays(30);
            List<Object> commands = new java.util.ArrayList<>(untilInProgress());
            commands.add(as(new RequestExtension(CASE_ID, "E1", "冻土", later, null), unit()));
            commands.add(as(new ApproveExtension(CASE_ID, "E1", null, null), inspector()));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(commands)
                    .whenTimeAdvancesTo(startOf(later.plusDays(1)).plusSeconds(60))
                    .expectEvents(new DeadlineWarningIssued(CASE_ID, later, 7),
                            new DeadlineWarningIssued(CASE_ID, later, 3), new CaseOverdue(CASE_ID, later));
        }

        /** Even when cancelling failed, a deadline scheduled for the old deadline day changes nothing. */
        @Test
        void aStaleDeadlineIsIgnored() {
            LocalDate later = DEADLINE.plusDays(60);
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(untilInProgress())
                    .andGiven(new ExtensionRequested(CASE_ID, "E1", "冻土", DEADLINE, later),
                            new ExtensionApproved(CASE_ID, "E1", null, DEADLINE, later))
                    .whenTimeAdvancesTo(afterOverdue)
                    .expectTriggeredDeadlinesWithName(RectificationCase.WARNING, RectificationCase.WARNING,
                            RectificationCase.OVERDUE)
                    .expectNoEvents();
        }

        /** A deadline delivered twice (a retry after a crash) records its fact once. */
        @Test
        void overdueIsRecordedOnce() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(untilInProgress())
                    .andGiven(new CaseOverdue(CASE_ID, DEADLINE))
                    .whenTimeAdvancesTo(afterEscalation)
                    .expectEvents(new CaseEscalated(CASE_ID, DEADLINE));
        }
    }

    @Nested
    class ConfiguredDeadlines {
        @Test
        void escalationFollowsTheConfiguredDelay() {
            FixtureConfiguration<RectificationCase> tuned = new AggregateTestFixture<>(RectificationCase.class);
            tuned.registerInjectableResource(new DeadlinePolicy(List.of(10), Duration.ofDays(5)));
            tuned.registerInjectableResource(day);
            tuned.givenCurrentTime(NOW)
                    .when(register(), inspector())
                    .expectScheduledDeadline(startOf(DEADLINE.minusDays(10)), new DeadlineDue(DEADLINE, 10))
                    .expectNoScheduledDeadline(startOf(DEADLINE.minusDays(7)), new DeadlineDue(DEADLINE, 7))
                    .expectScheduledDeadlineWithName(startOf(DEADLINE.plusDays(6)), RectificationCase.ESCALATION);
        }
    }
}
