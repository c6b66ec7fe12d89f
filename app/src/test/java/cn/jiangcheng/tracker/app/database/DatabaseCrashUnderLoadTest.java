package cn.jiangcheng.tracker.app.database;

import cn.jiangcheng.tracker.app.TrackerApplication;
import cn.jiangcheng.tracker.app.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance test: kill -9 every process of the embedded PostgreSQL right after a 2xx answer while
 * clients send commands, and find every acknowledged command in the event store and the read model once the
 * watchdog has started the server again. Run with -Dtracker.test.synchronous-commit=off to see what zonky's default
 * loses.
 */
class DatabaseCrashUnderLoadTest {
    private static final int CLIENTS = 3;
    private static final Duration MAX_LOAD = Duration.ofSeconds(40);

    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statusCounts = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicLong acknowledgedAfterRecovery = new AtomicLong();

    @Test
    void everyAcknowledgedCommandIsThereAfterTheDatabaseWasKilled(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pgdata");
        String synchronousCommit = System.getProperty("tracker.test.synchronous-commit", "on");
        try (ConfigurableApplicationContext app = start(dataDir, synchronousCommit)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            ApiClient admin = ApiClient.basic(port, "admin", "Demo@2026");
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/me").status() == 200);
            HealthWatch health = new HealthWatch(ApiClient.anonymous(port));
            int killAfter = ThreadLocalRandom.current().nextInt(15, 60);

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                Future<?> watch = clients.submit(health);
                List<Future<?>> load = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    load.add(clients.submit(() -> sendCommands(port, client, dataDir, killAfter, health)));
                }
                for (Future<?> f : load) {
                    f.get(); // an AssertionError of the contract check fails the test here
                }
                health.stop();
                watch.get();
            } finally {
                clients.shutdownNow();
            }

            List<String> ids = answers.entrySet().stream().filter(e -> e.getValue() == 201).map(Map.Entry::getKey)
                    .sorted().toList();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<String> lost = ids.stream().filter(id -> jdbc.queryForObject(
                    "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, id) != 1)
                    .toList();
            System.out.printf("synchronous_commit=%s: %d acknowledged (%d after recovery), answers %s, "
                            + "health %s, lost %d %s%n", synchronousCommit, ids.size(), acknowledgedAfterRecovery.get(),
                    new TreeMap<>(statusCounts), health.seen(), lost.size(), lost);

            assertThat(killed).as("the database was killed during the load").isTrue();
            assertThat(lost).as("acknowledged commands missing from the event store").isEmpty();
            assertThat(statusCounts.keySet()).as("every answer is 201 or 503, never 500 or 401")
                    .isSubsetOf(201, 503);
            assertThat(health.seen()).as("health went DOWN and came back UP").containsSubsequence("DOWN", "UP");
            assertThat(acknowledgedAfterRecovery.get()).as("commands succeed again without a restart").isPositive();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select id from org_unit_view where id like 'crash-%' order by id", String.class))
                    .as("every acknowledged org unit in the read model").containsAll(ids));
            assertThat(admin.get("/api/org-units/" + ids.get(ids.size() - 1)).status()).isEqualTo(200);
            ApiClient.Response verify = ApiClient.basic(port, "auditor", "Demo@2026").get("/api/audit/verify");
            assertThat(verify.status()).isEqualTo(200);
            assertThat(verify.json().path("intact").asBoolean()).as(verify.body()).isTrue();
        }
    }

    /** One client works like the web UI: a session cookie, whose account is checked on every request. */
    private static ApiClient signedInBrowser(int port) {
        ApiClient browser = ApiClient.browser(port);
        assertThat(browser.login("admin", "Demo@2026").status()).isEqualTo(200);
        return browser;
    }

    /** Creates org units until the database was killed, came back and took a few more; kills it at the chosen 2xx. */
    private void sendCommands(int port, int client, Path dataDir, int killAfter, HealthWatch health) {
        ApiClient admin = client == 0 ? signedInBrowser(port) : ApiClient.basic(port, "admin", "Demo@2026");
        long deadline = System.nanoTime() + MAX_LOAD.toNanos();
        for (int n = 0; System.nanoTime() < deadline; n++) {
            String id = "crash-" + client + "-" + n;
            ApiClient.Response answer = admin.post("/api/admin/org-units",
                    "{\"id\":\"" + id + "\",\"name\":\"断电测试" + client + "-" + n
                            + "\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
            answers.put(id, answer.status());
            statusCounts.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.status() != 201 && answer.status() != 503) {
                System.out.println("unexpected answer " + answer.status() + " " + answer.body());
            }
            if (answer.status() == 503) {
                assertThat(answer.code()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(answer.raw().headers().firstValue("Retry-After")).isPresent();
                sleep(100);
            }
            if (answer.status() == 201 && acknowledged.incrementAndGet() == killAfter) {
                killAll(dataDir); // right after this 2xx reached the client
            }
            if (answer.status() == 201 && health.recovered() && acknowledgedAfterRecovery.incrementAndGet() >= 30) {
                return;
            }
        }
    }

    private void killAll(Path dataDir) {
        try {
            List<ProcessHandle> processes = EmbeddedServers.processesOf(dataDir);
            assertThat(processes).as("postgres processes of " + dataDir).isNotEmpty();
            EmbeddedServers.killAll(processes);
            killed.set(true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String synchronousCommit) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0",
                        "--tracker.embedded-postgres.data-dir=" + dataDir,
                        "--tracker.embedded-postgres.clean=false",
                        "--tracker.embedded-postgres.fsync=true",
                        "--tracker.embedded-postgres.synchronous-commit=" + synchronousCommit);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls /actuator/health and keeps each change of its status. */
    private static final class HealthWatch implements Runnable {
        private final ApiClient anonymous;
        private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        HealthWatch(ApiClient anonymous) {
            this.anonymous = anonymous;
        }

        @Override
        public void run() {
            while (running) {
                String status = anonymous.get("/actuator/health").json().path("status").asText();
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                    seen.add(status);
                }
                sleep(200);
            }
        }

        boolean recovered() {
            return seen.contains("DOWN") && seen.get(seen.size() - 1).equals("UP");
        }

        List<String> seen() {
            return List.copyOf(seen);
        }

        void stop() {
            running = false;
        }
    }
}
