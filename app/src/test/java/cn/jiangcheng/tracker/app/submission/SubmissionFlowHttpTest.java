package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.WATER_QUALITY;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.submitAndApprove;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reporting cycle end to end over HTTP. Each test uses its own period so tests do not see each other. */
class SubmissionFlowHttpTest extends HttpTestBase {
    private ApiClient yongji;
    private ApiClient jiaohe;
    private ApiClient approver;

    @BeforeEach
    void clients() {
        yongji = as("yongji-submitter");
        jiaohe = as("jiaohe-submitter");
        approver = as("sthj-approver");
    }

    @Test
    void theCatalogHoldsThe17IndicatorsOfTheplanAsWritten() {
        JsonNode catalog = approver.get("/api/indicators").json();
        assertThat(catalog).hasSize(17);
        assertThat(catalog.get(0).path("name").asText()).isEqualTo("城市空气质量优良天数比率");
        assertThat(catalog.get(0).path("baseline").path("value").decimalValue()).isEqualByComparingTo("88.8");
        assertThat(catalog.get(0).path("targets").get(0).path("text").asText()).isEqualTo("≥90");
        JsonNode water = catalog.get(2);
        assertThat(water.path("name").asText()).isEqualTo("国控考核断面地表水质量达到或优于Ⅲ类水体比例");
        assertThat(water.path("rollupRule").asText()).isEqualTo("RATIO_OF_SUMS");
        assertThat(water.path("targets").findValuesAsText("text")).contains("94.7", "完成省下达目标", "85%左右");
        assertThat(water.path("targets").findValuesAsText("level")).contains("CITY", "PROVINCE");
        JsonNode forest = catalog.get(16);
        assertThat(forest.path("name").asText()).isEqualTo("森林覆盖率");
        assertThat(forest.path("baseline").path("value").decimalValue()).isEqualByComparingTo("54.96");
        assertThat(forest.path("rollupRule").asText()).isEqualTo("AREA_WEIGHTED");
        assertThat(catalog.get(12).path("direction").asText()).isEqualTo("MUST_NOT_FALL");
        assertThat(catalog.get(13).path("targets").get(0).path("text").asText()).isEqualTo("良好水平");
        for (JsonNode indicator : catalog) {
            assertThat(indicator.path("attribute").asText()).isEqualTo("预期性");
        }
    }

    @Test
    void eachUnitReportsWhatIsAssignedToIt() {
        assertThat(yongji.get("/api/indicators/assigned?orgUnitId=220221&period=2025").json()).hasSize(13);
        assertThat(as("fgw-submitter").get("/api/indicators/assigned?orgUnitId=220200-fgw&period=2025").json()
                .findValuesAsText("name")).containsExactly("单位 GDP 能耗降低率", "非化石能源占一次能源消费比例");
        assertThat(yongji.get("/api/indicators/assigned?orgUnitId=220281&period=2025").status()).isEqualTo(404);
        assertThat(yongji.get("/api/indicators/assigned?orgUnitId=220221&period=25").status()).isEqualTo(400);
    }

