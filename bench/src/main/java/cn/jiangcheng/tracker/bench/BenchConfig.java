package cn.jiangcheng.tracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Command-line options ({@code --name=value}); the connection may also come from BENCH_JDBC_URL, _USER, _PASSWORD. */
record BenchConfig(String jdbcUrl, String user, String password, int threads, int events, int warmup,
                   int eventsPerAggregate, int loads, int loadWarmup, int streamPasses, int orderCheckEvents,
                   int liveTailEvents, int appendBlocks, int warmupRounds, int runs, int poolSize, int batchSize,
                   List<EngineKind> engines, long seed, Path docs, List<String> arguments) {

    static final String USAGE = """
            Measures Axon's JDBC and JPA event storage engines on an external PostgreSQL.

            Options (all optional, --name=value):
              --jdbc-url=URL          default $BENCH_JDBC_URL or jdbc:postgresql://127.0.0.1:5432/bench_storage
                                      (the database is created if missing, through the 'postgres' database)
              --user=NAME             default $BENCH_DB_USER or postgres
              --password=SECRET       default $BENCH_DB_PASSWORD or empty
              --threads=8             writer threads in the append test
              --events=20000          measured appends (one event per transaction)
              --warmup=2000           appends before measuring
              --events-per-aggregate=10
              --loads=1000            aggregate loads measured (after --load-warmup=200)
              --append-blocks=10      measured appends are split into blocks, engines taking turns
              --stream-passes=5       timed full reads of the tracking stream (after one untimed pass)
              --order-check=1000      single-writer appends whose stream order and gaps are checked
              --live-tail=2000        appends by all writers while a tracking reader tails the table
              --warmup-rounds=1       discarded rounds of the whole workload (at warm-up size) before run 1
              --runs=5                full repetitions
              --pool=10               connection pool size (same for both engines)
              --batch-size=100        Axon engine fetch batch size (Axon's default)
              --engines=jdbc,jpa
              --seed=20240601
              --docs=PATH             where to write the section; default docs/benchmarks.md of this repository
              --no-docs               print only
            """;

    static BenchConfig parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            arguments.add(arg);
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        if (options.containsKey("help")) {
            System.out.println(USAGE);
            System.exit(0);
        }
        String url = take(options, "jdbc-url", env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/bench_storage"));
        String user = take(options, "user", env("BENCH_DB_USER", "postgres"));
        String password = take(options, "password", env("BENCH_DB_PASSWORD", ""));
        int threads = positive(options, "threads", 8);
        int events = positive(options, "events", 20_000);
        int warmup = positive(options, "warmup", 2_000);
        int perAggregate = positive(options, "events-per-aggregate", 10);
        int loads = positive(options, "loads", 1_000);
        int loadWarmup = positive(options, "load-warmup", 200);
        int passes = positive(options, "stream-passes", 5);
        int orderCheck = positive(options, "order-check", 1_000);
        int liveTail = positive(options, "live-tail", 2_000);
        int blocks = positive(options, "append-blocks", 10);
        int warmupRounds = nonNegative(options, "warmup-rounds", 1);
        int runs = positive(options, "runs", 5);
        int pool = positive(options, "pool", 10);
        int batchSize = positive(options, "batch-size", 100);
        List<EngineKind> engines = new ArrayList<>();
        for (String name : take(options, "engines", "jdbc,jpa").split(",")) {
            engines.add(EngineKind.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        long seed = Long.parseLong(take(options, "seed", "20240601"));
        boolean noDocs = Boolean.parseBoolean(take(options, "no-docs", "false"));
        String docsOption = take(options, "docs", null);
        Path docs = noDocs ? null : docsOption != null ? Path.of(docsOption) : defaultDocs();
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + options.keySet() + "\n" + USAGE);
        }
        if (pool < threads + 1) {
            throw new IllegalArgumentException("--pool must exceed --threads (writers plus one reader)");
        }
        return new BenchConfig(url, user, password, threads, events, warmup, perAggregate, loads, loadWarmup, passes,
                orderCheck, liveTail, blocks, warmupRounds, runs, pool, batchSize, List.copyOf(engines), seed, docs,
                List.copyOf(arguments));
    }

    /** The same workload at warm-up size, for the discarded rounds before the measured runs. */
    BenchConfig warmupRound() {
        return new BenchConfig(jdbcUrl, user, password, threads, warmup, warmup, eventsPerAggregate, loadWarmup,
                loadWarmup, 1, Math.min(orderCheckEvents, 200), Math.min(liveTailEvents, 400), 2, 0, 1, poolSize,
                batchSize, engines, seed, docs, arguments);
    }

    /** The command that reproduces this run, as documented. */
    String command() {
        String build = "mvn -q -pl bench -am install -DskipTests -Dskip.npm=true";
        String run = "mvn -q -pl bench exec:java";
        List<String> shown = arguments.stream().filter(a -> !a.startsWith("--password")).toList();
        if (!shown.isEmpty()) {
            run += " -Dexec.args=\"" + String.join(" ", shown) + "\"";
        }
        return build + " && " + run;
    }

    private static Path defaultDocs() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("bench/pom.xml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p.resolve("docs/benchmarks.md");
            }
        }
        return dir.resolve("docs/benchmarks.md");
    }

    private static String take(Map<String, String> options, String key, String fallback) {
        String value = options.remove(key);
        return value != null ? value : fallback;
    }

    private static int positive(Map<String, String> options, String key, int fallback) {
        int value = Integer.parseInt(take(options, key, Integer.toString(fallback)));
        if (value <= 0) {
            throw new IllegalArgumentException("--" + key + " must be positive");
        }
        return value;
    }

    private static int nonNegative(Map<String, String> options, String key, int fallback) {
        int value = Integer.parseInt(take(options, key, Integer.toString(fallback)));
        if (value < 0) {
            throw new IllegalArgumentException("--" + key + " must not be negative");
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : fallback;
    }
}
