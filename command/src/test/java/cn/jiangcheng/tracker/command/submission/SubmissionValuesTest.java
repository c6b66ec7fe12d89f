package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.command.FixedDay;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SaveSubmissionDraft;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;
import static cn.jiangcheng.tracker.command.submission.SubmissionFixtures.*;

/**
 * How a report's values are checked and normalised whenever a draft is written: on creation (the first draft)
 * and on every later save. Ratios are recomputed from their counts; everything else is range-checked.
 */
class SubmissionValuesTest {
    private final FakeReportForms reporting = new FakeReportForms();
    private final FixedDay day = new FixedDay(SubmissionFixtures.TODAY);
    private FixtureConfiguration<Submission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
        fixture.registerInjectableResource(reporting);
        fixture.registerInjectableResource(day);
    }

    /** Creates the report with the given values and expects them to be stored as {@code stored}. */
    private void accepted(List<ReportedValue> sent, List<ReportedValue> stored) {
        fixture.givenNoPriorActivity()
                .when(create(sent), submitter())
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(), draftSaved(1, stored));
    }

    private void acceptedAsSent(ReportedValue... values) {
        accepted(List.of(values), List.of(values));
    }

    private ResultValidator<Submission> refused(String code, ReportedValue... sent) {
        return fixture.givenNoPriorActivity()
                .when(create(Arrays.asList(sent)), submitter())
                .expectException(violationOf(code))
                .expectNoEvents();
    }

    @Nested
    class WhichIndicators {

        @Test
        void anIndicatorNotAssignedToTheUnitIsRefused() {
            refused("NOT_ASSIGNED", value(AIR, "85"), value("220200-99", "12"))
                    .expectExceptionMessage("指标“220200-99”不属于本单位本期的填报任务");
        }

        @Test
        void theSameIndicatorTwiceIsRefused() {
            refused("DUPLICATE_INDICATOR", value(AIR, "85"), value(AIR, "86"))
                    .expectExceptionMessage("同一指标填写了两次");
        }

        @Test
        void theSameIndicatorTwiceIsRefusedEvenWithEqualValues() {
            refused("DUPLICATE_INDICATOR", value(AIR, "85"), value(AIR, "85"));
        }

        @Test
        void aValueWithoutIndicatorIsRefused() {
            refused("REQUIRED", value(null, "85"));
        }

        @Test
        void aMissingEntryIsRefused() {
            refused("REQUIRED", value(AIR, "85"), null);
        }

        @Test
        void theOrderOfTheValuesIsKept() {
            acceptedAsSent(value(AFFORESTATION, "12"), value(DRINKING, "0"), value(AIR, "85"));
        }

        @Test
        void anIndicatorMayBeLeftWithoutValueInADraft() {
            acceptedAsSent(value(AIR, null));
        }
    }

    @Nested
    class Ranges {

        @ParameterizedTest
        @ValueSource(strings = {"0", "100", "100.0000", "0.0001", "85.5", "99.9999"})
        void percentagesFrom0To100AreAccepted(String percent) {
            acceptedAsSent(value(AIR, percent));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.0001", "-1", "100.0001", "101", "1000"})
        void percentagesOutside0To100AreRefused(String percent) {
            refused("OUT_OF_RANGE", value(AIR, percent))
                    .expectExceptionMessage("“" + AIR_NAME + "”是百分比，须在0到100之间");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "1", "350", "120000.5", "999999999999.9999"})
        void nonNegativeNumbersAreAccepted(String number) {
            acceptedAsSent(value(AFFORESTATION, number));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "-0.5", "1000000000000", "5000000000000"})
        void negativeOrHugeNumbersAreRefused(String number) {
            refused("OUT_OF_RANGE", value(AFFORESTATION, number))
                    .expectExceptionMessage("“" + AFFORESTATION_NAME + "”不能为负数或过大");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "1", "1.0", "0.00"})
        void yesOrNoIsOneOrZero(String yesNo) {
            acceptedAsSent(value(DRINKING, yesNo));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2", "0.5", "-1", "100"})
        void yesOrNoIsNothingElse(String yesNo) {
            refused("OUT_OF_RANGE", value(DRINKING, yesNo))
                    .expectExceptionMessage("“" + DRINKING_NAME + "”只能填“是”或“否”");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12.3456", "12.34560", "12.345600000", "1E+2"})
        void fourDecimalsAreEnough(String percent) {
            acceptedAsSent(value(AIR, percent));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12.34567", "0.00001", "99.99999"})
        void moreThanFourDecimalsAreRefused(String percent) {
            refused("TOO_PRECISE", value(AIR, percent))
                    .expectExceptionMessage("“" + AIR_NAME + "”最多保留4位小数");
        }

        @Test
        void numbersWithMoreThanFourDecimalsAreRefused() {
            refused("TOO_PRECISE", value(AFFORESTATION, "350.12345"));
        }
    }

    /** The unit's percentage of a RATIO_OF_SUMS indicator is always 100 × numerator / denominator. */
    @Nested
    class Ratios {

        @ParameterizedTest(name = "{0} of {1} sections → {2}")
        @CsvSource({
                "9,   10,  90.00",
                "2,   3,   66.67",
                "1,   3,   33.33",
                "10,  10,  100.00",
                "0,   5,   0.00",
                "1,   8,   12.50",
                "2.5, 10,  25.00",
                "1,   7,   14.29",
                "5,   6,   83.33"
        })
        void theValueIsRecomputedFromTheCounts(String good, String assessed, String stored) {
            accepted(List.of(water(null, good, assessed)), List.of(water(stored, good, assessed)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"50", "90", "90.0", "100", "150", "-3", "12.345678"})
        void whateverTheClientSentIsReplaced(String sent) {
            accepted(List.of(water(sent, "9", "10")), List.of(water("90.00", "9", "10")));
        }

        @Test
        void moreGoodSectionsThanAssessedAreRefused() {
            refused("NUMERATOR_ABOVE_DENOMINATOR", water(null, "11", "10"))
                    .expectExceptionMessage("“" + WATER_NAME + "”的分子不能大于分母");
        }

        @Test
        void noneAssessedIsRefused() {
            refused("ZERO_DENOMINATOR", water(null, "0", "0"))
                    .expectExceptionMessage("“" + WATER_NAME + "”的分母必须大于0");
        }

        @Test
        void someGoodOfNoneAssessedIsRefused() {
            // the numerator check comes first; 1 of 0 never reaches the division
            refused("NUMERATOR_ABOVE_DENOMINATOR", water(null, "1", "0"));
        }

        @Test
        void anUnknownComponentIsRefused() {
            refused("UNKNOWN_COMPONENT",
                    value(WATER, null, components(SECTIONS_GOOD, "9", "sections_total", "10")))
                    .expectExceptionMessage("“" + WATER_NAME + "”没有分项“sections_total”");
        }

        @Test
        void aNegativeCountIsRefused() {
            refused("NEGATIVE", water(null, "-1", "10"))
                    .expectExceptionMessage("“" + WATER_NAME + "”的分项不能为负数");
        }

        @Test
        void aHugeCountIsRefused() {
            refused("OUT_OF_RANGE", water(null, "9", "1000000000000"));
        }

        @Test
        void aCountWithMoreThanFourDecimalsIsRefused() {
            refused("TOO_PRECISE", water(null, "9", "10.00001"));
        }

        @Test
        void aDraftMayHoldOnlyOneCountAndThenKeepsTheSentValue() {
            acceptedAsSent(water("88", null, "10"));
        }

        @Test
        void theSentValueOfAHalfFilledRatioIsStillRangeChecked() {
            refused("OUT_OF_RANGE", water("120", "9", null));
        }

        @Test
        void countsLeftEmptyAreDropped() {
            accepted(List.of(water(null, null, null)), List.of(water(null, null, null)));
        }
    }

    /** An AREA_WEIGHTED rate counts for as much area as it applies to. */
    @Nested
    class AreaWeightedRates {

        @Test
        void aRateWithItsAreaIsAccepted() {
            acceptedAsSent(forest("45.2", "1200"));
        }

        @Test
        void aRateWithoutAreaIsRefused() {
            refused("AREA_REQUIRED", forest("45.2", null))
                    .expectExceptionMessage("“" + FOREST_NAME + "”须同时填写面积（大于0）");
        }

        @Test
        void aRateWithZeroAreaIsRefused() {
            refused("AREA_REQUIRED", forest("45.2", "0"));
        }

        @Test
        void aNegativeAreaIsRefused() {
            refused("NEGATIVE", forest("45.2", "-10"));
        }

        @Test
        void anAreaMayBeDraftedBeforeItsRate() {
            acceptedAsSent(forest(null, "1200"));
        }

        @Test
        void theRateIsStillAPercentage() {
            refused("OUT_OF_RANGE", forest("145.2", "1200"));
        }

        @Test
        void anotherComponentIsRefused() {
            refused("UNKNOWN_COMPONENT", value(FOREST, "45.2", components(AREA, "1200", "area_mu", "1800000")));
        }
    }

    @Nested
    class ComponentsOfPlainIndicators {

        @Test
        void aYesOrNoHasNoComponents() {
            refused("UNKNOWN_COMPONENT", value(DRINKING, "1", components("sources", "3")));
        }

        @Test
        void aPlainPercentageHasNoComponents() {
            refused("UNKNOWN_COMPONENT", value(AIR, "85", components(SECTIONS_GOOD, "9")));
        }
    }

    @Nested
    class NotesAndExplanations {

        @Test
        void notesAndExplanationsAreStoredWithoutSurroundingBlanks() {
            ReportedValue sent = withExplanation(withNote(value(AIR, "85"), "  含沙尘天气 "), " 春季沙尘减少 ");
            ReportedValue stored = withExplanation(withNote(value(AIR, "85"), "含沙尘天气"), "春季沙尘减少");
            accepted(List.of(sent), List.of(stored));
        }

        @Test
        void blankNotesAndExplanationsAreDropped() {
            accepted(List.of(withExplanation(withNote(value(AIR, "85"), "   "), "")), List.of(value(AIR, "85")));
        }

        @Test
        void aNoteOfExactly500CharactersIsAccepted() {
            acceptedAsSent(withNote(value(AIR, "85"), "注".repeat(500)));
        }

        @Test
        void aNoteOfMoreThan500CharactersIsRefused() {
            refused("TOO_LONG", withNote(value(AIR, "85"), "注".repeat(501)))
                    .expectExceptionMessage("“" + AIR_NAME + "”的备注不能超过500个字符");
        }

        @Test
        void anExplanationOfMoreThan500CharactersIsRefused() {
            refused("TOO_LONG", withExplanation(value(AIR, "85"), "说".repeat(501)))
                    .expectExceptionMessage("“" + AIR_NAME + "”的变动说明不能超过500个字符");
        }

        /** Like every other text of the domain, a note is trimmed before its length is checked. */
        @Test
        void aNoteOf500CharactersWithSurroundingBlanksIsAccepted() {
            accepted(List.of(withNote(value(AIR, "85"), " " + "注".repeat(500) + " ")),
                    List.of(withNote(value(AIR, "85"), "注".repeat(500))));
        }
    }

    /** The same checks apply to every later draft, not only the first. */
    @Nested
    class LaterDrafts {

        private void saveRefused(String code, ReportedValue... values) {
            fixture.given(inDraft())
                    .when(new SaveSubmissionDraft(SUBMISSION_ID, Arrays.asList(values), null), submitter())
                    .expectException(violationOf(code))
                    .expectNoEvents();
        }

        @Test
        void notAssigned() {
            saveRefused("NOT_ASSIGNED", value("220200-99", "1"));
        }

        @Test
        void duplicate() {
            saveRefused("DUPLICATE_INDICATOR", value(DRINKING, "1"), value(DRINKING, "0"));
        }

        @Test
        void percentOutOfRange() {
            saveRefused("OUT_OF_RANGE", value(AIR, "100.5"));
        }

        @Test
        void negativeNumber() {
            saveRefused("OUT_OF_RANGE", value(AFFORESTATION, "-12"));
        }

        @Test
        void yesNoNotZeroOrOne() {
            saveRefused("OUT_OF_RANGE", value(DRINKING, "3"));
        }

        @Test
        void tooPrecise() {
            saveRefused("TOO_PRECISE", value(AIR, "1.23456"));
        }

        @Test
        void zeroDenominator() {
            saveRefused("ZERO_DENOMINATOR", water(null, "0", "0"));
        }

        @Test
        void unknownComponent() {
            saveRefused("UNKNOWN_COMPONENT", value(WATER, null, components("sections_bad", "1")));
        }

        @Test
        void areaMissing() {
            saveRefused("AREA_REQUIRED", forest("40", null));
        }

        @Test
        void noteTooLong() {
            saveRefused("TOO_LONG", withNote(value(AIR, "85"), "注".repeat(501)));
        }

        @Test
        void theRatioIsRecomputedOnEverySave() {
            fixture.given(inDraft())
                    .when(new SaveSubmissionDraft(SUBMISSION_ID, List.of(water("90.00", "2", "3")), null),
                            submitter())
                    .expectEvents(draftSaved(1, List.of(water("66.67", "2", "3"))));
        }
    }
}
