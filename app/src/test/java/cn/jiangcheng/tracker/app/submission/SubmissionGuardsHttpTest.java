package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenant isolation, roles and bad input on reports: each refused, each leaving the event store untouched. */
class SubmissionGuardsHttpTest extends HttpTestBase {
    private ApiClient yongji;

    @BeforeEach
    void clients() {
        yongji = as("yongji-submitter");
    }

    @Test
    void otherUnitsAndOtherCitiesCannotSeeOrTouchAReport() {
        String id = create(yongji, "220221", "2006", values(9, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        long before = eventCount();
        for (String outsider : new String[]{"jiaohe-submitter", "fgw-submitter", "cc-submitter"}) {
            ApiClient other = as(outsider);
            assertThat(other.get("/api/submissions/" + id).status()).as(outsider).isEqualTo(404);
            assertThat(other.put("/api/submissions/" + id, "{\"values\":[],\"expectedVersion\":" + version(draft) + "}")
                    .status()).as(outsider).isEqualTo(404);
            assertThat(act(other, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status())
                    .as(outsider).isEqualTo(404);
            assertThat(other.get("/api/submissions?period=2006").json().findValuesAsText("id")).doesNotContain(id);
        }
        assertThat(as("cc-submitter").get("/api/submissions/reporting?period=2006").json().path("units").size())
                .as("another city sees none of Jilin's units").isZero();
        assertThat(eventCount()).isEqualTo(before);
        assertThat(as("auditor").get("/api/submissions/" + id).status()).as("auditors read the whole city").isEqualTo(200);
    }

    @Test
    void rolesAreEnforced() {
        String id = create(yongji, "220221", "2007", values(9, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        long before = eventCount();
        assertThat(as("sthj-approver").post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2007\",\"values\":[]}").status()).isEqualTo(403);
        assertThat(act(yongji, id, "approve", "{\"expectedVersion\":" + version(draft) + "}").status()).isEqualTo(403);
        assertThat(act(as("auditor"), id, "return", "{\"expectedVersion\":" + version(draft) + ",\"reason\":\"x\"}")
                .status()).isEqualTo(403);
        assertThat(act(as("admin"), id, "approve", "{\"expectedVersion\":" + version(draft) + "}").status())
                .isEqualTo(403);
        assertThat(as("yongji-submitter").post("/api/submissions",
                "{\"orgUnitId\":\"220281\",\"period\":\"2007\",\"values\":[]}").status())
                .as("a county cannot report for another").isEqualTo(404);
        assertThat(act(as("sthj-approver"), id, "approve", "{\"expectedVersion\":" + version(draft) + "}").code())
                .as("a draft cannot be approved").isEqualTo("WRONG_STATUS");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aCityWithoutCatalogHasNothingToReport() {
        ApiClient.Response response = as("cc-submitter").post("/api/submissions",
                "{\"orgUnitId\":\"220102\",\"period\":\"2025\",\"values\":[]}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("NOTHING_TO_REPORT");
    }

    @Test
    void badInputIsRefusedWithAReasonAndStoresNothing() {
        long before = eventCount();
        ApiClient.Response badPeriod = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2025年\",\"values\":[]}");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("period");

        ApiClient.Response unknownField = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2008\",\"values\":[],\"status\":\"APPROVED\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("UNKNOWN_FIELD");

        ApiClient.Response textValue = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2008\",\"values\":[{\"indicator\":\"220200-I13\",\"value\":\"很多\"}]}");
        assertThat(textValue.status()).isEqualTo(400);
        assertThat(textValue.code()).isEqualTo("BAD_TYPE");

        ApiClient.Response percentOver = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2008\",\"values\":[{\"indicator\":\"220200-I17\",\"value\":120,\"components\":{\"land_area\":10}}]}");
        assertThat(percentOver.status()).isEqualTo(422);
        assertThat(percentOver.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(percentOver.message()).contains("森林覆盖率").contains("0到100");

        ApiClient.Response numeratorAbove = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2008\",\"values\":[{\"indicator\":\"220200-I03\",\"components\":{\"sections_good\":11,\"sections_assessed\":10}}]}");
        assertThat(numeratorAbove.code()).isEqualTo("NUMERATOR_ABOVE_DENOMINATOR");

        ApiClient.Response negative = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2008\",\"values\":[{\"indicator\":\"220200-I13\",\"value\":-5}]}");
        assertThat(negative.code()).isEqualTo("OUT_OF_RANGE");

        ApiClient.Response controlCharacter = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2008\",\"values\":[{\"indicator\":\"220200-I13\",\"value\":5,\"note\":\"a\\u0000b\"}]}");
        assertThat(controlCharacter.status()).isEqualTo(400);
        assertThat(controlCharacter.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("values[0].note");

        ApiClient.Response notAssigned = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2008\",\"values\":[{\"indicator\":\"220200-I01\",\"value\":90}]}");
        assertThat(notAssigned.code()).as("air quality is measured by the city, not the county").isEqualTo("NOT_ASSIGNED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSecondReportForTheSameUnitAndPeriodIsAConflict() {
        create(yongji, "220221", "2009", values(9, 10));
        ApiClient.Response again = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2009\",\"values\":[]}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void incompleteReportsAndUnexplainedJumpsCannotBeSubmitted() {
        String partial = create(yongji, "220221", "2010",
                "[{\"indicator\":\"220200-I13\",\"value\":700}]");
        JsonNode draft = awaitReport(yongji, partial, s -> s.path("values").size() == 1);
        ApiClient.Response incomplete = act(yongji, partial, "submit", "{\"expectedVersion\":" + version(draft) + "}");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.code()).isEqualTo("INCOMPLETE");
        assertThat(incomplete.message()).contains("森林覆盖率");
    }

    @Test
    void aJumpFromTheLastApprovedValueNeedsAnExplanation() {
        ApiClient fgw = as("fgw-submitter");
        ApiClient approver = as("sthj-approver");
        String first = create(fgw, "220200-fgw", "2014",
                "[{\"indicator\":\"220200-I09\",\"value\":3.5},{\"indicator\":\"220200-I10\",\"value\":15}]");
        ReportFixtures.submitAndApprove(fgw, approver, first);
        String second = create(fgw, "220200-fgw", "2015",
                "[{\"indicator\":\"220200-I09\",\"value\":3.6},{\"indicator\":\"220200-I10\",\"value\":30}]");
        JsonNode draft = awaitReport(fgw, second, s -> s.path("previousApproved").size() == 2);
        ApiClient.Response jump = act(fgw, second, "submit", "{\"expectedVersion\":" + version(draft) + "}");
        assertThat(jump.status()).isEqualTo(422);
        assertThat(jump.code()).isEqualTo("EXPLANATION_REQUIRED");
        assertThat(jump.message()).contains("非化石能源占一次能源消费比例").contains("15").contains("30%");

        assertThat(fgw.put("/api/submissions/" + second, "{\"values\":[{\"indicator\":\"220200-I09\",\"value\":3.6},"
                + "{\"indicator\":\"220200-I10\",\"value\":30,\"explanation\":\"新建光伏电站并网\"}],\"expectedVersion\":"
                + version(draft) + "}").status()).isEqualTo(200);
        JsonNode explained = awaitReport(fgw, second, s -> s.path("version").asLong() > version(draft));
        assertThat(act(fgw, second, "submit", "{\"expectedVersion\":" + version(explained) + "}").status())
                .as("3.5 → 3.6 is within 30 %, 15 → 30 is explained").isEqualTo(200);
    }

    @Test
    void evidenceIsStoredWithItsHashAndServedOnlyToThoseWhoSeeTheReport() throws Exception {
        String id = create(yongji, "220221", "2011", values(9, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        ApiClient.Response uploaded = yongji.upload("/api/submissions/" + id + "/evidence?expectedVersion=" + version(draft), "监测报告.pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String expectedSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(uploaded.json().path("sha256").asText()).isEqualTo(expectedSha);
        String fileId = uploaded.json().path("fileId").asText();
        assertThat(count("select count(*) from domainevententry where aggregateidentifier = ? and convert_from(payload, 'UTF8') like ?",
                id, "%" + expectedSha + "%")).as("the event carries the hash").isEqualTo(1L);

        JsonNode withFile = awaitReport(yongji, id, s -> s.path("evidence").size() == 1);
        ApiClient.Response download = yongji.get("/api/submissions/" + id + "/evidence/" + fileId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF-1.4");
        assertThat(as("jiaohe-submitter").get("/api/submissions/" + id + "/evidence/" + fileId).status()).isEqualTo(404);

        long before = eventCount();
        long files = count("select count(*) from evidence_file");
        ApiClient.Response fake = yongji.upload("/api/submissions/" + id + "/evidence?expectedVersion="
                + version(withFile), "伪装.pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII));
        assertThat(fake.status()).isEqualTo(422);
        assertThat(fake.code()).isEqualTo("FILE_TYPE");
        ApiClient.Response stale = yongji.upload("/api/submissions/" + id + "/evidence?expectedVersion=" + version(draft), "旧版本.pdf", pdf);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(count("select count(*) from evidence_file")).as("no orphan file rows").isEqualTo(files);
    }

}
