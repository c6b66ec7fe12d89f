package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.CreateSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.AmendmentStarted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.EvidenceAttached;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionCreated;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionDraftSaved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReturned;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReviewed;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionSubmitted;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data for the {@link Submission} tests: the people who act on a report, the unit's form with four kinds of
 * indicator, reported values and the events that put a report into each of its states.
 *
 * <p>Two reports are used. 永吉县 (220221) reports its own values and the city bureau (220200-sthj) decides in
 * one step. 口前镇 (220221100), a town of 永吉县, reports in the two-step chain: the county reviews first, then
 * the city bureau approves.
 */
final class SubmissionFixtures {
    static final String CITY_ID = "220200";                 // 吉林市
    static final String OTHER_CITY_ID = "220100";           // 长春市
    static final String UNIT_ID = "220221";                 // 永吉县
    static final String OTHER_UNIT_ID = "220281";           // 蛟河市, same city
    static final String APPROVAL_UNIT_ID = "220200-sthj";   // 吉林市生态环境局
    static final String TOWN_ID = "220221100";              // 口前镇, reviewed by 永吉县
    static final String REVIEW_UNIT_ID = UNIT_ID;

    static final String PERIOD = "2025-Q1";
    static final LocalDate OPENS = LocalDate.of(2025, 4, 1);
    static final LocalDate DEADLINE = LocalDate.of(2025, 4, 15);
    /** The day the report is created: the quarter has opened. */
    static final LocalDate TODAY = LocalDate.of(2025, 4, 2);
    static final String SUBMISSION_ID = UNIT_ID + "-" + PERIOD;
    static final String TOWN_SUBMISSION_ID = TOWN_ID + "-" + PERIOD;

    // --- indicators -------------------------------------------------------------------------------------------

    /** 地表水达到或好于Ⅲ类水体比例: a ratio recomputed from sections_good / sections_assessed. */
    static final String WATER = "220200-01";
    static final String WATER_NAME = "地表水达到或好于Ⅲ类水体比例";
    static final String SECTIONS_GOOD = "sections_good";
    static final String SECTIONS_ASSESSED = "sections_assessed";

    /** 空气质量优良天数比率: a plain percentage. */
    static final String AIR = "220200-02";
    static final String AIR_NAME = "空气质量优良天数比率";

    /** 集中式饮用水水源地水质达标: yes or no. */
    static final String DRINKING = "220200-03";
    static final String DRINKING_NAME = "集中式饮用水水源地水质达标";

    /** 森林覆盖率: a rate weighted by the area it applies to. */
    static final String FOREST = "220200-04";
    static final String FOREST_NAME = "森林覆盖率";
    static final String AREA = "area_km2";

    /** 新增造林面积: a plain number, summed over the units. */
    static final String AFFORESTATION = "220200-05";
    static final String AFFORESTATION_NAME = "新增造林面积";

    static final BigDecimal DEFAULT_SHARE = new BigDecimal("0.2");

    private SubmissionFixtures() {
    }

    static BigDecimal bd(String number) {
        return number == null ? null : new BigDecimal(number);
    }

    // --- callers ----------------------------------------------------------------------------------------------

    /** The submitter of 永吉县. */
    static Map<String, Object> submitter() {
        return Callers.person("yongji-submitter", UNIT_ID, CITY_ID, Role.SUBMITTER);
    }

    /** The submitter of 口前镇. */
    static Map<String, Object> townSubmitter() {
        return Callers.person("kouqian-submitter", TOWN_ID, CITY_ID, Role.SUBMITTER);
    }

    /** A submitter of 蛟河市, another unit of the same city. */
    static Map<String, Object> otherUnitSubmitter() {
        return Callers.person("jiaohe-submitter", OTHER_UNIT_ID, CITY_ID, Role.SUBMITTER);
    }

    /** A submitter claiming 永吉县's unit id but working for 长春市. */
    static Map<String, Object> otherCitySubmitter() {
        return Callers.person("changchun-submitter", UNIT_ID, OTHER_CITY_ID, Role.SUBMITTER);
    }

    /** An approver of the city bureau, who decides in the last step. */
    static Map<String, Object> cityApprover() {
        return Callers.person("city-approver", APPROVAL_UNIT_ID, CITY_ID, Role.APPROVER);
    }

    /** An approver of 永吉县, who reviews 口前镇's reports first. */
    static Map<String, Object> countyReviewer() {
        return Callers.person("yongji-reviewer", REVIEW_UNIT_ID, CITY_ID, Role.APPROVER);
    }

    /** An approver of the 长春市 bureau. */
    static Map<String, Object> otherCityApprover() {
        return Callers.person("changchun-approver", "220100-sthj", OTHER_CITY_ID, Role.APPROVER);
    }

    // --- the unit's form ----------------------------------------------------------------------------------------

