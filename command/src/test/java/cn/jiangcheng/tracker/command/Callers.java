package cn.jiangcheng.tracker.command;

import cn.jiangcheng.tracker.api.common.AuditKeys;

import java.util.Map;

/** Audit metadata of the callers the tests send commands as. */
public final class Callers {
    private Callers() {
    }

    /** The system itself (seeding, deadlines): passes every city check. */
    public static Map<String, Object> system() {
        return Map.of(AuditKeys.USER_ID, AuditKeys.SYSTEM_USER);
    }

    /** A user working for the given city. */
    public static Map<String, Object> userOf(String cityId, String userId) {
        return Map.of(AuditKeys.USER_ID, userId, AuditKeys.CITY_ID, cityId);
    }

    /** The administrator of the given city. */
    public static Map<String, Object> adminOf(String cityId) {
        return userOf(cityId, "admin" + cityId);
    }
}
