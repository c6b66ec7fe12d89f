package cn.jiangcheng.tracker.api.common;

/** Metadata keys every command and event carries: who, from where, in which chain of actions. */
public final class AuditKeys {
    public static final String USER_ID = "userId";
    public static final String USER_NAME = "userName";
    public static final String ROLES = "roles";
    public static final String ORG_UNIT_ID = "orgUnitId";
    public static final String CITY_ID = "cityId";
    public static final String CLIENT_IP = "clientIp";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** The user id of actions the system takes on its own (seeding, deadlines). */
    public static final String SYSTEM_USER = "system";
    /** The user id of security events whose caller is nobody known (e.g. a sign-in with a name nobody has). */
    public static final String ANONYMOUS_USER = "anonymous";

    private AuditKeys() {
    }
}
