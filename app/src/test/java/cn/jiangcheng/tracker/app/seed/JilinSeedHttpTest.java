package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh install: the development zones under their 统计用区划代码, and the projects named after them led by them. */
class JilinSeedHttpTest extends HttpTestBase {
    @Autowired
    SeedUpgrade upgrade;

    @Test
    void theDevelopmentZonesCarryTheirDivisionCodes() {
        ApiClient approver = as("sthj-approver");
        assertZone(approver.get("/api/org-units/220271"), "吉林经济技术开发区");
        assertZone(approver.get("/api/org-units/220272"), "吉林高新技术产业开发区");
        assertZone(approver.get("/api/org-units/220273"), "吉林中新食品区");
    }

    @Test
    void projectsNamedAfterAZoneAreLedByIt() {
        ApiClient approver = as("sthj-approver");
        JsonNode food = approver.get("/api/projects/220200-P6005").json().path("summary");
        assertThat(food.path("name").asText()).isEqualTo("吉林中新食品区流域可持续发展工程项目");
        assertThat(food.path("leadUnitId").asText()).isEqualTo("220273");
        assertThat(food.path("leadUnitName").asText()).isEqualTo("吉林中新食品区");
        JsonNode economic = approver.get("/api/projects/220200-P4305").json().path("summary");
        assertThat(economic.path("name").asText()).isEqualTo("吉林经开区地下水环境状况详细调查评估项目");
        assertThat(economic.path("leadUnitId").asText()).isEqualTo("220271");
        assertThat(economic.path("leadUnitName").asText()).isEqualTo("吉林经济技术开发区");
    }

    @Test
    void aFreshInstallNeedsNoUpgrade() {
        long before = eventCount();
        assertThat(upgrade.upgrade()).isZero();
        assertThat(eventCount()).isEqualTo(before);
    }

    private static void assertZone(ApiClient.Response response, String name) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asText()).isEqualTo(name);
        assertThat(response.json().path("type").asText()).isEqualTo("DEV_ZONE");
        assertThat(response.json().path("parentId").asText()).isEqualTo("220200");
    }
}
