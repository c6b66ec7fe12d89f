package cn.jiangcheng.tracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options of {@link FullStackBenchmark}; --smoke gives tiny figures for CI. */
record FullStackConfig(boolean smoke, int clients, int reportsPerClient, long replayEvents, int querySamples,
                       int queryWarmup, Path jar, String externalJdbcUrl, String dbUser, String dbPassword,
                       String appHeap, List<String> appArgs, Path docs, Path smokeReport, String command) {

    static final String HELP = """
            FullStackBenchmark: the real app (java -jar app/target/jiangcheng-tracker.jar) on PostgreSQL, driven over
            loopback HTTP; writes the section "Full stack" of docs/benchmarks.md.
              --smoke                 tiny run for CI; writes bench/target/fullstack-smoke.md, never the docs
              --clients=8             concurrent API clients (and raw JDBC writers)
              --reports=40            reports per client (create, save draft, submit, approve each)
              --replay-events=1000000 events in the store for the replay and the queries
              --query-samples=300     timed city-rollup queries (after --query-warmup=50)
              --jar=PATH              default ../app/target/jiangcheng-tracker.jar (relative to bench)
              --jdbc-url=URL          external PostgreSQL instead of the embedded one (or BENCH_JDBC_URL); the
                                      database is dropped and recreated, so its name must contain "bench"
              --db-user, --db-password  (or BENCH_DB_USER, BENCH_DB_PASSWORD; default postgres/postgres)
              --app-heap=1g           the app's -Xmx
              --app-arg=--x=y         extra app argument (repeatable), e.g. --app-arg=--tracker.processors.batch-size=500
              --docs=PATH             default ../docs/benchmarks.md
            """;

    static FullStackConfig parse(String[] args) {
        boolean smoke = false;
        Integer clients = null;
        Integer reports = null;
        Long replay = null;
        Integer samples = null;
        Integer warmup = null;
        Path base = Files.isDirectory(Path.of("src/main/java/cn/jiangcheng/tracker/bench")) ? Path.of("..")
                : Path.of(".");
        Path jar = base.resolve("app/target/jiangcheng-tracker.jar");
        Path docs = base.resolve("docs/benchmarks.md");
        String url = System.getenv("BENCH_JDBC_URL");
        String user = envOr("BENCH_DB_USER", "postgres");
        String password = envOr("BENCH_DB_PASSWORD", "postgres");
        String heap = "1g";
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--smoke" -> smoke = true;
                case "--clients" -> clients = Integer.parseInt(value);
                case "--reports" -> reports = Integer.parseInt(value);
                case "--replay-events" -> replay = Long.parseLong(value);
                case "--query-samples" -> samples = Integer.parseInt(value);
                case "--query-warmup" -> warmup = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(value);
                case "--jdbc-url" -> url = value;
                case "--db-user" -> user = value;
                case "--db-password" -> password = value;
                case "--app-heap" -> heap = value;
                case "--app-arg" -> appArgs.add(value);
                case "--docs" -> docs = Path.of(value);
                case "--help" -> {
                    System.out.println(HELP);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + HELP);
            }
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
        String command = "mvn -B -q install -DskipTests && mvn -q -pl bench exec:java "
                + "-Dexec.mainClass=cn.jiangcheng.tracker.bench.FullStackBenchmark"
                + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
        Path smokeReport = base.resolve("bench/target/fullstack-smoke.md");
        return new FullStackConfig(smoke, clients != null ? clients : smoke ? 2 : 8,
                reports != null ? reports : smoke ? 2 : 40,
                replay != null ? replay : smoke ? 20_000 : 1_000_000,
                samples != null ? samples : smoke ? 20 : 300, warmup != null ? warmup : smoke ? 5 : 50,
                jar.toAbsolutePath().normalize(), url, user, password, heap, List.copyOf(appArgs),
                docs.toAbsolutePath().normalize(), smokeReport.toAbsolutePath().normalize(), command);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
