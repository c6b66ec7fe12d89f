package cn.jiangcheng.tracker.app.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the database answers, for the embedded server and an external one alike. It is marked away as soon as a
 * request fails for want of it or the watchdog finds the embedded server dead, so the next requests are told so at
 * once instead of waiting for a connection; a probe marks it back as soon as it answers again. Health shows the
 * same state, so health UP and requests let through go together.
 */
@Component
public class DatabaseAvailability implements HealthIndicator, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-availability-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean up = true;
    private final AtomicLong failures = new AtomicLong();

    public DatabaseAvailability(DataSource dataSource,
                                @Value("${tracker.database.probe-interval:PT1S}") Duration interval) {
        this.dataSource = dataSource;
        probe.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isUp() {
        return up;
    }

    /** How many failures were noticed so far: a request that sees this change met one. */
    public long failures() {
        return failures.get();
    }

    public void markDown(String reason) {
        failures.incrementAndGet();
        if (up) {
            LOG.warn("Database unavailable ({}); requests that need it get 503 until it answers again", reason);
            up = false;
            evictPooledConnections();
        }
    }

    /** The pool's connections lead to the server that went away; new ones are made once it answers again. */
    private void evictPooledConnections() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not evict the pool's connections", e);
        }
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

    @Override
    public Health health() {
        return up ? Health.up().build() : Health.down().withDetail("reason", "数据库暂时不可用").build();
    }

    private void probe() {
        answersNow();
    }

    @Override
    public void destroy() {
        probe.shutdownNow();
    }
}
