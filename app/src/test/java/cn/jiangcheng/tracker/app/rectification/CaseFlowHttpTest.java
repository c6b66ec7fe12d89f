package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.jiangcheng.tracker.app.rectification.Cases.act;
import static cn.jiangcheng.tracker.app.rectification.Cases.awaitCase;
import static cn.jiangcheng.tracker.app.rectification.Cases.awaitStatus;
import static cn.jiangcheng.tracker.app.rectification.Cases.inspectionCase;
import static cn.jiangcheng.tracker.app.rectification.Cases.ok;
import static cn.jiangcheng.tracker.app.rectification.Cases.register;
import static cn.jiangcheng.tracker.app.rectification.Cases.today;
import static cn.jiangcheng.tracker.app.rectification.Cases.upload;
import static org.assertj.core.api.Assertions.assertThat;

/** A case from 交办 to 销号 over HTTP, the ledger, its statistics and the Excel export. */
class CaseFlowHttpTest extends HttpTestBase {

    @Test
    void aCaseGoesFromAssignmentToClosureAndTheLedgerShowsIt() throws Exception {
        ApiClient inspector = as("sthj-inspector").header("X-Correlation-Id", "corr-case-flow");
        ApiClient yongji = as("yongji-submitter");
        String description = "排污口超标排放 " + uniqueId("flow");
        String id = register(inspector, inspectionCase("220221", today().plusDays(30), description));

        JsonNode assigned = awaitStatus(yongji, id, "ASSIGNED");
        assertThat(assigned.path("summary").path("light").asText()).isEqualTo("GREEN");
        ok(act(yongji, id, "acknowledge", ""));
        ok(act(yongji, id, "plan", """
                "measures":"封堵排污口，建设截污管网","responsiblePerson":"张建国",
                "milestones":[{"dueOn":"%s","description":"完成排污口封堵"}]""".formatted(today().plusDays(10))));
        ok(act(yongji, id, "progress", "\"progress\":\"排污口已封堵\",\"percent\":60"));
        assertThat(upload(yongji, id).status()).isEqualTo(201);
        ok(act(yongji, id, "request-acceptance", "\"selfCheck\":\"已完成全部整改措施\""));
        ok(act(inspector, id, "reject", "\"reason\":\"截污管网尚未通水\",\"siteCheck\":\"现场核查发现管网未通水\""));
        awaitStatus(yongji, id, "IN_PROGRESS");
        ok(act(yongji, id, "progress", "\"progress\":\"截污管网已通水\",\"percent\":100"));
        ok(act(yongji, id, "request-acceptance", "\"selfCheck\":\"管网已通水，监测达标\""));
        ok(act(inspector, id, "accept", "\"siteCheck\":\"现场核查属实\",\"publicityDays\":0"));
        ok(act(inspector, id, "close", "\"comment\":\"同意销号\""));

        JsonNode closed = awaitStatus(yongji, id, "CLOSED");
        assertThat(closed.path("summary").path("closedOnTime").asBoolean()).isTrue();
        assertThat(closed.path("summary").path("light").asText()).isEqualTo("NONE");
        List<String> steps = new ArrayList<>();
        closed.path("timeline").forEach(t -> steps.add(t.path("type").asText()));
        assertThat(steps).containsExactly("REGISTERED", "ACKNOWLEDGED", "PLAN_SUBMITTED", "PROGRESS_REPORTED",
                "EVIDENCE_ATTACHED", "ACCEPTANCE_REQUESTED", "ACCEPTANCE_REJECTED", "PROGRESS_REPORTED",
                "ACCEPTANCE_REQUESTED", "ACCEPTED", "CLOSED");
        assertThat(closed.path("timeline").get(1).path("userId").asText()).isEqualTo("yongji-submitter");
        assertThat(closed.path("evidence").get(0).path("fileName").asText()).isEqualTo("整改前后对比照片.pdf");
        String fileId = closed.path("evidence").get(0).path("fileId").asText();
        assertThat(yongji.get("/api/cases/" + id + "/evidence/" + fileId).status()).isEqualTo(200);

        // the cooperating county sees the case in its ledger
        JsonNode jiaohe = as("jiaohe-submitter").get("/api/cases?q=" + enc(description)).json();
        assertThat(jiaohe.path("total").asLong()).isEqualTo(1);
        JsonNode ledger = inspector.get("/api/cases?status=CLOSED&source=CENTRAL_INSPECTION&unit=220221&q="
                + enc(description)).json();
        assertThat(ledger.path("items").get(0).path("closedOnTime").asBoolean()).isTrue();

        // every event carries who, when and the request's correlation id
        var row = jdbc.queryForMap("""
                select convert_from(metadata, 'UTF8') as metadata from domainevententry
                where aggregateidentifier = ? and payloadtype like '%CaseRegistered'""", id);
        JsonNode metadata = new ObjectMapper().readTree((String) row.get("metadata"));
        assertThat(metadata.path("userId").asText()).isEqualTo("sthj-inspector");
        assertThat(metadata.path("roles").asText()).isEqualTo("INSPECTOR");
        assertThat(metadata.path("cityId").asText()).isEqualTo("220200");
        assertThat(metadata.path("correlationId").asText()).isEqualTo("corr-case-flow");
    }

    @Test
    void theLedgerFiltersPagesAndComputesOverdueFromTheClock() {
        ApiClient inspector = as("sthj-inspector");
        String tag = uniqueId("overdue");
        String soon = register(inspector, jiaoheCase(today().plusDays(2), "临期问题 " + tag));
        String later = register(inspector, jiaoheCase(today().plusDays(40), "远期问题 " + tag));

        JsonNode page = inspector.get("/api/cases?unit=220281&limit=1&q=" + enc(tag)).json();
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asText()).as("nearest deadline first").isEqualTo(soon);
        assertThat(page.path("items").get(0).path("light").asText()).isEqualTo("YELLOW");
        assertThat(inspector.get("/api/cases?unit=220281&limit=1&offset=1&q=" + enc(tag)).json()
                .path("items").get(0).path("id").asText()).isEqualTo(later);
        assertThat(inspector.get("/api/cases?overdue=true&q=" + enc(tag)).json().path("total").asLong()).isZero();

