package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.user.Role;
import org.axonframework.messaging.MetaData;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who sends a command, read from the audit metadata the web layer attaches (user, roles, unit, city). The system
 * itself (seeding, deadlines, upgrades) has no roles and no unit; each aggregate decides where it may act.
 */
public record Actor(String userId, String userName, Set<Role> roles, String orgUnitId, String cityId) {
    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public static Actor of(MetaData metaData) {
        return new Actor(text(metaData, AuditKeys.USER_ID), text(metaData, AuditKeys.USER_NAME),
                roles(metaData.get(AuditKeys.ROLES)), text(metaData, AuditKeys.ORG_UNIT_ID),
                text(metaData, AuditKeys.CITY_ID));
    }

    public boolean isSystem() {
        return AuditKeys.SYSTEM_USER.equals(userId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean inUnit(String unitId) {
        return unitId != null && unitId.equals(orgUnitId);
    }

    public boolean inCity(String otherCityId) {
        return otherCityId != null && otherCityId.equals(cityId);
    }

    /** Holds the role in the given unit: a unit's submitter, the deciding bureau's approver. */
    public boolean actsAs(Role role, String unitId) {
        return has(role) && inUnit(unitId);
    }

    /** The system (seeding, upgrades, deadlines) or a holder of the role in the given unit. */
    public boolean isSystemOrActsAs(Role role, String unitId) {
        return isSystem() || actsAs(role, unitId);
    }

    /** The system or a holder of the role, in whichever unit of the city. */
    public boolean isSystemOrHas(Role role) {
        return isSystem() || has(role);
    }

    /** Whether this is the given user; the system is never a person. */
    public boolean is(String otherUserId) {
        return Objects.equals(userId, otherUserId);
    }

    /** Role names the app does not know (an old token, a typo in a test) give no role. */
    private static Set<Role> roles(Object value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value != null) {
            Arrays.stream(value.toString().split(",")).map(String::strip).forEach(name -> Arrays.stream(Role.values())
                    .filter(r -> r.name().equals(name)).findFirst().ifPresent(roles::add));
        }
        return roles;
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
