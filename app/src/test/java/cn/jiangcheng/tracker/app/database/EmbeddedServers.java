package cn.jiangcheng.tracker.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Starts the embedded server exactly as the app configures it, and finds or kills its processes like an operator. */
final class EmbeddedServers {
    private EmbeddedServers() {
    }

    static EmbeddedPostgres start(Path dataDir, Map<String, String> settings) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "tracker.embedded-postgres.data-dir", dataDir.toString(),
                "tracker.embedded-postgres.clean", "false",
                "tracker.embedded-postgres.startup-wait", "PT20S"));
        all.putAll(settings);
        EmbeddedPostgresProperties properties = new Binder(new MapConfigurationPropertySource(all))
                .bind("tracker.embedded-postgres", EmbeddedPostgresProperties.class).get();
        return new EmbeddedPostgresConfiguration().embeddedPostgres(properties);
    }

    /** Every process of the server of dataDir: the postmaster named in its pid file and all it started. */
    static List<ProcessHandle> processesOf(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
        return ProcessHandle.of(pid).filter(p -> commandLine(p).contains(dataDir.toString()))
                .map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
                .orElse(List.of());
    }

    static void killAll(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly); // SIGKILL, as kill -9
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
