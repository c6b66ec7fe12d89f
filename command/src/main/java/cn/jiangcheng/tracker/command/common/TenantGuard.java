package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import org.axonframework.messaging.MetaData;


/**
 * Aggregates carry their city; a command from another city is answered as if the record did not exist.
 * The dispatch interceptor already filters by org unit, this is the last line for commands that name no unit.
 */
public final class TenantGuard {
    private TenantGuard() {
    }

    public static void requireSameCity(MetaData metaData, String aggregateCityId, String notFoundMessage) {
        Actor actor = Actor.of(metaData);
        if (!actor.isSystem() && !actor.inCity(aggregateCityId)) {
            throw new NotFoundInScope(notFoundMessage);
        }
    }
}
