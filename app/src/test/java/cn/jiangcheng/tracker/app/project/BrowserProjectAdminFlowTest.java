package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In chromium: the city bureau's approver creates a project with one milestone led by 永吉县 on the 重点工程 page,
 * and 永吉县's submitter finds it in its list (web-ui/e2e/project-admin-flow.mjs).
 */
class BrowserProjectAdminFlowTest extends HttpTestBase {

    @Test
    void theBureauPlansAProjectAndTheLeadUnitSeesIt() throws Exception {
        String name = "浏览器新建工程-" + UUID.randomUUID().toString().substring(0, 6);
        BrowserScript.run(port, "project-admin-flow.mjs", Map.of("PROJECT_NAME", name));

        ApiClient yongji = as("yongji-submitter");
        JsonNode list = yongji.get("/api/projects?text=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).json();
        assertThat(list.size()).isEqualTo(1);
        JsonNode project = list.get(0);
        assertThat(project.path("leadUnitId").asText()).isEqualTo("220221");
        assertThat(project.path("column").asInt()).isEqualTo(4);
        assertThat(project.path("plannedInvestment").decimalValue()).isEqualByComparingTo("800");
        assertThat(project.path("milestonesTotal").asInt()).isEqualTo(1);
        assertThat(as("jiaohe-submitter").get("/api/projects/" + project.path("id").asText()).status())
                .as("another county still does not see it").isEqualTo(404);
    }
}
