package cn.jiangcheng.tracker.api.user;

import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;

/**
 * Commands on user accounts. The password arrives already hashed: plain text never enters a command or an event.
 */
public final class UserCommands {
    private UserCommands() {
    }

    /**
     * cityId is the city of orgUnitId, filled in by the server from the org directory. conflictReason is required
     * when the roles are a conflicting pair (SUBMITTER with APPROVER or INSPECTOR) and ignored otherwise.
     */
    public record RegisterUser(@TargetAggregateIdentifier String username, String displayName, String passwordHash,
                               Set<Role> roles, String orgUnitId, String cityId, String conflictReason)
            implements OrgUnitScoped {
        /** An account without conflicting roles (seeding, most callers). */
        public RegisterUser(String username, String displayName, String passwordHash, Set<Role> roles,
                            String orgUnitId, String cityId) {
            this(username, displayName, passwordHash, roles, orgUnitId, cityId, null);
        }

        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }

    /** conflictReason as for {@link RegisterUser}. */
    public record ChangeUserRoles(@TargetAggregateIdentifier String username, Set<Role> roles,
                                  @TargetAggregateVersion Long expectedVersion, String conflictReason) {
        public ChangeUserRoles(String username, Set<Role> roles, Long expectedVersion) {
            this(username, roles, expectedVersion, null);
        }
    }

    public record ChangeUserPassword(@TargetAggregateIdentifier String username, String passwordHash,
                                     @TargetAggregateVersion Long expectedVersion) {
    }

    public record DisableUser(@TargetAggregateIdentifier String username,
                              @TargetAggregateVersion Long expectedVersion) {
    }

    public record EnableUser(@TargetAggregateIdentifier String username,
                             @TargetAggregateVersion Long expectedVersion) {
    }
}
