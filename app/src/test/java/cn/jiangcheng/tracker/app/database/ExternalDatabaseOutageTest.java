package cn.jiangcheng.tracker.app.database;

import cn.jiangcheng.tracker.app.TrackerApplication;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.database.RootlessPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A database the app does not run itself (SPRING_DATASOURCE_URL): no watchdog, but the same DOWN and 503. */
class ExternalDatabaseOutageTest {

    @Test
    void whileTheExternalDatabaseIsAwayHealthIsDownAndRequestsGet503(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("external");
        int dbPort = freePort();
        EmbeddedPostgres database = external(dataDir, dbPort);
        try (Connection connection = database.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database tracker");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/tracker",
                        "--spring.datasource.username=postgres")) {
            assertThat(app.getBeansOfType(EmbeddedPostgresWatchdog.class)).isEmpty();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            ApiClient admin = ApiClient.basic(port, "admin", "Demo@2026");
            ApiClient anonymous = ApiClient.anonymous(port);
            // the demo users reach the read model shortly after the start
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/me").status() == 200);

            database.close(); // the server goes away
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> anonymous.get("/actuator/health").json().path("status").asText().equals("DOWN"));
            ApiClient.Response command = admin.post("/api/admin/org-units",
                    "{\"id\":\"outage-1\",\"name\":\"停机测试\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
            assertThat(command.status()).isEqualTo(503);
            assertThat(command.code()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(command.message()).isEqualTo("数据库暂时不可用，请稍后重试");
            assertThat(command.raw().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(admin.get("/api/org-units").status()).isEqualTo(503);

            database = external(dataDir, dbPort); // back on the same port; the app is not restarted
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> anonymous.get("/actuator/health").json().path("status").asText().equals("UP"));
            assertThat(admin.post("/api/admin/org-units",
                    "{\"id\":\"outage-2\",\"name\":\"恢复测试\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}")
                    .status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/org-units/outage-2").status() == 200);
            assertThat(admin.get("/api/org-units/outage-1").status()).as("the refused command changed nothing")
                    .isEqualTo(404);
        } finally {
            database.close();
        }
    }

    private static EmbeddedPostgres external(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).setPort(port).setServerConfig("synchronous_commit", "on");
        if (RootlessPostgresBinaryResolver.runningAsRoot()) {
            builder.setPgBinaryResolver(new RootlessPostgresBinaryResolver());
        }
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
