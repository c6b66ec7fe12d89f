package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Creating projects and reports over HTTP, and waiting for the read model to show them. */
public final class ProjectFixtures {

    private ProjectFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    public static String thisMonth() {
        return YearMonth.now(BusinessTime.ZONE).toString();
    }

    /**
     * A project of 200 days of which 100 have passed (50 % expected), 1000 万元 planned, milestone m1 due 10 days
     * ago and m2 in 50 days; a fresh name so lists can be searched for it.
     */
    public static String createProject(ApiClient approver, String leadUnitId, String cooperatingJson) {
        LocalDate today = today();
        String name = "测试工程-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"plan":{"name":"%s","column":4,"group":"水清岸绿建设工程","plannedStart":"%s","plannedFinish":"%s",
                 "plannedInvestment":1000,"milestones":[{"name":"完成初步设计","plannedDate":"%s"},
                 {"name":"主体完工","plannedDate":"%s"}]},
                 "leadUnitId":"%s","cooperatingUnitIds":%s}""".formatted(name, today.minusDays(100),
                today.plusDays(100), today.minusDays(10), today.plusDays(50), leadUnitId, cooperatingJson);
        ApiClient.Response created = approver.post("/api/projects", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        awaitProject(approver, id, p -> p.path("summary").path("name").asText().equals(name));
        return id;
    }

    public static JsonNode awaitProject(ApiClient client, String id, Predicate<JsonNode> done) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ApiClient.Response r = client.get("/api/projects/" + id);
            return r.status() == 200 ? r.json() : null;
        }, p -> p != null && done.test(p));
    }

    /** GET /api/projects/export as the client, opened as a workbook. */
    public static XSSFWorkbook export(ApiClient client) throws IOException, InterruptedException {
        HttpResponse<byte[]> export = client.download("/api/projects/export");
        assertThat(export.statusCode()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(export.body()));
    }

    public static long version(JsonNode project) {
        return project.path("summary").path("version").asLong();
    }

    public static String update(String period, String progress, String investment, String extra, long version) {
        return """
                {"period":"%s","progress":%s,"investmentCompleted":%s,"problems":"征地协调进度偏慢",
                 "nextSteps":"加快主体施工"%s,"expectedVersion":%d}""".formatted(period, progress, investment,
                extra == null ? "" : "," + extra, version);
    }
}
