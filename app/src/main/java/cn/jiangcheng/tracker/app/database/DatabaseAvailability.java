package cn.jiangcheng.tracker.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database answers, for the embedded server and an external one alike. It is marked away as soon as a
 * request fails for want of it or the watchdog finds the embedded server dead, so the next requests are told so at
 * once instead of waiting for a connection; a probe marks it back as soon as it answers again.
 */
@Component
public class DatabaseAvailability implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-availability-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean up = true;

    public DatabaseAvailability(DataSource dataSource,
                                @Value("${tracker.database.probe-interval:PT1S}") Duration interval) {
        this.dataSource = dataSource;
        probe.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isUp() {
        return up;
    }

    public void markDown(String reason) {
        if (up) {
            LOG.warn("Database unavailable ({}); requests that need it get 503 until it answers again", reason);
        }
        up = false;
    }

    /** Checks at once instead of at the next tick, e.g. right after the server was started again. */
    void probeNow() {
        probe.execute(this::probe);
    }

    /** Asks the database now; also what the state becomes. */
    public boolean answersNow() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                if (!up) {
                    LOG.info("Database answers again");
                }
                up = true;
                return true;
            }
            markDown("connection not valid");
        } catch (SQLException | RuntimeException e) {
            markDown(e.getMessage());
        }
        return false;
    }

    private void probe() {
        answersNow();
    }

    @Override
    public void destroy() {
        probe.shutdownNow();
    }
}
