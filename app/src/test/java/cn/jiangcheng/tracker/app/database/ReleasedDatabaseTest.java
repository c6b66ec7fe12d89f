package cn.jiangcheng.tracker.app.database;

import cn.jiangcheng.tracker.app.TrackerApplication;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.database.RootlessPostgresBinaryResolver;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
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
 * must keep working: the app starts on it and migrates it forward, every stored event still deserializes, every
 * projection rebuilt from those events gives the read models the old version had, and the hash chain is intact.
 * Renaming an event class, its package or a field breaks this test, which is the point of keeping the dump.
 */
class ReleasedDatabaseTest {
    private static final String DUMP = "/fixtures/v21-c3b7a9c.sql.gz";
    private static final String DATABASE = "tracker_v21";
    /** Axon's and the app's own tables; everything else is a read model that some projection writes. */
    private static final Set<String> NOT_READ_MODELS = Set.of("associationvalueentry", "domainevententry",
            "event_chain", "evidence_file", "flyway_schema_history", "login_lockout", "sagaentry", "scheduled_tasks",
            "snapshotevententry", "tokenentry");

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext app;
    private static long storedEvents;
    private static Map<String, Set<String>> readModelsOfTheOldVersion;

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
        readModelsOfTheOldVersion = readModels(jdbc);
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

    @Test
    void everyStoredEventStillDeserializes() {
        EventStorageEngine storage = app.getBean(EventStorageEngine.class);
        List<String> unreadable = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        long read;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            read = events.peek(event -> {
                try {
                    Object payload = event.getPayload();
                    types.add(payload.getClass().getName());
                    if (payload instanceof UnknownSerializedType unknown) {
                        unreadable.add(event.getIdentifier() + " " + unknown.serializedType().getName()
                                + ": no such class");
                    }
                    event.getMetaData().size();
                } catch (RuntimeException e) {
                    unreadable.add(event.getIdentifier() + " " + event.getPayloadType() + ": " + e.getMessage());
                }
            }).count();
        }
        assertThat(unreadable).as("events the released version stored that this version cannot read").isEmpty();
        assertThat(read).isGreaterThanOrEqualTo(storedEvents);
        assertThat(types).as("the kinds of event in the dump (fixtures/README.md)").hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void everyProjectionRebuiltFromTheOldEventsEqualsTheOldReadModels() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        ApiClient auditor = ApiClient.basic(port(), "auditor", "Demo@2026");
        awaitEveryProjectionReady(auditor, jdbc);
        Map<String, Set<String>> caughtUp = readModels(jdbc);

        List<String> names = auditor.get("/api/audit/projections").json().findValuesAsText("name");
        assertThat(names).hasSizeGreaterThanOrEqualTo(9);
        for (String name : names) {
            ApiClient.Response started = auditor.post("/api/audit/projections/" + name + "/rebuild");
            assertThat(started.status()).as(name + " " + started).isEqualTo(202);
        }
        awaitEveryProjectionReady(auditor, jdbc);
        Map<String, Set<String>> rebuilt = readModels(jdbc);

        assertThat(rebuilt).as("a rebuild gives what the running projections had").isEqualTo(caughtUp);
        readModelsOfTheOldVersion.forEach((table, rows) -> {
            assertThat(rebuilt).containsKey(table);
            assertThat(rebuilt.get(table)).as("rows of %s in the released version, rebuilt from its events", table)
                    .containsAll(rows);
            if (count(jdbc, "select count(*) from domainevententry") == storedEvents) {
                assertThat(rebuilt.get(table)).as(table).hasSameSizeAs(rows);
            }
        });
        assertThat(rebuilt.get("submission_view")).contains("220221_2025|APPROVED|12");
        assertThat(rebuilt.get("rectification_case")).hasSize(3);
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

    /**
     * Each read-model table as its rows' keys, with their status and version where the table has them: what a user
     * sees of a record, and independent of columns later versions may add.
     */
    private static Map<String, Set<String>> readModels(JdbcTemplate jdbc) {
        Map<String, Set<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE'", String.class)) {
            if (NOT_READ_MODELS.contains(table)) {
                continue;
            }
            List<String> columns = new ArrayList<>(jdbc.queryForList("""
                    select a.attname from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                    where i.indrelid = ?::regclass and i.indisprimary order by a.attname""", String.class, table));
            Set<String> all = new TreeSet<>(jdbc.queryForList("select column_name from information_schema.columns "
                    + "where table_schema = 'public' and table_name = ?", String.class, table));
            if (columns.isEmpty()) {
                columns.addAll(all);
            }
            for (String extra : List.of("status", "version")) {
                if (all.contains(extra) && !columns.contains(extra)) {
                    columns.add(extra);
                }
            }
            String row = columns.stream().map(c -> "coalesce(" + c + "::text, '')").collect(Collectors.joining(" || '|' || "));
            tables.put(table, new TreeSet<>(jdbc.queryForList("select " + row + " from " + table, String.class)));
        }
        return tables;
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
