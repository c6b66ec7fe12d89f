package cn.jiangcheng.tracker.app.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records a signed-in caller refused by role or rule (403 FORBIDDEN), whether by the URL rules or a method's
 * {@code @PreAuthorize}. Anonymous callers are only asked to sign in (401), which is not recorded.
 */
@Component
public class AccessDeniedAudit {
    private final SecurityAudit audit;

    public AccessDeniedAudit(SecurityAudit audit) {
        this.audit = audit;
    }

    @EventListener
    public void onDenied(AuthorizationDeniedEvent<?> event) {
        if (event.getAuthentication().get() != null
                && event.getAuthentication().get().getPrincipal() instanceof TrackerUser user
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            audit.accessDenied(user, attributes.getRequest(), "FORBIDDEN");
        }
    }
}