        clock.advance(Duration.ofDays(5));
        try {
            JsonNode overdue = inspector.get("/api/cases?overdue=true&q=" + enc(tag)).json();
            assertThat(overdue.path("total").asLong()).isEqualTo(1);
            assertThat(overdue.path("items").get(0).path("id").asText()).isEqualTo(soon);
            assertThat(overdue.path("items").get(0).path("light").asText()).isEqualTo("RED");
            JsonNode stats = inspector.get("/api/cases/stats").json();
            JsonNode jiaohe = null;
            for (JsonNode unit : stats.path("byUnit")) {
                if (unit.path("key").asText().equals("220281")) {
                    jiaohe = unit;
                }
            }
            assertThat(jiaohe).isNotNull();
            assertThat(jiaohe.path("overdue").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(jiaohe.path("light").asText()).isEqualTo("RED");
            assertThat(jiaohe.path("label").asText()).isEqualTo("蛟河市");
        } finally {
            clock.reset();
        }
    }

    @Test
    void statisticsAndTheExcelLedgerCountClosedCases() throws Exception {
        ApiClient inspector = as("sthj-inspector");
        ApiClient yongji = as("yongji-submitter");
        String description = "统计用问题 " + uniqueId("stats");
        String id = register(inspector, inspectionCase("220221", today().plusDays(20), description));
        ok(act(yongji, id, "acknowledge", ""));
        ok(act(yongji, id, "plan", "\"measures\":\"清理河道垃圾\",\"responsiblePerson\":\"王强\""));
        upload(yongji, id);
        ok(act(yongji, id, "request-acceptance", "\"selfCheck\":\"已清理\""));
        ok(act(inspector, id, "accept", "\"siteCheck\":\"属实\",\"publicityDays\":0"));
        ok(act(inspector, id, "close", ""));

        JsonNode stats = inspector.get("/api/cases/stats").json();
        JsonNode central = null;
        for (JsonNode source : stats.path("bySource")) {
            if (source.path("key").asText().equals("CENTRAL_INSPECTION")) {
                central = source;
            }
        }
        assertThat(central).isNotNull();
        assertThat(central.path("label").asText()).isEqualTo("中央督察");
        assertThat(central.path("closed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(central.path("closedOnTime").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(central.path("averageDaysToClose").isNumber()).isTrue();

        HttpResponse<byte[]> xlsx = inspector.download("/api/cases/export?q=" + enc(description));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("整改台账");
            Row header = sheet.getRow(1);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("序号", "问题来源", "问题描述", "责任单位", "整改时限", "整改措施",
                    "整改进展", "完成情况", "销号时间");
            Row line = sheet.getRow(2);
            assertThat(line.getCell(1).getStringCellValue()).startsWith("中央督察 第二轮 第三批");
            assertThat(line.getCell(2).getStringCellValue()).isEqualTo(description);
            assertThat(line.getCell(3).getStringCellValue()).isEqualTo("永吉县");
            assertThat(line.getCell(5).getStringCellValue()).isEqualTo("清理河道垃圾");
            assertThat(line.getCell(7).getStringCellValue()).isEqualTo("已完成（按期）");
            assertThat(line.getCell(8).getStringCellValue()).isEqualTo(today().toString());
            assertThat(sheet.getRow(3)).isNull();
        }
    }

    @Test
    void anExtensionMovesTheDeadlineAndAClosedCaseCanBeReopened() {
        ApiClient inspector = as("sthj-inspector");
        ApiClient yongji = as("yongji-submitter");
        String id = register(inspector, inspectionCase("220221", today().plusDays(10), "延期测试 " + uniqueId("ext")));
        ok(act(yongji, id, "acknowledge", ""));
        ApiClient.Response requested = act(yongji, id, "extension-requests",
                "\"reason\":\"冻土期无法施工\",\"newDeadline\":\"" + today().plusDays(60) + "\"");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String rid = requested.json().path("requestId").asText();
        ok(act(inspector, id, "extension-requests/" + rid + "/approve", "\"comment\":\"同意\""));
        JsonNode extended = awaitCase(yongji, id,
                c -> c.path("summary").path("deadline").asText().equals(today().plusDays(60).toString()));
        assertThat(extended.path("extensions").get(0).path("status").asText()).isEqualTo("APPROVED");
        assertThat(extended.path("originalDeadline").asText()).isEqualTo(today().plusDays(10).toString());

        ok(act(yongji, id, "plan", "\"measures\":\"开春后施工\",\"responsiblePerson\":\"张建国\""));
        upload(yongji, id);
        ok(act(yongji, id, "request-acceptance", "\"selfCheck\":\"已完成\""));
        ok(act(inspector, id, "accept", "\"siteCheck\":\"属实\",\"publicityDays\":0"));
        ok(act(inspector, id, "close", ""));
        ok(act(inspector, id, "reopen", "\"reason\":\"回头看发现问题反弹\",\"newDeadline\":\"" + today().plusDays(30) + "\""));
        JsonNode reopened = awaitStatus(yongji, id, "IN_PROGRESS");
        assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.path("timeline").findValuesAsText("type")).contains("CLOSED", "REOPENED");
    }

    private static String jiaoheCase(java.time.LocalDate deadline, String description) {
        return inspectionCase("220281", deadline, description).replace("[\"220281\"]", "[]");
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
