package cn.jiangcheng.tracker.api.user;

import java.util.Set;

public final class UserEvents {
    private UserEvents() {
    }

    public record UserRegistered(String username, String displayName, String passwordHash, Set<Role> roles,
                                 String orgUnitId, String cityId) {
    }

    public record UserRolesChanged(String username, Set<Role> oldRoles, Set<Role> newRoles) {
    }

    public record UserPasswordChanged(String username, String passwordHash) {
    }

    public record UserDisabled(String username) {
    }

    public record UserEnabled(String username) {
    }

    /**
     * Applied with UserRegistered or UserRolesChanged when the roles are a conflicting pair (填报 with 审核 or 督察):
     * the administrator's recorded reason for granting them to one account.
     */
    public record ConflictingRolesGranted(String username, Set<Role> roles, String reason) {
    }
}
