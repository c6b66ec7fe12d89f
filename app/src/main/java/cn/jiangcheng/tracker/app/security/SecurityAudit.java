package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.security.SecurityEvents.AccessDenied;
import cn.jiangcheng.tracker.api.security.SecurityEvents.AccountLocked;
import cn.jiangcheng.tracker.api.security.SecurityEvents.LoginFailed;
import cn.jiangcheng.tracker.api.security.SecurityEvents.LoginFailureReason;
import cn.jiangcheng.tracker.api.security.SecurityEvents.SessionEndReason;
import cn.jiangcheng.tracker.api.security.SecurityEvents.SecurityEventsSuppressed;
import cn.jiangcheng.tracker.api.security.SecurityEvents.SessionEnded;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Publishes the security events (see {@code SecurityEvents}) with the same who/where/chain metadata as every
 * command, so the auditor's log lists them and the hash chain covers them. A name nobody has is "anonymous".
 * Refused sign-ins (per client address) and refused requests (per user) are bounded by {@link SecurityEventBudget};
 * what it held back is recorded as one SecurityEventsSuppressed when the minute is over: before the source's
 * next recorded event, or by the minute's sweep if none comes.
 */
@Component
public class SecurityAudit {
    /** Set on a request whose refusal is recorded, so that it is recorded once. */
    private static final String DENIAL_RECORDED = SecurityAudit.class.getName() + ".denialRecorded";
    private static final String LOGIN_FAILED = "LoginFailed";
    private static final String ACCESS_DENIED = "AccessDenied";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityAudit.class);

    private final EventGateway events;
    private final SecurityEventBudget budget;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "security-event-budget");
        thread.setDaemon(true);
        return thread;
    });

    public SecurityAudit(EventGateway events, SecurityEventBudget budget) {
        this.events = events;
        this.budget = budget;
    }

    @PostConstruct
    void startSweeping() {
        long period = SecurityEventBudget.WINDOW.toSeconds();
        sweeper.scheduleWithFixedDelay(this::recordEndedMinutes, period, period, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopSweeping() {
        sweeper.shutdownNow();
    }

    /** The counts of minutes that are over and saw no further event of their source. */
    void recordEndedMinutes() {
        try {
            budget.closeEnded().forEach(this::publishSuppressed);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the counts of suppressed security events", e);
        }
    }

    void loginFailed(String typed, LoginFailureReason reason, UserAccountView account) {
        Map<String, String> who = account == null ? anonymous() : of(account);
        bounded(LOGIN_FAILED, who.get(AuditKeys.CLIENT_IP), who, new LoginFailed(typed, reason));
    }

    void accountLocked(UserAccountView account, int failedAttempts, Instant lockedUntil) {
        publish(new AccountLocked(account.username(), failedAttempts, lockedUntil.toString()), of(account));
    }

    void accessDenied(TrackerUser user, HttpServletRequest request, String code) {
        if (request.getAttribute(DENIAL_RECORDED) != null) {
            return;
        }
        request.setAttribute(DENIAL_RECORDED, code);
        bounded(ACCESS_DENIED, user.getUsername(), AuditMetadataInterceptor.actor(user),
                new AccessDenied(request.getMethod(), request.getRequestURI(), code));
    }

    private void bounded(String kind, String source, Map<String, String> who, Object event) {
        SecurityEventBudget.Admission admission = budget.admit(kind, source, who);
        admission.previous().ifPresent(this::publishSuppressed);
        if (admission.record()) {
            publish(event, who);
        }
    }

    private void publishSuppressed(SecurityEventBudget.Suppressed suppressed) {
        publish(new SecurityEventsSuppressed(suppressed.kind(), suppressed.source(), suppressed.count(),
                suppressed.from().toString(), suppressed.until().toString()), suppressed.who());
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
        who.put(AuditKeys.USER_ID, AuditKeys.ANONYMOUS_USER);
        who.put(AuditKeys.USER_NAME, "匿名");
        who.put(AuditKeys.ROLES, "");
        who.put(AuditKeys.ORG_UNIT_ID, "");
        who.put(AuditKeys.CITY_ID, "");
        return who;
    }
}
