package cn.jiangcheng.tracker.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The PostgreSQL the app starts for itself when no external server is configured.
 *
 * @param dataDir           where the cluster lives; kept across restarts
 * @param port              0 picks a free port at the first start; a restart after a crash keeps it
 * @param clean             wipe the data directory at start (tests only)
 * @param fsync             off trades crash safety of the machine for speed (tests only)
 * @param synchronousCommit off acknowledges commits before they are on disk, so a crash of the server loses
 *                          acknowledged commands (only to show that in a test)
 * @param database          the database created inside the cluster
 * @param watchdogInterval  how often the app checks that its server still runs, and starts it again if not
 */
@ConfigurationProperties("tracker.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDir, Integer port, Boolean clean, Boolean fsync,
                                         Boolean synchronousCommit, String database, Duration startupWait,
                                         Duration watchdogInterval) {
    public EmbeddedPostgresProperties {
        dataDir = dataDir == null ? "./var/pgdata" : dataDir;
        port = port == null ? 0 : port;
        clean = clean != null && clean;
        fsync = fsync == null || fsync;
        synchronousCommit = synchronousCommit == null || synchronousCommit;
        database = database == null ? "tracker" : database;
        startupWait = startupWait == null ? Duration.ofSeconds(60) : startupWait;
        watchdogInterval = watchdogInterval == null ? Duration.ofSeconds(2) : watchdogInterval;
    }
}
