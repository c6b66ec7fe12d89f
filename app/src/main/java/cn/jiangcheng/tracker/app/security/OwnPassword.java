package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserPassword;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The signed-in person chooses an own password. Its event moves the account, which ends every other session of it
 * ({@link SessionAccountCheck}); the session that made the change is signed in again at the new account version
 * (same sign-in instant, so the absolute timeout still counts from the first sign-in).
 */
@Component
public class OwnPassword {
    private final CommandGateway commandGateway;
    private final PasswordEncoder passwordEncoder;
    /** The sign-in's look-up (TrackerUserDetailsService, as wrapped for database failures). */
    private final UserDetailsService accounts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    private final LoginLockout lockout;
    private final ApplicationEventPublisher events;

    OwnPassword(CommandGateway commandGateway, PasswordEncoder passwordEncoder, UserDetailsService accounts,
                LoginLockout lockout, ApplicationEventPublisher events) {
        this.commandGateway = commandGateway;
        this.passwordEncoder = passwordEncoder;
        this.accounts = accounts;
        this.lockout = lockout;
        this.events = events;
    }

    /** Returns the account as it is after the change. */
    public TrackerUser change(HttpServletRequest request, HttpServletResponse response, String currentPassword,
                              String newPassword) {
        TrackerUser caller = Caller.current();
        TrackerUser account = load(caller.getUsername());
        // guessing the current password through a session counts like wrong passwords at sign-in: it locks the
        // account and is recorded (LoginLockout and LoginAudit listen for this event)
        if (lockout.isLocked(account.getUsername())) {
            throw new BusinessRuleViolation("ACCOUNT_LOCKED", "密码错误次数过多，账户已临时锁定，请稍后再试");
        }
        if (!passwordEncoder.matches(currentPassword, account.getPassword())) {
            events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(account.getUsername(), null),
                    new BadCredentialsException("当前密码不正确")));
            throw new BusinessRuleViolation("WRONG_CURRENT_PASSWORD", "当前密码不正确");
        }
        if (newPassword.equals(currentPassword)) {
            throw new BusinessRuleViolation("PASSWORD_UNCHANGED", "新密码不能与当前密码相同");
        }
        commandGateway.sendAndWait(new ChangeUserPassword(account.getUsername(),
                passwordEncoder.encode(newPassword), account.accountVersion()));
        TrackerUser changed = load(caller.getUsername());
        changed.eraseCredentials();
        // only the version this change made: an account disabled or changed meanwhile keeps no session
        if (changed.accountVersion() == account.accountVersion() + 1 && changed.isEnabled()) {
            keepSession(request, response, changed);
        } else if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return changed;
    }

    /** As a sign-in sees it: waits for the projection to reach the account's last stored event. */
    private TrackerUser load(String username) {
        return (TrackerUser) accounts.loadUserByUsername(username);
    }

    private void keepSession(HttpServletRequest request, HttpServletResponse response, TrackerUser changed) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext stored) || stored.getAuthentication() == null
                || !(stored.getAuthentication().getPrincipal() instanceof TrackerUser sessionUser)
                || !sessionUser.getUsername().equals(changed.getUsername())) {
            return; // HTTP Basic without a session, or a session of someone else: nothing to keep
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null,
                changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
