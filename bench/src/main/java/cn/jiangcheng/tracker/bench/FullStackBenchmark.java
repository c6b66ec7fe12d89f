package cn.jiangcheng.tracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole app on PostgreSQL, driven over loopback HTTP: command throughput and latency against a plain JDBC ceiling,
 * projection lag, a rebuild of every projection from at least a million events against a plain sequential read,
 * queries at that volume and the app's memory. Writes the section {@link #HEADING} of docs/benchmarks.md (or, with
 * --smoke, bench/target/fullstack-smoke.md).
 */
public final class FullStackBenchmark extends FullStackPhase {
    static final String HEADING = "## Full stack: commands, projection lag, replay, queries, memory";
    static final List<String> PROJECTION_TABLES = List.of("org_unit_view", "user_account_view", "indicator_view",
            "indicator_unit", "submission_view", "submission_history", "submission_value", "project_view",
            "project_unit", "project_milestone", "project_update", "project_evidence", "rectification_case", "rectification_history",
            "rectification_extension");

    private final Path workDir;
    private final Path logDir;

    /** What a run measured: figure name to value (seconds are in ms, rates per second, memory in MiB). */
    public record Result(Map<String, Double> figures, Map<String, String> notes, List<String> errors, String markdown,
                         Path written) {
    }

    private FullStackBenchmark(FullStackConfig config) throws IOException {
        super(Run.of(config, AppProcess.freePort()));
        this.workDir = Files.createTempDirectory("bench-fullstack-");
        this.logDir = config.smokeReport().getParent();
        Files.createDirectories(logDir);
    }

    public static void main(String[] args) throws Exception {
        Result result = run(FullStackConfig.parse(args));
        System.out.println(result.markdown());
        System.out.println("written to " + result.written());
        System.exit(0);
    }

    public static Result run(FullStackConfig config) throws Exception {
        if (!Files.isRegularFile(config.jar())) {
            throw new IllegalStateException("The app jar " + config.jar() + " is missing; build it first: "
                    + "mvn -B -q install -DskipTests (from the repository root)");
        }
        FullStackBenchmark benchmark = new FullStackBenchmark(config);
        try {
            return benchmark.execute();
        } finally {
            deleteQuietly(benchmark.workDir);
        }
    }

