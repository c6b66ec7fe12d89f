package cn.jiangcheng.tracker.app.rollup;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.WATER_QUALITY;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.rollupIndicator;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.submitAndApprove;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 3: a partial period is not judged as the city's value. With 2 of 12 units approved the red line
 * area (a sum) has no city value and 数据不全; a ratio shows its value but no verdict; 截止汇总 judges on the data there
 * is and names who was missing; reopening undoes it. Each test has its own period.
 */
class RollupClosureHttpTest extends HttpTestBase {
    static final String RED_LINE = "220200-I13";
    static final String SEWAGE = "220200-I11";
    static final String CLOSURE = "/api/rollups/city/closure";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Far enough ahead that the test's own periods are over and open for reports; 2085—2090 are used by no other test
     * (ChainHttpTest takes 2071—2082).
     */
    private void moveTo(LocalDate day) {
        clock.advance(Duration.between(clock.instant(), day.atStartOfDay(BusinessTime.ZONE).toInstant()));
    }

    private JsonNode rollup(ApiClient client, String period) {
        return client.get("/api/rollups/city?period=" + period).json();
    }

    /** Two of the twelve county-level units report and are approved. */
    private void twoUnitsApproved(String period) {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        ApiClient jiaohe = as("jiaohe-submitter");
        submitAndApprove(yongji, approver, create(yongji, "220221", period, values(9, 10)));
        submitAndApprove(jiaohe, approver, create(jiaohe, "220281", period, values(1, 2)));
        eventually(() -> rollup(approver, period), r -> rollupIndicator(r, RED_LINE).path("reportedUnits").asInt() == 2);
    }