    @Test
    void returnFixResubmitApproveAndTheCityValueFollows() {
        String period = "2031";
        String id = create(yongji, "220221", period, values(8, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        assertThat(valueOf(draft, WATER_QUALITY)).isEqualByComparingTo("80.00");

        assertThat(act(yongji, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status()).isEqualTo(200);
        JsonNode submitted = awaitStatus(approver, id, "SUBMITTED");
        assertThat(submitted.path("late").asBoolean()).isFalse();

        ApiClient.Response returned = act(approver, id, "return", """
                {"expectedVersion":%d,"reason":"断面数与监测站数据不符","valueComments":{"220200-I03":"请核对考核断面数"}}
                """.formatted(version(submitted)));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        JsonNode back = awaitStatus(yongji, id, "RETURNED");
        assertThat(back.path("returnReason").asText()).isEqualTo("断面数与监测站数据不符");
        assertThat(back.path("valueComments").path(WATER_QUALITY).asText()).isEqualTo("请核对考核断面数");

        assertThat(yongji.put("/api/submissions/" + id, "{\"values\":" + values(9, 10) + ",\"expectedVersion\":"
                + version(back) + "}").status()).isEqualTo(200);
        JsonNode fixed = awaitReport(yongji, id, s -> s.path("version").asLong() > version(back));
        JsonNode approved = submitAndApprove(yongji, approver, id);
        assertThat(valueOf(approved, WATER_QUALITY)).isEqualByComparingTo("90.00");
        assertThat(fixed.path("status").asText()).isEqualTo("DRAFT");
        assertThat(approved.path("history").findValuesAsText("type"))
                .containsSubsequence("CREATED", "SUBMITTED", "RETURNED", "DRAFT_SAVED", "SUBMITTED", "APPROVED");
        assertThat(approved.path("history").findValuesAsText("userId")).contains("yongji-submitter", "sthj-approver");

        JsonNode rollup = approver.get("/api/rollups/city?period=" + period).json();
        JsonNode water = indicator(rollup, WATER_QUALITY);
        assertThat(water.path("cityValue").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(water.path("units").get(0).path("orgUnitName").asText()).isEqualTo("永吉县");
    }

    @Test
    void theCityRatioIsTheRatioOfSumsNotTheAverageOfPercentages() {
        String period = "2032";
        String a = create(yongji, "220221", period, values(9, 10));
        String b = create(jiaohe, "220281", period, values(1, 2));
        submitAndApprove(yongji, approver, a);
        submitAndApprove(jiaohe, approver, b);
        JsonNode water = await().atMost(Duration.ofSeconds(10)).until(
                () -> indicator(approver.get("/api/rollups/city?period=" + period).json(), WATER_QUALITY),
                w -> w.path("reportedUnits").asInt() == 2);
        // 9/10 = 90 %, 1/2 = 50 %: the average would be 70 %, the city has 10 of 12 sections = 83.33 %
        assertThat(water.path("cityValue").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(water.path("units").get(0).path("orgUnitName").asText()).isEqualTo("永吉县");
        assertThat(water.path("units").get(0).path("rank").asInt()).isEqualTo(1);
    }

    @Test
    void pendingValuesCountOnlyWhenAskedAndOnlyForApproversAndAuditors() {
        String period = "2033";
        String id = create(yongji, "220221", period, values(7, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        act(yongji, id, "submit", "{\"expectedVersion\":" + version(draft) + "}");
        awaitStatus(approver, id, "SUBMITTED");
        JsonNode approvedOnly = indicator(approver.get("/api/rollups/city?period=" + period).json(), WATER_QUALITY);
        assertThat(approvedOnly.path("cityValue").isNull()).isTrue();
        JsonNode withPending = await().atMost(Duration.ofSeconds(10)).until(() -> indicator(
                approver.get("/api/rollups/city?period=" + period + "&includePending=true").json(), WATER_QUALITY),
                w -> !w.path("cityValue").isNull());
        assertThat(withPending.path("cityValue").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(as("auditor").get("/api/rollups/city?period=" + period + "&includePending=true").status())
                .isEqualTo(200);
        assertThat(as("sthj-inspector").get("/api/rollups/city?period=" + period + "&includePending=true").status())
                .isEqualTo(403);
        assertThat(yongji.get("/api/rollups/city?period=" + period).status()).isEqualTo(403);
    }

    @Test
    void anAmendmentKeepsTheApprovedValuesInForceUntilItIsApproved() {
        String period = "2034";
        String id = create(yongji, "220221", period, values(6, 10));
        JsonNode approved = submitAndApprove(yongji, approver, id);
        assertThat(act(yongji, id, "amendments", "{\"expectedVersion\":" + version(approved)
                + ",\"reason\":\"监测数据更正\"}").status()).isEqualTo(200);
        JsonNode amending = awaitReport(yongji, id, s -> s.path("revision").asInt() == 2);
        yongji.put("/api/submissions/" + id, "{\"values\":" + values(10, 10) + ",\"expectedVersion\":"
                + version(amending) + "}");
        JsonNode saved = awaitReport(yongji, id, s -> s.path("version").asLong() > version(amending));
        act(yongji, id, "submit", "{\"expectedVersion\":" + version(saved) + "}");
        awaitStatus(approver, id, "SUBMITTED");
        assertThat(indicator(approver.get("/api/rollups/city?period=" + period).json(), WATER_QUALITY)
                .path("cityValue").decimalValue()).as("old approved value still in force").isEqualByComparingTo("60.00");
        JsonNode submitted = awaitStatus(approver, id, "SUBMITTED");
        act(approver, id, "approve", "{\"expectedVersion\":" + version(submitted) + "}");
        JsonNode water = await().atMost(Duration.ofSeconds(10)).until(() -> indicator(
                approver.get("/api/rollups/city?period=" + period).json(), WATER_QUALITY),
                w -> w.path("cityValue").decimalValue().compareTo(new BigDecimal("100")) == 0);
        assertThat(water.path("cityValue").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void concurrentApproveAndReturnLetExactlyOneWin() throws Exception {
        String id = create(jiaohe, "220281", "2035", values(5, 10));
        JsonNode draft = awaitReport(jiaohe, id, s -> s.path("values").size() == 13);
        act(jiaohe, id, "submit", "{\"expectedVersion\":" + version(draft) + "}");
        long v = version(awaitStatus(approver, id, "SUBMITTED"));
        var pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        results.add(pool.submit(() -> {
            start.await();
            return act(as("sthj-approver"), id, "approve", "{\"expectedVersion\":" + v + "}").status();
        }));
        results.add(pool.submit(() -> {
            start.await();
            return act(as("sthj-approver"), id, "return", "{\"expectedVersion\":" + v + ",\"reason\":\"同时退回\"}")
                    .status();
        }));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(count("""
                select count(*) from domainevententry where aggregateidentifier = ?
                and (payloadtype like '%SubmissionApproved' or payloadtype like '%SubmissionReturned')""", id))
                .as("one decision recorded").isEqualTo(1L);
    }

    @Test
    void aLateReportIsMarkedAndTheReportingViewListsWhoIsMissing() {
        String id = create(yongji, "220221", "2024", values(9, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        act(yongji, id, "submit", "{\"expectedVersion\":" + version(draft) + "}");
        JsonNode submitted = awaitStatus(yongji, id, "SUBMITTED");
        assertThat(submitted.path("late").asBoolean()).as("2024 reports were due on 2025-01-31").isTrue();
        JsonNode reporting = approver.get("/api/submissions/reporting?period=2024").json();
        assertThat(reporting.path("deadline").asText()).isEqualTo("2025-01-31");
        List<String> missing = new ArrayList<>();
        reporting.path("units").forEach(u -> {
            if (u.path("status").isNull()) {
                missing.add(u.path("orgUnitName").asText());
            }
        });
        assertThat(missing).contains("蛟河市", "舒兰市", "吉林市生态环境局").doesNotContain("永吉县");
    }

    private static JsonNode indicator(JsonNode rollup, String indicatorId) {
        return ReportFixtures.rollupIndicator(rollup, indicatorId);
    }

    private static BigDecimal valueOf(JsonNode submission, String indicatorId) {
        for (JsonNode value : submission.path("values")) {
            if (value.path("indicator").asText().equals(indicatorId)) {
                return value.path("value").decimalValue();
            }
        }
        throw new AssertionError("no value for " + indicatorId);
    }
}