    private Result execute() throws Exception {
        ZonedDateTime started = ZonedDateTime.now();
        String loadStart = loadAverage();
        Path log = logDir.resolve(config.smoke() ? "fullstack-smoke-app.log" : "fullstack-app.log");
        Files.deleteIfExists(log);
        if (config.externalJdbcUrl() != null) {
            recreateExternalDatabase();
        }
        Path dataDir = workDir.resolve("pgdata");
        say("app log: " + log + "; work dir " + workDir);

        // Phase 1: commands, lag, raw ceiling
        Set<String> processors;
        Map<String, Integer> segments;
        try (AppProcess app = AppProcess.start(config, dataDir, pgPort, log, List.of())) {
            app.awaitReady("admin", PASSWORD, Duration.ofMinutes(3));
            figures.put("app start to ready, s", app.secondsSinceStart());
            try (Connection db = jdbc()) {
                notes.put("PostgreSQL", scalar(db, "select version()"));
                notes.put("PostgreSQL durability", "fsync " + scalar(db, "show fsync") + ", synchronous_commit "
                        + scalar(db, "show synchronous_commit") + " (the same server for the app and the raw ceiling)");
            }
            MemorySampler memory = new MemorySampler(app, "commands", figures);
            memory.start();
            List<List<Unit>> units = new SeedPhase(run).setUp(app);
            say("set up " + units.stream().mapToInt(List::size).sum() + " units; running the command mix");
            long before;
            try (Connection db = jdbc()) {
                before = maxIndex(db);
            }
            new CommandMixPhase(run).commandMix(app, units);
            long after;
            try (Connection db = jdbc()) {
                after = maxIndex(db);
                processors = new TreeSet<>();
                segments = new HashMap<>();
                try (ResultSet rs = db.createStatement().executeQuery(
                        "select processorname, count(*) from tokenentry group by 1")) {
                    while (rs.next()) {
                        processors.add(rs.getString(1));
                        segments.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            double mixSeconds = figures.get("mix wall time, s");
            figures.put("app events appended during the mix", (double) (after - before));
            figures.put("app events/s during the mix", (after - before) / mixSeconds);
            memory.stop();
            say("raw JDBC ceiling");
            new RawCeilingPhase(run).rawCeiling(before, Math.max(1, after - before));
        }

        // Phase 2: the app without tracking processors keeps PostgreSQL up while the event volume is generated
        List<String> noProcessors = new ArrayList<>();
        processors.forEach(p -> noProcessors.add("--axon.eventhandling.processors." + p + ".mode=subscribing"));
        long totalEvents;
        double expectedReports;
        try (AppProcess prep = AppProcess.start(config, dataDir, pgPort, log, noProcessors)) {
            prep.awaitReady("admin", PASSWORD, Duration.ofMinutes(3));
            say("generating events up to " + config.replayEvents());
            try (Connection db = jdbc()) {
                EventVolumePhase volume = new EventVolumePhase(run);
                volume.generateEvents(db);
                EventVolumePhase.indexGeneratedEvents(db);
                totalEvents = scalarLong(db, "select count(*) from domainevententry");
                expectedReports = scalarLong(db, "select count(distinct aggregateidentifier) from domainevententry "
                        + "where type = 'Submission'");
                figures.put("events in the store", (double) totalEvents);
                db.createStatement().execute("vacuum analyze domainevententry");
                volume.sequentialRead(db);
                db.createStatement().execute("truncate " + String.join(", ", PROJECTION_TABLES)
                        + ", tokenentry cascade");
            }
        }

        // Phase 3: rebuild every projection, then queries at volume
        try (AppProcess app = AppProcess.start(config, dataDir, pgPort, log, List.of())) {
            say("rebuilding projections from " + totalEvents + " events");
            MemorySampler memory = new MemorySampler(app, "replay", figures);
            app.awaitReady("admin", PASSWORD, Duration.ofMinutes(5));
            double readyAt = app.secondsSinceStart();
            memory.start();
            long head;
            try (Connection db = jdbc()) {
                head = maxIndex(db);
                new ReplayPhase(run).awaitCaughtUp(db, processors, segments, head);
                // the rebuild must have produced the read model, not just moved the tokens
                figures.put("submission_view rows after replay", (double) scalarLong(db,
                        "select count(*) from submission_view"));
                figures.put("submission_view rows expected", expectedReports);
                figures.put("org_unit_view rows after replay", (double) scalarLong(db,
                        "select count(*) from org_unit_view"));
            }
            double doneAt = app.secondsSinceStart();
            figures.put("replay events/s (app ready to caught up)", totalEvents / Math.max(0.001, doneAt - readyAt));
            figures.put("replay events/s (process start to caught up)", totalEvents / doneAt);
            figures.put("replay wall time from process start, s", doneAt);
            figures.put("replay ratio to sequential read",
                    figures.get("replay events/s (process start to caught up)")
                            / figures.get("sequential JDBC read events/s"));
            say("queries at volume");
            new QueryPhase(run).queries(app);
            memory.stop();
        }
        notes.put("load average at end", loadAverage());
        notes.put("load average at start", loadStart);
        String markdown = new FullStackReport(run).markdown(started);
        Path target = config.smoke() ? config.smokeReport() : config.docs();
        if (config.smoke()) {
            Files.writeString(target, markdown + "\n", StandardCharsets.UTF_8);
        } else {
            BenchmarksDoc.writeSection(target, HEADING, markdown);
        }
        return new Result(Map.copyOf(figures), Map.copyOf(notes), List.copyOf(errors), markdown, target);
    }

    /** An external database is dropped and recreated, so the app's Flyway starts from nothing. */
    private void recreateExternalDatabase() throws SQLException {
        Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?").matcher(config.externalJdbcUrl());
        if (!m.matches() || !m.group(2).contains("bench")) {
            throw new IllegalArgumentException("the external database is dropped and recreated: its name must "
                    + "contain 'bench' (" + config.externalJdbcUrl() + ")");
        }
        String admin = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection db = DriverManager.getConnection(admin, config.dbUser(), config.dbPassword());
             Statement st = db.createStatement()) {
            st.execute("drop database if exists \"" + m.group(2) + "\" with (force)");
            st.execute("create database \"" + m.group(2) + "\"");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir
        }
    }
}
