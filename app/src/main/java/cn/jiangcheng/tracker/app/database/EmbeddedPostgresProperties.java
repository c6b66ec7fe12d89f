package cn.jiangcheng.tracker.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The PostgreSQL the app starts for itself when no external server is configured.
 *
 * @param dataDir  where the cluster lives; kept across restarts
 * @param port     0 picks a free port
 * @param clean    wipe the data directory at start (tests only)
 * @param fsync    off trades crash safety of the machine for speed (tests only)
 * @param database the database created inside the cluster
 */
@ConfigurationProperties("tracker.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDir, Integer port, Boolean clean, Boolean fsync,
                                         String database, Duration startupWait) {
    public EmbeddedPostgresProperties {
        dataDir = dataDir == null ? "./var/pgdata" : dataDir;
        port = port == null ? 0 : port;
        clean = clean != null && clean;
        fsync = fsync == null || fsync;
        database = database == null ? "tracker" : database;
        startupWait = startupWait == null ? Duration.ofSeconds(60) : startupWait;
    }
}
