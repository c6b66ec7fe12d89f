package cn.jiangcheng.tracker.query.common;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import org.axonframework.messaging.MetaData;

/** Who did it, as the read models record it from an event's audit metadata. */
public final class AuditMetadata {
    private AuditMetadata() {
    }

    public static String text(MetaData metaData, String key) {
        Object value = metaData == null ? null : metaData.get(key);
        return value == null ? null : value.toString();
    }

    public static String userId(MetaData metaData) {
        return text(metaData, AuditKeys.USER_ID);
    }

    public static String userName(MetaData metaData) {
        return text(metaData, AuditKeys.USER_NAME);
    }

    /** The user's name, or the user id when the event carries no name. */
    public static String nameOrId(MetaData metaData) {
        String name = userName(metaData);
        return name != null ? name : userId(metaData);
    }
}
