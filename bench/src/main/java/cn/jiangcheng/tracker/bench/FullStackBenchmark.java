package cn.jiangcheng.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole app on PostgreSQL, driven over loopback HTTP: command throughput and latency against a plain JDBC ceiling,
 * projection lag, a rebuild of every projection from at least a million events against a plain sequential read,
 * queries at that volume and the app's memory. Writes the section {@link #HEADING} of docs/benchmarks.md (or, with
 * --smoke, bench/target/fullstack-smoke.md).
 */
public final class FullStackBenchmark {
    static final String HEADING = "## Full stack: commands, projection lag, replay, queries, memory";
    static final String PASSWORD = "Demo@2026";
    static final String BENCH_PASSWORD = "Bench2026x";
    /** Years that have opened for reporting (the app refuses a year before 1 January of the next): 2000–2024. */
    static final int FIRST_PERIOD = 2000;
    static final int PERIODS_PER_UNIT = 25;
    static final int GENERATED_PERIODS_PER_UNIT = 25;
    static final int UNITS_PER_GENERATED_CITY = 20;
    static final int GENERATED_CASES = 5_000;
    static final String CITY = "220200";
    static final List<String> PROJECTION_TABLES = List.of("org_unit_view", "user_account_view", "indicator_view",
            "indicator_unit", "submission_view", "submission_history", "submission_value", "project_view",
            "project_unit", "project_milestone", "project_update", "project_evidence", "rectification_case", "rectification_history",
            "rectification_extension");
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private final FullStackConfig config;
    private final Path workDir;
    private final Path logDir;
    private final int pgPort;
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, OpenCase> cases = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a run measured: figure name to value (seconds are in ms, rates per second, memory in MiB). */
    public record Result(Map<String, Double> figures, Map<String, String> notes, List<String> errors, String markdown,
                         Path written) {
    }

