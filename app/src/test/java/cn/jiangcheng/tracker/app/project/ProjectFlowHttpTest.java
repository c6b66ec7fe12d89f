package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static cn.jiangcheng.tracker.app.project.ProjectFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A project from planning to an approved report: official figures, status, history, rollups and export. */
class ProjectFlowHttpTest extends HttpTestBase {

    @Test
    void theSeedHoldsEveryProjectOfTheColumnsOnce() {
        JsonNode all = as("sthj-approver").get("/api/projects").json();
        long seeded = count("select count(*) from project_view where id ~ '^220200-P[2-9][0-4][0-9]{2}$'");
        assertThat(seeded).isEqualTo(92);
        JsonNode fgw = as("fgw-submitter").get("/api/projects?column=2").json();
        assertThat(fgw.findValuesAsText("name")).contains("中电工程绿色甲醇与绿色航煤一体化项目",
                "吉林蛟河抽水蓄能电站建设项目");
        assertThat(fgw.findValuesAsText("name")).as("fgw sees only its own and cooperating projects")
                .doesNotContain("吉化转型升级项目");
        assertThat(fgw.findValuesAsText("column")).as("专栏2 only").isNotEmpty().containsOnly("2");
        assertThat(all.findValuesAsText("name")).contains("永吉县星星哨水库缓冲带生态修复工程",
                "吉林市生态环境局网格化“智慧监管”平台三期建设项目");
        JsonNode yongji = as("yongji-submitter").get("/api/projects?text=星星哨").json();
        assertThat(yongji.get(0).path("leadUnitId").asText()).isEqualTo("220221");
        assertThat(yongji.get(0).path("group").asText()).isEqualTo("水清岸绿建设工程");
        assertThat(yongji.get(0).path("status").asText()).as("seeded without dates or investment").isEqualTo("UNPLANNED");
        assertThat(yongji.get(0).path("statusLabel").asText()).isEqualTo("未编制计划");
    }

