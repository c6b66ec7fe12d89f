package cn.jiangcheng.tracker.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the embedded server again when it died while the app runs (killed, out of memory): same data directory,
 * same port and options (pg_ctl restart reads them from postmaster.opts), so the pool's URL stays valid and Hikari
 * simply reconnects. Until then {@link DatabaseAvailability} says the database is away.
 */
public class EmbeddedPostgresWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresWatchdog.class);

    private final Postmaster postmaster;
    private final DatabaseAvailability availability;
    private final Duration startupWait;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "embedded-postgres-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    EmbeddedPostgresWatchdog(Postmaster postmaster, DatabaseAvailability availability, Duration interval,
                             Duration startupWait) {
        this.postmaster = postmaster;
        this.availability = availability;
        this.startupWait = startupWait;
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            if (postmaster.isRunning()) {
                return;
            }
            availability.markDown("the embedded PostgreSQL server is not running");
            if (!postmaster.recordedProcessGone()) {
                return; // its zombie still holds the pid that postmaster.pid names; PostgreSQL would refuse
            }
            restart();
        } catch (RuntimeException | IOException e) {
            LOG.warn("Could not start the embedded PostgreSQL again; trying again shortly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void restart() throws IOException, InterruptedException {
        LOG.warn("The embedded PostgreSQL server of {} is not running; starting it again", postmaster.dataDir());
        Path log = Files.createDirectories(postmaster.dataDir().resolve("log")).resolve("restarts.log");
        Process pgCtl = new ProcessBuilder(List.of(postmaster.binDir().resolve("pg_ctl").toString(),
                "restart", "-D", postmaster.dataDir().toString(), "-m", "fast", "-w",
                "-t", Long.toString(startupWait.toSeconds()), "-l", log.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (pgCtl.waitFor() == 0) {
            LOG.info("The embedded PostgreSQL server runs again (pid {})", postmaster.recordedPid().orElse(-1L));
            availability.probeNow();
        } else {
            LOG.warn("pg_ctl restart failed (exit {}), see {}", pgCtl.exitValue(), log);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
