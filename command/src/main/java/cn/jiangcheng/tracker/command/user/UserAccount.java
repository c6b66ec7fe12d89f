package cn.jiangcheng.tracker.command.user;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserPassword;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserRoles;
import cn.jiangcheng.tracker.api.user.UserCommands.DisableUser;
import cn.jiangcheng.tracker.api.user.UserCommands.EnableUser;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.api.user.UserEvents.ConflictingRolesGranted;
import cn.jiangcheng.tracker.api.user.UserEvents.UserDisabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserEnabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserPasswordChanged;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRegistered;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRolesChanged;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person's account: which unit they work for and what they may do there. */
@Aggregate
public class UserAccount {
    static final String NOT_FOUND = "未找到该用户";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    static final int MAX_CONFLICT_REASON = 200;
    /** 填报 with 审核 or 督察 in one account: allowed only with a recorded reason, and maker-checker still holds. */
    private static final Set<Role> CHECKER_ROLES = EnumSet.of(Role.APPROVER, Role.INSPECTOR);
    private static final Set<String> RESERVED_USERNAMES = Set.of(AuditKeys.SYSTEM_USER, AuditKeys.ANONYMOUS_USER);

    @AggregateIdentifier
    private String username;
    private String cityId;
    private Set<Role> roles;
    private boolean enabled;

    protected UserAccount() {
    }

    @CommandHandler
    public UserAccount(RegisterUser command, MetaData metaData) {
        Check.that(command.username() != null && USERNAME.matcher(command.username()).matches(), "BAD_USERNAME",
                "用户名须为3到40位小写字母、数字、点、下划线或连字符，并以字母或数字开头");
        // The system acts under one user id and passes every city check; security events record a sign-in under a
        // name nobody has as the other. No person may own either.
        Check.that(!RESERVED_USERNAMES.contains(command.username()), "RESERVED_USERNAME", "该用户名为系统保留，不能使用");
        String displayName = Check.text(command.displayName(), 40, "姓名");
        Check.that(command.passwordHash() != null && !command.passwordHash().isBlank(), "REQUIRED", "密码不能为空");
        Check.that(command.orgUnitId() != null, "REQUIRED", "所属单位不能为空");
        Check.that(command.cityId() != null, "UNIT_NOT_IN_CITY", "用户必须属于某个城市的单位");
        TenantGuard.requireSameCity(metaData, command.cityId(), "未找到所属单位");
        Set<Role> roles = requireRoles(command.roles());
        String conflictReason = conflictReason(roles, command.conflictReason());
        apply(new UserRegistered(command.username(), displayName, command.passwordHash(), roles,
                command.orgUnitId(), command.cityId()));
        grantConflicting(command.username(), roles, conflictReason);
    }

    @CommandHandler
    public void handle(ChangeUserRoles command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        // an administrator granting itself AUDITOR (or any role) would need nobody else's say
        Check.that(!Actor.of(metaData).is(username), "CANNOT_CHANGE_OWN_ROLES", "不能修改自己的角色，请由其他管理员操作");
        Set<Role> newRoles = requireRoles(command.roles());
        Check.that(!newRoles.equals(roles), "ROLES_UNCHANGED", "角色没有变化");
        String conflictReason = conflictReason(newRoles, command.conflictReason());
        apply(new UserRolesChanged(username, roles, newRoles));
        grantConflicting(username, newRoles, conflictReason);
    }

    @CommandHandler
    public void handle(ChangeUserPassword command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Check.that(command.passwordHash() != null && !command.passwordHash().isBlank(), "REQUIRED", "密码不能为空");
        apply(new UserPasswordChanged(username, command.passwordHash()));
    }

    @CommandHandler
    public void handle(DisableUser command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Check.that(!Actor.of(metaData).is(username), "CANNOT_DISABLE_SELF", "不能停用自己的账户");
        Check.that(enabled, "ALREADY_DISABLED", "该用户已经停用");
        apply(new UserDisabled(username));
    }

    @CommandHandler
    public void handle(EnableUser command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Check.that(!enabled, "ALREADY_ENABLED", "该用户已经启用");
        apply(new UserEnabled(username));
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        Check.that(roles != null && !roles.isEmpty() && roles.stream().noneMatch(Objects::isNull), "REQUIRED", "至少选择一个角色");
        Set<Role> copy = EnumSet.copyOf(roles);
        // An administrator manages accounts only; mixing it with business roles would let one person approve
        // the data of accounts they created.
        Check.that(!copy.contains(Role.ADMIN) || copy.size() == 1, "ADMIN_EXCLUSIVE",
                "系统管理员不能同时担任业务角色");
        return copy;
    }

    /** The reason a conflicting set needs, checked; null for a set that does not conflict (a reason is then moot). */
    private static String conflictReason(Set<Role> roles, String reason) {
        if (!conflicting(roles)) {
            return null;
        }
        Check.that(reason != null && !reason.isBlank(), "CONFLICTING_ROLES", "同一账户同时担任填报与审核角色须填写理由");
        return Check.text(reason, MAX_CONFLICT_REASON, "理由");
    }

    static boolean conflicting(Set<Role> roles) {
        return roles.contains(Role.SUBMITTER) && roles.stream().anyMatch(CHECKER_ROLES::contains);
    }

    private static void grantConflicting(String username, Set<Role> roles, String reason) {
        if (reason != null) {
            apply(new ConflictingRolesGranted(username, roles, reason));
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        username = event.username();
        cityId = event.cityId();
        roles = EnumSet.copyOf(event.roles());
        enabled = true;
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        roles = EnumSet.copyOf(event.newRoles());
    }

    @EventSourcingHandler
    void on(UserDisabled event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(UserEnabled event) {
        enabled = true;
    }
}