    static ExpectedValue expectedWater() {
        return new ExpectedValue(WATER, WATER_NAME, ValueType.PERCENT, RollupRule.RATIO_OF_SUMS,
                List.of(SECTIONS_GOOD, SECTIONS_ASSESSED), DEFAULT_SHARE, null);
    }

    static ExpectedValue expectedAir() {
        return new ExpectedValue(AIR, AIR_NAME, ValueType.PERCENT, RollupRule.CITY_MEASURED, List.of(), DEFAULT_SHARE,
                null);
    }

    static ExpectedValue expectedDrinking() {
        return new ExpectedValue(DRINKING, DRINKING_NAME, ValueType.YES_NO, RollupRule.ALL_UNITS_MET, List.of(),
                DEFAULT_SHARE, null);
    }

    static ExpectedValue expectedForest() {
        return new ExpectedValue(FOREST, FOREST_NAME, ValueType.PERCENT, RollupRule.AREA_WEIGHTED, List.of(AREA),
                DEFAULT_SHARE, null);
    }

    static ExpectedValue expectedAfforestation() {
        return new ExpectedValue(AFFORESTATION, AFFORESTATION_NAME, ValueType.NUMBER, RollupRule.SUM, List.of(),
                DEFAULT_SHARE, null);
    }

    /** The indicators 永吉县 reports this quarter. */
    static List<ExpectedValue> expectedValues() {
        return List.of(expectedWater(), expectedAir(), expectedDrinking(), expectedForest(), expectedAfforestation());
    }

    /** {@link #expectedValues()} without the given indicator, e.g. after it was taken off the unit's list. */
    static List<ExpectedValue> expectedWithout(String indicatorId) {
        return expectedValues().stream().filter(r -> !r.indicatorId().equals(indicatorId)).toList();
    }

    static ExpectedValue withLastApproved(ExpectedValue rule, String lastApprovedValue) {
        return new ExpectedValue(rule.indicatorId(), rule.name(), rule.valueType(), rule.rollupRule(),
                rule.componentKeys(), rule.plausibilityShare(), bd(lastApprovedValue));
    }

    static ExpectedValue withShare(ExpectedValue rule, String share) {
        return new ExpectedValue(rule.indicatorId(), rule.name(), rule.valueType(), rule.rollupRule(),
                rule.componentKeys(), bd(share), rule.lastApprovedValue());
    }

    /** {@link #expectedValues()} with the rule of the same indicator replaced. */
    static List<ExpectedValue> expectedWith(ExpectedValue... replacements) {
        List<ExpectedValue> result = new ArrayList<>(expectedValues());
        for (ExpectedValue replacement : replacements) {
            result.replaceAll(r -> r.indicatorId().equals(replacement.indicatorId()) ? replacement : r);
        }
        return result;
    }

    // --- values -------------------------------------------------------------------------------------------------

    static ReportedValue value(String indicatorId, String number) {
        return new ReportedValue(indicatorId, bd(number), Map.of(), null, null);
    }

    static ReportedValue value(String indicatorId, String number, Map<String, BigDecimal> components) {
        return new ReportedValue(indicatorId, bd(number), components, null, null);
    }

    /** The water ratio as the client sends it: the counts, and whatever value the form showed. */
    static ReportedValue water(String sentValue, String good, String assessed) {
        return value(WATER, sentValue, components(SECTIONS_GOOD, good, SECTIONS_ASSESSED, assessed));
    }

    static ReportedValue forest(String rate, String area) {
        return value(FOREST, rate, components(AREA, area));
    }

    static ReportedValue withNote(ReportedValue value, String note) {
        return new ReportedValue(value.indicatorId(), value.value(), value.components(), note, value.explanation());
    }

    static ReportedValue withExplanation(ReportedValue value, String explanation) {
        return new ReportedValue(value.indicatorId(), value.value(), value.components(), value.note(), explanation);
    }

