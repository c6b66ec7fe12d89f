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
}
