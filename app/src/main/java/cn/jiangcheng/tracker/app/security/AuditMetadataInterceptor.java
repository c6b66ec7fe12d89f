package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The one path every command takes: it is stamped with who sent it, from where and in which chain, and a command
 * aimed at an org unit outside the sender's data scope is refused here, before any aggregate sees it.
 */
@Component
public class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
    private final OrgDirectory orgDirectory;

    public AuditMetadataInterceptor(OrgDirectory orgDirectory) {
        this.orgDirectory = orgDirectory;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(auditMetadata(command));
    }

    private Map<String, String> auditMetadata(CommandMessage<?> command) {
        Map<String, String> metadata = new HashMap<>(requestOrigin());

        TrackerUser user = Caller.find().orElse(null);
        if (user == null) {
            if (!SystemActor.isActive()) {
                throw new AuthenticationCredentialsNotFoundException("请先登录");
            }
            metadata.put(AuditKeys.USER_ID, AuditKeys.SYSTEM_USER);
            metadata.put(AuditKeys.USER_NAME, "系统");
            metadata.put(AuditKeys.ROLES, "");
            metadata.put(AuditKeys.ORG_UNIT_ID, "");
            metadata.put(AuditKeys.CITY_ID, "");
            return metadata;
        }
        if (command.getPayload() instanceof OrgUnitScoped scoped && !orgDirectory.isVisible(
                scoped.targetOrgUnitId(), user.orgUnitId(), user.cityId(), user.dataScope())) {
            throw new NotFoundInScope("未找到该单位");
        }
        metadata.putAll(actor(user));
        return metadata;
    }

    /** Who, as every message records it; also used for the auditors' own read records. */
    public static Map<String, String> actor(TrackerUser user) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(AuditKeys.USER_ID, user.getUsername());
        metadata.put(AuditKeys.USER_NAME, user.displayName());
        metadata.put(AuditKeys.ROLES, user.roles().stream().map(Role::name).collect(Collectors.joining(",")));
        metadata.put(AuditKeys.ORG_UNIT_ID, user.orgUnitId());
        metadata.put(AuditKeys.CITY_ID, user.cityId());
        metadata.putAll(requestOrigin());
        return metadata;
    }

    /** The client address and the correlation id of the current request (a new id outside any request). */
    static Map<String, String> requestOrigin() {
        HttpServletRequest request = currentRequest();
        String correlationId = request == null ? null : CorrelationIdFilter.of(request);
        return Map.of(AuditKeys.CLIENT_IP, request == null ? "" : request.getRemoteAddr(),
                AuditKeys.CORRELATION_ID, correlationId != null ? correlationId : UUID.randomUUID().toString());
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
