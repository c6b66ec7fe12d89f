package cn.jiangcheng.tracker.query.support;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.Map;

/** What the handlers get besides the payload: who (audit metadata) and when. */
public final class Events {
    public static final Instant T0 = Instant.parse("2026-02-03T04:05:06Z");

    private Events() {
    }

    public static MetaData by(String userId, String userName) {
        return MetaData.from(Map.of(AuditKeys.USER_ID, userId, AuditKeys.USER_NAME, userName,
                AuditKeys.CITY_ID, "220200"));
    }

    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }
}
