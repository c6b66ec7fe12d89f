package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static cn.jiangcheng.tracker.app.project.ProjectFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenant isolation, roles and bad input on projects: each refused with a reason, each storing nothing. */
class ProjectGuardsHttpTest extends HttpTestBase {

    @Test
    void otherUnitsAndCitiesCannotSeeOrReportAndCooperatingUnitsOnlySee() {
        ApiClient approver = as("sthj-approver");
        String id = createProject(approver, "220221", "[\"220200-fgw\"]");
        JsonNode project = awaitProject(approver, id, p -> true);
        String body = update(thisMonth(), "10", "100", null, version(project));
        long before = eventCount();
        for (String outsider : new String[]{"jiaohe-submitter", "cc-submitter"}) {
            ApiClient other = as(outsider);
            assertThat(other.get("/api/projects/" + id).status()).as(outsider).isEqualTo(404);
            assertThat(other.post("/api/projects/" + id + "/updates", body).status()).as(outsider).isEqualTo(404);
            assertThat(other.get("/api/projects").json().findValuesAsText("id")).as(outsider).doesNotContain(id);
        }
        assertThat(as("cc-submitter").get("/api/projects").json().size()).as("长春 sees none of 吉林's projects")
                .isZero();
        assertThat(as("cc-submitter").get("/api/projects/stats").json().path("city").path("projects").asInt()).isZero();

        ApiClient fgw = as("fgw-submitter");
        assertThat(fgw.get("/api/projects/" + id).status()).as("a cooperating unit sees the project").isEqualTo(200);
        assertThat(fgw.get("/api/projects").json().findValuesAsText("id")).contains(id);
        ApiClient.Response cooperating = fgw.post("/api/projects/" + id + "/updates", body);
        assertThat(cooperating.status()).isEqualTo(422);
        assertThat(cooperating.code()).isEqualTo("NOT_LEAD_UNIT");
        assertThat(cooperating.message()).contains("牵头单位");

        for (String reader : new String[]{"auditor", "sthj-inspector"}) {
            assertThat(as(reader).get("/api/projects/" + id).status()).as(reader).isEqualTo(200);
        }
        assertThat(as("admin").get("/api/projects/" + id).status()).as("administrators manage users only")
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void rolesAreEnforced() {
        ApiClient approver = as("sthj-approver");
        String id = createProject(approver, "220221", "[]");
        JsonNode project = awaitProject(approver, id, p -> true);
        long v = version(project);
        long before = eventCount();
        String create = """
                {"plan":{"name":"越权工程","column":2,"plannedStart":"2026-01-01","plannedFinish":"2027-01-01",
                 "plannedInvestment":10},"leadUnitId":"220221"}""";
        for (String who : new String[]{"yongji-submitter", "auditor", "admin", "sthj-inspector"}) {
            assertThat(as(who).post("/api/projects", create).status()).as(who).isEqualTo(403);
            assertThat(as(who).post("/api/projects/" + id + "/cancel", "{\"reason\":\"x\",\"expectedVersion\":" + v + "}")
                    .status()).as(who).isEqualTo(403);
        }
        assertThat(as("yongji-submitter").post("/api/projects/" + id + "/updates/" + thisMonth() + "/approve",
                "{\"expectedVersion\":" + v + "}").status()).isEqualTo(403);
        assertThat(as("auditor").post("/api/projects/" + id + "/updates",
                update(thisMonth(), "10", "100", null, v)).status()).isEqualTo(403);
        assertThat(approver.post("/api/projects/" + id + "/updates", update(thisMonth(), "10", "100", null, v))
                .status()).as("the bureau does not report for a county").isEqualTo(403);
        ApiClient.Response unknownUpdate = approver.post("/api/projects/" + id + "/updates/2020-01/approve",
                "{\"expectedVersion\":" + v + "}");
        assertThat(unknownUpdate.status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAReasonAndStoresNothing() {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        String id = createProject(approver, "220221", "[]");
        JsonNode project = awaitProject(yongji, id, p -> true);
        long v = version(project);
        String path = "/api/projects/" + id + "/updates";
        long before = eventCount();

        for (String progress : new String[]{"101", "-1", "100.5"}) {
            ApiClient.Response r = yongji.post(path, update(thisMonth(), progress, "100", null, v));
            assertThat(r.status()).as(progress).isEqualTo(400);
            assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.message()).contains("进度须在0到100之间");
            assertThat(r.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("progress");
        }
        ApiClient.Response unknownField = yongji.post(path, update(thisMonth(), "10", "100", "\"status\":\"APPROVED\"", v));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("UNKNOWN_FIELD");
        ApiClient.Response textProgress = yongji.post(path, update(thisMonth(), "\"很多\"", "100", null, v));
        assertThat(textProgress.status()).isEqualTo(400);
        assertThat(textProgress.code()).isEqualTo("BAD_TYPE");
        ApiClient.Response missing = yongji.post(path, "{\"progress\":10,\"expectedVersion\":" + v + "}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("fieldErrors").findValuesAsText("field"))
                .contains("period", "investmentCompleted");
        ApiClient.Response badPeriod = yongji.post(path, update("2026年3月", "10", "100", null, v));
        assertThat(badPeriod.status()).isEqualTo(422);
        assertThat(badPeriod.code()).isEqualTo("BAD_PERIOD");
        ApiClient.Response future = yongji.post(path, update(java.time.YearMonth.now(BusinessTime.ZONE).plusMonths(1).toString(),
                "10", "100", null, v));
        assertThat(future.code()).isEqualTo("FUTURE_PERIOD");
        ApiClient.Response overPlan = yongji.post(path, update(thisMonth(), "10", "1200", null, v));
        assertThat(overPlan.status()).isEqualTo(422);
        assertThat(overPlan.code()).isEqualTo("INVESTMENT_OVER_PLAN");
        assertThat(overPlan.message()).contains("1200").contains("1000");
        ApiClient.Response jump = yongji.post(path, update(thisMonth(), "10", "400", null, v));
        assertThat(jump.code()).as("400 of 1000 in one month").isEqualTo("INVESTMENT_JUMP");
        ApiClient.Response unknownMilestone = yongji.post(path, update(thisMonth(), "10", "100",
                "\"milestonesReached\":[{\"milestoneId\":\"m9\",\"reachedOn\":\"" + today() + "\",\"evidence\":\"x\"}]", v));
        assertThat(unknownMilestone.code()).isEqualTo("UNKNOWN_MILESTONE");
        ApiClient.Response oversized = yongji.post(path, update(thisMonth(), "10", "100",
                "\"nextSteps\":\"" + "很".repeat(100_000) + "\"", v));
        assertThat(oversized.status()).isEqualTo(413);
        ApiClient.Response stale = yongji.post(path, update(thisMonth(), "10", "100", null, v + 5));
        assertThat(stale.status()).isIn(409, 422);

        ApiClient.Response otherCityUnit = approver.post("/api/projects", """
                {"plan":{"name":"跨市工程","column":2,"plannedStart":"2026-01-01","plannedFinish":"2027-01-01",
                 "plannedInvestment":10},"leadUnitId":"220102"}""");
        assertThat(otherCityUnit.status()).isEqualTo(404);
        ApiClient.Response badColumn = approver.post("/api/projects", """
                {"plan":{"name":"专栏外工程","column":10,"plannedStart":"2026-01-01","plannedFinish":"2027-01-01",
                 "plannedInvestment":10},"leadUnitId":"220221"}""");
        assertThat(badColumn.status()).isEqualTo(400);
        assertThat(badColumn.message()).contains("专栏须为2至9");
        ApiClient.Response oldColumnName = approver.post("/api/projects", """
                {"plan":{"name":"旧字段工程","category":2,"plannedStart":"2026-01-01","plannedFinish":"2027-01-01",
                 "plannedInvestment":10},"leadUnitId":"220221"}""");
        assertThat(oldColumnName.status()).as("专栏 is called column now").isEqualTo(400);
        assertThat(oldColumnName.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(oldColumnName.message()).contains("category");
        ApiClient.Response badColumnFilter = approver.get("/api/projects?column=10");
        assertThat(badColumnFilter.status()).isEqualTo(400);
        assertThat(badColumnFilter.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("column");
        ApiClient.Response oldColumnFilter = approver.get("/api/projects?category=3");
        assertThat(oldColumnFilter.status()).as("an old client's 专栏 filter must not list every project").isEqualTo(400);
        assertThat(oldColumnFilter.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(oldColumnFilter.message()).contains("category").contains("column");
        assertThat(oldColumnFilter.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("category");
        ApiClient.Response backwardsDates = approver.post("/api/projects", """
                {"plan":{"name":"倒排工程","column":2,"plannedStart":"2027-01-01","plannedFinish":"2026-01-01",
                 "plannedInvestment":10},"leadUnitId":"220221"}""");
        assertThat(backwardsDates.status()).isEqualTo(422);
        assertThat(backwardsDates.code()).isEqualTo("BAD_DATES");
        assertThat(as("cc-submitter").post("/api/projects/" + id + "/updates/" + thisMonth() + "/approve",
                "{\"expectedVersion\":" + v + "}").status()).isEqualTo(403);
        assertThat(as("sthj-approver").get("/api/projects/220100-P0000").status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void progressDoesNotGoBackwardsWithoutAnExplanation() {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        String id = createProject(approver, "220221", "[]");
        JsonNode project = awaitProject(yongji, id, p -> true);
        String lastMonth = java.time.YearMonth.now(BusinessTime.ZONE).minusMonths(1).toString();
        assertThat(yongji.post("/api/projects/" + id + "/updates", update(lastMonth, "30", "200", null,
                version(project))).status()).isEqualTo(201);
        JsonNode pending = awaitProject(yongji, id, p -> !p.path("summary").path("pendingUpdateId").isNull());
        assertThat(approver.post("/api/projects/" + id + "/updates/" + lastMonth + "/approve",
                "{\"expectedVersion\":" + version(pending) + "}").status()).isEqualTo(200);
        JsonNode approved = awaitProject(yongji, id, p -> p.path("summary").path("pendingUpdateId").isNull()
                && p.path("summary").path("lastApprovedPeriod").asText().equals(lastMonth));

        long before = eventCount();
        ApiClient.Response backwards = yongji.post("/api/projects/" + id + "/updates",
                update(thisMonth(), "25", "200", null, version(approved)));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.code()).isEqualTo("PROGRESS_BACKWARDS");
        assertThat(backwards.message()).contains("30").contains("25");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(yongji.post("/api/projects/" + id + "/updates", update(thisMonth(), "25", "200",
                "\"explanation\":\"设计变更，工程量重新核定\"", version(approved))).status()).isEqualTo(201);
    }
}
