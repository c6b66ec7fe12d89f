package cn.jiangcheng.tracker.api.security;

/**
 * What happens at the door, recorded in the same log as everything else (not events of an aggregate): who tried,
 * from where (the metadata), and why it went wrong. A password tried is never part of any of them.
 */
public final class SecurityEvents {
    private SecurityEvents() {
    }

    public enum LoginFailureReason { BAD_PASSWORD, UNKNOWN_USER, ACCOUNT_LOCKED, ACCOUNT_DISABLED }

    public enum SessionEndReason { ACCOUNT_DISABLED, ROLES_CHANGED, PASSWORD_CHANGED, ACCOUNT_CHANGED, ABSOLUTE_TIMEOUT }

    /** A sign-in (form or HTTP Basic) was refused; username is the name as typed. */
    public record LoginFailed(String username, LoginFailureReason reason) {
    }

    /** Too many wrong passwords: the account refuses every sign-in until lockedUntil (ISO-8601 instant). */
    public record AccountLocked(String username, int failedAttempts, String lockedUntil) {
    }

    /** A signed-in caller was refused: code FORBIDDEN (role or scope) or CSRF_REJECTED (no or a wrong token). */
    public record AccessDenied(String method, String path, String code) {
    }

    /** The server ended a session because its account changed or it was signed in too long ago. */
    public record SessionEnded(String username, SessionEndReason reason) {
    }

    /**
     * More events of one kind ("AccessDenied", "LoginFailed") came from one source (a user name, or a client address
     * for sign-ins) on one node within a minute than are recorded one by one: {@code suppressed} of them, between
     * {@code from} and {@code until} (ISO-8601 instants), are only counted here.
     */
    public record SecurityEventsSuppressed(String kind, String source, long suppressed, String from, String until) {
    }
}
