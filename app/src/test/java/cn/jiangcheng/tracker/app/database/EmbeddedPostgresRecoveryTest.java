package cn.jiangcheng.tracker.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's embedded server is durable and starts again over what a killed app left behind. */
class EmbeddedPostgresRecoveryTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        for (Path dataDir : dataDirs) {
            EmbeddedServers.killAll(EmbeddedServers.processesOf(dataDir)); // nothing survives the test
        }
    }

    @Test
    void commitsAreOnDiskBeforeTheyAreAcknowledged(@TempDir Path dir) throws Exception {
        EmbeddedPostgres postgres = started(dir.resolve("pgdata"), Map.of());
        assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(postgres, "fsync")).isEqualTo("on");
    }

    @Test
    void startsOverTheServerOfAKilledApp(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pgdata");
        dataDirs.add(dataDir);
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeftoverPostgres.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                System.out.println("[first app] " + line);
            }
            assertThat(line).as("the first app started its server").isEqualTo("READY");
        }
        List<ProcessHandle> leftover = EmbeddedServers.processesOf(dataDir);
        assertThatThrownBy(() -> started(dataDir, Map.of())).as("a second app may not take a running app's server")
                .hasMessageContaining("in use by another running app");
        assertThat(leftover.get(0).isAlive()).isTrue();
        app.destroyForcibly(); // kill -9 of the app's JVM: no shutdown hook stops its server
        assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(leftover).as("the killed app's server still runs").isNotEmpty();
        assertThat(leftover.get(0).isAlive()).as("its postmaster").isTrue();

        EmbeddedPostgres second = started(dataDir, Map.of());

        try (Connection connection = second.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select note from left_behind")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before the app was killed");
        }
        assertThat(new Postmaster(dataDir).runningPid()).as("a new server runs; the old one was stopped, not joined")
                .isPresent().get().isNotEqualTo(leftover.get(0).pid());
    }

    private EmbeddedPostgres started(Path dataDir, Map<String, String> settings) throws Exception {
        dataDirs.add(dataDir);
        EmbeddedPostgres postgres = EmbeddedServers.start(dataDir, settings);
        toClose.add(postgres);
        return postgres;
    }

    private static String setting(EmbeddedPostgres postgres, String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
