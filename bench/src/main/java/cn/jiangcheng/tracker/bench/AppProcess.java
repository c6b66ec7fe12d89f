package cn.jiangcheng.tracker.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real app (its executable jar) as a separate JVM, with the benchmark's PostgreSQL settings. */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos = System.nanoTime();
    private final Thread hook;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.hook = new Thread(this::stop, "bench-app-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts java -jar app.jar; with an external database the datasource comes from the environment, otherwise the
     * embedded PostgreSQL keeps its data in dataDir on the given port.
     */
    static AppProcess start(FullStackConfig config, Path dataDir, int pgPort, Path log, List<String> extraArgs)
            throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + config.appHeap()));
        // e.g. BENCH_APP_JAVA_OPTS=-XX:StartFlightRecording=filename=app.jfr to profile the app under load
        String javaOpts = System.getenv("BENCH_APP_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            cmd.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", config.jar().toString(), "--server.port=" + port, "--spring.main.banner-mode=off"));
        if (config.externalJdbcUrl() == null) {
            cmd.add("--tracker.embedded-postgres.data-dir=" + dataDir);
            cmd.add("--tracker.embedded-postgres.port=" + pgPort);
        }
        cmd.addAll(config.appArgs());
        cmd.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.remove("SPRING_DATASOURCE_URL");
        if (config.externalJdbcUrl() != null) {
            env.put("SPRING_DATASOURCE_URL", config.externalJdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", config.dbUser());
            env.put("SPRING_DATASOURCE_PASSWORD", config.dbPassword());
        }
        return new AppProcess(builder.start(), port, log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Waits for /actuator/health UP and for the given demo user to sign in (seeding runs after start-up). */
    void awaitReady(String user, String password, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            FullStackSession probe = new FullStackSession(port);
            if (probe.get("/actuator/health").body().contains("\"UP\"") && probe.login(user, password)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app did not become ready within " + timeout + "; see " + log);
    }

    /** SIGTERM (the app stops its embedded PostgreSQL), then force after 60 s, children included. */
    void stop() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
