package cn.jiangcheng.tracker.query.support;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.database.RootlessPostgresBinaryResolver;
import cn.jiangcheng.tracker.query.Projections;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.ResetHandler;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real PostgreSQL per test JVM, its schema built by this module's own migrations only (what the projections
 * need must be there without the app's). All access goes through one connection, so a test can take the role of a
 * projection that may write its declared tables and nothing else.
 */
public final class ReadModelDatabase {
    private static JdbcTemplate jdbc;

    private ReadModelDatabase() {
    }

    public static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            jdbc = start();
        }
        return jdbc;
    }

    private static JdbcTemplate start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8");
            if (RootlessPostgresBinaryResolver.runningAsRoot()) {
                builder.setPgBinaryResolver(new RootlessPostgresBinaryResolver());
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is a temporary one
                }
            }));
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            JdbcTemplate template = new JdbcTemplate(
                    new SingleConnectionDataSource(postgres.getPostgresDatabase().getConnection(), true));
            template.execute("create role projection_writer nologin");
            template.execute("grant usage on schema public to projection_writer");
            template.execute("grant select on all tables in schema public to projection_writer");
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every declared table: each test starts from nothing. */
    public static void emptyAll() {
        JdbcTemplate db = jdbc();
        db.execute("truncate " + String.join(", ", Projections.CATALOG.tables()));
    }

    /**
     * Runs the handlers as a role that reads every table but writes only the projection's declared tables, so a
     * handler writing an undeclared table (one a rebuild would not empty, nor the as-of view shadow) fails.
     */
    public static <T> T asOwner(ProjectionTables declaration, Supplier<T> handlers) {
        JdbcTemplate db = jdbc();
        String tables = String.join(", ", declaration.tables());
        db.execute("grant insert, update, delete, truncate on " + tables + " to projection_writer");
        db.execute("set role projection_writer");
        try {
            return handlers.get();
        } finally {
            db.execute("reset role");
            db.execute("revoke insert, update, delete, truncate on " + tables + " from projection_writer");
        }
    }

    public static void asOwner(ProjectionTables declaration, Runnable handlers) {
        asOwner(declaration, () -> {
            handlers.run();
            return null;
        });
    }

    /** Each declared table's rows, as one checksum per table. */
    public static Map<String, String> contents(ProjectionTables declaration) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : declaration.tables()) {
            sums.put(table, jdbc().queryForObject("select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' "
                    + "order by t::text), '')) from " + table + " t", String.class));
        }
        return sums;
    }

    /**
     * The projection's contract with replays and rebuilds, checked the way Axon drives them: handling the same events
     * again changes nothing, its {@code @ResetHandler} empties every table it declares (each one holding rows first,
     * or emptying it would prove nothing), and a replay after the reset builds the same tables. The events are
     * handled here, as the projection's owner; the projection's {@code TABLES} declaration names the tables.
     */
    public static void assertReplayable(Object projection, Runnable events) {
        ProjectionTables declaration = declarationOf(projection.getClass());
        asOwner(declaration, events);
        Map<String, String> once = contents(declaration);
        assertThat(once).as("every declared table should hold rows after the events")
                .allSatisfy((table, sum) -> assertThat(sum).as(table).doesNotStartWith("0:"));
        asOwner(declaration, events);
        assertThat(contents(declaration)).as("the same events handled twice").isEqualTo(once);
        asOwner(declaration, () -> resetHandler(projection));
        for (String table : declaration.tables()) {
            assertThat(jdbc().queryForObject("select count(*) from " + table, Long.class))
                    .as(table + " after the reset").isZero();
        }
        asOwner(declaration, events);
        assertThat(contents(declaration)).as("replayed after the reset").isEqualTo(once);
    }

    private static ProjectionTables declarationOf(Class<?> projection) {
        try {
            return (ProjectionTables) projection.getField("TABLES").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(projection.getSimpleName() + " declares no public static TABLES", e);
        }
    }

    /** Calls the one method Axon calls before a replay, not whatever the test thinks resets the projection. */
    private static void resetHandler(Object projection) {
        List<Method> handlers = Arrays.stream(projection.getClass().getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(ResetHandler.class)).toList();
        assertThat(handlers).as(projection.getClass().getSimpleName() + "'s @ResetHandler methods").hasSize(1);
        Method reset = handlers.get(0);
        reset.setAccessible(true);
        try {
            reset.invoke(projection);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the reset handler failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> publicTables() {
        return jdbc().queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name", String.class);
    }
}