    @Test
    void aPartialPeriodIsIncompleteUntilTheBureauClosesItAndIncompleteAgainWhenReopened() {
        String period = "2085";
        ApiClient approver = as("sthj-approver");
        moveTo(LocalDate.of(2086, 3, 1));
        twoUnitsApproved(period);

        JsonNode partial = rollup(approver, period);
        JsonNode redLine = rollupIndicator(partial, RED_LINE);
        // 700.5 + 700.5 from 2 of 12 units is not the city's red line area
        assertThat(redLine.path("cityValue").isNull()).as(redLine.toString()).isTrue();
        assertThat(redLine.path("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(redLine.path("progress").isNull()).isTrue();
        assertThat(redLine.path("coverage").path("complete").asBoolean()).isFalse();
        assertThat(redLine.path("coverage").path("missing")).hasSize(10);
        assertThat(redLine.path("statusReason").asText()).startsWith("已报2/12个单位，未报：");
        JsonNode water = rollupIndicator(partial, WATER_QUALITY);
        // (9 + 1) / (10 + 2) = 83.33 % is shown, but not judged
        assertThat(water.path("cityValue").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(water.path("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(partial.path("closure").isNull()).isTrue();

        ApiClient.Response early = approver.post(CLOSURE, "{\"period\":\"2086\",\"note\":\"逾期未报\"}");
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("PERIOD_NOT_OVER");

        ApiClient.Response closed = approver.post(CLOSURE, "{\"period\":\"" + period
                + "\",\"note\":\"其余单位逾期未报，按现有数据汇总\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode after = closed.json();
        // 10 county-level units, and the bureau and 发改委, whose city-measured indicators are not in either
        assertThat(after.path("closure").path("missingAtClosing")).hasSize(12);
        assertThat(after.path("closure").path("missingAtClosing").toString())
                .contains("桦甸市", "吉林市生态环境局", "吉林市发展和改革委员会").doesNotContain("永吉县", "蛟河市");
        assertThat(after.path("closure").path("note").asText()).isEqualTo("其余单位逾期未报，按现有数据汇总");
        assertThat(after.path("closure").path("closedBy").asText()).isNotBlank();
        // a partial sum stays unjudged even when closed: 1401 is not the city's red line area
        JsonNode redLineClosed = rollupIndicator(after, RED_LINE);
        assertThat(redLineClosed.path("cityValue").isNull()).isTrue();
        assertThat(redLineClosed.path("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(redLineClosed.path("statusReason").asText()).contains("已截止汇总", "不作判定");
        // a ratio is judged on the units there are: 198 / 200 = 99 % against the 2035 target 99, still in force
        // after the last milestone, and the reason says whom it leaves out
        JsonNode sewage = rollupIndicator(after, SEWAGE);
        assertThat(sewage.path("status").asText()).isEqualTo("MET");
        assertThat(sewage.path("coverage").path("complete").asBoolean()).isTrue();
        assertThat(sewage.path("statusReason").asText()).contains("截止汇总，不含：", "桦甸市");
        assertThat(count("select count(*) from domainevententry where payloadtype like '%PeriodClosed'"
                + " and aggregateidentifier = ?", "220200:" + period)).isEqualTo(1);

        ApiClient.Response twice = approver.post(CLOSURE, "{\"period\":\"" + period + "\",\"note\":\"再次截止\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.code()).isEqualTo("ALREADY_CLOSED");

        ApiClient.Response reopened = approver.post(CLOSURE + "/reopen", "{\"period\":\"" + period
                + "\",\"reason\":\"永吉县申请补报\"}");
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().path("closure").isNull()).isTrue();
        assertThat(rollupIndicator(reopened.json(), SEWAGE).path("status").asText()).isEqualTo("INCOMPLETE");
        ApiClient.Response reopenTwice = approver.post(CLOSURE + "/reopen", "{\"period\":\"" + period
                + "\",\"reason\":\"再开\"}");
        assertThat(reopenTwice.code()).isEqualTo("NOT_CLOSED");
    }

    @Test
    void onlyTheBureausApproversCloseAndBadInputChangesNothing() {
        String period = "2087";
        moveTo(LocalDate.of(2088, 3, 1));
        twoUnitsApproved(period);
        String body = "{\"period\":\"" + period + "\",\"note\":\"逾期未报\"}";
        long before = eventCount();

        for (String user : new String[]{"yongji-submitter", "sthj-inspector", "auditor", "admin", "cc-submitter"}) {
            assertThat(as(user).post(CLOSURE, body).status()).as(user).isEqualTo(403);
            assertThat(as(user).post(CLOSURE + "/reopen", "{\"period\":\"" + period + "\",\"reason\":\"x\"}")
                    .status()).as(user).isEqualTo(403);
        }
        ApiClient approver = as("sthj-approver");
        assertThat(approver.post(CLOSURE, "{\"period\":\"" + period + "\",\"note\":\"  \"}").status()).isEqualTo(400);
        assertThat(approver.post(CLOSURE, "{\"period\":\"" + period + "\"}").status()).isEqualTo(400);
        assertThat(approver.post(CLOSURE, "{\"period\":\"20x8\",\"note\":\"逾期\"}").status()).isEqualTo(400);
        assertThat(approver.post(CLOSURE, "{\"period\":\"" + period + "\",\"note\":\"逾期\",\"force\":true}").status())
                .as("unknown field").isEqualTo(400);
        assertThat(approver.post(CLOSURE, "{\"period\":\"" + period + "\",\"note\":\"" + "长".repeat(501) + "\"}")
                .status()).isEqualTo(400);
        ApiClient.Response notClosed = approver.post(CLOSURE + "/reopen", "{\"period\":\"" + period
                + "\",\"reason\":\"补报\"}");
        assertThat(notClosed.status()).isIn(404, 422);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(rollup(approver, period).path("closure").isNull()).isTrue();
    }

    @Test
    void theExportUsesTheSameWords() throws Exception {
        String period = "2089";
        moveTo(LocalDate.of(2090, 3, 1));
        twoUnitsApproved(period);
        HttpResponse<byte[]> xlsx = as("sthj-approver").download("/api/rollups/city/export?period=" + period);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet(RollupWorkbook.SHEET_NAME);
            Row redLine = null;
            for (Row row : sheet) {
                if (row.getRowNum() >= RollupWorkbook.FIRST_DATA_ROW && row.getCell(RollupWorkbook.COL_NAME) != null
                        && row.getCell(RollupWorkbook.COL_NAME).getStringCellValue().equals("生态保护红线面积")) {
                    redLine = row;
                }
            }
            assertThat(redLine).isNotNull();
            assertThat(redLine.getCell(RollupWorkbook.COL_STATUS).getStringCellValue()).isEqualTo("数据不全");
            assertThat(redLine.getCell(RollupWorkbook.COL_CITY_VALUE).getStringCellValue()).isEqualTo("—");
            assertThat(redLine.getCell(RollupWorkbook.COL_REASON).getStringCellValue()).startsWith("已报2/12个单位");
        }
    }
}
