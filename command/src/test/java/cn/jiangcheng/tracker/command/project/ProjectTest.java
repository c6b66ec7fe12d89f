package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ApproveProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectCommands.AttachProjectEvidence;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CancelProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CreateProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.EditProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReassignProject;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReturnProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectCommands.SubmitProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCancelled;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEdited;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectReassigned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateApproved;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateReturned;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ReportPolicy;
import cn.jiangcheng.tracker.command.FixedDay;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.command.Callers.system;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;
import static cn.jiangcheng.tracker.command.project.ProjectFixtures.*;

/**
 * A major project from planning to its last report: who may plan, reassign and cancel it, what a lead unit's
 * monthly report must respect, and how the city bureau decides on it.
 */
class ProjectTest {
    private final FixedDay day = new FixedDay(TODAY);
    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(day);
        fixture.registerInjectableResource(new ReportPolicy(JUMP_SHARE));
    }

    private static SubmitProjectUpdate submit(UpdateContent content) {
        return new SubmitProjectUpdate(PROJECT_ID, content, null);
    }

    private static ApproveProjectUpdate approve(String updateId) {
        return new ApproveProjectUpdate(PROJECT_ID, updateId, "同意", null);
    }

    @Nested
    class Planning {

        @Test
        void theCityBureauCreatesAProject() {
            fixture.givenNoPriorActivity()
                    .when(create(), approver())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created());
        }

        @Test
        void theSystemSeedsProjectsWithoutDatesOrInvestment() {
            ProjectPlan seeded = new ProjectPlan(NAME, 4, "水清岸绿建设工程", null, null, null, List.of());
            fixture.givenNoPriorActivity()
                    .when(createWith(seeded), system())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void submittersAuditorsAndCountyApproversCannotCreateProjects() {
            for (Map<String, Object> who : List.of(leadSubmitter(), auditor(), inspector(), countyApprover())) {
                fixture.givenNoPriorActivity()
                        .when(create(), who)
                        .expectNoEvents()
                        .expectException(violationOf("NOT_DECIDER"));
            }
        }

        @Test
        void anotherCityCannotCreateInThisCity() {
            fixture.givenNoPriorActivity()
                    .when(create(), otherCityApprover())
                    .expectNoEvents()
                    .expectException(NotFoundInScope.class);
        }

        @Test
        void aPlanMustBeConsistent() {
            ProjectPlan p = plan();
            List<Object[]> cases = List.of(
                    new Object[]{new ProjectPlan(" ", 4, null, null, null, null, List.of()), "REQUIRED"},
                    new Object[]{new ProjectPlan(NAME, 1, null, null, null, null, List.of()), "BAD_COLUMN"},
                    new Object[]{new ProjectPlan(NAME, 4, null, p.plannedFinish(), p.plannedStart(), null, List.of()),
                            "BAD_DATES"},
                    new Object[]{new ProjectPlan(NAME, 4, null, p.plannedStart(), null, null, List.of()), "REQUIRED"},
                    new Object[]{planWith("-1", milestones()), "OUT_OF_RANGE"},
                    new Object[]{planWith("5000", List.of(new Milestone("m1", "开工", LocalDate.of(2024, 6, 1)))),
                            "MILESTONE_OUTSIDE_PLAN"},
                    new Object[]{planWith("5000", List.of(new Milestone("m1", "开工", LocalDate.of(2025, 6, 1)),
                            new Milestone("m1", "完工", LocalDate.of(2026, 6, 1)))), "DUPLICATE_MILESTONE"});
            for (Object[] c : cases) {
                fixture.givenNoPriorActivity()
                        .when(createWith((ProjectPlan) c[0]), approver())
                        .expectNoEvents()
                        .expectException(violationOf((String) c[1]));
            }
        }

        @Test
        void theLeadUnitCannotAlsoCooperate() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProject(PROJECT_ID, CITY_ID, APPROVAL_UNIT_ID, LEAD_UNIT_ID,
                            List.of(LEAD_UNIT_ID), plan()), approver())
                    .expectNoEvents()
                    .expectException(violationOf("DUPLICATE_UNIT"));
        }

        @Test
        void theBureauEditsThePlan() {
            ProjectPlan edited = planWith("6000", milestones());
            fixture.given(created())
                    .when(new EditProject(PROJECT_ID, edited, null), approver())
                    .expectEvents(new ProjectEdited(PROJECT_ID, edited));
        }

        @Test
        void anUnchangedPlanIsNoEdit() {
            fixture.given(created())
                    .when(new EditProject(PROJECT_ID, plan(), null), approver())
                    .expectNoEvents()
                    .expectException(violationOf("UNCHANGED"));
        }

        @Test
        void aReachedMilestoneCannotBeDropped() {
            fixture.given(withApprovedFebruary())
                    .when(new EditProject(PROJECT_ID, planWith("5000", List.of(milestones().get(1))), null),
                            approver())
                    .expectNoEvents()
                    .expectException(violationOf("MILESTONE_REACHED"));
        }

        @Test
        void theLeadUnitCannotEditItsOwnPlan() {
            fixture.given(created())
                    .when(new EditProject(PROJECT_ID, planWith("9000", milestones()), null), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("NOT_DECIDER"));
        }

        @Test
        void theBureauReassignsTheProject() {
            fixture.given(withApprovedFebruary())
                    .when(new ReassignProject(PROJECT_ID, OTHER_UNIT_ID, List.of(LEAD_UNIT_ID), "调整属地", null),
                            approver())
                    .expectEvents(new ProjectReassigned(PROJECT_ID, LEAD_UNIT_ID, OTHER_UNIT_ID,
                            List.of(LEAD_UNIT_ID), "调整属地"));
        }

        @Test
        void aProjectWithAPendingReportIsNotHandedOver() {
            fixture.given(withPendingMarch())
                    .when(new ReassignProject(PROJECT_ID, OTHER_UNIT_ID, List.of(), "调整属地", null), approver())
                    .expectNoEvents()
                    .expectException(violationOf("UPDATE_PENDING"));
        }

        @Test
        void aReassignmentNeedsAReason() {
            fixture.given(created())
                    .when(new ReassignProject(PROJECT_ID, OTHER_UNIT_ID, List.of(), " ", null), approver())
                    .expectNoEvents()
                    .expectException(violationOf("REQUIRED"));
        }

        @Test
        void theNewLeadUnitReportsAndTheOldOneNoLonger() {
            List<Object> reassigned = plus(withApprovedFebruary(), new ProjectReassigned(PROJECT_ID, LEAD_UNIT_ID,
                    OTHER_UNIT_ID, List.of(), "调整属地"));
            fixture.given(reassigned)
                    .when(submit(content("2026-03", "45", "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("NOT_LEAD_UNIT"));
            fixture.given(reassigned)
                    .when(submit(content("2026-03", "45", "2300")), otherUnitSubmitter())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theBureauCancelsAProjectAndNothingMoreHappensToIt() {
            fixture.given(created())
                    .when(new CancelProject(PROJECT_ID, "并入其他项目", null), approver())
                    .expectEvents(new ProjectCancelled(PROJECT_ID, "并入其他项目"));
            fixture.given(created(), new ProjectCancelled(PROJECT_ID, "并入其他项目"))
                    .when(submit(content("2026-03", "10", "100")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("PROJECT_CANCELLED"));
            fixture.given(created(), new ProjectCancelled(PROJECT_ID, "并入其他项目"))
                    .when(new CancelProject(PROJECT_ID, "再次取消", null), approver())
                    .expectNoEvents()
                    .expectException(violationOf("PROJECT_CANCELLED"));
        }

        @Test
        void anotherCityCannotTouchTheProject() {
            fixture.given(created())
                    .when(new CancelProject(PROJECT_ID, "x", null), otherCityApprover())
                    .expectNoEvents()
                    .expectException(NotFoundInScope.class);
        }
    }

    @Nested
    class Reporting {

        @Test
        void theLeadUnitReportsItsMonth() {
            UpdateContent march = content("2026-03", "45", "2300");
            fixture.given(withApprovedFebruary())
                    .when(submit(march), leadSubmitter())
                    .expectEvents(submitted("2026-03", 1, march));
        }

        @Test
        void aCooperatingUnitSeesButDoesNotReport() {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "45", "2300")), cooperatingSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("NOT_LEAD_UNIT"));
        }

        @Test
        void anotherCountyAndTheBureauDoNotReport() {
            for (Map<String, Object> who : List.of(otherUnitSubmitter(), approver(), auditor())) {
                fixture.given(withApprovedFebruary())
                        .when(submit(content("2026-03", "45", "2300")), who)
                        .expectNoEvents()
                        .expectException(violationOf("NOT_LEAD_UNIT"));
            }
        }

        @Test
        void anotherCityIsToldTheProjectDoesNotExist() {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "45", "2300")), otherCitySubmitter())
                    .expectNoEvents()
                    .expectException(NotFoundInScope.class);
        }

        @Test
        void progressDoesNotGoBackwardsWithoutAnExplanation() {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "35", "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("PROGRESS_BACKWARDS"));
            UpdateContent explained = withExplanation(content("2026-03", "35", "2300"), "设计变更，部分工程量重新核定");
            fixture.given(withApprovedFebruary())
                    .when(submit(explained), leadSubmitter())
                    .expectEvents(submitted("2026-03", 1, explained));
        }

        @Test
        void investmentDoesNotGoBackwardsWithoutAnExplanation() {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "45", "1900")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("INVESTMENT_BACKWARDS"));
        }

        @Test
        void investmentAboveThePlanNeedsANote() {
            // 2000 → 5100 of 5000 planned: over the plan (and a jump); the over-plan rule speaks first
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "90", "5100")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("INVESTMENT_OVER_PLAN"));
            fixture.given(withApprovedFebruary())
                    .when(submit(withExplanation(content("2026-03", "90", "5100"), "追加配套管网投资，已报批")),
                            leadSubmitter())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anImplausibleJumpInInvestmentNeedsANote() {
            // 2000 → 3600 adds 1600, more than 30 % of 5000 (1500); 2000 → 3500 adds exactly 1500 and passes
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "50", "3600")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("INVESTMENT_JUMP"));
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "50", "3500")), leadSubmitter())
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest
        @ValueSource(strings = {"101", "-1", "100.001"})
        void progressStaysBetweenZeroAndHundred(String progress) {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", progress, "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf(progress.equals("100.001") ? "TOO_PRECISE" : "OUT_OF_RANGE"));
        }

        @Test
        void progressAndInvestmentAreRequired() {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", null, "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("REQUIRED"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026", "2026-Q1", "2026-3", "三月"})
        void reportsAreMonthly(String period) {
            fixture.given(withApprovedFebruary())
                    .when(submit(content(period, "45", "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("BAD_PERIOD"));
        }

        @Test
        void aFutureMonthCannotBeReported() {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-04", "45", "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("FUTURE_PERIOD"));
        }

        @Test
        void aMonthUpToTheLastApprovedOneCannotBeReportedAgain() {
            for (String period : List.of("2026-02", "2026-01")) {
                fixture.given(withApprovedFebruary())
                        .when(submit(content(period, "45", "2300")), leadSubmitter())
                        .expectNoEvents()
                        .expectException(violationOf("PERIOD_COVERED"));
            }
        }

        @Test
        void oneReportAtATimeAwaitsReview() {
            fixture.given(withPendingMarch())
                    .when(submit(content("2026-03", "46", "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("UPDATE_PENDING"));
        }

        @Test
        void aReturnedReportIsResubmittedAsItsNextRevision() {
            UpdateContent fixed = content("2026-03", "45", "2250");
            fixture.given(withReturnedMarch())
                    .when(submit(fixed), leadSubmitter())
                    .expectEvents(submitted("2026-03", 2, fixed));
        }

        @Test
        void aMilestoneIsReachedWithDateAndEvidence() {
            UpdateContent march = withMilestones(content("2026-03", "45", "2300"), reached(M2, "2026-03-18"));
            fixture.given(withApprovedFebruary())
                    .when(submit(march), leadSubmitter())
                    .expectEvents(submitted("2026-03", 1, march));
        }

        @Test
        void milestoneReportsAreChecked() {
            List<Object[]> cases = List.of(
                    new Object[]{reached("m9", "2026-03-01"), "UNKNOWN_MILESTONE"},
                    new Object[]{reached(M1, "2026-03-01"), "MILESTONE_ALREADY_REACHED"},
                    new Object[]{reached(M2, "2026-03-21"), "FUTURE_DATE"},
                    new Object[]{new cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached(M2,
                            LocalDate.of(2026, 3, 1), " ", null), "EVIDENCE_REQUIRED"});
            for (Object[] c : cases) {
                fixture.given(withApprovedFebruary())
                        .when(submit(withMilestones(content("2026-03", "45", "2300"),
                                (cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached) c[0])),
                                leadSubmitter())
                        .expectNoEvents()
                        .expectException(violationOf((String) c[1]));
            }
        }

        @Test
        void hundredPercentNeedsEveryMilestone() {
            fixture.given(withApprovedFebruary())
                    .when(submit(content("2026-03", "100", "3400")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("MILESTONES_OPEN"));
        }
    }

    @Nested
    class EvidenceFiles {

        private AttachProjectEvidence attach(Evidence file) {
            return new AttachProjectEvidence(PROJECT_ID, file, null);
        }

        @Test
        void theLeadUnitAttachesAFileWithItsHash() {
            fixture.given(withApprovedFebruary())
                    .when(attach(file(FILE_ID, 'a')), leadSubmitter())
                    .expectEvents(attached(file(FILE_ID, 'a')));
        }

        @Test
        void onlyTheLeadUnitsSubmittersAttachFiles() {
            for (Map<String, Object> who : List.of(cooperatingSubmitter(), otherUnitSubmitter(), approver(),
                    auditor())) {
                fixture.given(withApprovedFebruary())
                        .when(attach(file(FILE_ID, 'a')), who)
                        .expectNoEvents()
                        .expectException(violationOf("NOT_LEAD_UNIT"));
            }
        }

        @Test
        void anotherCityLearnsNothing() {
            fixture.given(withApprovedFebruary())
                    .when(attach(file(FILE_ID, 'a')), otherCitySubmitter())
                    .expectNoEvents()
                    .expectException(NotFoundInScope.class);
        }

        @Test
        void cancelledProjectsTakeNoFiles() {
            fixture.given(plus(withApprovedFebruary(), new ProjectCancelled(PROJECT_ID, "并入其他项目")))
                    .when(attach(file(FILE_ID, 'a')), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("PROJECT_CANCELLED"));
        }

        @Test
        void theSameContentIsAttachedOnlyOnce() {
            fixture.given(plus(withApprovedFebruary(), attached(file(FILE_ID, 'a'))))
                    .when(attach(file("5f0c7a52-9a43-4c55-9a8e-3c1f2b7d0002", 'a')), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("DUPLICATE_FILE"));
        }

        @Test
        void aFileWithoutAValidHashIsRefused() {
            fixture.given(withApprovedFebruary())
                    .when(attach(new Evidence(FILE_ID, "x.pdf", "application/pdf", 1, "not-a-hash")),
                            leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("BAD_HASH"));
        }

        @Test
        void aMilestoneIsProvedByAnAttachedFileAlone() {
            UpdateContent march = withMilestones(content("2026-03", "45", "2300"),
                    reachedWithFiles(M2, "2026-03-18", null, FILE_ID));
            fixture.given(plus(withApprovedFebruary(), attached(file(FILE_ID, 'a'))))
                    .when(submit(march), leadSubmitter())
                    .expectEvents(submitted("2026-03", 1, march));
        }

        @Test
        void aMilestoneCannotNameAFileOfAnotherProjectOrNone() {
            UpdateContent unknown = withMilestones(content("2026-03", "45", "2300"),
                    reachedWithFiles(M2, "2026-03-18", "验收报告", FILE_ID));
            fixture.given(withApprovedFebruary())
                    .when(submit(unknown), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("UNKNOWN_FILE"));
            UpdateContent twice = withMilestones(content("2026-03", "45", "2300"),
                    reachedWithFiles(M2, "2026-03-18", null, FILE_ID, FILE_ID));
            fixture.given(plus(withApprovedFebruary(), attached(file(FILE_ID, 'a'))))
                    .when(submit(twice), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("DUPLICATE_FILE"));
        }
    }

    @Nested
    class Deciding {

        @Test
        void theBureauApprovesAndTheFiguresBecomeOfficial() {
            UpdateContent march = content("2026-03", "45", "2300");
            fixture.given(withPendingMarch())
                    .when(approve("2026-03"), approver())
                    .expectEvents(new ProjectUpdateApproved(PROJECT_ID, "2026-03", 1, march, "同意"));
            // once approved, the next report is compared with 45 %
            day.set(LocalDate.of(2026, 4, 5));
            fixture.given(plus(withPendingMarch(), new ProjectUpdateApproved(PROJECT_ID, "2026-03", 1, march, null)))
                    .when(submit(content("2026-04", "44", "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("PROGRESS_BACKWARDS"));
        }

        @Test
        void aReturnedReportDoesNotMoveTheOfficialFigures() {
            // February's 40 % stays official: 38 % is still backwards after March (45 %) was returned
            fixture.given(withReturnedMarch())
                    .when(submit(content("2026-03", "38", "2300")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("PROGRESS_BACKWARDS"));
            fixture.given(withReturnedMarch())
                    .when(submit(content("2026-03", "41", "2300")), leadSubmitter())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void approvingTwiceIsRefused() {
            fixture.given(plus(withPendingMarch(), new ProjectUpdateApproved(PROJECT_ID, "2026-03", 1,
                            content("2026-03", "45", "2300"), null)))
                    .when(approve("2026-03"), approver())
                    .expectNoEvents()
                    .expectException(violationOf("WRONG_STATUS"));
        }

        @Test
        void onlyTheBureauApproves() {
            for (Map<String, Object> who : List.of(leadSubmitter(), auditor(), inspector(), countyApprover())) {
                fixture.given(withPendingMarch())
                        .when(approve("2026-03"), who)
                        .expectNoEvents()
                        .expectException(violationOf("NOT_DECIDER"));
            }
            fixture.given(withPendingMarch())
                    .when(approve("2026-03"), otherCityApprover())
                    .expectNoEvents()
                    .expectException(NotFoundInScope.class);
        }

        @Test
        void anUnknownReportIsNotFound() {
            fixture.given(withPendingMarch())
                    .when(approve("2026-01"), approver())
                    .expectNoEvents()
                    .expectException(NotFoundInScope.class);
        }

        @Test
        void aReturnNeedsAReason() {
            fixture.given(withPendingMarch())
                    .when(new ReturnProjectUpdate(PROJECT_ID, "2026-03", "", null), approver())
                    .expectNoEvents()
                    .expectException(violationOf("REQUIRED"));
            fixture.given(withPendingMarch())
                    .when(new ReturnProjectUpdate(PROJECT_ID, "2026-03", "投资数据与台账不符", null), approver())
                    .expectEvents(new ProjectUpdateReturned(PROJECT_ID, "2026-03", 1, "投资数据与台账不符"));
        }

        @Test
        void aReturnedReportCannotBeApprovedOrReturnedAgain() {
            fixture.given(withReturnedMarch())
                    .when(approve("2026-03"), approver())
                    .expectNoEvents()
                    .expectException(violationOf("WRONG_STATUS"));
            fixture.given(withReturnedMarch())
                    .when(new ReturnProjectUpdate(PROJECT_ID, "2026-03", "再退", null), approver())
                    .expectNoEvents()
                    .expectException(violationOf("WRONG_STATUS"));
        }

        @Test
        void aCompletedProjectTakesNoMoreReports() {
            UpdateContent done = withMilestones(content("2026-03", "100", "3400"), reached(M2, "2026-03-10"));
            List<Object> completed = plus(withApprovedFebruary(), submitted("2026-03", 1, done),
                    new ProjectUpdateApproved(PROJECT_ID, "2026-03", 1, done, null));
            day.set(LocalDate.of(2026, 4, 5));
            fixture.given(completed)
                    .when(submit(content("2026-04", "100", "3400")), leadSubmitter())
                    .expectNoEvents()
                    .expectException(violationOf("PROJECT_COMPLETED"));
        }
    }
}
