package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ApproveSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ReturnSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.WithdrawSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.AmendmentStarted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.EvidenceAttached;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionCreated;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionDraftSaved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReturned;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReviewed;
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
 * Maker-checker on reports: the person who submitted a revision neither reviews, approves nor returns it, even
 * with the approver's role in the deciding unit; another approver does. The submitter may still withdraw it.
 * The makers of a revision are everyone who wrote it, not only who clicked submit: whoever created the report,
 * saved a draft of it, attached evidence to it or started the amendment. A new revision has new makers.
 */
class SubmissionMakerCheckerTest {
    /** One person of the city bureau holding both roles, reporting the bureau's own figures. */
    private static final Map<String, Object> BUREAU_BOTH = Callers.person("sthj-both", APPROVAL_UNIT_ID, CITY_ID,
            Role.SUBMITTER, Role.APPROVER);
    private static final String BUREAU_REPORT = APPROVAL_UNIT_ID + "-" + PERIOD;
    /** One person of 永吉县 holding both roles: submits for the county's town and reviews the town's reports. */
    private static final Map<String, Object> COUNTY_BOTH = Callers.person("yongji-both", REVIEW_UNIT_ID, CITY_ID,
            Role.SUBMITTER, Role.APPROVER);
    private static final Map<String, Object> CLERK = Callers.person("sthj-clerk", APPROVAL_UNIT_ID, CITY_ID,
            Role.SUBMITTER);

