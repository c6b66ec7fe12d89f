package cn.jiangcheng.tracker.app.database;

import cn.jiangcheng.tracker.app.TrackerApplication;
import cn.jiangcheng.tracker.app.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded default keeps its data on disk: what was stored before a restart is there after it. */
class RestartKeepsDataTest {

    @Test
    void dataSurvivesARestartOfTheAppAndItsDatabase(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pgdata");
        String unitId = "restart-" + System.nanoTime();

        try (ConfigurableApplicationContext first = start(dataDir)) {
            ApiClient admin = ApiClient.basic(port(first), "admin", "Demo@2026");
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/me").status() == 200);
            assertThat(admin.post("/api/admin/org-units",
                    "{\"id\":\"" + unitId + "\",\"name\":\"重启测试部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}")
                    .status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> admin.get("/api/org-units/" + unitId).status() == 200);
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).as("cluster lives in the configured folder").isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                    Long.class, unitId)).isEqualTo(1L);
            assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = '220221'",
                    Long.class)).as("seeding does not repeat on restart").isEqualTo(1L);
            ApiClient admin = ApiClient.basic(port(second), "admin", "Demo@2026");
            ApiClient.Response unit = admin.get("/api/org-units/" + unitId);
            assertThat(unit.status()).isEqualTo(200);
            assertThat(unit.json().path("name").asText()).isEqualTo("重启测试部门");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0",
                        "--tracker.embedded-postgres.data-dir=" + dataDir,
                        "--tracker.embedded-postgres.clean=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
