package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static cn.jiangcheng.tracker.app.project.ProjectFixtures.awaitProject;
import static cn.jiangcheng.tracker.app.project.ProjectFixtures.export;
import static cn.jiangcheng.tracker.app.project.ProjectFixtures.thisMonth;
import static cn.jiangcheng.tracker.app.project.ProjectFixtures.update;
import static cn.jiangcheng.tracker.app.project.ProjectFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a seeded project has no plan yet; 1200 万元 approved on it used to vanish from 累计完成投资. It counts in
 * every total now and shows as 未编制计划 in the list, its filter, the rollups and the Excel export.
 */
class UnplannedProjectHttpTest extends HttpTestBase {
    /** 永吉县四间水库缓冲带生态修复工程, seeded with neither dates nor investment and led by 永吉县. */
    private static final String SIJIAN = "220200-P4205";

    @Test
    void anApprovedReportOnAProjectWithoutAPlanCountsInTheTotals() throws Exception {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        JsonNode seeded = awaitProject(yongji, SIJIAN, p -> true);
        assertThat(seeded.path("summary").path("status").asText()).isEqualTo("UNPLANNED");
        assertThat(seeded.path("summary").path("plannedInvestment").isNull()).isTrue();
        JsonNode before = approver.get("/api/projects/stats").json();

        ApiClient.Response submitted = yongji.post("/api/projects/" + SIJIAN + "/updates",
                update(thisMonth(), "30", "1200", null, version(seeded)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode pending = awaitProject(yongji, SIJIAN, p -> !p.path("summary").path("pendingUpdateId").isNull());
        ApiClient.Response approved = approver.post("/api/projects/" + SIJIAN + "/updates/" + thisMonth() + "/approve",
                "{\"expectedVersion\":" + version(pending) + "}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode summary = awaitProject(yongji, SIJIAN, p -> p.path("summary").path("pendingUpdateId").isNull())
                .path("summary");
        assertThat(summary.path("investmentCompleted").decimalValue()).isEqualByComparingTo("1200");
        assertThat(summary.path("status").asText()).as("30 % without a plan is not 推进中").isEqualTo("UNPLANNED");
        assertThat(summary.path("statusLabel").asText()).isEqualTo("未编制计划");

        JsonNode after = eventually(() -> approver.get("/api/projects/stats").json(),
                s -> !s.path("city").path("investmentCompleted").equals(before.path("city").path("investmentCompleted")));
        for (String row : List.of("city", "column:4", "unit:220221")) {
            JsonNode was = row(before, row);
            JsonNode is = row(after, row);
            assertThat(delta(was, is, "investmentCompleted")).as(row + " 累计完成投资").isEqualByComparingTo("1200");
            assertThat(delta(was, is, "unplannedInvestmentCompleted")).as(row).isEqualByComparingTo("1200");
            assertThat(delta(was, is, "investmentCompletedWithPlan")).as(row + ": not in the rate").isZero();
            assertThat(delta(was, is, "plannedInvestment")).as(row).isZero();
            assertThat(is.path("unplanned").asInt()).as(row + ": still 未编制计划").isEqualTo(was.path("unplanned").asInt());
            assertThat(is.path("unplanned").asInt() + is.path("notStarted").asInt() + is.path("inProgress").asInt()
                    + is.path("completed").asInt() + is.path("delayed").asInt()).as(row + ": statuses add up")
                    .isEqualTo(is.path("projects").asInt());
        }
        assertThat(row(after, "city").path("unplanned").asInt()).as("most seeded projects have no plan yet")
                .isGreaterThanOrEqualTo(80);

        assertThat(approver.get("/api/projects?status=UNPLANNED").json().findValuesAsText("id")).contains(SIJIAN);
        assertThat(approver.get("/api/projects?status=IN_PROGRESS").json().findValuesAsText("id"))
                .doesNotContain(SIJIAN);
        assertThat(approver.get("/api/projects?status=NOT_STARTED").json().findValuesAsText("id"))
                .as("seeded projects are not 未开工 either").doesNotContain("220200-P4204");

        try (XSSFWorkbook workbook = export(approver)) {
            Row project = null;
            for (Row r : workbook.getSheet("项目清单")) {
                if (r.getCell(0) != null && r.getCell(0).toString().equals(SIJIAN)) {
                    project = r;
                }
            }
            assertThat(project).isNotNull();
            assertThat(project.getCell(7).getStringCellValue()).as("计划投资").isEqualTo("—");
            assertThat(project.getCell(8).getNumericCellValue()).as("累计完成投资").isEqualTo(1200.0);
            assertThat(project.getCell(11).getStringCellValue()).isEqualTo("未编制计划");
            List<String> headers = new ArrayList<>();
            workbook.getSheet("汇总").getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
            Row city = workbook.getSheet("汇总").getRow(2);
            assertThat(city.getCell(headers.indexOf("未编制计划")).getNumericCellValue())
                    .isEqualTo(row(after, "city").path("unplanned").asDouble());
            assertThat(city.getCell(headers.indexOf("累计完成投资（万元）")).getNumericCellValue())
                    .isEqualTo(row(after, "city").path("investmentCompleted").asDouble());
            assertThat(city.getCell(headers.indexOf("其中未编制计划项目（万元）")).getNumericCellValue())
                    .isEqualTo(row(after, "city").path("unplannedInvestmentCompleted").asDouble());
        }
    }

    /** "city", "column:<专栏>" or "unit:<lead unit id>" of a stats answer. */
    private static JsonNode row(JsonNode stats, String name) {
        if (name.equals("city")) {
            return stats.path("city");
        }
        String[] parts = name.split(":");
        for (JsonNode r : stats.path(parts[0].equals("column") ? "byColumn" : "byUnit")) {
            if (r.path("key").asText().equals(parts[1])) {
                return r;
            }
        }
        throw new AssertionError("no row " + name + " in " + stats);
    }

    private static BigDecimal delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).decimalValue().subtract(before.path(field).decimalValue());
    }
}
