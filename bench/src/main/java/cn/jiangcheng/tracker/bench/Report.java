package cn.jiangcheng.tracker.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the runs into the Markdown section of docs/benchmarks.md. */
final class Report {

    static final String HEADING = "## Event storage engine: JDBC vs JPA";

    record Sizes(double payloadMean, int payloadMin, int payloadMax, double metadataMean, int metadataMin,
                 int metadataMax) {
    }

    record Probe(Map<String, String> columnTypes, List<String> sequences) {
        @Override
        public String toString() {
            return columnTypes + ", sequences " + sequences;
        }
    }

    private Report() {
    }

    static String oneLine(EngineRun r) {
        return String.format(Locale.ROOT,
                "run %d %-4s append %,.0f ev/s p50 %.2f p95 %.2f p99 %.2f ms | load mean %.3f p99 %.3f ms | "
                        + "stream %,.0f ev/s | checks %s",
                r.run(), r.kind().label, r.append().eventsPerSecond(), r.append().percentileMillis(50),
                r.append().percentileMillis(95), r.append().percentileMillis(99), r.load().meanMillis(),
                r.load().percentileMillis(99), r.streamEventsPerSecond(), r.allChecksPass() ? "pass" : "FAIL");
    }

    static String section(BenchConfig config, ZonedDateTime started, Map<String, String> machine, Sizes sizes,
                          Map<String, Probe> probes, List<EngineRun> runs) {
        List<EngineKind> engines = config.engines();
        Map<EngineKind, List<EngineRun>> byEngine = new LinkedHashMap<>();
        engines.forEach(k -> byEngine.put(k, runs.stream().filter(r -> r.kind() == k).toList()));
        StringBuilder md = new StringBuilder();
        md.append(HEADING).append("\n\n");
        md.append("Written by `bench` (`cn.jiangcheng.tracker.bench.StorageEngineBenchmark`) on ")
                .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(". ")
                .append("The issue: *measure the Axon JPA and JDBC storage engines on PostgreSQL and keep the "
                        + "faster.*\n\n");

        md.append("### Verdict\n\n");
        EngineComparison.verdict(md, engines, byEngine, config.runs());

        md.append("\n### Results, median of ").append(config.runs()).append(config.runs() == 1 ? " run" : " runs")
                .append("\n\n");
        md.append("| Metric |");
        engines.forEach(k -> md.append(' ').append(k.label).append(" |"));
        md.append(engines.size() == 2 ? " Faster (median of the per-run ratios; runs won) |\n" : "\n");
        md.append("|---|").append("---:|".repeat(engines.size())).append(engines.size() == 2 ? "---|\n" : "\n");
        for (EngineComparison.Metric m : EngineComparison.METRICS) {
            md.append("| ").append(m.name()).append(" |");
            for (EngineKind k : engines) {
                md.append(' ').append(EngineComparison.fmt(m, EngineComparison.median(byEngine.get(k), m))).append(" |");
            }
            if (engines.size() == 2) {
                md.append(' ').append(EngineComparison.compare(m, engines, byEngine).shortText()).append(" |");
            }
            md.append('\n');
        }

        List<EngineRun> jdbcRuns = runs.stream().filter(r -> r.jdbcShortBatchLoad() != null).toList();
        if (!jdbcRuns.isEmpty()) {
            Function<Function<EngineRun, Workloads.LoadResult>, String> summary = pick -> String.format(Locale.ROOT,
                    "%.3f ms mean, %.3f ms p99",
                    EngineRun.median(jdbcRuns.stream().mapToDouble(r -> pick.apply(r).meanMillis()).toArray()),
                    EngineRun.median(jdbcRuns.stream().mapToDouble(r -> pick.apply(r).percentileMillis(99))
                            .toArray()));
            String perRun = jdbcRuns.stream().map(r -> String.format(Locale.ROOT, "%.3f → %.3f",
                    r.load().meanMillis(), r.jdbcShortBatchLoad().meanMillis())).collect(Collectors.joining(", "));
            long better = jdbcRuns.stream()
                    .filter(r -> r.jdbcShortBatchLoad().meanMillis() < r.load().meanMillis()).count();
            md.append(String.format(Locale.ROOT, """

                    Side measurement, not in the verdict: the JDBC engine loads an aggregate "until empty": after \
                    the query that returns the events it always sends one more that returns nothing \
                    (`fetchForAggregateUntilEmpty()` is `true` for JDBC because its query selects a range of \
                    sequence numbers, not a number of rows); the JPA engine stops after a short batch. A JDBC engine \
                    built with `finalAggregateBatchPredicate(batch -> batch.size() < batchSize)` took its turn in \
                    the same aggregate loads: default JDBC **%s**, short batch = last **%s** (medians of runs; \
                    means per run: %s; faster in %d of %d runs).
                    """, summary.apply(EngineRun::load), summary.apply(EngineRun::jdbcShortBatchLoad), perRun,
                    better, jdbcRuns.size()));
        }

        md.append("\n### Every run\n\n");
        md.append("Within a run the engines take turns (append blocks, single aggregate loads, stream passes), "
                + "so each column pair saw the same machine.\n\n");
        md.append("| Metric |");
        engines.forEach(k -> byEngine.get(k).forEach(r -> md.append(' ').append(k.label).append(" run ")
                .append(r.run()).append(" |")));
        md.append("\n|---|").append("---:|".repeat(runs.size())).append('\n');
        for (EngineComparison.Metric m : EngineComparison.METRICS) {
            md.append("| ").append(m.name()).append(" |");
            engines.forEach(k -> byEngine.get(k).forEach(r -> md.append(' ').append(EngineComparison.fmt(m, m.value().apply(r)))
                    .append(" |")));
            md.append('\n');
        }

        md.append("\n### Correctness checks\n\n");
        correctness(md, engines, byEngine, config);

        if (!probes.isEmpty()) {
            md.append("\n### Why the JPA engine needs the override\n\n");
            md.append("DDL that Hibernate ").append(hibernateVersion())
                    .append(" generates for Axon's entities on this PostgreSQL (scratch schemas, `hbm2ddl=create`, "
                            + "dropped afterwards):\n\n");
            md.append("| Mapping | payload / metadata / token columns | global index sequence |\n|---|---|---|\n");
            probes.forEach((unit, p) -> md.append("| ")
                    .append(unit.equals("axon-as-shipped") ? "Axon's annotations as shipped (`@Lob`, `@GeneratedValue`)"
                            : "with `bench/src/main/resources/META-INF/axon-bytea-orm.xml`")
                    .append(" | ").append(columnSummary(p.columnTypes()))
                    .append(" | ").append(String.join(", ", p.sequences())).append(" |\n"));
            md.append("""

                    `oid` means each payload would be a PostgreSQL large object: the row holds only its number, the \
                    bytes live in `pg_largeobject`, are not deleted with the row and can only be read inside a \
                    transaction. An increment of 50 means Hibernate's pooled optimizer hands each node blocks of 50 \
                    global indexes from memory, so on two nodes commit order and index order diverge by up to 50 \
                    and tracking tokens fill with gaps. The measured JPA engine therefore uses the override, which \
                    maps the three columns to `bytea` and takes every index from the Flyway table's own \
                    `bigserial` sequence, one `nextval` per event; Hibernate validates its mapping against the \
                    unchanged Flyway DDL (`hbm2ddl=validate`) before every run.

                    Two things to know before using these entities in the app: Hibernate logs `HHH000207 Property \
                    '...AbstractSequencedDomainEventEntry.globalIndex' not found in class` for the override — a \
                    false alarm, its sanity check only looks at public fields and getters and `globalIndex` has \
                    neither; the table above and the `nextval('domainevententry_globalindex_seq')` in the SQL log \
                    (`-Dbench.showSql=true`) show the override is applied. And under Spring Boot, \
                    `spring.jpa.hibernate.naming.physical-strategy` would have to be Hibernate's \
                    `PhysicalNamingStrategyStandardImpl`: Boot's default turns `globalIndex` into `global_index` \
                    and would not find the Flyway tables.
                    """);
        }

        md.append("\n### Setup\n\n");
        md.append("Command (from the repository root):\n\n```\n").append(config.command()).append("\n```\n\n");
        md.append("| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| Axon Framework | ").append(axonVersion()).append(" |\n");
        md.append("| Hibernate ORM | ").append(hibernateVersion()).append(" |\n");
        md.append("\nA load average above the core count means something else ran at the same time and the figures "
                + "are noisier for it; compare runs, not single numbers.\n");
        md.append("\nParameters: ").append(config.threads()).append(" writer threads; ")
                .append(String.format(Locale.ROOT, "%,d", config.events())).append(" measured appends after ")
                .append(String.format(Locale.ROOT, "%,d", config.warmup())).append(" warm-up appends, one event per "
                        + "transaction; ").append(config.eventsPerAggregate()).append(" events per aggregate; ")
                .append(String.format(Locale.ROOT, "%,d", config.loads())).append(" aggregate loads after ")
                .append(config.loadWarmup()).append(" warm-up loads; ").append(config.streamPasses())
                .append(" timed tracking-stream reads (median reported) after one untimed; ")
                .append(config.warmupRounds()).append(" discarded warm-up round(s) of the whole workload at warm-up "
                        + "size before run 1; measured appends in ").append(config.appendBlocks())
                .append(" blocks; ")
                .append(config.orderCheckEvents()).append(" single-writer and ").append(config.liveTailEvents())
                .append(" live-tail appends for the ordering checks; pool ").append(config.poolSize())
                .append(" connections (HikariCP) for both; Axon fetch batch size ").append(config.batchSize())
                .append("; ").append(config.runs()).append(config.runs() == 1 ? " run" : " runs")
                .append("; seed ").append(config.seed()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Data: the app's event records (`OrgUnitCreated`, `OrgUnitRenamed`, "
                        + "`UserRegistered`) with realistic values; JSON payload %.0f bytes on average (%d–%d), "
                        + "metadata (userId, userName, roles, orgUnitId, cityId, clientIp, correlationId, "
                        + "causationId) %.0f bytes (%d–%d). The same seed gives both engines byte-identical "
                        + "events.%n%n",
                sizes.payloadMean(), sizes.payloadMin(), sizes.payloadMax(), sizes.metadataMean(),
                sizes.metadataMin(), sizes.metadataMax()));
        md.append("""
                How it is measured:

                - Both engines run on the app's own Flyway DDL (`app/src/main/resources/db/migration/\
                V1__axon_event_store.sql`, copied onto the bench classpath at build time) in a schema dropped and \
                recreated for every run (`bench_jdbc`, `bench_jpa`), in the same database, with a `CHECKPOINT` \
                before the measured work starts.
                - Same serializer (Axon `JacksonSerializer` with a default `ObjectMapper`), same pool size, same \
                batch size, same events. JDBC: `JdbcEventStorageEngine` with a thread-bound JDBC transaction \
                (auto-commit off, the engine's connection wrapped so its `close()` is a no-op, as Spring's \
                `DataSourceTransactionManager` with Axon's `SpringDataSourceConnectionProvider` does). JPA: \
                `JpaEventStorageEngine` on plain Hibernate with a thread-bound resource-local `EntityManager` \
                transaction (as Spring's `JpaTransactionManager` does); Hibernate settings are defaults.
                - Appends: each writer owns its aggregates; per event `startTransaction()`, \
                `engine.appendEvents(event)`, `commit()`. Latency covers that whole sequence (pool checkout, \
                insert, commit with `synchronous_commit=on`); throughput is events over wall time. The measured \
                appends are cut into blocks (`--append-blocks`) and the engines take turns block by block.
                - Aggregate load: `engine.readEvents(aggregateId)` inside a transaction, all payloads and metadata \
                deserialized, one aggregate after another, each aggregate loaded by every engine in turn \
                (`VACUUM ANALYZE` on the tables first, as autovacuum would have done by then).
                - Tracking stream: `engine.readEvents(null, false)` over the whole table in Axon's batches, \
                payloads and metadata deserialized, as a tracking processor does; the engines alternate pass by \
                pass.
                - The ordering checks run after the measurements, one engine at a time, untimed.
                - Noise: a discarded warm-up round first; who goes first rotates from slice to slice; the \
                verdict compares the engines within each run and calls a difference clear only when the same \
                engine wins every run.
                """);
        return md.toString();
    }

    private static void correctness(StringBuilder md, List<EngineKind> engines,
                                    Map<EngineKind, List<EngineRun>> byEngine, BenchConfig config) {
        md.append("| Check |");
        engines.forEach(k -> md.append(' ').append(k.label).append(" |"));
        md.append("\n|---|").append("---|".repeat(engines.size())).append('\n');
        row(md, "payload / metadata / token column types (`information_schema.columns`)", engines, byEngine,
                r -> columnSummary(r.columnTypes()));
        row(md, "sequences in the schema (`information_schema.sequences`)", engines, byEngine,
                r -> String.join(", ", r.sequences()));
        row(md, "Hibernate `validate` of its mapping against the Flyway DDL", engines, byEngine,
                r -> r.kind() == EngineKind.JPA ? "passed" : "n/a");
        row(md, "large objects created (`pg_largeobject_metadata`)", engines, byEngine,
                r -> Long.toString(r.largeObjectsCreated()));
        row(md, "rows in `domainevententry` = events appended", engines, byEngine,
                r -> String.format(Locale.ROOT, "%,d = %,d %s", r.rowsInTable(), r.expectedRows(),
                        mark(r.rowsInTable() == r.expectedRows())));
        row(md, "tracking stream after " + config.threads() + " writers: events read = appended, index strictly "
                        + "increasing, each aggregate in sequence order", engines, byEngine,
                r -> String.format(Locale.ROOT, "%,d, %s, %s %s", r.checkPass().events(),
                        r.checkPass().strictlyIncreasing() ? "increasing" : "NOT increasing",
                        r.checkPass().aggregateOrderKept() ? "in order" : "OUT OF ORDER", mark(r.streamOk())));
        row(md, "… global indexes missing between first and last (gaps)", engines, byEngine,
                r -> Long.toString(r.checkPass().missingIndexes()));
        row(md, "aggregate loads returning a wrong or incomplete stream", engines, byEngine,
                r -> Integer.toString(r.load().wrongStreams()));
        row(md, "1 writer, " + config.orderCheckEvents() + " commits: stream order = commit order, no gaps",
                engines, byEngine, r -> String.format(Locale.ROOT, "%d read, %s, %d gaps %s", r.order().read(),
                        r.order().sameOrderAsCommits() ? "same order" : "DIFFERENT ORDER",
                        r.order().missingIndexes() + r.order().tokenGaps(), mark(r.order().ok())));
        row(md, config.threads() + " writers with a live tracking reader: every event exactly once", engines,
                byEngine, r -> String.format(Locale.ROOT, "%d/%d, %d duplicates %s", r.liveTail().received(),
                        r.liveTail().appended(), r.liveTail().duplicates(), mark(r.liveTail().ok())));
        row(md, "… of which arrived after a higher global index (commit order ≠ index order, recovered via "
                        + "token gaps); most gaps a token held", engines, byEngine,
                r -> r.liveTail().receivedBelowHighestSeen() + "; " + r.liveTail().maxTokenGaps());
    }

    private static void row(StringBuilder md, String check, List<EngineKind> engines,
                            Map<EngineKind, List<EngineRun>> byEngine, Function<EngineRun, String> cell) {
        md.append("| ").append(check).append(" |");
        for (EngineKind k : engines) {
            List<String> values = byEngine.get(k).stream().map(cell).toList();
            boolean same = values.stream().distinct().count() == 1;
            md.append(' ').append(same ? values.get(0) + (values.size() > 1 ? " (every run)" : "")
                    : String.join(" / ", values) + " (runs " + byEngine.get(k).stream()
                    .map(r -> Integer.toString(r.run())).collect(Collectors.joining("/")) + ")").append(" |");
        }
        md.append('\n');
    }

    private static String columnSummary(Map<String, String> columns) {
        if (columns.isEmpty()) {
            return "none found";
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        columns.forEach((column, type) -> byType.computeIfAbsent(type, t -> new ArrayList<>()).add(column));
        return byType.entrySet().stream()
                .map(e -> "**" + e.getKey() + "**: " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String mark(boolean ok) {
        return ok ? "✓" : "✗";
    }

    private static String axonVersion() {
        Package p = org.axonframework.eventsourcing.eventstore.EventStorageEngine.class.getPackage();
        return p.getImplementationVersion() != null ? p.getImplementationVersion() : "4.13.0";
    }

    private static String hibernateVersion() {
        return org.hibernate.Version.getVersionString();
    }


}
