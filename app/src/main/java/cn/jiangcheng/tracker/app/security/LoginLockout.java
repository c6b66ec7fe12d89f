package cn.jiangcheng.tracker.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Locks an account for a while after repeated wrong passwords, counted in the database so that every node of a
 * cluster sees the same count.
 */
@Component
public class LoginLockout {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    public LoginLockout(JdbcTemplate jdbc, Clock clock,
                        @Value("${tracker.security.max-failed-logins}") int maxFailures,
                        @Value("${tracker.security.lockout-duration}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    public boolean isLocked(String username) {
        return lock(username).isPresent();
    }

    /** A lock in force: how many wrong passwords led to it and until when it holds. */
    public record Lock(int failedAttempts, Instant lockedUntil) {
    }

    public Optional<Lock> lock(String username) {
        Lock lock = jdbc.query("select failed_attempts, locked_until from login_lockout where username = ?",
                rs -> rs.next() && rs.getTimestamp(2) != null
                        ? new Lock(rs.getInt(1), rs.getTimestamp(2).toInstant()) : null, key(username));
        return lock != null && lock.lockedUntil().isAfter(clock.instant()) ? Optional.of(lock) : Optional.empty();
    }

    /** Counted before {@link LoginAudit} records the failure, so that it can tell whether this one locked. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = key(event.getAuthentication().getName());
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(lockDuration));
        // A failure after the window (or after a served lock) starts a fresh count.
        jdbc.update("""
                insert into login_lockout (username, failed_attempts, first_failure_at, locked_until)
                values (?, 1, ?, null)
                on conflict (username) do update set
                    failed_attempts = case when login_lockout.first_failure_at < ? then 1
                                           else login_lockout.failed_attempts + 1 end,
                    first_failure_at = case when login_lockout.first_failure_at < ? then excluded.first_failure_at
                                            else login_lockout.first_failure_at end,
                    locked_until = null""",
                username, Timestamp.from(now), windowStart, windowStart);
        jdbc.update("update login_lockout set locked_until = ? where username = ? and failed_attempts >= ?",
                Timestamp.from(now.plus(lockDuration)), username, maxFailures);
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.update("delete from login_lockout where username = ?", key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        String trimmed = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }
}
