package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.security.SecurityEvents.LoginFailureReason;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUserAccount;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Records every refused sign-in (form or HTTP Basic) with its reason, and the lock a wrong password caused. Only
 * the name typed is kept, never the password.
 */
@Component
public class LoginAudit {
    private final QueryGateway queryGateway;
    private final LoginLockout lockout;
    private final SecurityAudit audit;

    public LoginAudit(QueryGateway queryGateway, LoginLockout lockout, SecurityAudit audit) {
        this.queryGateway = queryGateway;
        this.lockout = lockout;
        this.audit = audit;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        String name = typed == null ? "" : typed.strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        UserAccountView account = queryGateway.query(new FindUserAccount(name.toLowerCase(Locale.ROOT)),
                ResponseTypes.optionalInstanceOf(UserAccountView.class)).join().orElse(null);
        LoginFailureReason reason = reasonOf(event.getException(), account);
        if (reason == null) {
            return;
        }
        audit.loginFailed(name, reason, account);
        if (reason == LoginFailureReason.BAD_PASSWORD) {
            // a locked account never reaches the password check, so a lock seen now was caused by this attempt
            lockout.lock(name).ifPresent(lock -> audit.accountLocked(account, lock.failedAttempts(),
                    lock.lockedUntil()));
        }
    }

    /** null when the check itself failed (e.g. the database is away): then nothing is said about the caller. */
    private static LoginFailureReason reasonOf(Exception failure, UserAccountView account) {
        if (failure instanceof LockedException) {
            return LoginFailureReason.ACCOUNT_LOCKED;
        }
        if (failure instanceof DisabledException) {
            return LoginFailureReason.ACCOUNT_DISABLED;
        }
        if (failure instanceof BadCredentialsException) {
            return account == null ? LoginFailureReason.UNKNOWN_USER : LoginFailureReason.BAD_PASSWORD;
        }
        return null;
    }
}
