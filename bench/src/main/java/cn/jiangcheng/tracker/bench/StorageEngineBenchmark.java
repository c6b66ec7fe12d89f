package cn.jiangcheng.tracker.bench;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManagerFactory;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Measures Axon's JdbcEventStorageEngine against its JpaEventStorageEngine on an external PostgreSQL, on the app's
 * Flyway tables, and writes the result to docs/benchmarks.md. Run by hand (see that file); never part of the build.
 * <p>
 * Per run, for every engine: fresh schema with the Flyway DDL; warm-up appends; measured appends (T writer threads,
 * one event per transaction); 1,000 random aggregate loads; full reads of the tracking stream; then the ordering
 * checks (one writer: stream order equals commit order with no gaps; all writers with a live tracking reader: every
 * event exactly once). The engines take turns in small slices of each measurement, so that a busy moment on the
 * machine hits both. Both get the same serializer, pool size, batch size and byte-identical events.
 */
public final class StorageEngineBenchmark {

    private StorageEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        BenchConfig config = BenchConfig.parse(args);
        Database database = new Database(config);
        database.ensureExists();
        ZonedDateTime started = ZonedDateTime.now();

        Map<String, String> machine = database.machine();
        machine.put("Load average (1/5/15 min) at start", Database.loadAverage());
        machine.forEach((k, v) -> System.out.println(k + ": " + v));
        Report.Sizes sizes = sizes(config);
        System.out.printf("payload %.0f bytes on average (%d-%d), metadata %.0f (%d-%d)%n", sizes.payloadMean(),
                sizes.payloadMin(), sizes.payloadMax(), sizes.metadataMean(), sizes.metadataMin(),
                sizes.metadataMax());

        Map<String, Report.Probe> probes = config.engines().contains(EngineKind.JPA) ? probe(database) : Map.of();
        probes.forEach((unit, p) -> System.out.println("Hibernate DDL for unit " + unit + ": " + p));

        for (int round = 1; round <= config.warmupRounds(); round++) {
            // the whole workload at warm-up size, results discarded: on a small machine the JIT compiler otherwise
            // still competes for the CPUs during the first measured run
            System.out.println("warm-up round " + round + " (discarded):");
            runInterleaved(config.engines(), 0, config.warmupRound(), database);
        }

        List<EngineRun> runs = new ArrayList<>();
        for (int run = 1; run <= config.runs(); run++) {
            List<EngineRun> results = runInterleaved(config.engines(), run, config, database);
            runs.addAll(results);
            results.forEach(r -> System.out.println(Report.oneLine(r)));
        }