    @Test
    void anApprovedReportBecomesTheOfficialProgressAndMovesTheRollups() throws Exception {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        String id = createProject(approver, "220221", "[\"220200-slj\"]");
        JsonNode created = awaitProject(yongji, id, p -> true);
        assertThat(created.path("summary").path("status").asText()).as("m1 is 10 days overdue").isEqualTo("DELAYED");
        assertThat(created.path("summary").path("expectedProgress").decimalValue()).isEqualByComparingTo("50.0");
        JsonNode statsBefore = approver.get("/api/projects/stats").json();

        String m1 = created.path("milestones").get(0).path("milestoneId").asText();
        ApiClient.Response submitted = yongji.post("/api/projects/" + id + "/updates", update(thisMonth(), "20", "250",
                "\"milestonesReached\":[{\"milestoneId\":\"" + m1 + "\",\"reachedOn\":\"" + today().minusDays(12)
                        + "\",\"evidence\":\"初步设计批复 吉市发改审批〔2026〕8号\"}]", version(created)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode pending = awaitProject(yongji, id, p -> !p.path("summary").path("pendingUpdateId").isNull());
        assertThat(pending.path("summary").path("progress").decimalValue()).as("not yet approved")
                .isEqualByComparingTo("0");
        assertThat(approver.get("/api/projects?pending=true").json().findValuesAsText("id")).contains(id);

        ApiClient.Response approved = approver.post("/api/projects/" + id + "/updates/" + thisMonth() + "/approve",
                "{\"comment\":\"同意\",\"expectedVersion\":" + version(pending) + "}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode official = awaitProject(yongji, id, p -> p.path("summary").path("pendingUpdateId").isNull());
        JsonNode summary = official.path("summary");
        assertThat(summary.path("progress").decimalValue()).isEqualByComparingTo("20");
        assertThat(summary.path("investmentCompleted").decimalValue()).isEqualByComparingTo("250");
        assertThat(summary.path("lastApprovedPeriod").asText()).isEqualTo(thisMonth());
        assertThat(summary.path("status").asText()).as("20 % done of 50 % expected").isEqualTo("DELAYED");
        assertThat(summary.path("behindPoints").decimalValue()).isEqualByComparingTo("30.0");
        assertThat(official.path("milestones").get(0).path("reachedOn").asText()).isEqualTo(today().minusDays(12).toString());
        assertThat(official.path("milestones").get(0).path("onTime").asBoolean()).isTrue();
        JsonNode history = official.path("updates");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).path("status").asText()).isEqualTo("APPROVED");
        assertThat(history.get(0).path("submittedBy").asText()).isEqualTo("永吉县填报员");
        assertThat(history.get(0).path("decidedBy").asText()).isEqualTo("王审核");
        assertThat(history.get(0).path("content").path("problems").asText()).isEqualTo("征地协调进度偏慢");

        JsonNode statsAfter = eventually(() -> approver.get("/api/projects/stats").json(),
                s -> s.path("city").path("investmentCompleted").decimalValue()
                        .compareTo(statsBefore.path("city").path("investmentCompleted").decimalValue()) != 0);
        assertThat(statsAfter.path("city").path("investmentCompleted").decimalValue()
                .subtract(statsBefore.path("city").path("investmentCompleted").decimalValue()))
                .isEqualByComparingTo("250");
        assertThat(statsAfter.path("city").path("milestonesOnTime").asInt())
                .isEqualTo(statsBefore.path("city").path("milestonesOnTime").asInt() + 1);
        BigDecimal planned = statsAfter.path("city").path("plannedInvestment").decimalValue();
        BigDecimal done = statsAfter.path("city").path("investmentCompletedWithPlan").decimalValue();
        assertThat(statsAfter.path("city").path("investmentRate").decimalValue()).as("Σ completed / Σ planned")
                .isEqualByComparingTo(done.multiply(BigDecimal.valueOf(100)).divide(planned, 2, java.math.RoundingMode.HALF_UP));
        JsonNode delayed = null;
        for (JsonNode d : statsAfter.path("delayed")) {
            if (d.path("projectId").asText().equals(id)) {
                delayed = d;
            }
        }
        assertThat(delayed).as("listed as delayed").isNotNull();
        assertThat(delayed.path("behindPoints").decimalValue()).isEqualByComparingTo("30.0");

        JsonNode yongjiStats = yongji.get("/api/projects/stats").json();
        assertThat(yongjiStats.path("byUnit").findValuesAsText("key")).as("a county's rollup covers its own projects")
                .containsOnly("220221");

        try (XSSFWorkbook workbook = export(approver)) {
            assertThat(workbook.getSheet("项目清单")).isNotNull();
            boolean found = false;
            for (var row : workbook.getSheet("项目清单")) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals(id)) {
                    found = true;
                    assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(20.0);
                    assertThat(row.getCell(11).getStringCellValue()).isEqualTo("滞后");
                }
            }
            assertThat(found).isTrue();
            assertThat(workbook.getSheet("汇总").getRow(2).getCell(1).getStringCellValue()).isEqualTo("全市");
            assertThat(workbook.getSheet("滞后项目")).isNotNull();
        }
    }

    @Test
    void aReturnedReportIsFixedAndResubmitted() {
        ApiClient approver = as("sthj-approver");
        ApiClient fgw = as("fgw-submitter");
        String id = createProject(approver, "220200-fgw", "[]");
        JsonNode created = awaitProject(fgw, id, p -> true);
        assertThat(fgw.post("/api/projects/" + id + "/updates", update(thisMonth(), "55", "280", null,
                version(created))).status()).isEqualTo(201);
        JsonNode pending = awaitProject(fgw, id, p -> !p.path("summary").path("pendingUpdateId").isNull());
        ApiClient.Response returned = approver.post("/api/projects/" + id + "/updates/" + thisMonth() + "/return",
                "{\"reason\":\"投资数据与台账不符\",\"expectedVersion\":" + version(pending) + "}");
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        JsonNode back = awaitProject(fgw, id, p -> p.path("summary").path("pendingUpdateId").isNull());
        assertThat(back.path("updates").get(0).path("status").asText()).isEqualTo("RETURNED");
        assertThat(back.path("updates").get(0).path("decisionComment").asText()).isEqualTo("投资数据与台账不符");
        assertThat(back.path("summary").path("progress").decimalValue()).isEqualByComparingTo("0");

        assertThat(fgw.post("/api/projects/" + id + "/updates", update(thisMonth(), "55", "260", null,
                version(back))).status()).isEqualTo(201);
        // the detail reads the project row before its reports: wait for the row too, or its version may be stale
        JsonNode again = awaitProject(fgw, id, p -> p.path("updates").size() == 2
                && !p.path("summary").path("pendingUpdateId").isNull());
        assertThat(again.path("updates").get(0).path("revision").asInt()).isEqualTo(2);
        ApiClient.Response ok = approver.post("/api/projects/" + id + "/updates/" + thisMonth() + "/approve",
                "{\"expectedVersion\":" + version(again) + "}");
        assertThat(ok.status()).isEqualTo(200);
        JsonNode done = awaitProject(fgw, id, p -> p.path("summary").path("lastApprovedPeriod").asText().equals(thisMonth()));
        assertThat(done.path("summary").path("progress").decimalValue()).isEqualByComparingTo("55");
        assertThat(done.path("summary").path("investmentCompleted").decimalValue()).isEqualByComparingTo("260");

        long before = eventCount();
        ApiClient.Response twice = approver.post("/api/projects/" + id + "/updates/" + thisMonth() + "/approve",
                "{\"expectedVersion\":" + version(done) + "}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.code()).isEqualTo("WRONG_STATUS");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theBureauEditsReassignsAndCancels() {
        ApiClient approver = as("sthj-approver");
        String id = createProject(approver, "220221", "[]");
        JsonNode created = awaitProject(approver, id, p -> true);
        String m1 = created.path("milestones").get(0).path("milestoneId").asText();
        LocalDateHolder d = new LocalDateHolder();
        ApiClient.Response edited = approver.put("/api/projects/" + id, """
                {"plan":{"name":"改名后的工程","column":6,"plannedStart":"%s","plannedFinish":"%s","plannedInvestment":2000,
                 "milestones":[{"id":"%s","name":"完成初步设计","plannedDate":"%s"},{"name":"竣工验收","plannedDate":"%s"}]},
                 "expectedVersion":%d}""".formatted(d.start, d.finish, m1, d.m1, d.m2, version(created)));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode after = awaitProject(approver, id, p -> p.path("summary").path("name").asText().equals("改名后的工程"));
        assertThat(after.path("summary").path("column").asInt()).isEqualTo(6);
        assertThat(after.path("summary").path("plannedInvestment").decimalValue()).isEqualByComparingTo("2000");
        assertThat(after.path("milestones").findValuesAsText("milestoneId")).containsExactly(m1, "m3");

        ApiClient.Response reassigned = approver.post("/api/projects/" + id + "/reassign",
                "{\"leadUnitId\":\"220281\",\"cooperatingUnitIds\":[\"220221\"],\"reason\":\"属地调整\",\"expectedVersion\":"
                        + version(after) + "}");
        assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
        JsonNode moved = awaitProject(approver, id, p -> p.path("summary").path("leadUnitId").asText().equals("220281"));
        assertThat(as("jiaohe-submitter").get("/api/projects/" + id).status()).isEqualTo(200);
        assertThat(as("yongji-submitter").get("/api/projects/" + id).status()).as("still cooperating").isEqualTo(200);
        assertThat(as("yongji-submitter").post("/api/projects/" + id + "/updates",
                update(thisMonth(), "10", "10", null, version(moved))).code()).isEqualTo("NOT_LEAD_UNIT");

        ApiClient.Response cancelled = approver.post("/api/projects/" + id + "/cancel",
                "{\"reason\":\"并入其他项目\",\"expectedVersion\":" + version(moved) + "}");
        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode gone = awaitProject(approver, id, p -> p.path("summary").path("cancelled").asBoolean());
        assertThat(gone.path("summary").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(gone.path("cancelReason").asText()).isEqualTo("并入其他项目");
        assertThat(approver.get("/api/projects?status=CANCELLED").json().findValuesAsText("id")).contains(id);
    }

    /** Dates inside the plan of an edited project. */
    private static final class LocalDateHolder {
        final String start = today().minusDays(30).toString();
        final String finish = today().plusDays(300).toString();
        final String m1 = today().plusDays(10).toString();
        final String m2 = today().plusDays(290).toString();
    }
}
