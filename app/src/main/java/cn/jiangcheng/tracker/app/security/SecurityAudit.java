package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.security.SecurityEvents.AccessDenied;
import cn.jiangcheng.tracker.api.security.SecurityEvents.AccountLocked;
import cn.jiangcheng.tracker.api.security.SecurityEvents.LoginFailed;
import cn.jiangcheng.tracker.api.security.SecurityEvents.LoginFailureReason;
import cn.jiangcheng.tracker.api.security.SecurityEvents.SessionEndReason;
import cn.jiangcheng.tracker.api.security.SecurityEvents.SessionEnded;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Publishes the security events (see {@code SecurityEvents}) with the same who/where/chain metadata as every
 * command, so the auditor's log lists them and the hash chain covers them. A name nobody has is "anonymous".
 */
@Component
public class SecurityAudit {
    static final String ANONYMOUS = "anonymous";
    /** Set on a request whose refusal is recorded, so that it is recorded once. */
    private static final String DENIAL_RECORDED = SecurityAudit.class.getName() + ".denialRecorded";

    private final EventGateway events;

    public SecurityAudit(EventGateway events) {
        this.events = events;
    }

    void loginFailed(String typed, LoginFailureReason reason, UserAccountView account) {
        publish(new LoginFailed(typed, reason), account == null ? anonymous() : of(account));
    }

    void accountLocked(UserAccountView account, int failedAttempts, Instant lockedUntil) {
        publish(new AccountLocked(account.username(), failedAttempts, lockedUntil.toString()), of(account));
    }

    void accessDenied(TrackerUser user, HttpServletRequest request, String code) {
        if (request.getAttribute(DENIAL_RECORDED) != null) {
            return;
        }
        request.setAttribute(DENIAL_RECORDED, code);
        publish(new AccessDenied(request.getMethod(), request.getRequestURI(), code),
                AuditMetadataInterceptor.actor(user));
    }

    void sessionEnded(TrackerUser user, SessionEndReason reason) {
        publish(new SessionEnded(user.getUsername(), reason), AuditMetadataInterceptor.actor(user));
    }

    private void publish(Object event, Map<String, String> who) {
        var message = GenericEventMessage.asEventMessage(event).andMetaData(who);
        // nothing caused it but the request itself: the first message of its own chain
        events.publish(message.andMetaData(Map.of(AuditKeys.CAUSATION_ID, message.getIdentifier())));
    }

    private static Map<String, String> of(UserAccountView account) {
        Map<String, String> who = new HashMap<>(anonymous());
        who.put(AuditKeys.USER_ID, account.username());
        who.put(AuditKeys.USER_NAME, account.displayName());
        who.put(AuditKeys.ROLES, account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        who.put(AuditKeys.ORG_UNIT_ID, account.orgUnitId());
        who.put(AuditKeys.CITY_ID, account.cityId());
        return who;
    }

    /** Where and in which chain, for a caller who is nobody known. */
    private static Map<String, String> anonymous() {
        Map<String, String> who = new HashMap<>(AuditMetadataInterceptor.requestOrigin());
        who.put(AuditKeys.USER_ID, ANONYMOUS);
        who.put(AuditKeys.USER_NAME, "匿名");
        who.put(AuditKeys.ROLES, "");
        who.put(AuditKeys.ORG_UNIT_ID, "");
        who.put(AuditKeys.CITY_ID, "");
        return who;
    }
}
