package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.project.ProjectCommands.ApproveProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReturnProjectUpdate;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCreated;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEvidenceAttached;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateApproved;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateReturned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateSubmitted;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ReportPolicy;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
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
import static cn.jiangcheng.tracker.command.Callers.system;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;
import static cn.jiangcheng.tracker.command.project.ProjectFixtures.*;

/**
 * Maker-checker on monthly project reports: a project the city bureau leads is reported by one of its people and
 * decided by another; the one who submitted the report neither approves nor returns it, whatever roles they hold,
 * and neither does whoever attached the project's evidence since the last decision on a report.
 */
class ProjectMakerCheckerTest {
    /** One person of the bureau with both roles, reporting on a project the bureau leads. */
    private static final Map<String, Object> BUREAU_BOTH = Callers.person("sthj-both", APPROVAL_UNIT_ID, CITY_ID,
            Role.SUBMITTER, Role.APPROVER);
    private static final UpdateContent MARCH = content("2026-03", "10", "100");
    private static final Map<String, Object> CLERK = Callers.person("sthj-clerk", APPROVAL_UNIT_ID, CITY_ID,
            Role.SUBMITTER);
    private static final UpdateContent FEBRUARY = content("2026-02", "5", "50");

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(new FixedDay(TODAY));
        fixture.registerInjectableResource(new ReportPolicy(JUMP_SHARE));
    }

    private static List<Object> marchSubmittedBy(Map<String, Object> maker) {
        return List.of(new ProjectCreated(PROJECT_ID, CITY_ID, APPROVAL_UNIT_ID, APPROVAL_UNIT_ID, List.of(), plan()),
                madeBy(maker, new ProjectUpdateSubmitted(PROJECT_ID, "2026-03", 1, APPROVAL_UNIT_ID, MARCH)));
    }

    @Test
    void theSubmitterDoesNotApproveItsOwnReport() {
        fixture.given(marchSubmittedBy(BUREAU_BOTH))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectExceptionMessage("不能审核自己提交的材料，请由其他审核人员处理")
                .expectNoEvents();
    }

    @Test
    void anotherApproverApprovesIt() {
        fixture.given(marchSubmittedBy(BUREAU_BOTH))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), approver())
                .expectEvents(new ProjectUpdateApproved(PROJECT_ID, "2026-03", 1, MARCH, null));
    }

    @Test
    void theSubmitterDoesNotReturnItsOwnReport() {
        fixture.given(marchSubmittedBy(BUREAU_BOTH))
                .when(new ReturnProjectUpdate(PROJECT_ID, "2026-03", "投资数据有误", null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void anotherApproverReturnsIt() {
        fixture.given(marchSubmittedBy(BUREAU_BOTH))
                .when(new ReturnProjectUpdate(PROJECT_ID, "2026-03", "投资数据有误", null), approver())
                .expectEvents(new ProjectUpdateReturned(PROJECT_ID, "2026-03", 1, "投资数据有误"));
    }

    @Test
    void theMakerOfAResubmittedReportIsWhoeverSubmittedItLast() {
        Map<String, Object> colleague = Callers.person("sthj-clerk", APPROVAL_UNIT_ID, CITY_ID, Role.SUBMITTER);
        fixture.given(plus(marchSubmittedBy(colleague),
                        new ProjectUpdateReturned(PROJECT_ID, "2026-03", 1, "投资数据有误"),
                        madeBy(BUREAU_BOTH, new ProjectUpdateSubmitted(PROJECT_ID, "2026-03", 2, APPROVAL_UNIT_ID,
                                MARCH))))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void theSystemStillDecidesWhereItDidBefore() {
        fixture.given(marchSubmittedBy(system()))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), system())
                .expectEvents(new ProjectUpdateApproved(PROJECT_ID, "2026-03", 1, MARCH, null));
    }

    private static ProjectCreated bureauProject() {
        return new ProjectCreated(PROJECT_ID, CITY_ID, APPROVAL_UNIT_ID, APPROVAL_UNIT_ID, List.of(), plan());
    }

    private static Object evidenceAttachedBy(Map<String, Object> maker, char hashDigit) {
        return madeBy(maker, new ProjectEvidenceAttached(PROJECT_ID, APPROVAL_UNIT_ID,
                file("file-" + hashDigit, hashDigit)));
    }

    private static Object submittedBy(Map<String, Object> maker, String period, UpdateContent content) {
        return madeBy(maker, new ProjectUpdateSubmitted(PROJECT_ID, period, 1, APPROVAL_UNIT_ID, content));
    }

    @Test
    void whoAttachedTheEvidenceDoesNotApproveTheReportAClerkSubmitted() {
        fixture.given(bureauProject(), evidenceAttachedBy(BUREAU_BOTH, 'a'), submittedBy(CLERK, "2026-03", MARCH))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void norReturnsIt() {
        fixture.given(bureauProject(), evidenceAttachedBy(BUREAU_BOTH, 'a'), submittedBy(CLERK, "2026-03", MARCH))
                .when(new ReturnProjectUpdate(PROJECT_ID, "2026-03", "投资数据有误", null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void evidenceAttachedWhileTheReportWaitsCountsToo() {
        fixture.given(bureauProject(), submittedBy(CLERK, "2026-03", MARCH), evidenceAttachedBy(BUREAU_BOTH, 'a'))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoAttachedEvidenceAfterTheReturnDoesNotApproveTheCorrectedReport() {
        fixture.given(bureauProject(), submittedBy(BUREAU_BOTH, "2026-03", MARCH),
                        madeBy(approver(), new ProjectUpdateReturned(PROJECT_ID, "2026-03", 1, "投资数据有误")),
                        evidenceAttachedBy(BUREAU_BOTH, 'b'),
                        madeBy(CLERK, new ProjectUpdateSubmitted(PROJECT_ID, "2026-03", 2, APPROVAL_UNIT_ID, MARCH)))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void afterADecisionTheNextReportHasNewMakers() {
        fixture.given(bureauProject(), evidenceAttachedBy(BUREAU_BOTH, 'a'), submittedBy(CLERK, "2026-02", FEBRUARY),
                        madeBy(approver(), new ProjectUpdateApproved(PROJECT_ID, "2026-02", 1, FEBRUARY, null)),
                        evidenceAttachedBy(CLERK, 'b'), submittedBy(CLERK, "2026-03", MARCH))
                .when(new ApproveProjectUpdate(PROJECT_ID, "2026-03", null, null), BUREAU_BOTH)
                .expectEvents(new ProjectUpdateApproved(PROJECT_ID, "2026-03", 1, MARCH, null));
    }
}
