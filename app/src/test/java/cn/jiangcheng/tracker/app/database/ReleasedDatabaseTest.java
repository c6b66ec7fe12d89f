package cn.jiangcheng.tracker.app.database;

import cn.jiangcheng.tracker.api.audit.AuditEvents;
import cn.jiangcheng.tracker.api.common.ProjectionCatalog;
import cn.jiangcheng.tracker.app.TrackerApplication;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.database.RootlessPostgresBinaryResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database the released version c3b7a9c wrote (fixtures/v21-c3b7a9c.sql.gz, how it was made: fixtures/README.md)
 * must keep working: the app starts on it and migrates it forward, every stored event still deserializes to what was
 * stored, every projection rebuilt from those events gives the read models the old version had (every old column),
 * and the hash chain is intact.
 * Renaming an event class, its package or a field breaks this test, which is the point of keeping the dump.
 */
class ReleasedDatabaseTest {
    private static final String DUMP = "/fixtures/v21-c3b7a9c.sql.gz";
    private static final String DATABASE = "tracker_v21";
    /**
     * Event fields removed on purpose since the release (payload type → field paths such as "reason" or
     * "milestones.title"): the serializer drops them when it reads an old event, and only the ones named here may be
     * missing when the event is written again.
     */
    private static final Map<String, Set<String>> REMOVED_EVENT_FIELDS = Map.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext app;
    private static long storedEvents;
    private static long lastStoredEvent;
    /** Every event as the released version wrote it, by event identifier. */
    private static Map<String, StoredEvent> storedPayloads;
    /** Every table of the dump with the columns it had then; the read models among them are picked later. */
    private static Map<String, List<String>> columnsOfTheOldVersion;
    private static Map<String, Set<String>> tablesOfTheOldVersion;

    private record StoredEvent(String payloadType, JsonNode payload) {
    }

