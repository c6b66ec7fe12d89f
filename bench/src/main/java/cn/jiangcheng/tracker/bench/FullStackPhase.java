package cn.jiangcheng.tracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the phases of one full-stack run share: its settings, the database it talks to, the figures, notes and
 * errors they record, and the small HTTP and SQL helpers they all use.
 */
abstract class FullStackPhase {
    static final String PASSWORD = "Demo@2026";
    static final String BENCH_PASSWORD = "Bench2026x";
    /** Years that have opened for reporting (the app refuses a year before 1 January of the next): 2000–2024. */
    static final int FIRST_PERIOD = 2000;
    static final int PERIODS_PER_UNIT = 25;
    static final int GENERATED_PERIODS_PER_UNIT = 25;
    static final int UNITS_PER_GENERATED_CITY = 20;
    static final int GENERATED_CASES = 5_000;
    static final String CITY = "220200";

    /** One run's shared state; every phase of the run holds the same one. */
    record Run(FullStackConfig config, int pgPort, Map<String, Double> figures, Map<String, String> notes,
               List<String> errors, Map<String, OpenCase> cases) {
        static Run of(FullStackConfig config, int pgPort) {
            return new Run(config, pgPort, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(),
                    new ConcurrentHashMap<>());
        }
    }

    record Unit(String id, String user) {
    }

    record OpenCase(String id, AtomicLong version) {
    }

    record Row(String aggregateId, long seq, String type, byte[] metadata, byte[] payload, String revision,
                       String payloadType, String timestamp) {
    }

    protected final Run run;
    protected final FullStackConfig config;
    protected final int pgPort;
    protected final Map<String, Double> figures;
    protected final Map<String, String> notes;
    protected final List<String> errors;
    protected final Map<String, OpenCase> cases;

    FullStackPhase(Run run) {
        this.run = run;
        this.config = run.config();
        this.pgPort = run.pgPort();
        this.figures = run.figures();
        this.notes = run.notes();
        this.errors = run.errors();
        this.cases = run.cases();
    }

    void putPercentiles(String name, Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int p : List.of(50, 95, 99)) {
            figures.put(name + " p" + p + ", ms", sorted.length == 0 ? Double.NaN
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6);
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }

    void say(String line) {
        if (!config.smoke()) {
            System.out.println("[fullstack] " + line);
        }
    }

    static FullStackSession signedIn(AppProcess app, String user, String password) {
        FullStackSession s = new FullStackSession(app.port());
        if (!s.login(user, password)) {
            throw new IllegalStateException("cannot sign in as " + user);
        }
        return s;
    }

    static FullStackSession.Response must(FullStackSession.Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " failed: " + r.status() + " " + r.body());
        }
        return r;
    }

    static void awaitOk(FullStackSession s, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!s.get(path).ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " never became visible");
            }
            Thread.sleep(20);
        }
    }

    Connection jdbc() throws SQLException {
        if (config.externalJdbcUrl() != null) {
            return DriverManager.getConnection(config.externalJdbcUrl(), config.dbUser(), config.dbPassword());
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/tracker", "postgres", "");
    }

    static List<Row> rows(Connection db, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return rows;
    }

    static long maxIndex(Connection db) throws SQLException {
        return scalarLong(db, "select coalesce(max(globalindex), 0) from domainevententry");
    }

    static long scalarLong(Connection db, String sql) throws SQLException {
        return Long.parseLong(scalar(db, sql));
    }

    static String scalar(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Minimal JSON for a list of strings (ids only). */
    static final class Session {
        static String json(List<String> values) {
            try {
                return FullStackSession.JSON.writeValueAsString(values);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
