package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/** A county department's report is reviewed by the county first, then decided by the city bureau. */
class TwoStepReviewHttpTest extends HttpTestBase {
    private static final String RED_LINE_AREA = "220200-I13";

    @Test
    void theCountyReviewsItsDepartmentBeforeTheCityDecides() {
        ApiClient admin = as("admin");
        ApiClient cityApprover = as("sthj-approver");
        String department = uniqueId("220221-dept");
        assertThat(admin.post("/api/admin/org-units", "{\"id\":\"" + department
                + "\",\"name\":\"永吉县自然资源分局\",\"type\":\"DEPARTMENT\",\"parentId\":\"220221\"}").status())
                .isEqualTo(201);
        eventually(() -> count("select count(*) from org_unit_view where id = ?", department), n -> n == 1);
        String clerk = uniqueId("clerk").toLowerCase();
        String reviewer = uniqueId("review").toLowerCase();
        assertThat(admin.post("/api/admin/users", """
                {"username":"%s","displayName":"分局填报员","password":"Clerk2026x","roles":["SUBMITTER"],"orgUnitId":"%s"}
                """.formatted(clerk, department)).status()).isEqualTo(201);
        assertThat(admin.post("/api/admin/users", """
                {"username":"%s","displayName":"永吉县审核员","password":"Review2026x","roles":["APPROVER"],"orgUnitId":"220221"}
                """.formatted(reviewer)).status()).isEqualTo(201);
        eventually(() -> count("select count(*) from user_account_view where username in (?, ?)", clerk, reviewer),
                n -> n == 2);
        choosesOwnPassword(clerk, "Clerk2026x");
        choosesOwnPassword(reviewer, "Review2026x");

        // the bureau asks the new department to report the red-line area too
        JsonNode indicator = indicatorView(cityApprover);
        List<String> units = new ArrayList<>();
        indicator.path("reportingUnitIds").forEach(u -> units.add(u.asText()));
        units.add(department);
        ApiClient.Response assigned = cityApprover.put("/api/indicators/" + RED_LINE_AREA + "/assignment",
                "{\"periodType\":\"ANNUAL\",\"reportingUnitIds\":" + json(units) + ",\"expectedVersion\":"
                        + indicator.path("version").asLong() + "}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        eventually(() -> indicatorView(cityApprover).path("reportingUnitIds").toString(), s -> s.contains(department));

        ApiClient county = ApiClient.basic(port, reviewer, "Review2026x");
        JsonNode me = county.get("/api/me").json();
        assertThat(me.path("dataScope").asText()).isEqualTo("OWN_UNIT_AND_BELOW");
        assertThat(county.get("/api/org-units").json().get(0).path("children").findValuesAsText("id")).contains(department);
        assertThat(county.get("/api/rollups/city?period=2011").status()).as("the city rollup is for the city").isEqualTo(403);

        ApiClient departmentClerk = ApiClient.basic(port, clerk, "Clerk2026x");
        String id = create(departmentClerk, department, "2011",
                "[{\"indicator\":\"" + RED_LINE_AREA + "\",\"value\":120.5}]");
        JsonNode draft = awaitReport(departmentClerk, id, s -> s.path("values").size() == 1);
        assertThat(draft.path("reviewUnitId").asText()).isEqualTo("220221");
        assertThat(act(departmentClerk, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status())
                .isEqualTo(200);
        JsonNode submitted = awaitStatus(county, id, "SUBMITTED");

        ApiClient.Response tooEarly = act(cityApprover, id, "approve", "{\"expectedVersion\":" + version(submitted) + "}");
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.message()).contains("县级审核");

        assertThat(county.get("/api/submissions?period=2011").json().findValuesAsText("id")).contains(id);
        assertThat(act(county, id, "approve", "{\"expectedVersion\":" + version(submitted) + ",\"comment\":\"县级已核\"}")
                .status()).isEqualTo(200);
        JsonNode reviewed = awaitStatus(cityApprover, id, "REVIEWED");
        assertThat(act(county, id, "approve", "{\"expectedVersion\":" + version(reviewed) + "}").status())
                .as("the county does not decide for the city").isEqualTo(422);
        assertThat(act(cityApprover, id, "approve", "{\"expectedVersion\":" + version(reviewed) + "}").status())
                .isEqualTo(200);
        JsonNode approved = awaitStatus(departmentClerk, id, "APPROVED");
        assertThat(approved.path("history").findValuesAsText("type")).containsSubsequence("SUBMITTED", "REVIEWED",
                "APPROVED");
        assertThat(as("jiaohe-submitter").get("/api/submissions/" + id).status()).isEqualTo(404);
    }

    private static JsonNode indicatorView(ApiClient client) {
        for (JsonNode indicator : client.get("/api/indicators").json()) {
            if (indicator.path("id").asText().equals(RED_LINE_AREA)) {
                return indicator;
            }
        }
        throw new AssertionError("no " + RED_LINE_AREA);
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