    @BeforeAll
    static void startTheAppOnTheReleasedDatabase(@TempDir Path dir) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "off")
                .setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8");
        if (RootlessPostgresBinaryResolver.runningAsRoot()) {
            builder.setPgBinaryResolver(new RootlessPostgresBinaryResolver());
        }
        postgres = builder.start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        }
        String url = postgres.getJdbcUrl("postgres", DATABASE);
        DriverManagerDataSource old = new DriverManagerDataSource(url, "postgres", "");
        try (Connection connection = old.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(dump()); // the dump empties this session's search_path: read on another one
        }
        JdbcTemplate jdbc = new JdbcTemplate(old);
        storedEvents = count(jdbc, "select count(*) from domainevententry");
        lastStoredEvent = count(jdbc, "select max(globalindex) from domainevententry");
        storedPayloads = new TreeMap<>();
        jdbc.query("select eventidentifier, payloadtype, payload from domainevententry", row -> {
            storedPayloads.put(row.getString(1), new StoredEvent(row.getString(2), json(row.getBytes(3))));
        });
        columnsOfTheOldVersion = columns(jdbc);
        tablesOfTheOldVersion = rows(jdbc, columnsOfTheOldVersion);
        app = new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        // the cases' deadlines would fire on the day the test runs and add events of today
                        "--tracker.deadlines.execute=false");
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * Each stored event is read with the app's event serializer and written again, and the JSON must hold every
     * field the released version stored, with the same value. The serializer reads leniently (unknown fields are
     * skipped, missing ones become null), so a renamed or retyped event field shows only here. Allowed differences:
     * fields the current event has and the stored one lacks (added since), another order in an array declared as a
     * Set, and fields named in REMOVED_EVENT_FIELDS.
     */
    @Test
    void everyStoredEventStillDeserializesToWhatWasStored() {
        EventStorageEngine storage = app.getBean(EventStorageEngine.class);
        Serializer serializer = app.getBean("eventSerializer", Serializer.class);
        List<String> unreadable = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        Set<String> compared = new TreeSet<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(event -> {
                StoredEvent stored = storedPayloads.get(event.getIdentifier());
                try {
                    Object payload = event.getPayload();
                    types.add(payload.getClass().getName());
                    event.getMetaData().size();
                    if (payload instanceof UnknownSerializedType unknown) {
                        unreadable.add(event.getIdentifier() + " " + unknown.serializedType().getName()
                                + ": no such class");
                    } else if (stored != null) {
                        compared.add(event.getIdentifier());
                        String type = serializer.typeForClass(payload.getClass()).getName();
                        List<String> differences = new ArrayList<>();
                        if (!type.equals(stored.payloadType())) {
                            differences.add("payload type is now " + type);
                        }
                        JsonNode written = json(serializer.serialize(payload, byte[].class).getData());
                        differences(stored.payload(), written, payload.getClass(), "",
                                REMOVED_EVENT_FIELDS.getOrDefault(stored.payloadType(), Set.of()), differences);
                        differences.forEach(d -> changed.add(event.getIdentifier() + " " + stored.payloadType()
                                + ": " + d));
                    }
                } catch (RuntimeException e) {
                    unreadable.add(event.getIdentifier() + " " + event.getPayloadType() + ": " + e.getMessage());
                }
            });
        }
        assertThat(unreadable).as("events the released version stored that this version cannot read").isEmpty();
        assertThat(changed).as("stored event fields this version reads differently (read, then written again)")
                .isEmpty();
        assertThat(compared).as("every stored event was compared").isEqualTo(storedPayloads.keySet());
        assertThat(types).as("the kinds of event in the dump (fixtures/README.md)").hasSizeGreaterThanOrEqualTo(60);
    }

    /**
     * Every column the released version's read-model tables had must come out of a rebuild as it was; the tables
     * are the ones the read side declares (ProjectionCatalog). No read-model column holds the time of the rebuild
     * (projections take dates from the events), so none is left out.
     */
    @Test
    void everyProjectionRebuiltFromTheOldEventsEqualsTheOldReadModels() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        List<String> readModels = app.getBean(ProjectionCatalog.class).tables();
        ApiClient auditor = ApiClient.basic(port(), "auditor", "Demo@2026");
        awaitEveryProjectionReady(auditor, jdbc);
        Map<String, List<String>> columnsNow = columns(jdbc);
        assertThat(columnsNow).as("every declared read-model table exists")
                .containsKeys(readModels.toArray(String[]::new));
        columnsNow.keySet().retainAll(readModels);
        Map<String, Set<String>> caughtUp = rows(jdbc, columnsNow);

        List<String> names = auditor.get("/api/audit/projections").json().findValuesAsText("name");
        assertThat(names).hasSizeGreaterThanOrEqualTo(9);
        for (String name : names) {
            ApiClient.Response started = auditor.post("/api/audit/projections/" + name + "/rebuild");
            assertThat(started.status()).as(name + " " + started).isEqualTo(202);
        }
        awaitEveryProjectionReady(auditor, jdbc);
        assertThat(rowsThatDiffer(caughtUp, rows(jdbc, columnsNow)))
                .as("a rebuild gives what the running projections had (- before, + after)").isEmpty();

        assertThat(jdbc.queryForList("select distinct payloadtype from domainevententry where globalindex > ?",
                String.class, lastStoredEvent)).as("events since the dump, which no projection writes")
                .allMatch(type -> type.startsWith(AuditEvents.class.getName() + "$"));
        Map<String, List<String>> oldColumns = new TreeMap<>(columnsOfTheOldVersion);
        oldColumns.keySet().retainAll(readModels);
        assertThat(oldColumns).as("the released version's read models").containsKeys("submission_view",
                "submission_value", "rectification_case", "project_view", "org_unit_view", "user_account_view");
        Map<String, Set<String>> old = new TreeMap<>(tablesOfTheOldVersion);
        old.keySet().retainAll(readModels);
        assertThat(rowsThatDiffer(old, rows(jdbc, oldColumns)))
                .as("the released version's read models, every column, rebuilt from its events (- old, + rebuilt)")
                .isEmpty();
        assertThat(rows(jdbc, Map.of("submission_view", List.of("id", "status", "version")))
                .get("submission_view")).contains("220221_2025|APPROVED|12");
        assertThat(old.get("rectification_case")).hasSize(3);
    }

    /** Per table, the rows only {@code before} has (-) and the rows only {@code after} has (+). */
    private static Map<String, List<String>> rowsThatDiffer(Map<String, Set<String>> before,
                                                            Map<String, Set<String>> after) {
        Map<String, List<String>> differ = new TreeMap<>();
        before.forEach((table, rows) -> {
            Set<String> now = after.getOrDefault(table, Set.of());
            List<String> lines = new ArrayList<>();
            rows.stream().filter(row -> !now.contains(row)).forEach(row -> lines.add("- " + row));
            now.stream().filter(row -> !rows.contains(row)).forEach(row -> lines.add("+ " + row));
            if (!lines.isEmpty()) {
                differ.put(table, lines);
            }
        });
        return differ;
    }

    @Test
    void theHashChainOverTheOldEventsIsIntact() {
        JsonNode verdict = ApiClient.basic(port(), "auditor", "Demo@2026").get("/api/audit/verify").json();
        assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("checkedEvents").asLong()).isGreaterThanOrEqualTo(storedEvents);
        assertThat(verdict.path("findings")).isEmpty();
    }

    private static void awaitEveryProjectionReady(ApiClient auditor, JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            long head = count(jdbc, "select max(globalindex) from domainevententry");
            JsonNode list = auditor.get("/api/audit/projections").json();
            if (list.size() == 0) {
                return false;
            }
            for (JsonNode p : list) {
                if (!p.path("phase").asText().equals("READY") || p.path("position").asLong() < head) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every table of the public schema with its columns, by name. */
    private static Map<String, List<String>> columns(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        jdbc.query("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                order by c.table_name, c.column_name""", row -> {
            tables.computeIfAbsent(row.getString(1), t -> new ArrayList<>()).add(row.getString(2));
        });
        return tables;
    }

    /** Each table's rows as the given columns' text joined by '|', so that rows compare as strings. */
    private static Map<String, Set<String>> rows(JdbcTemplate jdbc, Map<String, List<String>> columns) {
        Map<String, Set<String>> tables = new TreeMap<>();
        columns.forEach((table, names) -> {
            String row = names.stream().map(c -> "coalesce(" + c + "::text, '∅')")
                    .collect(Collectors.joining(" || '|' || "));
            tables.put(table, new TreeSet<>(jdbc.queryForList("select " + row + " from " + table, String.class)));
        });
        return tables;
    }

    /**
     * What of {@code stored} is not in {@code now}, field for field: a missing field (unless removed on purpose), a
     * different value, an array of another length or order. Allowed: fields only {@code now} has (added since the
     * release), and another order in an array the event declares as a Set (its order was never meaningful).
     */
    private static void differences(JsonNode stored, JsonNode now, Type type, String path, Set<String> removed,
                                    List<String> found) {
        Class<?> raw = raw(type);
        if (stored.isObject() && now.isObject()) {
            stored.fieldNames().forEachRemaining(field -> {
                String at = path.isEmpty() ? field : path + "." + field;
                if (now.has(field)) {
                    differences(stored.get(field), now.get(field), typeOf(type, field), at, removed, found);
                } else if (!removed.contains(at.replaceAll("\\[\\d+]", ""))) {
                    found.add(at + " is gone (stored " + stored.get(field) + ")");
                }
            });
        } else if (stored.isArray() && now.isArray() && Set.class.isAssignableFrom(raw)) {
            if (!sorted(stored).equals(sorted(now))) {
                found.add(path + " was " + stored + ", is " + now);
            }
        } else if (stored.isArray() && now.isArray() && stored.size() == now.size()) {
            Type element = raw.isArray() ? raw.getComponentType() : argument(type, 0);
            for (int i = 0; i < stored.size(); i++) {
                differences(stored.get(i), now.get(i), element, path + "[" + i + "]", removed, found);
            }
        } else if (stored.isNumber() && now.isNumber()) {
            if (stored.decimalValue().compareTo(now.decimalValue()) != 0) {
                found.add(path + " was " + stored + ", is " + now);
            }
        } else if (!stored.equals(now)) {
            found.add(path + " was " + stored + ", is " + now);
        }
    }

    /** The declared type of a field of a record or class (a map's value type for a Map), Object when unknown. */
    private static Type typeOf(Type owner, String field) {
        Class<?> raw = raw(owner);
        if (Map.class.isAssignableFrom(raw)) {
            return argument(owner, 1);
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.getName().equals(field)) {
                    return component.getGenericType();
                }
            }
        }
        for (Class<?> c = raw; c != null; c = c.getSuperclass()) {
            for (Field declared : c.getDeclaredFields()) {
                if (declared.getName().equals(field)) {
                    return declared.getGenericType();
                }
            }
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static List<String> sorted(JsonNode array) {
        List<String> elements = new ArrayList<>();
        array.forEach(element -> elements.add(element.toString()));
        Collections.sort(elements);
        return elements;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain-SQL dump without psql's meta-commands (pg_dump's \restrict lines), run as one script over JDBC. */
    private static String dump() throws IOException {
        try (InputStream in = new GZIPInputStream(ReleasedDatabaseTest.class.getResourceAsStream(DUMP))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\\"))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
