package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import org.axonframework.messaging.MetaData;

import java.util.Objects;

/**
 * Aggregates carry their city; a command from another city is answered as if the record did not exist.
 * The dispatch interceptor already filters by org unit, this is the last line for commands that name no unit.
 */
public final class TenantGuard {
    private TenantGuard() {
    }

    public static void requireSameCity(MetaData metaData, String aggregateCityId, String notFoundMessage) {
        if (AuditKeys.SYSTEM_USER.equals(metaData.get(AuditKeys.USER_ID))) {
            return;
        }
        Object callerCity = metaData.get(AuditKeys.CITY_ID);
        if (aggregateCityId == null || !Objects.equals(aggregateCityId, callerCity)) {
            throw new NotFoundInScope(notFoundMessage);
        }
    }
}