    private FullStackBenchmark(FullStackConfig config) throws IOException {
        this.config = config;
        this.workDir = Files.createTempDirectory("bench-fullstack-");
        this.logDir = config.smokeReport().getParent();
        Files.createDirectories(logDir);
        this.pgPort = AppProcess.freePort();
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

    // ------------------------------------------------------------------------------------------------ orchestration

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
            MemorySampler memory = new MemorySampler(app, "commands");
            memory.start();
            List<List<Unit>> units = setUp(app);
            say("set up " + units.stream().mapToInt(List::size).sum() + " units; running the command mix");
            long before;
            try (Connection db = jdbc()) {
                before = maxIndex(db);
            }
            commandMix(app, units);
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
            rawCeiling(before, Math.max(1, after - before));
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
                generateEvents(db);
                indexGeneratedEvents(db);
                totalEvents = scalarLong(db, "select count(*) from domainevententry");
                expectedReports = scalarLong(db, "select count(distinct aggregateidentifier) from domainevententry "
                        + "where type = 'Submission'");
                figures.put("events in the store", (double) totalEvents);
                db.createStatement().execute("vacuum analyze domainevententry");
                sequentialRead(db);
                db.createStatement().execute("truncate " + String.join(", ", PROJECTION_TABLES)
                        + ", tokenentry cascade");
            }
        }

        // Phase 3: rebuild every projection, then queries at volume
        try (AppProcess app = AppProcess.start(config, dataDir, pgPort, log, List.of())) {
            say("rebuilding projections from " + totalEvents + " events");
            MemorySampler memory = new MemorySampler(app, "replay");
            app.awaitReady("admin", PASSWORD, Duration.ofMinutes(5));
            double readyAt = app.secondsSinceStart();
            memory.start();
            long head;
            try (Connection db = jdbc()) {
                head = maxIndex(db);
                awaitCaughtUp(db, processors, segments, head);
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
            queries(app);
            memory.stop();
        }
        notes.put("load average at end", loadAverage());
        notes.put("load average at start", loadStart);
        String markdown = markdown(started);
        Path target = config.smoke() ? config.smokeReport() : config.docs();
        if (config.smoke()) {
            Files.writeString(target, markdown + "\n", StandardCharsets.UTF_8);
        } else {
            writeSection(target, markdown);
        }
        return new Result(Map.copyOf(figures), Map.copyOf(notes), List.copyOf(errors), markdown, target);
    }

    // ------------------------------------------------------------------------------------------------- data set-up

    private record Unit(String id, String user) {
    }

    /** Fresh county units, one submitter each, assigned to the county indicators through the admin and approver API. */
    private List<List<Unit>> setUp(AppProcess app) throws InterruptedException {
        FullStackSession admin = signedIn(app, "admin", PASSWORD);
        FullStackSession approver = signedIn(app, "sthj-approver", PASSWORD);
        int unitsPerClient = (config.reportsPerClient() + PERIODS_PER_UNIT - 1) / PERIODS_PER_UNIT;
        List<List<Unit>> units = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int c = 0; c < config.clients(); c++) {
            List<Unit> mine = new ArrayList<>();
            for (int k = 0; k < unitsPerClient; k++) {
                String id = "bench-c" + c + "-" + k;
                must(admin.post("/api/admin/org-units", "{\"id\":\"" + id + "\",\"name\":\"基准县" + c + "-" + k
                        + "\",\"type\":\"COUNTY\",\"parentId\":\"" + CITY + "\"}"), "create unit " + id);
                mine.add(new Unit(id, "bench-s" + c + "-" + k));
                all.add(id);
            }
            units.add(mine);
        }
        for (List<Unit> mine : units) {
            for (Unit u : mine) {
                awaitOk(admin, "/api/org-units/" + u.id());
                must(admin.post("/api/admin/users", "{\"username\":\"" + u.user() + "\",\"displayName\":\"基准填报"
                        + u.id().substring(6) + "\",\"password\":\"" + BENCH_PASSWORD + "\",\"roles\":[\"SUBMITTER\"],"
                        + "\"orgUnitId\":\"" + u.id() + "\"}"), "create user " + u.user());
            }
        }
        for (JsonNode indicator : seededCatalog(approver)) {
            if (indicator.path("reportingUnitIds").isEmpty()) {
                continue;
            }
            List<String> reporting = new ArrayList<>();
            indicator.path("reportingUnitIds").forEach(n -> reporting.add(n.asText()));
            reporting.addAll(all);
            String body = "{\"periodType\":\"" + indicator.path("periodType").asText() + "\",\"reportingUnitIds\":"
                    + Session.json(reporting) + ",\"measuringUnitId\":null,\"expectedVersion\":"
                    + indicator.path("version").asLong() + "}";
            must(approver.put("/api/indicators/" + indicator.path("id").asText() + "/assignment", body),
                    "assign " + indicator.path("id").asText());
        }
        // the read side must know the units, users and assignments before the clients start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (String id : all) {
            while (approver.get("/api/indicators/assigned?orgUnitId=" + id + "&period=" + FIRST_PERIOD).json()
                    .size() < 13) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("assignments of " + id + " never reached the read model");
                }
                Thread.sleep(50);
            }
        }
        openCases(app, units);
        return units;
    }

    /** 督察整改: a case per bench unit, acknowledged and planned, so the mix can report progress on it. */
    private void openCases(AppProcess app, List<List<Unit>> units) throws InterruptedException {
        FullStackSession inspector = signedIn(app, "sthj-inspector", PASSWORD);
        String deadline = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(90).toString();
        for (List<Unit> mine : units) {
            for (Unit u : mine) {
                FullStackSession unit = signedIn(app, u.user(), BENCH_PASSWORD);
                String id = must(inspector.post("/api/cases", ("{\"source\":\"CENTRAL_INSPECTION\",\"round\":\"第二轮\","
                        + "\"batch\":\"第三批\",\"problemNumber\":\"BENCH-%s\",\"problemClass\":\"WATER\","
                        + "\"description\":\"基准测试：排污口整治\",\"location\":\"基准县\",\"responsibleUnitId\":\"%s\","
                        + "\"cooperatingUnitIds\":[],\"deadline\":\"%s\",\"requirements\":\"完成排污口规范化整治\"}")
                        .formatted(u.id(), u.id(), deadline)), "register case for " + u.id()).json().path("id").asText();
                long version = awaitCaseVersion(unit, id, 0);
                must(unit.post("/api/cases/" + id + "/acknowledge", "{\"expectedVersion\":" + version + "}"),
                        "acknowledge " + id);
                version = awaitCaseVersion(unit, id, version + 1);
                must(unit.post("/api/cases/" + id + "/plan", "{\"expectedVersion\":" + version
                        + ",\"measures\":\"封堵排污口，建设截污管网\",\"responsiblePerson\":\"张建国\"}"), "plan " + id);
                cases.put(u.id(), new OpenCase(id, new AtomicLong(awaitCaseVersion(unit, id, version + 1))));
            }
        }
    }

    private static long awaitCaseVersion(FullStackSession s, String id, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            FullStackSession.Response r = s.get("/api/cases/" + id);
            if (r.ok() && r.json().path("summary").path("version").asLong(-1) >= atLeast) {
                return r.json().path("summary").path("version").asLong();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("case " + id + " never reached version " + atLeast + " in the ledger");
    }

    private record OpenCase(String id, AtomicLong version) {
    }

    // ------------------------------------------------------------------------------------------------- command mix

    private record LagProbe(String id, String unit, String period, long ackNanos) {
    }

    private void commandMix(AppProcess app, List<List<Unit>> units) throws InterruptedException {
        int clients = config.clients();
        Map<String, ConcurrentLinkedQueue<Long>> latency = new LinkedHashMap<>();
        for (String op : List.of("create draft", "save draft", "submit", "approve", "case progress")) {
            latency.put(op, new ConcurrentLinkedQueue<>());
        }
        ConcurrentLinkedQueue<Long> draftVisible = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        BlockingQueue<LagProbe> probes = new ArrayBlockingQueue<>(1);
        AtomicBoolean mixRunning = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> detailLag = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> rollupLag = new ConcurrentLinkedQueue<>();
        AtomicInteger lagTimeouts = new AtomicInteger();
        FullStackSession lagClient = signedIn(app, "sthj-approver", PASSWORD);
        Thread lagThread = new Thread(() -> measureLag(lagClient, probes, mixRunning, detailLag, rollupLag,
                lagTimeouts), "bench-lag");
        List<FullStackSession[]> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Unit> mine = units.get(c);
            FullStackSession[] s = new FullStackSession[mine.size() + 1];
            for (int k = 0; k < mine.size(); k++) {
                s[k] = signedIn(app, mine.get(k).user(), BENCH_PASSWORD);
            }
            s[mine.size()] = signedIn(app, "sthj-approver", PASSWORD);
            sessions.add(s);
        }
        String values = values();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    FullStackSession[] s = sessions.get(client);
                    FullStackSession approverSession = s[s.length - 1];
                    for (int r = 0; r < config.reportsPerClient(); r++) {
                        int k = r / PERIODS_PER_UNIT;
                        Unit unit = units.get(client).get(k);
                        FullStackSession submitter = s[k];
                        String period = String.valueOf(FIRST_PERIOD + r % PERIODS_PER_UNIT);
                        String id = unit.id() + "_" + period;
                        if (!timed(latency.get("create draft"), ok, failed, () -> submitter.post("/api/submissions",
                                "{\"orgUnitId\":\"" + unit.id() + "\",\"period\":\"" + period + "\",\"values\":"
                                        + values + "}"))) {
                            continue;
                        }
                        // the form opens the report before editing it: wait until the read side has it
                        long t0 = System.nanoTime();
                        while (submitter.get("/api/submissions/" + id).status() != 200) {
                            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                                break;
                            }
                            Thread.sleep(20);
                        }
                        draftVisible.add(System.nanoTime() - t0);
                        if (!timed(latency.get("save draft"), ok, failed, () -> submitter.put("/api/submissions/" + id,
                                "{\"values\":" + values + ",\"expectedVersion\":1}"))) {
                            continue;
                        }
                        if (!timed(latency.get("submit"), ok, failed, () -> submitter.post("/api/submissions/" + id
                                + "/submit", "{\"expectedVersion\":2}"))) {
                            continue;
                        }
                        if (!timed(latency.get("approve"), ok, failed, () -> approverSession.post("/api/submissions/"
                                + id + "/approve", "{\"expectedVersion\":3,\"comment\":\"数据核实无误\"}"))) {
                            continue;
                        }
                        // the lag prober takes a sample whenever it is free; busy means this one is skipped
                        probes.offer(new LagProbe(id, unit.id(), period, System.nanoTime()));
                        OpenCase open = cases.get(unit.id());
                        long caseVersion = open.version().get();
                        if (timed(latency.get("case progress"), ok, failed, () -> submitter.post("/api/cases/"
                                + open.id() + "/progress", "{\"expectedVersion\":" + caseVersion
                                + ",\"progress\":\"截污管网施工中（基准第" + period + "期）\",\"percent\":50}"))) {
                            open.version().incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            t.start();
        }
        lagThread.start();
        long t0 = System.nanoTime();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        mixRunning.set(false);
        lagThread.join(60_000);
        List<Long> all = new ArrayList<>();
        latency.values().forEach(all::addAll);
        figures.put("mix wall time, s", seconds);
        figures.put("commands ok", (double) ok.get());
        figures.put("commands failed", (double) failed.get());
        figures.put("commands/s", ok.get() / seconds);
        putPercentiles("command latency", all);
        latency.forEach((op, samples) -> putPercentiles(op + " latency", samples));
        putPercentiles("draft visible after create", draftVisible);
        putPercentiles("lag approve to detail view", detailLag);
        putPercentiles("lag approve to city rollup", rollupLag);
        figures.put("lag samples", (double) rollupLag.size());
        figures.put("lag timeouts", (double) lagTimeouts.get());
    }

    private boolean timed(Collection<Long> samples, AtomicInteger ok, AtomicInteger failed,
                          java.util.function.Supplier<FullStackSession.Response> call) {
        long t0 = System.nanoTime();
        FullStackSession.Response response = call.get();
        long elapsed = System.nanoTime() - t0;
        if (response.ok()) {
            samples.add(elapsed);
            ok.incrementAndGet();
            return true;
        }
        failed.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < 20) {
                errors.add(response.status() + " " + response.body());
            }
        }
        return false;
    }

    private void measureLag(FullStackSession client, BlockingQueue<LagProbe> probes, AtomicBoolean running,
                            Collection<Long> detailLag, Collection<Long> rollupLag, AtomicInteger timeouts) {
        try {
            while (running.get() || !probes.isEmpty()) {
                LagProbe probe = probes.poll(100, TimeUnit.MILLISECONDS);
                if (probe == null) {
                    continue;
                }
                long limit = probe.ackNanos() + TimeUnit.SECONDS.toNanos(30);
                boolean seen = false;
                while (System.nanoTime() < limit) {
                    FullStackSession.Response r = client.get("/api/submissions/" + probe.id());
                    if (r.ok() && "APPROVED".equals(r.json().path("status").asText())) {
                        detailLag.add(System.nanoTime() - probe.ackNanos());
                        seen = true;
                        break;
                    }
                    Thread.sleep(10);
                }
                seen = seen && pollRollup(client, probe, limit, rollupLag);
                if (!seen) {
                    timeouts.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean pollRollup(FullStackSession client, LagProbe probe, long limit, Collection<Long> lag)
            throws InterruptedException {
        while (System.nanoTime() < limit) {
            FullStackSession.Response r = client.get("/api/rollups/city?period=" + probe.period());
            if (r.ok()) {
                JsonNode units = null;
                for (JsonNode indicator : r.json().path("indicators")) {
                    if ("220200-I03".equals(indicator.path("indicatorId").asText())) {
                        units = indicator.path("units");
                    }
                }
                for (JsonNode unit : units == null ? List.<JsonNode>of() : units) {
                    if (probe.unit().equals(unit.path("orgUnitId").asText()) && !unit.path("value").isNull()
                            && !unit.path("value").isMissingNode()) {
                        lag.add(System.nanoTime() - probe.ackNanos());
                        return true;
                    }
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** The 13 values a county reports, every one with an explanation so the plausibility rule never asks. */
    private static String values() {
        String json = """
                [{"indicator":"220200-I03","components":{"sections_good":3,"sections_assessed":4}},
                 {"indicator":"220200-I04","components":{"sections_worse_than_v":0,"sections_assessed":4}},
                 {"indicator":"220200-I05","components":{"sources_compliant":2,"sources_in_use":2}},
                 {"indicator":"220200-I06","components":{"villages_treated":35,"villages_total":100}},
                 {"indicator":"220200-I07","value":1},
                 {"indicator":"220200-I08","components":{"farmland_safely_used":985,"farmland_polluted":1000}},
                 {"indicator":"220200-I11","components":{"sewage_collected":97,"sewage_generated":100}},
                 {"indicator":"220200-I12","components":{"sludge_treated":100,"sludge_generated":100}},
                 {"indicator":"220200-I13","value":680.5},
                 {"indicator":"220200-I14","value":64,"components":{"land_area":1800}},
                 {"indicator":"220200-I15","components":{"waste_utilised":41,"waste_generated":100}},
                 {"indicator":"220200-I16","components":{"hazardous_handled":99,"hazardous_generated":100}},
                 {"indicator":"220200-I17","value":57,"components":{"land_area":1800}}]
                """.replace("\n", "");
        return json.replace("{\"indicator\"", "{\"explanation\":\"基准测试数据\",\"indicator\"");
    }

    // ------------------------------------------------------------------------------------------- raw JDBC ceiling

    private record Row(String aggregateId, long seq, String type, byte[] metadata, byte[] payload, String revision,
                       String payloadType, String timestamp) {
    }

    /** The same serialized rows, plain JDBC into a copy of the table, one transaction per row, same concurrency. */
    private void rawCeiling(long afterIndex, long count) throws Exception {
        List<Row> sample = new ArrayList<>();
        try (Connection db = jdbc(); Statement st = db.createStatement()) {
            st.execute("drop table if exists bench_events");
            st.execute("drop sequence if exists bench_events_seq");
            st.execute("create table bench_events (like domainevententry including all)");
            st.execute("create sequence bench_events_seq");
            st.execute("alter table bench_events alter column globalindex set default nextval('bench_events_seq')");
            try (ResultSet rs = st.executeQuery("select aggregateidentifier, sequencenumber, type, metadata, payload, "
                    + "payloadrevision, payloadtype, timestamp from domainevententry where globalindex > " + afterIndex
                    + " order by globalindex limit 5000")) {
                while (rs.next()) {
                    sample.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4),
                            rs.getBytes(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        String sql = "insert into bench_events (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int warmupRows = (int) Math.min(200, count);
        AtomicLong warmNext = new AtomicLong();
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<Long> latency = new ConcurrentLinkedQueue<>();
        CountDownLatch warm = new CountDownLatch(config.clients());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        AtomicLong startNanos = new AtomicLong();
        for (int c = 0; c < config.clients(); c++) {
            Thread t = new Thread(() -> {
                boolean counted = false;
                try (Connection db = jdbc(); PreparedStatement insert = db.prepareStatement(sql)) {
                    db.setAutoCommit(true);
                    for (long i = warmNext.getAndIncrement(); i < warmupRows; i = warmNext.getAndIncrement()) {
                        bind(insert, "warm-" + i, sample.get((int) (i % sample.size())));
                        insert.executeUpdate();
                    }
                    counted = true;
                    warm.countDown();
                    go.await();
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        bind(insert, "raw-" + i, sample.get((int) (i % sample.size())));
                        long t0 = System.nanoTime();
                        insert.executeUpdate();
                        latency.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors.add("raw insert: " + e);
                    }
                } finally {
                    if (!counted) {
                        warm.countDown();
                    }
                }
            }, "bench-raw-" + c);
            threads.add(t);
            t.start();
        }
        warm.await();
        startNanos.set(System.nanoTime());
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - startNanos.get()) / 1e9;
        figures.put("raw JDBC rows", (double) latency.size());
        figures.put("raw JDBC rows/s", latency.size() / seconds);
        putPercentiles("raw JDBC insert latency", latency);
        figures.put("ratio commands/s to raw rows/s", figures.get("commands/s") / figures.get("raw JDBC rows/s"));
        figures.put("ratio app events/s to raw rows/s",
                figures.get("app events/s during the mix") / figures.get("raw JDBC rows/s"));
        try (Connection db = jdbc(); Statement st = db.createStatement()) {
            st.execute("drop table bench_events");
            st.execute("drop sequence bench_events_seq");
        }
    }

    private static void bind(PreparedStatement insert, String prefix, Row row) throws SQLException {
        insert.setString(1, prefix + "-" + row.aggregateId());
        insert.setLong(2, row.seq());
        insert.setString(3, row.type());
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, row.metadata());
        insert.setBytes(6, row.payload());
        insert.setString(7, row.revision());
        insert.setString(8, row.payloadType());
        insert.setString(9, row.timestamp());
    }

    // --------------------------------------------------------------------------------------- replay volume & reads

    /**
     * Clones a report the app wrote during the mix (created, drafts, submitted, approved) and the OrgUnitCreated of
     * its unit, with new units, periods, aggregate ids and event ids, until the store holds the requested count.
     */
    private void generateEvents(Connection db) throws SQLException, IOException {
        long existing = scalarLong(db, "select count(*) from domainevententry");
        long missing = config.replayEvents() - existing;
        if (missing <= 0) {
            return;
        }
        String unit = "bench-c0-0";
        String submission = unit + "_" + FIRST_PERIOD;
        List<Row> report = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + submission + "' order by sequencenumber");
        List<Row> unitRows = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + unit + "' and payloadtype like '%OrgUnitCreated' order by sequencenumber");
        if (report.isEmpty() || unitRows.isEmpty()) {
            throw new IllegalStateException("no report of " + unit + " to clone: did the command mix fail?");
        }
        List<Row> cityRows = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + CITY + "' and payloadtype like '%OrgUnitCreated' order by sequencenumber");
        if (cityRows.isEmpty()) {
            throw new IllegalStateException("no OrgUnitCreated of the city " + CITY + " to clone");
        }
        missing -= generateCases(db, missing);
        String unitName = "基准县0-0";
        int perUnit = 1 + GENERATED_PERIODS_PER_UNIT * report.size();
        long units = (missing + perUnit - 1) / perUnit;
        CopyBuffer buffer = new CopyBuffer(db);
        HexFormat hex = HexFormat.of();
        String city = CITY;
        for (long u = 0; u < units; u++) {
            if (u % UNITS_PER_GENERATED_CITY == 0) {
                // a new city of its own: the real city's rollup keeps its real size while the store grows
                city = "bench-city" + (u / UNITS_PER_GENERATED_CITY);
                Row c = cityRows.get(0);
                buffer.add(city, 0, c.type(), hex.formatHex(c.metadata()), hex.formatHex(utf8(c.payload())
                        .replace("\"orgUnitId\":\"" + CITY + "\"", "\"orgUnitId\":\"" + city + "\"")
                        .replace("\"cityId\":\"" + CITY + "\"", "\"cityId\":\"" + city + "\"")
                        .replace("\"name\":\"吉林市\"", "\"name\":\"基准生成市" + (u / UNITS_PER_GENERATED_CITY)
                                + "\"").getBytes(StandardCharsets.UTF_8)), c.payloadType(), c.timestamp());
            }
            String newUnit = "bench-g" + u;
            Row created = unitRows.get(0);
            buffer.add(newUnit, 0, created.type(), hex.formatHex(created.metadata()),
                    hex.formatHex(inCity(utf8(created.payload()), city).replace("\"orgUnitId\":\"" + unit + "\"",
                            "\"orgUnitId\":\"" + newUnit + "\"").replace("\"name\":\"" + unitName + "\"",
                            "\"name\":\"基准生成县" + u + "\"").getBytes(StandardCharsets.UTF_8)),
                    created.payloadType(), created.timestamp());
            for (int p = 0; p < GENERATED_PERIODS_PER_UNIT; p++) {
                int year = FIRST_PERIOD + p;
                String newId = newUnit + "_" + year;
                for (Row row : report) {
                    String payload = inCity(utf8(row.payload()), city)
                            .replace("\"submissionId\":\"" + submission + "\"", "\"submissionId\":\"" + newId + "\"")
                            .replace("\"orgUnitId\":\"" + unit + "\"", "\"orgUnitId\":\"" + newUnit + "\"")
                            .replace("\"period\":\"" + FIRST_PERIOD + "\"", "\"period\":\"" + year + "\"")
                            // the deadline's day comes from the reporting calendars: only its year moves
                            .replace("\"deadline\":\"" + (FIRST_PERIOD + 1) + "-",
                                    "\"deadline\":\"" + (year + 1) + "-");
                    String metadata = inCity(utf8(row.metadata()), city).replace("\"orgUnitId\":\"" + unit + "\"",
                            "\"orgUnitId\":\"" + newUnit + "\"");
                    buffer.add(newId, row.seq(), row.type(), hex.formatHex(metadata.getBytes(StandardCharsets.UTF_8)),
                            hex.formatHex(payload.getBytes(StandardCharsets.UTF_8)), row.payloadType(),
                            row.timestamp());
                }
            }
        }
        buffer.flush();
        figures.put("generated events", (double) buffer.total);
    }

    /**
     * 督察整改 at volume: the case of bench-c0-0 (registered, acknowledged, planned, progress reported during the mix)
     * cloned with new case ids onto the bench units of the real city, so its ledger holds thousands of cases.
     */
    private long generateCases(Connection db, long budget) throws SQLException, IOException {
        OpenCase original = cases.get("bench-c0-0");
        if (original == null || budget <= 0) {
            return 0;
        }
        List<Row> caseRows = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + original.id() + "' order by sequencenumber");
        long count = Math.min(config.smoke() ? 200 : GENERATED_CASES, budget / Math.max(1, caseRows.size()));
        CopyBuffer buffer = new CopyBuffer(db);
        HexFormat hex = HexFormat.of();
        for (long n = 0; n < count; n++) {
            String caseId = "bench-case-" + n;
            String unit = "bench-c" + (n % config.clients()) + "-0";
            for (Row row : caseRows) {
                String payload = utf8(row.payload()).replace(original.id(), caseId)
                        .replace("\"bench-c0-0\"", "\"" + unit + "\"")
                        .replace("BENCH-bench-c0-0", "BENCH-" + n);
                String metadata = utf8(row.metadata()).replace("\"bench-c0-0\"", "\"" + unit + "\"");
                buffer.add(caseId, row.seq(), row.type(), hex.formatHex(metadata.getBytes(StandardCharsets.UTF_8)),
                        hex.formatHex(payload.getBytes(StandardCharsets.UTF_8)), row.payloadType(), row.timestamp());
            }
        }
        buffer.flush();
        figures.put("generated cases (吉林市)", (double) count);
        return buffer.total;
    }

    /**
     * The auditor's search index (event_chain) for the generated events, filled by SQL from their metadata so the
     * audit log is searched at volume. Their links are placeholders: the benchmark measures search, not verification.
     */
    private static void indexGeneratedEvents(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            st.execute("select pg_advisory_xact_lock(" + 0x6a6363686169_6eL + ")");
            st.execute("""
                    insert into event_chain (link_seq, global_index, event_identifier, prev_hash, hash, city_id,
                        actor_unit_id, subject_unit_id, user_id, aggregate_type, aggregate_id, event_type,
                        correlation_id, event_time)
                    select (select coalesce(max(link_seq), 0) from event_chain)
                               + row_number() over (order by e.globalindex),
                           e.globalindex, e.eventidentifier, '\\x00', '\\x00',
                           nullif(m ->> 'cityId', ''), nullif(m ->> 'orgUnitId', ''),
                           coalesce(p ->> 'orgUnitId', p ->> 'responsibleUnitId'), m ->> 'userId', e.type,
                           e.aggregateidentifier, regexp_replace(e.payloadtype, '^.*[.$]', ''), m ->> 'correlationId',
                           e.timestamp::timestamptz
                    from domainevententry e
                    cross join lateral (select convert_from(e.metadata, 'UTF8')::jsonb as m,
                                               convert_from(e.payload, 'UTF8')::jsonb as p) j
                    where not exists (select 1 from event_chain c where c.global_index = e.globalindex)""");
            db.commit();
            // as autovacuum would after a bulk load: the planner must know the index's real size
            st.execute("analyze event_chain");
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static String inCity(String json, String city) {
        return json.replace("\"cityId\":\"" + CITY + "\"", "\"cityId\":\"" + city + "\"")
                .replace("\"parentId\":\"" + CITY + "\"", "\"parentId\":\"" + city + "\"");
    }

    /** COPY in text format, 20,000 rows per statement. */
    private static final class CopyBuffer {
        private final Connection db;
        private final StringBuilder sb = new StringBuilder(1 << 24);
        private int rows;
        private long total;

        CopyBuffer(Connection db) {
            this.db = db;
        }

        void add(String aggregateId, long seq, String type, String metadataHex, String payloadHex, String payloadType,
                 String timestamp) throws SQLException, IOException {
            sb.append(aggregateId).append('\t').append(seq).append('\t').append(type).append('\t')
                    .append(UUID.randomUUID()).append("\t\\\\x").append(metadataHex).append("\t\\\\x")
                    .append(payloadHex).append("\t\\N\t").append(payloadType).append('\t').append(timestamp)
                    .append('\n');
            if (++rows == 20_000) {
                flush();
            }
        }

        void flush() throws SQLException, IOException {
            if (rows == 0) {
                return;
            }
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy domainevententry (aggregateidentifier, "
                    + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, "
                    + "timestamp) from stdin", new StringReader(sb.toString()));
            total += rows;
            rows = 0;
            sb.setLength(0);
        }
    }

    private void sequentialRead(Connection db) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        long count = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery("select globalindex, aggregateidentifier, sequencenumber, type, "
                    + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp "
                    + "from domainevententry order by globalindex")) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    rs.getLong(3);
                    rs.getString(4);
                    rs.getString(5);
                    bytes += rs.getBytes(6).length + rs.getBytes(7).length;
                    rs.getString(8);
                    rs.getString(9);
                    rs.getString(10);
                    count++;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        db.commit();
        db.setAutoCommit(auto);
        figures.put("sequential JDBC read events/s", count / seconds);
        figures.put("sequential JDBC read, s", seconds);
        figures.put("event store payload+metadata, MiB", bytes / 1048576.0);
    }

    /** Every segment of every processor the app ran before has passed the head of the store. */
    private void awaitCaughtUp(Connection db, Set<String> processors, Map<String, Integer> segments, long head)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(config.smoke() ? 3 : 40);
        long lastReport = System.nanoTime();
        while (true) {
            Map<String, Integer> caughtUp = new HashMap<>();
            long slowest = Long.MAX_VALUE;
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select processorname, convert_from(token, 'UTF8') from tokenentry")) {
                while (rs.next()) {
                    long index = position(rs.getString(2));
                    slowest = Math.min(slowest, index);
                    if (index >= head) {
                        caughtUp.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            }
            boolean all = processors.stream().allMatch(p -> caughtUp.getOrDefault(p, 0) >= segments.get(p));
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not catch up; slowest token at " + slowest + " of "
                        + head);
            }
            if (!config.smoke() && System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                say("  replay: slowest segment at " + slowest + " of " + head);
                lastReport = System.nanoTime();
            }
            Thread.sleep(config.smoke() ? 50 : 250);
        }
    }

    /**
     * The position a processor segment has processed: a GapAwareTrackingToken's index, or, while the app replays
     * (a ReplayToken, written when the app finds no tokens and resets its projections), its currentToken's index.
     */
    static long position(String token) {
        if (token == null) {
            return -1;
        }
        int current = token.indexOf("\"currentToken\"");
        Matcher m = TOKEN_INDEX.matcher(current >= 0 ? token.substring(current) : token);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    // ----------------------------------------------------------------------------------------- queries at volume

    private void queries(AppProcess app) throws InterruptedException {
        FullStackSession approver = signedIn(app, "sthj-approver", PASSWORD);
        String path = "/api/rollups/city?period=" + FIRST_PERIOD;
        FullStackSession.Response first = approver.get(path);
        if (!first.ok()) {
            errors.add("rollup: " + first.status() + " " + first.body());
            return;
        }
        JsonNode sample = first.json();
        for (JsonNode indicator : sample.path("indicators")) {
            if ("220200-I03".equals(indicator.path("indicatorId").asText())) {
                figures.put("rollup units listed (220200-I03)", (double) indicator.path("units").size());
            }
        }
        timedQueries("city rollup at volume", approver, path);

        FullStackSession inspector = signedIn(app, "sthj-inspector", PASSWORD);
        String ledger = "/api/cases?source=CENTRAL_INSPECTION&status=IN_PROGRESS&problemClass=WATER&limit=20";
        FullStackSession.Response cases = inspector.get(ledger.replace("limit=20", "limit=1"));
        if (cases.ok()) {
            figures.put("case ledger rows matching the filters", cases.json().path("total").asDouble(-1));
        }
        timedQueries("case ledger first page with filters", inspector, ledger);

        FullStackSession auditor = signedIn(app, "auditor", PASSWORD);
        timedQueries("audit log first page", auditor, "/api/audit/events?eventType=SubmissionApproved&limit=50");
        timedQueries("audit log page by user and time", auditor, "/api/audit/events?user=bench-s0-0&from=2020-01-01"
                + "&limit=50&order=asc");
        try (Connection db = jdbc()) {
            figures.put("audit index rows (event_chain)", (double) scalarLong(db, "select count(*) from event_chain"));
        } catch (SQLException e) {
            errors.add("audit index count: " + e);
        }
    }

    private void timedQueries(String name, FullStackSession session, String path) {
        for (int i = 0; i < config.queryWarmup(); i++) {
            session.get(path);
        }
        List<Long> latency = new ArrayList<>();
        for (int i = 0; i < config.querySamples(); i++) {
            long t0 = System.nanoTime();
            FullStackSession.Response r = session.get(path);
            long elapsed = System.nanoTime() - t0;
            if (!r.ok()) {
                synchronized (errors) {
                    errors.add(name + ": " + r.status() + " " + r.body());
                }
                return;
            }
            latency.add(elapsed);
        }
        putPercentiles(name, latency);
    }

    // ----------------------------------------------------------------------------------------------------- memory

    /** Peak heap from the app's Prometheus endpoint and peak resident size of its JVM from /proc. */
    private final class MemorySampler {
        private final AppProcess app;
        private final String phase;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile double peakHeap;
        private volatile double peakRss;

        MemorySampler(AppProcess app, String phase) {
            this.app = app;
            this.phase = phase;
            this.thread = new Thread(this::loop, "bench-memory-" + phase);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            FullStackSession admin = null;
            while (running.get()) {
                try {
                    if (admin == null) {
                        FullStackSession s = new FullStackSession(app.port());
                        admin = s.login("admin", PASSWORD) ? s : null;
                    }
                    if (admin != null) {
                        FullStackSession.Response r = admin.get("/actuator/prometheus");
                        if (r.ok()) {
                            double heap = 0;
                            for (String line : r.body().split("\n")) {
                                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                                    heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                                }
                            }
                            peakHeap = Math.max(peakHeap, heap);
                        }
                    }
                    Path status = Path.of("/proc/" + app.pid() + "/status");
                    if (Files.exists(status)) {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                                double kb = Double.parseDouble(line.replaceAll("[^0-9]", ""));
                                peakRss = Math.max(peakRss, kb * 1024);
                            }
                        }
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the app may be stopping; keep the peaks seen so far
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(5_000);
            figures.put("peak heap used, MiB (" + phase + ")", peakHeap / 1048576.0);
            figures.put("peak RSS of the app JVM, MiB (" + phase + ")", peakRss / 1048576.0);
        }
    }

    // ----------------------------------------------------------------------------------------------------- report

    private record Goal(String text, String figure, boolean higherIsBetter, double limit) {
    }

    private String markdown(ZonedDateTime started) {
        StringBuilder md = new StringBuilder();
        md.append(HEADING).append("\n\n");
        md.append("Written by `bench` (`cn.jiangcheng.tracker.bench.FullStackBenchmark`) on ")
                .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(config.smoke() ? " (SMOKE MODE: tiny figures, not a measurement)" : "")
                .append(". The real app (`java -Xmx").append(config.appHeap())
                .append(" -jar app/target/jiangcheng-tracker.jar`, a separate JVM) on ")
                .append(config.externalJdbcUrl() == null ? "its embedded PostgreSQL" : "an external PostgreSQL")
                .append(", driven by HTTP clients over loopback; every client is a signed-in browser-like session "
                        + "(session cookie and CSRF header, as the web UI).\n\n");
        md.append("### Goals\n\n| Goal | Figure | Met |\n|---|---:|---|\n");
        List<Goal> goals = List.of(
                new Goal("commands ≥ 40 % of the raw JDBC ceiling (commands/s ÷ raw rows/s)",
                        "ratio commands/s to raw rows/s", true, 0.40),
                new Goal("projection lag p99 < 1 s (approve acknowledged → city rollup shows it)",
                        "lag approve to city rollup p99, ms", false, 1000),
                new Goal("replay ≥ 25 % of the sequential read rate", "replay ratio to sequential read", true, 0.25),
                new Goal("city rollup p99 < 100 ms at " + String.format(Locale.ROOT, "%,.0f",
                        figures.getOrDefault("events in the store", 0.0)) + " events",
                        "city rollup at volume p99, ms", false, 100),
                new Goal("case ledger first page p99 < 100 ms (filters, " + String.format(Locale.ROOT, "%,.0f",
                        figures.getOrDefault("generated cases (吉林市)", 0.0)) + " generated cases in the city)",
                        "case ledger first page with filters p99, ms", false, 100),
                new Goal("heap < 1 GiB (peak used heap under load)", "peak heap used, MiB (max)", false, 1024));
        figures.put("peak heap used, MiB (max)", Math.max(figures.getOrDefault("peak heap used, MiB (commands)", 0.0),
                figures.getOrDefault("peak heap used, MiB (replay)", 0.0)));
        for (Goal g : goals) {
            double v = figures.getOrDefault(g.figure(), Double.NaN);
            boolean met = g.higherIsBetter() ? v >= g.limit() : v < g.limit();
            md.append("| ").append(g.text()).append(" | ").append(fmt(v)).append(" | ")
                    .append(Double.isNaN(v) ? "not measured" : met ? "**met**" : "**missed**").append(" |\n");
        }
        md.append("\n### Figures\n\n| Measure | Value |\n|---|---:|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(fmt(v)).append(" |\n"));
        if (!errors.isEmpty()) {
            md.append("\nErrors (first ").append(errors.size()).append("):\n\n");
            errors.forEach(e -> md.append("- `").append(e.replace("`", "'").replace("\n", " "), 0,
                    Math.min(300, e.length())).append("`\n"));
        }
        md.append("\n### How it was measured\n\n");
        md.append(String.format(Locale.ROOT, """
                1. **Commands.** %d clients, each with its own fresh county unit(s) and submitter (created through \
                `POST /api/admin/org-units` and `/api/admin/users`, assigned to the 13 county indicators through \
                `PUT /api/indicators/{id}/assignment`), run %d reports each: `POST /api/submissions` (draft with all 13 \
                values), `PUT` (save draft), `POST …/submit`, the approver's `POST …/approve`, then a 督察整改 progress \
                report `POST /api/cases/{id}/progress` on the unit's case (registered by the inspector, acknowledged \
                and planned before the mix). Every call is one \
                command sample; non-2xx counts as failed. Before saving, the client waits for `GET \
                /api/submissions/{id}` to return the draft (polled every 20 ms), as the form does (the draft-visible figure; not a command). \
                commands/s = successful calls ÷ wall time of the mix. **Raw ceiling**, same run and PostgreSQL: plain \
                JDBC inserting the serialized rows the app had just written (up to 5,000 sampled, reused with new ids) \
                into `bench_events` (`like domainevententry including all`), autocommit (one transaction per row), \
                same number of connections as clients, as many rows as the app appended during the mix.
                2. **Lag.** One prober thread takes an approval whenever it is free (the others go unsampled), polls \
                the report's detail until APPROVED, then the city rollup for its period until the unit's value is \
                there, every 10 ms; lag = time since the approve call returned.
                3. **Replay.** The app is restarted with its processors in subscribing mode (no tokens, so \
                nothing reads the store) to keep its PostgreSQL up; the store is filled with genuine events: one \
                approved report the app wrote (%s) and its unit's `OrgUnitCreated` are cloned with new unit ids, \
                %d annual periods per unit, new aggregate and event ids (COPY); every %d generated units get a city \
                of their own (a clone of the city's `OrgUnitCreated`), so 吉林市 keeps its real size (its 11 counties \
                plus the benchmark's) while the store grows. 督察整改: the first bench unit's case events (registered, \
                acknowledged, planned, progress) are cloned as new cases of the city's bench units. The generated \
                events are filed in the auditor's search index (`event_chain`) by one SQL statement from their \
                metadata, with placeholder links (search is measured, not verification). Then a plain JDBC sequential read of \
                the whole table (fetch size 10,000, every column read). Then every projection table and `tokenentry` \
                are truncated and the app is started normally: replay time runs until every segment of every \
                processor has a token at the table's highest global index.
                4. **Queries.** `GET /api/rollups/city?period=%d` as the approver; the 整改台账 first page \
                (`/api/cases?source=CENTRAL_INSPECTION&status=IN_PROGRESS&problemClass=WATER&limit=20`) as the inspector; \
                the audit log's first page (`/api/audit/events?eventType=SubmissionApproved&limit=50`) and a user's \
                history (`user=bench-s0-0&from=2020-01-01&order=asc`) as the auditor; %d timed after %d warm-up each, \
                with the whole store projected.
                5. **Memory.** Every 0.5 s: the sum of `jvm_memory_used_bytes{area="heap"}` from \
                `/actuator/prometheus` and VmRSS/VmHWM of the app's JVM from `/proc` (the embedded PostgreSQL runs in \
                its own processes and is not included), during the command phase and during replay + queries.
                """, config.clients(), config.reportsPerClient(), "create, 2 drafts, submit, approve",
                GENERATED_PERIODS_PER_UNIT, UNITS_PER_GENERATED_CITY, FIRST_PERIOD, config.querySamples(), config.queryWarmup()));
        md.append("\n### Setup\n\nCommand (from the repository root):\n\n```\n").append(config.command())
                .append("\n```\n\n| | |\n|---|---|\n");
        machine().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        notes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| app arguments | `").append(String.join(" ", config.appArgs())).append("` |\n");
        md.append("\nThe machine is shared with other work; a load average above the core count means something "
                + "else ran at the same time. Compare runs, not single numbers.\n");
        return md.toString();
    }

    private static Map<String, String> machine() {
        Map<String, String> facts = new LinkedHashMap<>();
        String cpu = "unknown";
        String mem = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    mem = String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        facts.put("CPU", cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)");
        facts.put("Memory", mem);
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return facts;
    }

    static void writeSection(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(HEADING)) {
                start = i;
                break;
            }
        }
        List<String> replacement = List.of(section.stripTrailing().split("\n", -1));
        if (start < 0) {
            lines.add("");
            lines.addAll(replacement);
        } else {
            int end = lines.size();
            for (int i = start + 1; i < lines.size(); i++) {
                if (lines.get(i).startsWith("## ")) {
                    end = i;
                    break;
                }
            }
            List<String> tail = new ArrayList<>(lines.subList(end, lines.size()));
            lines = new ArrayList<>(lines.subList(0, start));
            lines.addAll(replacement);
            if (!tail.isEmpty()) {
                lines.add("");
                lines.addAll(tail);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private void putPercentiles(String name, Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int p : List.of(50, 95, 99)) {
            figures.put(name + " p" + p + ", ms", sorted.length == 0 ? Double.NaN
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6);
        }
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }

    private void say(String line) {
        if (!config.smoke()) {
            System.out.println("[fullstack] " + line);
        }
    }

    private static FullStackSession signedIn(AppProcess app, String user, String password) {
        FullStackSession s = new FullStackSession(app.port());
        if (!s.login(user, password)) {
            throw new IllegalStateException("cannot sign in as " + user);
        }
        return s;
    }

    private static FullStackSession.Response must(FullStackSession.Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " failed: " + r.status() + " " + r.body());
        }
        return r;
    }

    /**
     * The catalog as the seeder left it: a fresh app answers log-ins before its projection has every indicator and
     * assignment, and assigning from a partial list would leave the bench units short of indicators.
     */
    private static JsonNode seededCatalog(FullStackSession approver) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonNode catalog = must(approver.get("/api/indicators"), "indicators").json();
            int reported = 0;
            for (JsonNode indicator : catalog) {
                reported += indicator.path("reportingUnitIds").isEmpty() ? 0 : 1;
            }
            if (catalog.size() >= 17 && reported >= 13) {
                return catalog;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the indicator catalog never reached the read model: " + catalog.size()
                        + " indicators, " + reported + " with reporting units");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitOk(FullStackSession s, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!s.get(path).ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " never became visible");
            }
            Thread.sleep(20);
        }
    }

    private Connection jdbc() throws SQLException {
        if (config.externalJdbcUrl() != null) {
            return DriverManager.getConnection(config.externalJdbcUrl(), config.dbUser(), config.dbPassword());
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/tracker", "postgres", "");
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

    private static List<Row> rows(Connection db, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return rows;
    }

    private static long maxIndex(Connection db) throws SQLException {
        return scalarLong(db, "select coalesce(max(globalindex), 0) from domainevententry");
    }

    private static long scalarLong(Connection db, String sql) throws SQLException {
        return Long.parseLong(scalar(db, sql));
    }

    private static String scalar(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir
        }
    }

    /** Minimal JSON for a list of strings (ids only). */
    private static final class Session {
        static String json(List<String> values) {
            try {
                return FullStackSession.JSON.writeValueAsString(values);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