    private final FakeReportForms reporting = new FakeReportForms();
    private FixtureConfiguration<Submission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
        fixture.registerInjectableResource(reporting);
        fixture.registerInjectableResource(new FixedDay(TODAY));
    }

    /** The bureau's own report, submitted by the given person. */
    private static List<Object> bureauReportSubmittedBy(Map<String, Object> maker) {
        return List.of(new SubmissionCreated(BUREAU_REPORT, APPROVAL_UNIT_ID, CITY_ID, PERIOD, DEADLINE,
                        APPROVAL_UNIT_ID, null),
                new SubmissionDraftSaved(BUREAU_REPORT, 1, completeNormalised()),
                madeBy(maker, new SubmissionSubmitted(BUREAU_REPORT, 1, completeNormalised(), false)));
    }

    @Test
    void theSubmitterDoesNotApproveItsOwnReportWhateverItsRoles() {
        fixture.given(bureauReportSubmittedBy(BUREAU_BOTH))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectExceptionMessage("不能审核自己提交的材料，请由其他审核人员处理")
                .expectNoEvents();
    }

    @Test
    void anotherApproverOfTheBureauApprovesIt() {
        fixture.given(bureauReportSubmittedBy(BUREAU_BOTH))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), cityApprover())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SubmissionApproved(BUREAU_REPORT, 1, completeNormalised(), null));
    }

    @Test
    void theSubmitterDoesNotReturnItsOwnReportEither() {
        fixture.given(bureauReportSubmittedBy(BUREAU_BOTH))
                .when(new ReturnSubmission(BUREAU_REPORT, "数据有误", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void theSubmitterMayStillWithdrawIt() {
        fixture.given(bureauReportSubmittedBy(BUREAU_BOTH))
                .when(new WithdrawSubmission(BUREAU_REPORT, null), BUREAU_BOTH)
                .expectEvents(new SubmissionWithdrawn(BUREAU_REPORT, 1));
    }

    @Test
    void whoSubmittedALaterRevisionIsItsMakerNotWhoSubmittedTheFirst() {
        Map<String, Object> colleague = Callers.person("sthj-clerk", APPROVAL_UNIT_ID, CITY_ID, Role.SUBMITTER);
        fixture.given(plus(bureauReportSubmittedBy(colleague),
                        new SubmissionWithdrawn(BUREAU_REPORT, 1),
                        madeBy(BUREAU_BOTH, new SubmissionSubmitted(BUREAU_REPORT, 1, completeNormalised(), false))))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void theCountyReviewerDoesNotReviewAReportItSubmitted() {
        fixture.given(townSubmittedBy(COUNTY_BOTH))
                .when(new ApproveSubmission(TOWN_SUBMISSION_ID, null, null), COUNTY_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void anotherCountyReviewerReviewsIt() {
        fixture.given(townSubmittedBy(COUNTY_BOTH))
                .when(new ApproveSubmission(TOWN_SUBMISSION_ID, null, null), countyReviewer())
                .expectEvents(new SubmissionReviewed(TOWN_SUBMISSION_ID, 1, null));
    }

    @Test
    void anAmendmentIsDecidedByAnotherApproverThanItsSubmitter() {
        List<Object> amendmentSubmitted = plus(bureauReportSubmittedBy(BUREAU_BOTH),
                madeBy(cityApprover(), new SubmissionApproved(BUREAU_REPORT, 1, completeNormalised(), null)),
                madeBy(BUREAU_BOTH, new AmendmentStarted(BUREAU_REPORT, 2, "监测站补充了3月数据")),
                madeBy(BUREAU_BOTH, new SubmissionSubmitted(BUREAU_REPORT, 2, changedNormalised(), false)));
        fixture.given(amendmentSubmitted)
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
        fixture.given(amendmentSubmitted)
                .when(new ReturnSubmission(BUREAU_REPORT, "补充数据来源", null, null), cityApprover())
                .expectEvents(new SubmissionReturned(BUREAU_REPORT, 2, "补充数据来源", Map.of()));
    }

    /**
     * 口前镇's report with the given person stamped as its submitter, as a person moved from the town to the county
     * (keeping both roles) would have left it: the county review is then theirs to leave to a colleague.
     */
    private static List<Object> townSubmittedBy(Map<String, Object> maker) {
        return plus(townInDraft(), madeBy(maker,
                new SubmissionSubmitted(TOWN_SUBMISSION_ID, 1, completeNormalised(), false)));
    }

    private static Object createdBy(Map<String, Object> maker) {
        return madeBy(maker, new SubmissionCreated(BUREAU_REPORT, APPROVAL_UNIT_ID, CITY_ID, PERIOD, DEADLINE,
                APPROVAL_UNIT_ID, null));
    }

    private static Object draftSavedBy(Map<String, Object> maker, int revision) {
        return madeBy(maker, new SubmissionDraftSaved(BUREAU_REPORT, revision, completeNormalised()));
    }

    private static Object submittedBy(Map<String, Object> maker, int revision) {
        return madeBy(maker, new SubmissionSubmitted(BUREAU_REPORT, revision, completeNormalised(), false));
    }

    /** The reviewer's attack: withdraw, save new values, let a plain submitter submit them, approve. */
    @Test
    void whoSavedTheDraftAClerkSubmittedDoesNotApproveIt() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1), submittedBy(BUREAU_BOTH, 1),
                        madeBy(BUREAU_BOTH, new SubmissionWithdrawn(BUREAU_REPORT, 1)), draftSavedBy(BUREAU_BOTH, 1),
                        submittedBy(CLERK, 1))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoCreatedTheReportDoesNotReturnIt() {
        fixture.given(createdBy(BUREAU_BOTH), draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1))
                .when(new ReturnSubmission(BUREAU_REPORT, "数据有误", null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoAttachedEvidenceDoesNotApproveIt() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1),
                        madeBy(BUREAU_BOTH, new EvidenceAttached(BUREAU_REPORT, 1, evidence("f1"))), submittedBy(CLERK, 1))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoCorrectedAReturnedReportDoesNotApproveItsResubmission() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1), submittedBy(CLERK, 1),
                        madeBy(cityApprover(), new SubmissionReturned(BUREAU_REPORT, 1, "数据有误", Map.of())),
                        draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoStartedTheAmendmentDoesNotApproveIt() {
        fixture.given(createdBy(CLERK), draftSavedBy(CLERK, 1), submittedBy(CLERK, 1),
                        madeBy(cityApprover(), new SubmissionApproved(BUREAU_REPORT, 1, completeNormalised(), null)),
                        madeBy(BUREAU_BOTH, new AmendmentStarted(BUREAU_REPORT, 2, "监测站补充了3月数据")),
                        submittedBy(CLERK, 2))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectException(violationOf("SELF_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void whoWroteAnEarlierRevisionMayApproveTheAmendmentOthersWrote() {
        fixture.given(createdBy(BUREAU_BOTH), draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1),
                        madeBy(cityApprover(), new SubmissionApproved(BUREAU_REPORT, 1, completeNormalised(), null)),
                        madeBy(CLERK, new AmendmentStarted(BUREAU_REPORT, 2, "监测站补充了3月数据")),
                        draftSavedBy(CLERK, 2), submittedBy(CLERK, 2))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), BUREAU_BOTH)
                .expectEvents(new SubmissionApproved(BUREAU_REPORT, 2, completeNormalised(), null));
    }

    @Test
    void anApproverWhoWroteNothingApprovesIt() {
        fixture.given(List.of(createdBy(BUREAU_BOTH), draftSavedBy(BUREAU_BOTH, 1), submittedBy(CLERK, 1)))
                .when(new ApproveSubmission(BUREAU_REPORT, null, null), cityApprover())
                .expectEvents(new SubmissionApproved(BUREAU_REPORT, 1, completeNormalised(), null));
    }
}
