package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static cn.jiangcheng.tracker.app.project.ProjectFixtures.awaitProject;
import static cn.jiangcheng.tracker.app.project.ProjectFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In chromium: 永吉县 reports this month's progress on a project it leads with a PDF proving its milestone, the
 * city bureau approves it, and the list, rollups and milestone show the approved figures and the file; a seeded
 * project without a plan reads 未编制计划 and has its own card (web-ui/e2e/project-flow.mjs).
 */
class BrowserProjectFlowTest extends HttpTestBase {

    @Test
    void aReportGoesFromTheLeadUnitToTheApprovedProgress() throws Exception {
        ApiClient approver = as("sthj-approver");
        LocalDate today = today();
        String name = "浏览器测试工程-" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = approver.post("/api/projects", """
                {"plan":{"name":"%s","column":4,"group":"水清岸绿建设工程","plannedStart":"%s","plannedFinish":"%s",
                 "plannedInvestment":1000,"milestones":[{"name":"主体完工","plannedDate":"%s"}]},
                 "leadUnitId":"220221","cooperatingUnitIds":["220200-slj"]}""".formatted(name, today.minusDays(10),
                today.plusDays(355), today.plusDays(200)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        awaitProject(approver, id, p -> true);
        BrowserScript.run(port, "project-flow.mjs", Map.of("PROJECT_ID", id, "PROJECT_NAME", name));
        JsonNode project = approver.get("/api/projects/" + id).json();
        assertThat(project.path("summary").path("progress").decimalValue()).isEqualByComparingTo("35");
        JsonNode milestone = project.path("milestones").get(0);
        assertThat(milestone.path("reachedOn").isNull()).isFalse();
        assertThat(milestone.path("evidenceFiles").get(0).path("fileName").asText()).isEqualTo("主体完工验收报告.pdf");
        assertThat(milestone.path("evidenceFiles").get(0).path("sha256").asText()).hasSize(64);
    }
}
