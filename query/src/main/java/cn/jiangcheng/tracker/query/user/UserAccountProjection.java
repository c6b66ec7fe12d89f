package cn.jiangcheng.tracker.query.user;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserEvents.ConflictingRolesGranted;
import cn.jiangcheng.tracker.api.user.UserEvents.UserDisabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserEnabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserPasswordChanged;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRegistered;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRolesChanged;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUserAccount;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUsersOfCity;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountList;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import cn.jiangcheng.tracker.query.common.AuditMetadata;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** User accounts as the log-in and the user admin page read them. */
@Component
@ProcessingGroup(UserAccountProjection.NAME)
public class UserAccountProjection {
    public static final String NAME = "user-accounts";
    /** The tables it alone writes (V2). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME, List.of("user_account_view"));

    private static final RowMapper<UserAccountView> ROW = (rs, i) -> new UserAccountView(
            rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
            parseRoles(rs.getString("roles")), rs.getString("org_unit_id"), rs.getString("city_id"),
            rs.getBoolean("enabled"), rs.getLong("version"), rs.getBoolean("password_change_required"));

    private final JdbcTemplate jdbc;

    public UserAccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version, MetaData metaData) {
        jdbc.update("""
                insert into user_account_view (username, display_name, password_hash, roles, org_unit_id, city_id,
                    enabled, version, password_change_required)
                values (?, ?, ?, ?, ?, ?, true, ?, ?) on conflict (username) do nothing""",
                event.username(), event.displayName(), event.passwordHash(), formatRoles(event.roles()),
                event.orgUnitId(), event.cityId(), version, setBySomeoneElse(event.username(), metaData));
    }

    @EventHandler
    void on(UserRolesChanged event, @SequenceNumber long version) {
        jdbc.update("update user_account_view set roles = ?, version = ? where username = ?",
                formatRoles(event.newRoles()), version, event.username());
    }

    /** Changes no column, but the account's version moves: the admin page sends it back with the next change. */
    @EventHandler
    void on(ConflictingRolesGranted event, @SequenceNumber long version) {
        jdbc.update("update user_account_view set version = ? where username = ?", version, event.username());
    }

    @EventHandler
    void on(UserPasswordChanged event, @SequenceNumber long version, MetaData metaData) {
        jdbc.update("update user_account_view set password_hash = ?, version = ?, password_change_required = ? "
                        + "where username = ?",
                event.passwordHash(), version, setBySomeoneElse(event.username(), metaData), event.username());
    }

    @EventHandler
    void on(UserDisabled event, @SequenceNumber long version) {
        jdbc.update("update user_account_view set enabled = false, version = ? where username = ?",
                version, event.username());
    }

    @EventHandler
    void on(UserEnabled event, @SequenceNumber long version) {
        jdbc.update("update user_account_view set enabled = true, version = ? where username = ?",
                version, event.username());
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    @QueryHandler
    Optional<UserAccountView> handle(FindUserAccount query) {
        return jdbc.query("select * from user_account_view where username = ?", ROW, query.username())
                .stream().findFirst();
    }

    @QueryHandler
    UserAccountList handle(FindUsersOfCity query) {
        return new UserAccountList(jdbc.query(
                "select * from user_account_view where city_id = ? order by username", ROW, query.cityId()));
    }

    /**
     * A password someone else chose (the administrator) is a one-time password; the account's own choice and the
     * system's (seeded demo users, the bootstrap administrator) are not.
     */
    private static boolean setBySomeoneElse(String username, MetaData metaData) {
        String actor = AuditMetadata.userId(metaData);
        return actor != null && !actor.equals(username) && !actor.equals(AuditKeys.SYSTEM_USER);
    }

    private static String formatRoles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> parseRoles(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(parsed::add);
        }
        return parsed;
    }
}
