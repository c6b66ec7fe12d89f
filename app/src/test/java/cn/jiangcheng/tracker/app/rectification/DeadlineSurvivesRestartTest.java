package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.app.TrackerApplication;
import cn.jiangcheng.tracker.app.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;

import static cn.jiangcheng.tracker.app.rectification.Cases.inspectionCase;
import static cn.jiangcheng.tracker.app.rectification.Cases.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deadline scheduled before a restart fires after it. The first start schedules but does not execute deadlines
 * (tracker.deadlines.execute=false, as if the app went down before the deadline came): a case due in two days is
 * inside the warning window, so its 临期预警 is due at once. Only the second start, on the same database, runs it.
 */
class DeadlineSurvivesRestartTest {

    @Test
    void aWarningScheduledBeforeARestartIsIssuedAfterIt(@TempDir Path dir) {
        Path dataDir = dir.resolve("pgdata");
        String id;
        try (ConfigurableApplicationContext first = start(dataDir, false)) {
            ApiClient inspector = ApiClient.basic(port(first), "sthj-inspector", "Demo@2026");
            await().atMost(Duration.ofSeconds(60)).until(() -> inspector.get("/api/me").status() == 200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> inspector.get("/api/org-units/220221").status() == 200);
            ApiClient.Response created = inspector.post("/api/cases",
                    inspectionCase("220221", today().plusDays(2), "重启后预警"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.json().path("id").asText();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class))
                    .as("warning, overdue and escalation wait in PostgreSQL").isEqualTo(3L);
            assertThat(warnings(jdbc, id)).isZero();
        }

        try (ConfigurableApplicationContext second = start(dataDir, true)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> warnings(jdbc, id) == 1);
            ApiClient inspector = ApiClient.basic(port(second), "sthj-inspector", "Demo@2026");
            JsonNode detail = Cases.awaitCase(inspector, id,
                    c -> c.path("timeline").findValuesAsText("type").contains("WARNING"));
            JsonNode warning = detail.path("timeline").get(detail.path("timeline").size() - 1);
            assertThat(warning.path("userId").asText()).isEqualTo("system");
            assertThat(warning.path("comment").asText()).isEqualTo("距整改时限还有2天");
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class))
                    .as("overdue and escalation still wait").isEqualTo(2L);
        }
    }

    private static long warnings(JdbcTemplate jdbc, String id) {
        Long n = jdbc.queryForObject("""
                select count(*) from domainevententry
                where aggregateidentifier = ? and payloadtype like '%DeadlineWarningIssued'""", Long.class, id);
        return n == null ? 0 : n;
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean executeDeadlines) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0",
                        "--tracker.embedded-postgres.data-dir=" + dataDir,
                        "--tracker.embedded-postgres.clean=false",
                        "--tracker.deadlines.execute=" + executeDeadlines);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
