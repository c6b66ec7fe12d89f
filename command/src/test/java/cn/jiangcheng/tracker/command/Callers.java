package cn.jiangcheng.tracker.command;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.user.Role;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit metadata of the callers the aggregate tests send commands as, the way the web layer stamps it
 * (user, roles, unit, city). The maps are mutable, so a test may take a key out to see what its absence does.
 */
public final class Callers {
    private Callers() {
    }

    /** The system itself (seeding, deadlines): no person, no roles. */
    public static Map<String, Object> system() {
        return new LinkedHashMap<>(Map.of(AuditKeys.USER_ID, AuditKeys.SYSTEM_USER));
    }

    /** A person of the given unit and city (either may be null: not stamped) with the given roles. */
    public static Map<String, Object> person(String userId, String orgUnitId, String cityId, Role... roles) {
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put(AuditKeys.USER_ID, userId);
        metaData.put(AuditKeys.ROLES, Arrays.stream(roles).map(Role::name).collect(Collectors.joining(",")));
        if (orgUnitId != null) {
            metaData.put(AuditKeys.ORG_UNIT_ID, orgUnitId);
        }
        if (cityId != null) {
            metaData.put(AuditKeys.CITY_ID, cityId);
        }
        return metaData;
    }

    /** A 填报员 of the unit: speaks for it. */
    public static Map<String, Object> submitterOf(String orgUnitId, String cityId) {
        return person(orgUnitId + "-submitter", orgUnitId, cityId, Role.SUBMITTER);
    }

    /** A 审核员 of the unit: decides only where that unit is the deciding one. */
    public static Map<String, Object> approverOf(String orgUnitId, String cityId) {
        return person(orgUnitId + "-approver", orgUnitId, cityId, Role.APPROVER);
    }

    public static Map<String, Object> inspectorOf(String orgUnitId, String cityId) {
        return person(orgUnitId + "-inspector", orgUnitId, cityId, Role.INSPECTOR);
    }

    public static Map<String, Object> auditorOf(String orgUnitId, String cityId) {
        return person(orgUnitId + "-auditor", orgUnitId, cityId, Role.AUDITOR);
    }

    /** A user of the given city with neither roles nor unit. */
    public static Map<String, Object> userOf(String cityId, String userId) {
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put(AuditKeys.USER_ID, userId);
        metaData.put(AuditKeys.CITY_ID, cityId);
        return metaData;
    }

    /** The administrator of the given city. */
    public static Map<String, Object> adminOf(String cityId) {
        return userOf(cityId, "admin" + cityId);
    }

    /** A past event with the metadata of the caller whose command caused it (the maker, for maker-checker). */
    public static EventMessage<?> madeBy(Map<String, Object> caller, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(caller);
    }
}