        machine.put("Load average (1/5/15 min) at end", Database.loadAverage());
        String section = Report.section(config, started, machine, sizes, probes, runs);
        System.out.println();
        System.out.println(section);
        if (config.docs() != null) {
            BenchmarksDoc.writeSection(config.docs(), Report.HEADING, section);
            System.out.println("wrote " + config.docs());
        }
    }

    /**
     * One run: every engine on a fresh schema, the measured work interleaved in small slices so that whatever else
     * the machine does at the time hits all engines alike. Appends go in blocks (engine order alternating per
     * block), aggregate loads and stream passes alternate one by one. The ordering checks run afterwards, one
     * engine at a time, untimed.
     */
    private static List<EngineRun> runInterleaved(List<EngineKind> kinds, int run, BenchConfig config,
                                                  Database database) throws Exception {
        System.out.printf("run %d: %s%n", run, kinds.stream().map(k -> k.label).toList());
        int n = kinds.size();
        List<Map<String, String>> columns = new ArrayList<>();
        List<List<String>> sequences = new ArrayList<>();
        for (EngineKind kind : kinds) {
            database.recreateSchema(kind.schema);
            columns.add(database.binaryColumnTypes(kind.schema));
            sequences.add(database.sequences(kind.schema));
            System.out.printf("  %s: fresh schema %s, column types %s, sequences %s%n", kind.label, kind.schema,
                    columns.get(columns.size() - 1), sequences.get(sequences.size() - 1));
        }
        long largeObjectsBefore = database.largeObjects();

        // same seeds for every engine and run: identical data everywhere; fresh message objects per engine
        long seed = config.seed();
        int threads = config.threads();
        int perAggregate = config.eventsPerAggregate();
        Map<String, Integer> eventsPerAggregate = new LinkedHashMap<>();
        EventFactory.generate(seed, threads, config.events(), perAggregate).forEach(w -> w.events()
                .forEach(e -> eventsPerAggregate.merge(e.getAggregateIdentifier(), 1, Integer::sum)));

        List<EngineUnderTest> engines = new ArrayList<>();
        try {
            for (EngineKind kind : kinds) {
                engines.add(EngineUnderTest.open(kind, database, config));
            }
            database.execute("checkpoint");

            // warm-up appends
            for (int i = 0; i < n; i++) {
                Workloads.append(engines.get(rotate(i, run, n)),
                        EventFactory.generate(seed + 1, threads, config.warmup(), perAggregate));
            }

            // measured appends, in blocks
            int blocks = Math.min(config.appendBlocks(), Math.max(1, config.events() / threads));
            List<List<List<EventFactory.ThreadWork>>> blockWork = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                blockWork.add(EventFactory.inBlocks(
                        EventFactory.generate(seed, threads, config.events(), perAggregate), blocks));
            }
            List<List<Workloads.AppendResult>> appendParts = new ArrayList<>();
            kinds.forEach(k -> appendParts.add(new ArrayList<>()));
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < n; k++) {
                    int i = rotate(k, run + b, n);
                    appendParts.get(i).add(Workloads.append(engines.get(i), blockWork.get(i).get(b)));
                }
            }
            Workloads.AppendResult[] appends = new Workloads.AppendResult[n];
            for (int i = 0; i < n; i++) {
                appends[i] = Workloads.AppendResult.combine(appendParts.get(i));
                System.out.printf("  %s appends: %.0f events/s%n", kinds.get(i).label, appends[i].eventsPerSecond());
            }

            // the state autovacuum would have brought the tables to by now, and the same state for all engines
            for (EngineKind kind : kinds) {
                database.execute("vacuum analyze " + kind.schema + ".domainevententry");
            }

            // aggregate loads, one engine after the other for each aggregate; JDBC's one-query variant joins in
            List<Workloads.Loader> loaders = new ArrayList<>();
            engines.forEach(e -> loaders.add(new Workloads.Loader(e.engine, e.transactions)));
            int jdbc = kinds.indexOf(EngineKind.JDBC);
            if (jdbc >= 0) {
                EngineUnderTest e = engines.get(jdbc);
                loaders.add(new Workloads.Loader(e.jdbcWithShortBatchAsLast(config), e.transactions));
            }
            Workloads.LoadResult[] loads = Workloads.loadAggregates(loaders, eventsPerAggregate, config.loadWarmup(),
                    config.loads(), seed + run);
            for (int i = 0; i < loaders.size(); i++) {
                System.out.printf("  %s aggregate loads: mean %.3f ms%n",
                        i < n ? kinds.get(i).label : "JDBC, short batch = last", loads[i].meanMillis());
            }

            // tracking stream: one untimed pass each (also the multi-writer check), then alternating timed passes
            Workloads.StreamPass[] checks = new Workloads.StreamPass[n];
            for (int i = 0; i < n; i++) {
                checks[i] = Workloads.readStream(engines.get(i), null, false);
            }
            List<List<Workloads.StreamPass>> timed = new ArrayList<>();
            kinds.forEach(k -> timed.add(new ArrayList<>()));
            for (int p = 0; p < config.streamPasses(); p++) {
                for (int k = 0; k < n; k++) {
                    int i = rotate(k, run + p, n);
                    timed.get(i).add(Workloads.readStream(engines.get(i), null, false));
                }
            }

            // ordering checks, untimed, one engine at a time
            List<EngineRun> results = new ArrayList<>();
            long expectedRows = (long) config.warmup() + config.events() + config.orderCheckEvents()
                    + config.liveTailEvents();
            for (int i = 0; i < n; i++) {
                EngineUnderTest e = engines.get(i);
                List<DomainEventMessage<?>> orderEvents = EventFactory.generate(seed + 2, 1,
                        config.orderCheckEvents(), perAggregate).get(0).events();
                Workloads.OrderCheck order = Workloads.singleWriterOrder(e, orderEvents, checks[i].lastToken());
                TrackingToken afterOrder = order.lastToken();
                Workloads.LiveTail tail = Workloads.liveTail(e,
                        EventFactory.generate(seed + 3, threads, config.liveTailEvents(), perAggregate), afterOrder);
                long rows = database.count(kinds.get(i).schema, "domainevententry");
                results.add(new EngineRun(kinds.get(i), run, appends[i], loads[i],
                        kinds.get(i) == EngineKind.JDBC ? loads[n] : null, checks[i], timed.get(i), order, tail,
                        expectedRows, rows, columns.get(i), sequences.get(i), 0));
            }
            long largeObjects = database.largeObjects() - largeObjectsBefore;
            if (largeObjects != 0) {
                // cannot tell which engine made them; both are marked, the correctness table shows it
                results.replaceAll(r -> r.withLargeObjects(largeObjects));
            }
            return results;
        } finally {
            for (EngineUnderTest e : engines) {
                e.close();
            }
        }
    }

    /** The engine that goes k-th in slice {@code slice}: the order shifts by one every slice. */
    private static int rotate(int k, int slice, int n) {
        return Math.floorMod(k + slice, n);
    }

    /**
     * Lets Hibernate create the tables itself, once from Axon's annotations as shipped and once with the bytea
     * override, in scratch schemas, and reads back what it made. Shows why the override is needed.
     */
    private static Map<String, Report.Probe> probe(Database database) throws Exception {
        Map<String, Report.Probe> probes = new LinkedHashMap<>();
        for (String unit : List.of("axon-as-shipped", "axon-bytea")) {
            String schema = "bench_probe_" + unit.replace('-', '_');
            database.recreateSchemaEmpty(schema);
            try (HikariDataSource pool = database.pool(schema, 2, "probe")) {
                EntityManagerFactory factory = EngineUnderTest.entityManagerFactory(unit, pool, "create");
                factory.close();
            }
            probes.put(unit, new Report.Probe(database.binaryColumnTypes(schema), database.sequences(schema)));
            database.dropSchema(schema);
        }
        return probes;
    }

    private static Report.Sizes sizes(BenchConfig config) {
        Serializer serializer = EngineUnderTest.serializer();
        var work = EventFactory.generate(config.seed(), config.threads(), config.events(),
                config.eventsPerAggregate());
        List<DomainEventMessage<?>> events = work.stream().flatMap(w -> w.events().stream()).toList();
        Function<DomainEventMessage<?>, Integer> payload =
                e -> e.serializePayload(serializer, byte[].class).getData().length;
        Function<DomainEventMessage<?>, Integer> metadata =
                e -> e.serializeMetaData(serializer, byte[].class).getData().length;
        var p = events.stream().mapToInt(payload::apply).summaryStatistics();
        var m = events.stream().mapToInt(metadata::apply).summaryStatistics();
        return new Report.Sizes(p.getAverage(), p.getMin(), p.getMax(), m.getAverage(), m.getMin(), m.getMax());
    }

    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }
}
