package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.security.SecurityEvents.SessionEndReason;
import cn.jiangcheng.tracker.api.user.UserEvents.ConflictingRolesGranted;
import cn.jiangcheng.tracker.api.user.UserEvents.UserDisabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserPasswordChanged;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRolesChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * An account changes only through events of its UserAccount aggregate, so the event store, not the projection
 * that follows it a moment later, says whether a session's account is still the one it signed in with. Both
 * look-ups use the store's unique index on (aggregateidentifier, sequencenumber).
 */
@Component
class AccountEvents {
    /** The aggregate type Axon stores with each of the account's events (the aggregate class's simple name). */
    static final String AGGREGATE_TYPE = "UserAccount";

    private final JdbcTemplate jdbc;

    AccountEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence number of the account's last stored event; -1 when it has none. */
    long currentVersion(String username) {
        Long version = jdbc.queryForObject("select max(sequencenumber) from domainevententry "
                + "where aggregateidentifier = ? and type = ?", Long.class, username, AGGREGATE_TYPE);
        return version == null ? -1 : version;
    }

    /** Why a session signed in at {@code version} must end, if the account has had any event since. */
    Optional<SessionEndReason> changeSince(String username, long version) {
        List<String> types = jdbc.queryForList("select payloadtype from domainevententry "
                + "where aggregateidentifier = ? and sequencenumber > ? and type = ?", String.class,
                username, version, AGGREGATE_TYPE);
        if (types.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(types.contains(UserDisabled.class.getName()) ? SessionEndReason.ACCOUNT_DISABLED
                : types.contains(UserRolesChanged.class.getName())
                || types.contains(ConflictingRolesGranted.class.getName()) ? SessionEndReason.ROLES_CHANGED
                : types.contains(UserPasswordChanged.class.getName()) ? SessionEndReason.PASSWORD_CHANGED
                : SessionEndReason.ACCOUNT_CHANGED);
    }
}