    /** Components in the given key, value, key, value order; null values are left out. */
    static Map<String, BigDecimal> components(String... keysAndValues) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put(keysAndValues[i], bd(keysAndValues[i + 1]));
            }
        }
        return map;
    }

    /** Every indicator filled in, as the client sends it (the water value left to the server). */
    static List<ReportedValue> complete() {
        return List.of(water(null, "9", "10"), value(AIR, "85.5"), value(DRINKING, "1"), forest("45.2", "1200"),
                value(AFFORESTATION, "350"));
    }

    /** {@link #complete()} as the aggregate stores it: the water value recomputed from its counts. */
    static List<ReportedValue> completeNormalised() {
        return replace(complete(), water("90.00", "9", "10"));
    }

    /** Other complete values, as sent and stored (2 of 3 sections good). */
    static List<ReportedValue> changedNormalised() {
        return List.of(water("66.67", "2", "3"), value(AIR, "82"), value(DRINKING, "1"), forest("45.6", "1200"),
                value(AFFORESTATION, "420"));
    }

    static List<ReportedValue> replace(List<ReportedValue> values, ReportedValue... replacements) {
        List<ReportedValue> result = new ArrayList<>(values);
        for (ReportedValue replacement : replacements) {
            result.replaceAll(v -> v.indicatorId().equals(replacement.indicatorId()) ? replacement : v);
        }
        return List.copyOf(result);
    }

    static List<ReportedValue> without(List<ReportedValue> values, String indicatorId) {
        return values.stream().filter(v -> !v.indicatorId().equals(indicatorId)).toList();
    }

    static Evidence evidence(String fileId) {
        return new Evidence(fileId, "监测报告-" + fileId + ".pdf", "application/pdf", 204_800L, "a".repeat(64));
    }

    static Evidence evidenceWithHash(String sha256) {
        return new Evidence("f1", "监测报告.pdf", "application/pdf", 204_800L, sha256);
    }

    // --- commands -----------------------------------------------------------------------------------------------

    static CreateSubmission create(List<ReportedValue> values) {
        return new CreateSubmission(SUBMISSION_ID, UNIT_ID, CITY_ID, PERIOD, APPROVAL_UNIT_ID, null, values);
    }

    static CreateSubmission createFor(String period) {
        return new CreateSubmission(SUBMISSION_ID, UNIT_ID, CITY_ID, period, APPROVAL_UNIT_ID, null, List.of());
    }

    // --- events: 永吉县's report, decided in one step -----------------------------------------------------------

    static SubmissionCreated created() {
        return new SubmissionCreated(SUBMISSION_ID, UNIT_ID, CITY_ID, PERIOD, DEADLINE, APPROVAL_UNIT_ID, null);
    }

    static SubmissionDraftSaved draftSaved(int revision, List<ReportedValue> values) {
        return new SubmissionDraftSaved(SUBMISSION_ID, revision, values);
    }

    static SubmissionSubmitted submitted(int revision, List<ReportedValue> values) {
        return new SubmissionSubmitted(SUBMISSION_ID, revision, values, false);
    }

    static SubmissionApproved approved(int revision, List<ReportedValue> values) {
        return new SubmissionApproved(SUBMISSION_ID, revision, values, null);
    }

    static SubmissionReturned returned(int revision) {
        return new SubmissionReturned(SUBMISSION_ID, revision, "断面数与监测报告不符", Map.of());
    }

    static AmendmentStarted amendmentStarted(int revision) {
        return new AmendmentStarted(SUBMISSION_ID, revision, "监测站补充了3月数据");
    }

    static EvidenceAttached evidenceAttached(int revision, String fileId) {
        return new EvidenceAttached(SUBMISSION_ID, revision, evidence(fileId));
    }

    /** A fresh report with a complete draft. */
    static List<Object> inDraft() {
        return List.of(created(), draftSaved(1, completeNormalised()));
    }

    /** A fresh report with nothing filled in. */
    static List<Object> emptyDraft() {
        return List.of(created(), draftSaved(1, List.of()));
    }

    static List<Object> inSubmitted() {
        return plus(inDraft(), submitted(1, completeNormalised()));
    }

    static List<Object> inApproved() {
        return plus(inSubmitted(), approved(1, completeNormalised()));
    }

    static List<Object> inReturned() {
        return plus(inSubmitted(), returned(1));
    }

    /** Approved, then reopened: revision 2 in draft. */
    static List<Object> inAmendment() {
        return plus(inApproved(), amendmentStarted(2));
    }

    // --- events: 口前镇's report, reviewed by 永吉县 first ------------------------------------------------------

    static SubmissionCreated townCreated() {
        return new SubmissionCreated(TOWN_SUBMISSION_ID, TOWN_ID, CITY_ID, PERIOD, DEADLINE, APPROVAL_UNIT_ID,
                REVIEW_UNIT_ID);
    }

    static List<Object> townInDraft() {
        return List.of(townCreated(), new SubmissionDraftSaved(TOWN_SUBMISSION_ID, 1, completeNormalised()));
    }

    static List<Object> townInSubmitted() {
        return plus(townInDraft(), new SubmissionSubmitted(TOWN_SUBMISSION_ID, 1, completeNormalised(), false));
    }

    static List<Object> townInReviewed() {
        return plus(townInSubmitted(), new SubmissionReviewed(TOWN_SUBMISSION_ID, 1, null));
    }

    static List<Object> townInApproved() {
        return plus(townInReviewed(), new SubmissionApproved(TOWN_SUBMISSION_ID, 1, completeNormalised(), null));
    }

    static List<Object> plus(List<Object> events, Object... more) {
        List<Object> result = new ArrayList<>(events);
        result.addAll(Arrays.asList(more));
        return result;
    }
}
