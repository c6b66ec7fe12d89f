package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.command.FixedDay;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ApproveSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.AttachEvidence;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.CreateSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ReturnSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SaveSubmissionDraft;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.StartAmendment;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SubmitSubmission;
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
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.jiangcheng.tracker.command.Callers.system;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;
import static cn.jiangcheng.tracker.command.submission.SubmissionFixtures.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The life of one report: drafted and submitted by its unit, reviewed by its county in the two-step chain,
 * approved or returned by the city bureau, and reopened for amendments. How single values are checked is in
 * {@link SubmissionValuesTest}.
 */
class SubmissionTest {
    private static final LocalDate BEFORE_DEADLINE = DEADLINE.minusDays(3);

    private final FakeReportForms reporting = new FakeReportForms();
    private final FixedDay day = new FixedDay(SubmissionFixtures.TODAY);
    private FixtureConfiguration<Submission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
        fixture.registerInjectableResource(reporting);
        fixture.registerInjectableResource(day);
    }

    private static SaveSubmissionDraft save(List<ReportedValue> values) {
        return new SaveSubmissionDraft(SUBMISSION_ID, values, null);
    }

    private static SubmitSubmission submit() {
        return new SubmitSubmission(SUBMISSION_ID, null);
    }

    private static ApproveSubmission approve() {
        return new ApproveSubmission(SUBMISSION_ID, null, null);
    }

    private static ReturnSubmission returnWith(String reason) {
        return new ReturnSubmission(SUBMISSION_ID, reason, null, null);
    }

    private static StartAmendment amend() {
        return new StartAmendment(SUBMISSION_ID, "监测站补充了3月数据", null);
    }

    @Nested
    class Creating {

        @Test
        void creatingEmitsTheReportAndItsFirstDraft() {
            fixture.givenNoPriorActivity()
                    .when(create(complete()), submitter())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created(), draftSaved(1, completeNormalised()));
        }

        @Test
        void aReportMayStartEmpty() {
            fixture.givenNoPriorActivity()
                    .when(create(List.of()), submitter())
                    .expectEvents(created(), draftSaved(1, List.of()));
        }

        @Test
        void missingValuesAreAnEmptyDraft() {
            fixture.givenNoPriorActivity()
                    .when(create(null), submitter())
                    .expectEvents(created(), draftSaved(1, List.of()));
        }

        @Test
        void theTwoStepChainRemembersTheReviewingCounty() {
            fixture.givenNoPriorActivity()
                    .when(new CreateSubmission(TOWN_SUBMISSION_ID, TOWN_ID, CITY_ID, PERIOD, APPROVAL_UNIT_ID,
                            REVIEW_UNIT_ID, List.of()), townSubmitter())
                    .expectEvents(townCreated(), new SubmissionDraftSaved(TOWN_SUBMISSION_ID, 1, List.of()));
        }

        @Test
        void theSystemMayCreateAReportForAnyUnit() {
            fixture.givenNoPriorActivity()
                    .when(create(complete()), system())
                    .expectEvents(created(), draftSaved(1, completeNormalised()));
        }

        @Test
        void theSubmitterOfAnotherUnitMayNotCreateTheReport() {
            fixture.givenNoPriorActivity()
                    .when(create(complete()), otherUnitSubmitter())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectExceptionMessage("只有本单位的填报员可以办理此事项")
                    .expectNoEvents();
        }

        @Test
        void aCallerOfAnotherCityIsToldTheUnitDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(create(complete()), otherCitySubmitter())
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage("未找到该单位")
                    .expectNoEvents();
        }

        @Test
        void anApproverOfTheUnitIsNotItsSubmitter() {
            fixture.givenNoPriorActivity()
                    .when(create(complete()), Callers.person("yongji-approver", UNIT_ID, CITY_ID, Role.APPROVER))
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void theCityApproverMayNotCreateAUnitsReport() {
            fixture.givenNoPriorActivity()
                    .when(create(complete()), cityApprover())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void aSubmitterWithFurtherRolesMayCreate() {
            fixture.givenNoPriorActivity()
                    .when(create(List.of()),
                            Callers.person("yongji-lead", UNIT_ID, CITY_ID, Role.APPROVER, Role.SUBMITTER))
                    .expectEvents(created(), draftSaved(1, List.of()));
        }

        @Test
        void aUnitWithoutCityIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateSubmission(SUBMISSION_ID, UNIT_ID, null, PERIOD, APPROVAL_UNIT_ID, null,
                            List.of()), system())
                    .expectException(violationOf("UNIT_NOT_IN_CITY"))
                    .expectNoEvents();
        }

        @Test
        void aCityWithoutApprovalUnitCannotReceiveReports() {
            fixture.givenNoPriorActivity()
                    .when(new CreateSubmission(SUBMISSION_ID, UNIT_ID, CITY_ID, PERIOD, null, null, List.of()),
                            submitter())
                    .expectException(violationOf("NO_APPROVER"))
                    .expectExceptionMessage("本市尚未设立审核单位（市生态环境局）")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"2025-Q5", "2025-Q0", "2025-13", "2025-00", "2025-3", "2025Q1", "25", "1999",
                "2100", "2025-Q1-01", "2025-q1", "二〇二五"})
        void malformedPeriodsAreRefused(String period) {
            fixture.givenNoPriorActivity()
                    .when(createFor(period), submitter())
                    .expectException(violationOf("BAD_PERIOD"))
                    .expectExceptionMessage("填报期间格式应为 2025、2025-Q1 或 2025-03")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource({
                "2025,    2026-01-31",
                "2025-Q1, 2025-04-15",
                "2025-Q2, 2025-07-15",
                "2025-Q4, 2026-01-15",
                "2025-02, 2025-03-10",
                "2024-02, 2024-03-10",
                "2025-12, 2026-01-10"
        })
        void theDeadlineFollowsFromThePeriod(String period, LocalDate deadline) {
            reporting.window(Period.parse(period).orElseThrow().opens(), deadline);
            day.set(LocalDate.of(2026, 2, 1));
            fixture.givenNoPriorActivity()
                    .when(createFor(period), submitter())
                    .expectEvents(new SubmissionCreated(SUBMISSION_ID, UNIT_ID, CITY_ID, period, deadline,
                            APPROVAL_UNIT_ID, null), draftSaved(1, List.of()));
        }

        @Test
        void thePeriodIsStoredWithoutSurroundingBlanks() {
            fixture.givenNoPriorActivity()
                    .when(createFor(" 2025-Q1 "), submitter())
                    .expectEvents(created(), draftSaved(1, List.of()));
        }

        /** Later than the default is what a late-published indicator gives; earlier, what a calendar due sooner does. */
        @ParameterizedTest
        @ValueSource(strings = {"2025-04-01", "2025-04-14", "2025-06-30", "2026-03-31"})
        void aDeadlineSomeCalendarGivesThePeriodIsKept(LocalDate deadline) {
            reporting.window(OPENS, deadline);
            fixture.givenNoPriorActivity()
                    .when(create(List.of()), submitter())
                    .expectEvents(new SubmissionCreated(SUBMISSION_ID, UNIT_ID, CITY_ID, PERIOD, deadline,
                            APPROVAL_UNIT_ID, null), draftSaved(1, List.of()));
        }

        /** Before the quarter opens, or more than twelve months after its last month. */
        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"2025-03-31", "2026-04-01"})
        void aDeadlineNoCalendarGivesThePeriodIsRefused(LocalDate deadline) {
            reporting.window(OPENS, deadline);
            fixture.givenNoPriorActivity()
                    .when(create(List.of()), submitter())
                    .expectException(violationOf("BAD_DEADLINE"))
                    .expectExceptionMessage("填报截止日期与期间不符")
                    .expectNoEvents();
        }

        /** After the day after the quarter, or more than 31 days before it. */
        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"2025-04-02", "2025-02-28"})
        void anOpeningNoCalendarGivesThePeriodIsRefused(LocalDate opens) {
            reporting.window(opens, DEADLINE);
            fixture.givenNoPriorActivity()
                    .when(create(List.of()), submitter())
                    .expectException(violationOf("BAD_DEADLINE"))
                    .expectNoEvents();
        }

        @Test
        void aReportForAPeriodThatHasNotOpenedIsRefused() {
            day.set(OPENS.minusDays(1));
            fixture.givenNoPriorActivity()
                    .when(create(complete()), submitter())
                    .expectException(violationOf("PERIOD_NOT_OPEN"))
                    .expectExceptionMessage("2025年第一季度的数据自2025年4月1日起方可填报")
                    .expectNoEvents();
        }

        @Test
        void anAnnualReportOpensOnTheFirstOfJanuary() {
            reporting.window(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 31));
            day.set(LocalDate.of(2026, 12, 2));
            fixture.givenNoPriorActivity()
                    .when(createFor("2027"), submitter())
                    .expectException(violationOf("PERIOD_NOT_OPEN"))
                    .expectExceptionMessage("2027年的数据自2028年1月1日起方可填报")
                    .expectNoEvents();
        }

        @Test
        void aReportMayBeCreatedOnTheDayItOpens() {
            day.set(OPENS);
            fixture.givenNoPriorActivity()
                    .when(create(List.of()), submitter())
                    .expectEvents(created(), draftSaved(1, List.of()));
        }

        @Test
        void aUnitWithNothingToReportInThePeriodGetsNoReport() {
            reporting.expect(List.of());
            fixture.givenNoPriorActivity()
                    .when(create(List.of()), submitter())
                    .expectException(violationOf("NOTHING_TO_REPORT"))
                    .expectExceptionMessage("本单位在2025-Q1期没有须填报的指标")
                    .expectNoEvents();
        }

        @Test
        void theFormIsLookedUpForTheUnitAndPeriodOfTheCommand() {
            fixture.givenNoPriorActivity()
                    .when(create(List.of()), submitter());
            assertEquals(List.of(UNIT_ID + " " + PERIOD), reporting.asked());
        }

        @Test
        void theFirstDraftIsCheckedLikeEveryOther() {
            fixture.givenNoPriorActivity()
                    .when(create(List.of(value(AIR, "101"))), submitter())
                    .expectException(violationOf("OUT_OF_RANGE"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SavingDrafts {

        @Test
        void aDraftMayBeSavedAgain() {
            fixture.given(emptyDraft())
                    .when(save(complete()), submitter())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(draftSaved(1, completeNormalised()));
        }

        @Test
        void aDraftMayBeIncomplete() {
            fixture.given(emptyDraft())
                    .when(save(List.of(value(AIR, "85.5"))), submitter())
                    .expectEvents(draftSaved(1, List.of(value(AIR, "85.5"))));
        }

        @Test
        void aReturnedReportMayBeCorrected() {
            fixture.given(inReturned())
                    .when(save(changedNormalised()), submitter())
                    .expectEvents(draftSaved(1, changedNormalised()));
        }

        @Test
        void aCorrectedReturnedReportMayBeSubmittedAgain() {
            fixture.given(plus(inReturned(), draftSaved(1, changedNormalised())))
                    .when(submit(), submitter())
                    .expectEvents(submitted(1, changedNormalised()));
        }

        @Test
        void aCorrectedReturnedReportMayBeCorrectedOnceMore() {
            fixture.given(plus(inReturned(), draftSaved(1, changedNormalised())))
                    .when(save(completeNormalised()), submitter())
                    .expectEvents(draftSaved(1, completeNormalised()));
        }

        @Test
        void aWithdrawnReportMayBeCorrected() {
            fixture.given(plus(inSubmitted(), new SubmissionWithdrawn(SUBMISSION_ID, 1)))
                    .when(save(changedNormalised()), submitter())
                    .expectEvents(draftSaved(1, changedNormalised()));
        }

        @Test
        void aSubmittedReportCannotBeChanged() {
            fixture.given(inSubmitted())
                    .when(save(changedNormalised()), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectExceptionMessage("只有草稿或被退回的报告可以修改")
                    .expectNoEvents();
        }

        @Test
        void aReviewedReportCannotBeChanged() {
            fixture.given(townInReviewed())
                    .when(new SaveSubmissionDraft(TOWN_SUBMISSION_ID, changedNormalised(), null),
                            townSubmitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void anApprovedReportCannotBeChanged() {
            fixture.given(inApproved())
                    .when(save(changedNormalised()), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void theSubmitterOfAnotherUnitMayNotSave() {
            fixture.given(inDraft())
                    .when(save(changedNormalised()), otherUnitSubmitter())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void anApproverOfTheUnitMayNotSave() {
            fixture.given(inDraft())
                    .when(save(changedNormalised()), Callers.person("yongji-approver", UNIT_ID, CITY_ID, Role.APPROVER))
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void theCityApproverMayNotSave() {
            fixture.given(inReturned())
                    .when(save(changedNormalised()), cityApprover())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void aCallerWithoutRolesMayNotSave() {
            Map<String, Object> noRoles = new LinkedHashMap<>(submitter());
            noRoles.remove(AuditKeys.ROLES);
            fixture.given(inDraft())
                    .when(save(changedNormalised()), noRoles)
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void theSystemMaySave() {
            fixture.given(inDraft())
                    .when(save(changedNormalised()), system())
                    .expectEvents(draftSaved(1, changedNormalised()));
        }

        @Test
        void savedValuesAreChecked() {
            fixture.given(inDraft())
                    .when(save(List.of(water(null, "11", "10"))), submitter())
                    .expectException(violationOf("NUMERATOR_ABOVE_DENOMINATOR"))
                    .expectNoEvents();
        }

        @Test
        void savedValuesAreNormalised() {
            fixture.given(emptyDraft())
                    .when(save(List.of(water("12", "2", "3"))), submitter())
                    .expectEvents(draftSaved(1, List.of(water("66.67", "2", "3"))));
        }

        @Test
        void aFormWithoutIndicatorsTakesNoValues() {
            reporting.expect(List.of());
            fixture.given(inDraft())
                    .when(save(complete()), submitter())
                    .expectException(violationOf("NOT_ASSIGNED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AttachingEvidence {

        @Test
        void evidenceMayBeAttachedToADraft() {
            fixture.given(inDraft())
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f1"), null), submitter())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EvidenceAttached(SUBMISSION_ID, 1, evidence("f1")));
        }

        @Test
        void evidenceMayBeAttachedToAReturnedReport() {
            fixture.given(inReturned())
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f2"), null), submitter())
                    .expectEvents(new EvidenceAttached(SUBMISSION_ID, 1, evidence("f2")));
        }

        @Test
        void evidenceOfAnAmendmentBelongsToTheNewRevision() {
            fixture.given(inAmendment())
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f3"), null), submitter())
                    .expectEvents(new EvidenceAttached(SUBMISSION_ID, 2, evidence("f3")));
        }

        @Test
        void noEvidenceMayBeAddedToASubmittedReport() {
            fixture.given(inSubmitted())
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f1"), null), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectExceptionMessage("只有草稿或被退回的报告可以添加证明材料")
                    .expectNoEvents();
        }

        @Test
        void noEvidenceMayBeAddedToAReviewedReport() {
            fixture.given(townInReviewed())
                    .when(new AttachEvidence(TOWN_SUBMISSION_ID, evidence("f1"), null), townSubmitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void noEvidenceMayBeAddedToAnApprovedReport() {
            fixture.given(inApproved())
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f1"), null), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheUnitsSubmitterMayAttachEvidence() {
            fixture.given(inDraft())
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f1"), null), cityApprover())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void aCallerOfAnotherCityIsToldTheReportDoesNotExist() {
            fixture.given(inDraft())
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f1"), null), otherCitySubmitter())
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Submission.NOT_FOUND)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852B855",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
                "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                " e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"
        })
        void aHashOtherThan64LowerCaseHexDigitsIsRefused(String sha256) {
            fixture.given(inDraft())
                    .when(new AttachEvidence(SUBMISSION_ID, evidenceWithHash(sha256), null), submitter())
                    .expectException(violationOf("BAD_EVIDENCE"))
                    .expectExceptionMessage("证明材料无效")
                    .expectNoEvents();
        }

        @Test
        void aRealSha256IsAccepted() {
            String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            fixture.given(inDraft())
                    .when(new AttachEvidence(SUBMISSION_ID, evidenceWithHash(sha256), null), submitter())
                    .expectEvents(new EvidenceAttached(SUBMISSION_ID, 1, evidenceWithHash(sha256)));
        }

        @Test
        void missingEvidenceIsRefused() {
            fixture.given(inDraft())
                    .when(new AttachEvidence(SUBMISSION_ID, null, null), submitter())
                    .expectException(violationOf("BAD_EVIDENCE"))
                    .expectNoEvents();
        }

        @Test
        void theTwentiethFileIsAccepted() {
            fixture.given(withFiles(19))
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f20"), null), submitter())
                    .expectEvents(new EvidenceAttached(SUBMISSION_ID, 1, evidence("f20")));
        }

        @Test
        void theTwentyFirstFileIsRefused() {
            fixture.given(withFiles(20))
                    .when(new AttachEvidence(SUBMISSION_ID, evidence("f21"), null), submitter())
                    .expectException(violationOf("TOO_MANY_FILES"))
                    .expectExceptionMessage("每份报告最多上传20个证明材料")
                    .expectNoEvents();
        }

        private List<Object> withFiles(int count) {
            List<Object> events = new ArrayList<>(inDraft());
            for (int i = 1; i <= count; i++) {
                events.add(evidenceAttached(1, "f" + i));
            }
            return events;
        }
    }

    @Nested
    class Submitting {

        @Test
        void aCompleteDraftIsSubmittedWithItsValues() {
            fixture.given(inDraft())
                    .when(submit(), submitter())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(submitted(1, completeNormalised()));
        }

        @Test
        void aReportSubmittedOnTheDeadlineDayIsOnTime() {
            day.set(DEADLINE);
            fixture.given(inDraft())
                    .when(submit(), submitter())
                    .expectEvents(new SubmissionSubmitted(SUBMISSION_ID, 1, completeNormalised(), false));
        }

        @Test
        void aReportSubmittedTheDayAfterTheDeadlineIsLate() {
            day.set(DEADLINE.plusDays(1));
            fixture.given(inDraft())
                    .when(submit(), submitter())
                    .expectEvents(new SubmissionSubmitted(SUBMISSION_ID, 1, completeNormalised(), true));
        }

        @Test
        void aReportIsNotSubmittedBeforeItsPeriodOpens() {
            day.set(LocalDate.of(2025, 3, 20));
            fixture.given(inDraft())
                    .when(submit(),
                            submitter())
                    .expectException(violationOf("PERIOD_NOT_OPEN"))
                    .expectExceptionMessage("2025年第一季度的数据自2025年4月1日起方可填报")
                    .expectNoEvents();
        }

        /** An indicator whose calendar opens it early: the report may be submitted before the quarter is over. */
        @Test
        void aReportSubmittedBeforeThePeriodEndsIsOnTime() {
            reporting.window(LocalDate.of(2025, 3, 15), DEADLINE);
            day.set(LocalDate.of(2025, 3, 20));
            fixture.given(inDraft())
                    .when(submit(), submitter())
                    .expectEvents(new SubmissionSubmitted(SUBMISSION_ID, 1, completeNormalised(), false));
        }

        @Test
        void aReturnedReportMayBeSubmittedAgainAsItIs() {
            fixture.given(inReturned())
                    .when(submit(), submitter())
                    .expectEvents(submitted(1, completeNormalised()));
        }

        @Test
        void aWithdrawnReportMayBeSubmittedAgain() {
            fixture.given(plus(inSubmitted(), new SubmissionWithdrawn(SUBMISSION_ID, 1)))
                    .when(submit(), submitter())
                    .expectEvents(submitted(1, completeNormalised()));
        }

        @Test
        void aReportIsSubmittedOnlyOnce() {
            fixture.given(inSubmitted())
                    .when(submit(), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectExceptionMessage("只有草稿或被退回的报告可以提交")
                    .expectNoEvents();
        }

        @Test
        void aReviewedReportCannotBeSubmittedAgain() {
            fixture.given(townInReviewed())
                    .when(new SubmitSubmission(TOWN_SUBMISSION_ID, null), townSubmitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void anApprovedReportCannotBeSubmittedAgain() {
            fixture.given(inApproved())
                    .when(submit(), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheUnitsSubmitterMaySubmit() {
            fixture.given(inDraft())
                    .when(submit(), otherUnitSubmitter())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void theCityApproverMayNotSubmitForTheUnit() {
            fixture.given(inDraft())
                    .when(submit(), cityApprover())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void aMissingValueMakesTheReportIncomplete() {
            fixture.given(created(), draftSaved(1, without(completeNormalised(), AIR)))
                    .when(submit(), submitter())
                    .expectException(violationOf("INCOMPLETE"))
                    .expectExceptionMessage("以下指标尚未填写完整：" + AIR_NAME)
                    .expectNoEvents();
        }

        @Test
        void aMissingComponentMakesTheReportIncomplete() {
            fixture.given(created(), draftSaved(1, replace(completeNormalised(), water("90", "9", null))))
                    .when(submit(), submitter())
                    .expectException(violationOf("INCOMPLETE"))
                    .expectExceptionMessage("以下指标尚未填写完整：" + WATER_NAME)
                    .expectNoEvents();
        }

        @Test
        void anAreaWithoutItsRateMakesTheReportIncomplete() {
            fixture.given(created(), draftSaved(1, replace(completeNormalised(), forest(null, "1200"))))
                    .when(submit(), submitter())
                    .expectException(violationOf("INCOMPLETE"))
                    .expectExceptionMessage("以下指标尚未填写完整：" + FOREST_NAME)
                    .expectNoEvents();
        }

        @Test
        void aRateWithoutItsAreaCannotEvenBeDrafted() {
            fixture.given(inDraft())
                    .when(save(replace(complete(), forest("45.2", null))), submitter())
                    .expectException(violationOf("AREA_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void everyIncompleteIndicatorIsNamedInTheOrderOfTheRules() {
            List<ReportedValue> partial = List.of(water(null, null, "10"), value(DRINKING, "1"));
            fixture.given(created(), draftSaved(1, partial))
                    .when(submit(), submitter())
                    .expectException(violationOf("INCOMPLETE"))
                    .expectExceptionMessage("以下指标尚未填写完整：" + WATER_NAME + "、" + AIR_NAME + "、"
                            + FOREST_NAME + "、" + AFFORESTATION_NAME)
                    .expectNoEvents();
        }

        @Test
        void anEmptyDraftNamesEveryIndicator() {
            fixture.given(emptyDraft())
                    .when(submit(), submitter())
                    .expectException(violationOf("INCOMPLETE"))
                    .expectExceptionMessage(allOf(containsString(WATER_NAME), containsString(AIR_NAME),
                            containsString(DRINKING_NAME), containsString(FOREST_NAME),
                            containsString(AFFORESTATION_NAME)))
                    .expectNoEvents();
        }

        @Test
        void completenessIsJudgedByTodaysRules() {
            // a sixth indicator was assigned after the draft was saved
            List<ExpectedValue> moreIndicators = new ArrayList<>(expectedValues());
            moreIndicators.add(new ExpectedValue("220200-06", "农村生活污水治理率", ValueType.PERCENT, RollupRule.CITY_MEASURED,
                    List.of(), DEFAULT_SHARE, null));
            reporting.expect(moreIndicators);
            fixture.given(inDraft())
                    .when(submit(), submitter())
                    .expectException(violationOf("INCOMPLETE"))
                    .expectExceptionMessage("以下指标尚未填写完整：农村生活污水治理率")
                    .expectNoEvents();
        }

        @Test
        void aValueNoLongerAssignedIsRefusedOnSubmission() {
            reporting.expect(expectedWithout(AFFORESTATION));
            fixture.given(inDraft())
                    .when(submit(),
                            submitter())
                    .expectException(violationOf("NOT_ASSIGNED"))
                    .expectNoEvents();
        }

        @Test
        void aFormWithoutIndicatorsHasNothingToSubmit() {
            reporting.expect(List.of());
            fixture.given(created(), draftSaved(1, List.of()))
                    .when(submit(), submitter())
                    .expectException(violationOf("NO_RULES"))
                    .expectNoEvents();
        }

        @Test
        void theFormIsLookedUpForTheReportsOwnUnitAndPeriod() {
            fixture.given(townInDraft())
                    .when(new SubmitSubmission(TOWN_SUBMISSION_ID, null), townSubmitter());
            assertEquals(List.of(TOWN_ID + " " + PERIOD), reporting.asked());
        }
    }

    /** A value far from the last approved one must be explained before the report is submitted. */
    @Nested
    class ExplainingJumps {

        private SubmitSubmission submitWithLastAirValue(String lastApproved) {
            reporting.expect(expectedWith(withLastApproved(expectedAir(), lastApproved)));
            return submit();
        }

        private List<Object> draftWithAir(ReportedValue air) {
            return List.of(created(), draftSaved(1, replace(completeNormalised(), air)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"80", "96", "64", "95.99", "64.01", "96.0000"})
        void aChangeUpToTheShareNeedsNoExplanation(String air) {
            fixture.given(draftWithAir(value(AIR, air)))
                    .when(submitWithLastAirValue("80"), submitter())
                    .expectEvents(submitted(1, replace(completeNormalised(), value(AIR, air))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"96.01", "63.99", "100", "0"})
        void aChangeBeyondTheShareNeedsAnExplanation(String air) {
            fixture.given(draftWithAir(value(AIR, air)))
                    .when(submitWithLastAirValue("80"), submitter())
                    .expectException(violationOf("EXPLANATION_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void theMessageNamesTheIndicatorTheLastValueAndTheShare() {
            fixture.given(draftWithAir(value(AIR, "97")))
                    .when(submitWithLastAirValue("80.00"), submitter())
                    .expectException(violationOf("EXPLANATION_REQUIRED"))
                    .expectExceptionMessage("“" + AIR_NAME + "”与上次审核通过的数值（80）相比变动超过20%，请填写变动说明")
                    .expectNoEvents();
        }

        @Test
        void anExplainedJumpIsSubmittedWithItsExplanation() {
            ReportedValue explained = withExplanation(value(AIR, "97"), "今年春季沙尘天气明显减少");
            fixture.given(draftWithAir(explained))
                    .when(submitWithLastAirValue("80"), submitter())
                    .expectEvents(submitted(1, replace(completeNormalised(), explained)));
        }

        @Test
        void aBlankExplanationIsNoExplanation() {
            // blanks are dropped when the draft is saved; here they reach the check through the event itself
            fixture.given(draftWithAir(withExplanation(value(AIR, "97"), "   ")))
                    .when(submitWithLastAirValue("80"), submitter())
                    .expectException(violationOf("EXPLANATION_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void anyChangeFromZeroNeedsAnExplanation() {
            fixture.given(draftWithAir(value(AIR, "0.5")))
                    .when(submitWithLastAirValue("0"), submitter())
                    .expectException(violationOf("EXPLANATION_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void zeroAfterZeroNeedsNoExplanation() {
            fixture.given(draftWithAir(value(AIR, "0")))
                    .when(submitWithLastAirValue("0"), submitter())
                    .expectEvents(submitted(1, replace(completeNormalised(), value(AIR, "0"))));
        }

        @Test
        void withoutAnApprovedValueThereIsNothingToCompareWith() {
            fixture.given(draftWithAir(value(AIR, "5")))
                    .when(submit(), submitter())
                    .expectEvents(submitted(1, replace(completeNormalised(), value(AIR, "5"))));
        }

        @Test
        void withoutAShareNoJumpIsChecked() {
            reporting.expect(expectedWith(withShare(withLastApproved(expectedAir(), "80"), null)));
            fixture.given(draftWithAir(value(AIR, "5")))
                    .when(submit(),
                            submitter())
                    .expectEvents(submitted(1, replace(completeNormalised(), value(AIR, "5"))));
        }

        @Test
        void aLargerShareAllowsLargerJumps() {
            ReportedValue afforestation = value(AFFORESTATION, "520");
            reporting.expect(expectedWith(withShare(withLastApproved(expectedAfforestation(), "350"), "0.5")));
            fixture.given(created(), draftSaved(1, replace(completeNormalised(), afforestation)))
                    .when(submit(), submitter())
                    .expectEvents(submitted(1, replace(completeNormalised(), afforestation)));
        }

        @Test
        void theRecomputedRatioIsWhatIsCompared() {
            // 9 of 10 sections = 90.00, 50 % above the last approved 60
            reporting.expect(expectedWith(withLastApproved(expectedWater(), "60")));
            fixture.given(inDraft())
                    .when(submit(), submitter())
                    .expectException(violationOf("EXPLANATION_REQUIRED"))
                    .expectExceptionMessage(containsString(WATER_NAME))
                    .expectNoEvents();
        }

        @Test
        void aYesTurningIntoANoNeedsAnExplanation() {
            reporting.expect(expectedWith(withLastApproved(expectedDrinking(), "1")));
            fixture.given(created(), draftSaved(1, replace(completeNormalised(), value(DRINKING, "0"))))
                    .when(submit(), submitter())
                    .expectException(violationOf("EXPLANATION_REQUIRED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void aSubmittedReportMayBeWithdrawn() {
            fixture.given(inSubmitted())
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), submitter())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SubmissionWithdrawn(SUBMISSION_ID, 1));
        }

        @Test
        void aReportWaitingForTheCountyMayBeWithdrawn() {
            fixture.given(townInSubmitted())
                    .when(new WithdrawSubmission(TOWN_SUBMISSION_ID, null), townSubmitter())
                    .expectEvents(new SubmissionWithdrawn(TOWN_SUBMISSION_ID, 1));
        }

        @Test
        void aReportTheCountyHasReviewedCannotBeWithdrawn() {
            fixture.given(townInReviewed())
                    .when(new WithdrawSubmission(TOWN_SUBMISSION_ID, null), townSubmitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectExceptionMessage("只有已提交、尚未审核的报告可以撤回")
                    .expectNoEvents();
        }

        @Test
        void anApprovedReportCannotBeWithdrawn() {
            fixture.given(inApproved())
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aDraftCannotBeWithdrawn() {
            fixture.given(inDraft())
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aReturnedReportCannotBeWithdrawn() {
            fixture.given(inReturned())
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnReportCannotBeWithdrawnAgain() {
            fixture.given(plus(inSubmitted(), new SubmissionWithdrawn(SUBMISSION_ID, 1)))
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnReportCannotBeApproved() {
            fixture.given(plus(inSubmitted(), new SubmissionWithdrawn(SUBMISSION_ID, 1)))
                    .when(approve(), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheUnitsSubmitterMayWithdraw() {
            fixture.given(inSubmitted())
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), otherUnitSubmitter())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void theApproverCannotWithdrawForTheUnit() {
            fixture.given(inSubmitted())
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), cityApprover())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ApprovingInOneStep {

        @Test
        void theCityApproverApprovesTheSubmittedValues() {
            fixture.given(inSubmitted())
                    .when(approve(), cityApprover())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(approved(1, completeNormalised()));
        }

        @Test
        void theCommentIsKeptWithoutSurroundingBlanks() {
            fixture.given(inSubmitted())
                    .when(new ApproveSubmission(SUBMISSION_ID, "  数据与监测报告一致 ", null), cityApprover())
                    .expectEvents(new SubmissionApproved(SUBMISSION_ID, 1, completeNormalised(), "数据与监测报告一致"));
        }

        @Test
        void aBlankCommentIsNoComment() {
            fixture.given(inSubmitted())
                    .when(new ApproveSubmission(SUBMISSION_ID, " \t ", null), cityApprover())
                    .expectEvents(approved(1, completeNormalised()));
        }

        @Test
        void aCommentOfMoreThan500CharactersIsRefused() {
            fixture.given(inSubmitted())
                    .when(new ApproveSubmission(SUBMISSION_ID, "审".repeat(501), null), cityApprover())
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @Test
        void theValuesLastSubmittedAreApprovedNotAnEarlierDraft() {
            fixture.given(plus(inSubmitted(), new SubmissionWithdrawn(SUBMISSION_ID, 1),
                            draftSaved(1, changedNormalised()), submitted(1, changedNormalised())))
                    .when(approve(), cityApprover())
                    .expectEvents(approved(1, changedNormalised()));
        }

        @Test
        void anApproverWithFurtherRolesMayApprove() {
            fixture.given(inSubmitted())
                    .when(approve(), Callers.person("bureau-chief", APPROVAL_UNIT_ID, CITY_ID, Role.SUBMITTER,
                            Role.APPROVER, Role.INSPECTOR))
                    .expectEvents(approved(1, completeNormalised()));
        }

        @Test
        void aSubmitterMayNotApprove() {
            fixture.given(inSubmitted())
                    .when(approve(), submitter())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectExceptionMessage("只有市生态环境局审核员可以审核通过")
                    .expectNoEvents();
        }

        @Test
        void aSubmitterOfTheApprovalUnitMayNotApprove() {
            fixture.given(inSubmitted())
                    .when(approve(), Callers.person("bureau-clerk", APPROVAL_UNIT_ID, CITY_ID, Role.SUBMITTER))
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void anApproverOfAnotherUnitMayNotApprove() {
            fixture.given(inSubmitted())
                    .when(approve(), countyReviewer())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void anApproverOfAnotherCityIsToldTheReportDoesNotExist() {
            fixture.given(inSubmitted())
                    .when(approve(), otherCityApprover())
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Submission.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void anApproverClaimingTheBureauOfAnotherCityIsStillRefused() {
            fixture.given(inSubmitted())
                    .when(approve(),
                            Callers.person("changchun-approver", APPROVAL_UNIT_ID, OTHER_CITY_ID, Role.APPROVER))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void aDraftCannotBeApproved() {
            fixture.given(inDraft())
                    .when(approve(), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectExceptionMessage("只有待审核的报告可以审核")
                    .expectNoEvents();
        }

        @Test
        void aReturnedReportCannotBeApproved() {
            fixture.given(inReturned())
                    .when(approve(), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void anApprovedReportCannotBeApprovedAgain() {
            fixture.given(inApproved())
                    .when(approve(), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aReportUnderAmendmentCannotBeApprovedBeforeItIsSubmitted() {
            fixture.given(inAmendment())
                    .when(approve(), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }
    }

    /** 口前镇 reports; 永吉县 reviews first, then the city bureau approves. */
    @Nested
    class TwoStepChain {

        private ApproveSubmission approveTown(String comment) {
            return new ApproveSubmission(TOWN_SUBMISSION_ID, comment, null);
        }

        private ReturnSubmission returnTown() {
            return new ReturnSubmission(TOWN_SUBMISSION_ID, "森林面积与林业局数据不符", null, null);
        }

        @Test
        void theCountysApprovalIsAReview() {
            fixture.given(townInSubmitted())
                    .when(approveTown("县级已核实"), countyReviewer())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SubmissionReviewed(TOWN_SUBMISSION_ID, 1, "县级已核实"));
        }

        @Test
        void theCityApproverMustWaitForTheCounty() {
            fixture.given(townInSubmitted())
                    .when(approveTown(null), cityApprover())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectExceptionMessage("该报告须先由县级审核")
                    .expectNoEvents();
        }

        @Test
        void afterTheReviewTheCityApproverApproves() {
            fixture.given(townInReviewed())
                    .when(approveTown("同意"), cityApprover())
                    .expectEvents(new SubmissionApproved(TOWN_SUBMISSION_ID, 1, completeNormalised(), "同意"));
        }

        @Test
        void theCountyCannotApproveInPlaceOfTheCity() {
            fixture.given(townInReviewed())
                    .when(approveTown(null), countyReviewer())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectExceptionMessage("只有市生态环境局审核员可以审核通过")
                    .expectNoEvents();
        }

        @Test
        void aSubmitterOfTheCountyCannotReview() {
            fixture.given(townInSubmitted())
                    .when(approveTown(null), submitter())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void theTownsOwnSubmitterCannotReview() {
            fixture.given(townInSubmitted())
                    .when(approveTown(null), townSubmitter())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void anApproverOfAnotherCountyCannotReview() {
            fixture.given(townInSubmitted())
                    .when(approveTown(null), Callers.person("jiaohe-approver", OTHER_UNIT_ID, CITY_ID, Role.APPROVER))
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void aDraftCannotBeReviewed() {
            fixture.given(townInDraft())
                    .when(approveTown(null), countyReviewer())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void anApprovedReportCannotBeReviewedAgain() {
            fixture.given(townInApproved())
                    .when(approveTown(null), countyReviewer())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void theCountyMayReturnTheReport() {
            fixture.given(townInSubmitted())
                    .when(returnTown(), countyReviewer())
                    .expectEvents(new SubmissionReturned(TOWN_SUBMISSION_ID, 1, "森林面积与林业局数据不符", Map.of()));
        }

        @Test
        void theCityCannotReturnBeforeTheCountyHasReviewed() {
            fixture.given(townInSubmitted())
                    .when(returnTown(), cityApprover())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectExceptionMessage("您无权退回该报告")
                    .expectNoEvents();
        }

        @Test
        void afterTheReviewTheCityMayReturnTheReport() {
            fixture.given(townInReviewed())
                    .when(returnTown(), cityApprover())
                    .expectEvents(new SubmissionReturned(TOWN_SUBMISSION_ID, 1, "森林面积与林业局数据不符", Map.of()));
        }

        @Test
        void afterTheReviewTheCountyCannotReturnTheReport() {
            fixture.given(townInReviewed())
                    .when(returnTown(), countyReviewer())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void aReportResubmittedAfterAReturnGoesToTheCountyAgain() {
            fixture.given(plus(townInReviewed(),
                            new SubmissionReturned(TOWN_SUBMISSION_ID, 1, "森林面积与林业局数据不符", Map.of()),
                            new SubmissionSubmitted(TOWN_SUBMISSION_ID, 1, completeNormalised(), false)))
                    .when(approveTown(null), cityApprover())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectExceptionMessage("该报告须先由县级审核")
                    .expectNoEvents();
        }

        @Test
        void theCountyReviewsTheResubmittedReport() {
            fixture.given(plus(townInReviewed(),
                            new SubmissionReturned(TOWN_SUBMISSION_ID, 1, "森林面积与林业局数据不符", Map.of()),
                            new SubmissionSubmitted(TOWN_SUBMISSION_ID, 1, completeNormalised(), false)))
                    .when(approveTown(null), countyReviewer())
                    .expectEvents(new SubmissionReviewed(TOWN_SUBMISSION_ID, 1, null));
        }

        @Test
        void anAmendmentOfTheTownGoesThroughTheCountyAgain() {
            fixture.given(plus(townInApproved(), new AmendmentStarted(TOWN_SUBMISSION_ID, 2, "补充数据"),
                            new SubmissionSubmitted(TOWN_SUBMISSION_ID, 2, changedNormalised(), false)))
                    .when(approveTown(null), countyReviewer())
                    .expectEvents(new SubmissionReviewed(TOWN_SUBMISSION_ID, 2, null));
        }

        @Test
        void theReviewingCountyOfAnotherCityIsToldTheReportDoesNotExist() {
            fixture.given(townInSubmitted())
                    .when(approveTown(null), Callers.person("x", REVIEW_UNIT_ID, OTHER_CITY_ID, Role.APPROVER))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Returning {

        @Test
        void theCityApproverReturnsWithAReason() {
            fixture.given(inSubmitted())
                    .when(returnWith("断面数与监测报告不符"), cityApprover())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(returned(1));
        }

        @Test
        void theReasonIsKeptWithoutSurroundingBlanks() {
            fixture.given(inSubmitted())
                    .when(returnWith("  断面数与监测报告不符 "), cityApprover())
                    .expectEvents(returned(1));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\u3000"})
        void aReasonIsRequired(String blank) {
            fixture.given(inSubmitted())
                    .when(returnWith(blank), cityApprover())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("退回原因不能为空")
                    .expectNoEvents();
        }

        @Test
        void aReasonOfMoreThan500CharactersIsRefused() {
            fixture.given(inSubmitted())
                    .when(returnWith("退".repeat(501)), cityApprover())
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @Test
        void aReasonOfExactly500CharactersIsAccepted() {
            fixture.given(inSubmitted())
                    .when(returnWith("退".repeat(500)), cityApprover())
                    .expectEvents(new SubmissionReturned(SUBMISSION_ID, 1, "退".repeat(500), Map.of()));
        }

        @Test
        void commentsOnSingleValuesAreKept() {
            Map<String, String> comments = new LinkedHashMap<>();
            comments.put(WATER, " 请核对评价断面数 ");
            comments.put(FOREST, "面积单位应为平方公里");
            fixture.given(inSubmitted())
                    .when(new ReturnSubmission(SUBMISSION_ID, "断面数与监测报告不符", comments, null), cityApprover())
                    .expectEvents(new SubmissionReturned(SUBMISSION_ID, 1, "断面数与监测报告不符",
                            Map.of(WATER, "请核对评价断面数", FOREST, "面积单位应为平方公里")));
        }

        @Test
        void blankCommentsAreLeftOut() {
            Map<String, String> comments = new LinkedHashMap<>();
            comments.put(WATER, "  ");
            comments.put(AIR, null);
            comments.put(FOREST, "面积单位应为平方公里");
            fixture.given(inSubmitted())
                    .when(new ReturnSubmission(SUBMISSION_ID, "断面数与监测报告不符", comments, null), cityApprover())
                    .expectEvents(new SubmissionReturned(SUBMISSION_ID, 1, "断面数与监测报告不符",
                            Map.of(FOREST, "面积单位应为平方公里")));
        }

        @Test
        void aCommentOnAnIndicatorNotInTheReportIsRefused() {
            fixture.given(inSubmitted())
                    .when(new ReturnSubmission(SUBMISSION_ID, "数据有误", Map.of("220200-99", "请补充"), null),
                            cityApprover())
                    .expectException(violationOf("UNKNOWN_INDICATOR"))
                    .expectExceptionMessage("报告中没有指标“220200-99”")
                    .expectNoEvents();
        }

        @Test
        void aCommentOnAnAssignedIndicatorTheUnitLeftOutIsRefused() {
            List<ReportedValue> withoutAir = completeNormalised().stream()
                    .filter(v -> !v.indicatorId().equals(AIR)).toList();
            fixture.given(created(), draftSaved(1, withoutAir), submitted(1, withoutAir))
                    .when(new ReturnSubmission(SUBMISSION_ID, "数据有误", Map.of(AIR, "请补充"), null), cityApprover())
                    .expectException(violationOf("UNKNOWN_INDICATOR"))
                    .expectNoEvents();
        }

        @Test
        void aCommentOfMoreThan500CharactersIsRefused() {
            fixture.given(inSubmitted())
                    .when(new ReturnSubmission(SUBMISSION_ID, "数据有误", Map.of(WATER, "评".repeat(501)), null),
                            cityApprover())
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @Test
        void aSubmitterCannotReturn() {
            fixture.given(inSubmitted())
                    .when(returnWith("自己退回"), submitter())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectExceptionMessage("您无权退回该报告")
                    .expectNoEvents();
        }

        @Test
        void anApproverOfAnotherUnitCannotReturn() {
            fixture.given(inSubmitted())
                    .when(returnWith("数据有误"), countyReviewer())
                    .expectException(violationOf("NOT_DECIDER"))
                    .expectNoEvents();
        }

        @Test
        void anApproverOfAnotherCityIsToldTheReportDoesNotExist() {
            fixture.given(inSubmitted())
                    .when(returnWith("数据有误"), otherCityApprover())
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Submission.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void aDraftCannotBeReturned() {
            fixture.given(inDraft())
                    .when(returnWith("数据有误"), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectExceptionMessage("只有待审核的报告可以退回")
                    .expectNoEvents();
        }

        @Test
        void anApprovedReportCannotBeReturned() {
            fixture.given(inApproved())
                    .when(returnWith("数据有误"), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aReturnedReportCannotBeReturnedAgain() {
            fixture.given(inReturned())
                    .when(returnWith("数据有误"), cityApprover())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aReturnedReportCannotBeAmended() {
            fixture.given(inReturned())
                    .when(amend(), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Amending {

        @Test
        void anApprovedReportMayBeReopenedAsTheNextRevision() {
            fixture.given(inApproved())
                    .when(amend(), submitter())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(amendmentStarted(2));
        }

        @Test
        void theReasonIsKeptWithoutSurroundingBlanks() {
            fixture.given(inApproved())
                    .when(new StartAmendment(SUBMISSION_ID, "  监测站补充了3月数据  ", null), submitter())
                    .expectEvents(amendmentStarted(2));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void aReasonIsRequired(String blank) {
            fixture.given(inApproved())
                    .when(new StartAmendment(SUBMISSION_ID, blank, null), submitter())
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("修改原因不能为空")
                    .expectNoEvents();
        }

        @Test
        void aReasonOfMoreThan500CharactersIsRefused() {
            fixture.given(inApproved())
                    .when(new StartAmendment(SUBMISSION_ID, "改".repeat(501), null), submitter())
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @Test
        void aDraftCannotBeAmended() {
            fixture.given(inDraft())
                    .when(amend(), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectExceptionMessage("只有审核通过的报告可以申请修改")
                    .expectNoEvents();
        }

        @Test
        void aSubmittedReportCannotBeAmended() {
            fixture.given(inSubmitted())
                    .when(amend(), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void aReviewedReportCannotBeAmended() {
            fixture.given(townInReviewed())
                    .when(new StartAmendment(TOWN_SUBMISSION_ID, "补充数据", null), townSubmitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void anAmendmentCannotBeStartedTwice() {
            fixture.given(inAmendment())
                    .when(amend(), submitter())
                    .expectException(violationOf("WRONG_STATUS"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheUnitsSubmitterMayAmend() {
            fixture.given(inApproved())
                    .when(amend(), cityApprover())
                    .expectException(violationOf("NOT_REPORTING_UNIT"))
                    .expectNoEvents();
        }

        @Test
        void aCallerOfAnotherCityIsToldTheReportDoesNotExist() {
            fixture.given(inApproved())
                    .when(amend(), otherCitySubmitter())
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void theAmendmentIsDraftedAsTheNewRevision() {
            fixture.given(inAmendment())
                    .when(save(changedNormalised()), submitter())
                    .expectEvents(draftSaved(2, changedNormalised()));
        }

        @Test
        void theAmendmentIsSubmittedAsTheNewRevision() {
            fixture.given(plus(inAmendment(), draftSaved(2, changedNormalised())))
                    .when(submit(), submitter())
                    .expectEvents(submitted(2, changedNormalised()));
        }

        @Test
        void anUnchangedAmendmentSubmitsTheApprovedValuesAgain() {
            fixture.given(inAmendment())
                    .when(submit(), submitter())
                    .expectEvents(submitted(2, completeNormalised()));
        }

        @Test
        void anAmendmentStartsFromTheApprovedValuesNotFromAnOlderDraft() {
            fixture.given(created(), draftSaved(1, changedNormalised()), draftSaved(1, completeNormalised()),
                            submitted(1, completeNormalised()), approved(1, completeNormalised()),
                            amendmentStarted(2))
                    .when(submit(), submitter())
                    .expectEvents(submitted(2, completeNormalised()));
        }

        @Test
        void theApprovalOfTheAmendmentCarriesTheNewValuesAndRevision() {
            fixture.given(plus(inAmendment(), draftSaved(2, changedNormalised()), submitted(2, changedNormalised())))
                    .when(approve(), cityApprover())
                    .expectEvents(approved(2, changedNormalised()));
        }

        @Test
        void theAmendmentMayBeReturnedAsRevision2() {
            fixture.given(plus(inAmendment(), submitted(2, completeNormalised())))
                    .when(returnWith("断面数与监测报告不符"), cityApprover())
                    .expectEvents(new SubmissionReturned(SUBMISSION_ID, 2, "断面数与监测报告不符", Map.of()));
        }

        @Test
        void anAmendmentMayBeWithdrawnAsRevision2() {
            fixture.given(plus(inAmendment(), submitted(2, completeNormalised())))
                    .when(new WithdrawSubmission(SUBMISSION_ID, null), submitter())
                    .expectEvents(new SubmissionWithdrawn(SUBMISSION_ID, 2));
        }

        @Test
        void aSecondAmendmentIsRevision3() {
            fixture.given(plus(inAmendment(), submitted(2, changedNormalised()), approved(2, changedNormalised())))
                    .when(amend(), submitter())
                    .expectEvents(new AmendmentStarted(SUBMISSION_ID, 3, "监测站补充了3月数据"));
        }

        @Test
        void aSecondAmendmentStartsFromTheSecondApproval() {
            fixture.given(plus(inAmendment(), submitted(2, changedNormalised()), approved(2, changedNormalised()),
                            new AmendmentStarted(SUBMISSION_ID, 3, "再次修改")))
                    .when(submit(), submitter())
                    .expectEvents(submitted(3, changedNormalised()));
        }
    }

    /**
     * Commands carry the version the user saw. A command based on an outdated screen is refused as a conflict
     * before any rule is checked (VersionGuard.requireCurrentVersion), so of two people acting at once exactly one
     * succeeds and the other is told to reload.
     */
    @Nested
    class ExpectedVersions {

        static Stream<Arguments> staleCommands() {
            // a draft is at version 1 (two events), a submitted report at 2, an approved one at 3
            return Stream.of(
                    Arguments.of("save", inDraft(), new SaveSubmissionDraft(SUBMISSION_ID, changedNormalised(), 0L),
                            submitter()),
                    Arguments.of("attach", inDraft(), new AttachEvidence(SUBMISSION_ID, evidence("f1"), 0L),
                            submitter()),
                    Arguments.of("submit", inDraft(), new SubmitSubmission(SUBMISSION_ID, 0L), submitter()),
                    Arguments.of("withdraw", inSubmitted(), new WithdrawSubmission(SUBMISSION_ID, 1L), submitter()),
                    Arguments.of("approve", inSubmitted(), new ApproveSubmission(SUBMISSION_ID, null, 1L),
                            cityApprover()),
                    Arguments.of("return", inSubmitted(), new ReturnSubmission(SUBMISSION_ID, "数据有误", null, 0L),
                            cityApprover()),
                    Arguments.of("amend", inApproved(), new StartAmendment(SUBMISSION_ID, "补充数据", 2L),
                            submitter()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("staleCommands")
        void aCommandBasedOnAStaleVersionIsRefused(String name, List<Object> history, Object command,
                                                    Map<String, Object> caller) {
            fixture.given(history)
                    .when(command, caller)
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aCommandBasedOnTheCurrentVersionSucceeds() {
            // created, draft saved, submitted: version 2
            fixture.given(inSubmitted())
                    .when(new ApproveSubmission(SUBMISSION_ID, null, 2L), cityApprover())
                    .expectEvents(approved(1, completeNormalised()));
        }

        @Test
        void aDraftBasedOnTheCurrentVersionIsSaved() {
            fixture.given(inDraft())
                    .when(new SaveSubmissionDraft(SUBMISSION_ID, changedNormalised(), 1L), submitter())
                    .expectEvents(draftSaved(1, changedNormalised()));
        }

        @Test
        void aCommandBasedOnAVersionFromTheFutureIsRefused() {
            fixture.given(inSubmitted())
                    .when(new ApproveSubmission(SUBMISSION_ID, null, 7L), cityApprover())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void twoApproversDecidingTheSameVersion_theSecondIsRefused() {
            // the first approver's decision is already in the history; the second still saw version 2
            fixture.given(plus(inSubmitted(), returned(1), submitted(1, completeNormalised())))
                    .when(new ApproveSubmission(SUBMISSION_ID, null, 2L), cityApprover())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aStaleVersionIsRefusedBeforeTheStatusIsChecked() {
            // already approved by someone else: the second approver is told to reload, not that it is approved
            fixture.given(inApproved())
                    .when(new ApproveSubmission(SUBMISSION_ID, null, 2L), cityApprover())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aStaleVersionIsRefusedBeforeTheValuesAreChecked() {
            fixture.given(plus(inDraft(), draftSaved(1, changedNormalised())))
                    .when(new SaveSubmissionDraft(SUBMISSION_ID, List.of(value(AIR, "101")), 1L),
                            submitter())
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void theCurrentVersionStillHasToPassTheRules() {
            fixture.given(inApproved())
                    .when(new ApproveSubmission(SUBMISSION_ID, null, 3L), cityApprover())
                    .expectException(BusinessRuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aCallerOfAnotherCityWithTheCurrentVersionIsToldTheReportDoesNotExist() {
            fixture.given(inSubmitted())
                    .when(new ApproveSubmission(SUBMISSION_ID, null, 2L), otherCityApprover())
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }
    }

    /** Callers of another city learn nothing about the report, whatever they try. */
    @Nested
    class Tenancy {

        static Stream<Arguments> commands() {
            return Stream.of(
                    Arguments.of(inDraft(), new SaveSubmissionDraft(SUBMISSION_ID, complete(), null)),
                    Arguments.of(inDraft(), new AttachEvidence(SUBMISSION_ID, evidence("f1"), null)),
                    Arguments.of(inDraft(), new SubmitSubmission(SUBMISSION_ID, null)),
                    Arguments.of(inSubmitted(), new WithdrawSubmission(SUBMISSION_ID, null)),
                    Arguments.of(inSubmitted(), new ApproveSubmission(SUBMISSION_ID, null, null)),
                    Arguments.of(inSubmitted(), new ReturnSubmission(SUBMISSION_ID, "数据有误", null, null)),
                    Arguments.of(inApproved(), new StartAmendment(SUBMISSION_ID, "补充数据", null)));
        }

        @ParameterizedTest
        @MethodSource("commands")
        void aSubmitterOfAnotherCityIsToldTheReportDoesNotExist(List<Object> history, Object command) {
            fixture.given(history)
                    .when(command, otherCitySubmitter())
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(Submission.NOT_FOUND)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("commands")
        void aCallerWithoutCityIsToldTheReportDoesNotExist(List<Object> history, Object command) {
            Map<String, Object> noCity = new LinkedHashMap<>(submitter());
            noCity.remove(AuditKeys.CITY_ID);
            fixture.given(history)
                    .when(command, noCity)
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void aSubmitterOfAnotherCityLearnsNothingEvenFromAWrongStatus() {
            fixture.given(inApproved())
                    .when(submit(), otherCitySubmitter())
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(not(containsString("状态")))
                    .expectNoEvents();
        }
    }
}
