package cn.jiangcheng.tracker.app.audit;

import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which class handles each query, as Axon finds the @QueryHandler methods: the class tells which projection's
 * tables answer the query ({@link ProjectionReadGuard}). Records and wraps nothing, so it needs no other bean.
 */
@Component
public class QueryHandlerOrigins implements HandlerEnhancerDefinition {
    private final Map<Class<?>, Class<?>> handlers = new ConcurrentHashMap<>();

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.canHandleMessageType(QueryMessage.class)) {
            handlers.put(original.payloadType(), ClassUtils.getUserClass(original.declaringClass()));
        }
        return original;
    }

    public Optional<Class<?>> handlerOf(Class<?> queryType) {
        return Optional.ofNullable(handlers.get(queryType));
    }
}
