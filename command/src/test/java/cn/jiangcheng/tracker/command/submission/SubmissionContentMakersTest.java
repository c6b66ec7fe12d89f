package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ApproveSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ReturnSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.AmendmentStarted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.EvidenceAttached;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionCreated;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionDraftSaved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReturned;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionSubmitted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionWithdrawn;
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
import static cn.jiangcheng.tracker.command.submission.SubmissionFixtures.*;

/**
 * The makers of a revision are everyone who wrote it, not only who clicked submit: whoever created the report,
 * saved a draft of it, attached evidence to it or started the amendment neither approves nor returns it. A new
 * revision (an amendment) has new makers.
 */
class SubmissionContentMakersTest {
    private static final Map<String, Object> BUREAU_BOTH = Callers.person("sthj-both", APPROVAL_UNIT_ID, CITY_ID,
            Role.SUBMITTER, Role.APPROVER);
    private static final Map<String, Object> CLERK = Callers.person("sthj-clerk", APPROVAL_UNIT_ID, CITY_ID,
            Role.SUBMITTER);
    private static final String REPORT = APPROVAL_UNIT_ID + "-" + PERIOD;

    private final FakeReportForms reporting = new FakeReportForms();
    private FixtureConfiguration<Submission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
        fixture.registerInjectableResource(reporting);
        fixture.registerInjectableResource(new FixedDay(TODAY));
    }

    private static Object createdBy(Map<String, Object> maker) {
        return madeBy(maker, new SubmissionCreated(REPORT, APPROVAL_UNIT_ID, CITY_ID, PERIOD, DEADLINE,
                APPROVAL_UNIT_ID, null));
    }

    private static Object draftSavedBy(Map<String, Object> maker, int revision) {
        return madeBy(maker, new SubmissionDraftSaved(REPORT, revision, completeNormalised()));
    }

    private static Object submittedBy(Map<String, Object> maker, int revision) {
        return madeBy(maker, new SubmissionSubmitted(REPORT, revision, completeNormalised(), false));
    }

    /** The reviewer's attack: withdraw, save new values, let a plain submitter submit them, approve. */
    @Test
    void whoSavedTheDraftAClerkSubmittedDoesNotApproveIt() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1), submittedBy(BUREAU_BOTH, 1),
                        madeBy(BUREAU_BOTH, new SubmissionWithdrawn(REPORT, 1)), draftSavedBy(BUREAU_BOTH, 1),
                        submittedBy(CLERK, 1))
                .when(new ApproveSubmission(REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoCreatedTheReportDoesNotReturnIt() {
        fixture.given(createdBy(BUREAU_BOTH), draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1))
                .when(new ReturnSubmission(REPORT, "数据有误", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoAttachedEvidenceDoesNotApproveIt() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1),
                        madeBy(BUREAU_BOTH, new EvidenceAttached(REPORT, 1, evidence("f1"))), submittedBy(CLERK, 1))
                .when(new ApproveSubmission(REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoCorrectedAReturnedReportDoesNotApproveItsResubmission() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1), submittedBy(CLERK, 1),
                        madeBy(cityApprover(), new SubmissionReturned(REPORT, 1, "数据有误", Map.of())),
                        draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1))
                .when(new ApproveSubmission(REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoStartedTheAmendmentDoesNotApproveIt() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1), submittedBy(CLERK, 1),
                        madeBy(cityApprover(), new SubmissionApproved(REPORT, 1, completeNormalised(), null)),
                        madeBy(BUREAU_BOTH, new AmendmentStarted(REPORT, 2, "监测站补充了3月数据")),
                        submittedBy(CLERK, 2))
                .when(new ApproveSubmission(REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoWroteAnEarlierRevisionMayApproveTheAmendmentOthersWrote() {
        fixture.given(createdBy(BUREAU_BOTH), draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1),
                        madeBy(cityApprover(), new SubmissionApproved(REPORT, 1, completeNormalised(), null)),
                        madeBy(CLERK, new AmendmentStarted(REPORT, 2, "监测站补充了3月数据")),
                        draftSavedBy(CLERK, 2), submittedBy(CLERK, 2))
                .when(new ApproveSubmission(REPORT, null, null), BUREAU_BOTH)
                .expectEvents(new SubmissionApproved(REPORT, 2, completeNormalised(), null));
    }

    @Test
    void anApproverWhoWroteNothingApprovesIt() {
        fixture.given(List.of(createdBy(BUREAU_BOTH), draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1)))
                .when(new ApproveSubmission(REPORT, null, null), cityApprover())
                .expectEvents(new SubmissionApproved(REPORT, 1, completeNormalised(), null));
    }
}
