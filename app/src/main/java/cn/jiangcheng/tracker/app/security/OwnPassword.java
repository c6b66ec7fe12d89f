package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserPassword;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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

    OwnPassword(CommandGateway commandGateway, PasswordEncoder passwordEncoder, UserDetailsService accounts) {
        this.commandGateway = commandGateway;
        this.passwordEncoder = passwordEncoder;
        this.accounts = accounts;
    }

    /** Returns the account as it is after the change. */
    public TrackerUser change(HttpServletRequest request, HttpServletResponse response, String currentPassword,
                              String newPassword) {
        TrackerUser caller = Caller.current();
        TrackerUser account = load(caller.getUsername());
        if (!passwordEncoder.matches(currentPassword, account.getPassword())) {
            throw new BusinessRuleViolation("WRONG_CURRENT_PASSWORD", "当前密码不正确");
        }
        if (newPassword.equals(currentPassword)) {
            throw new BusinessRuleViolation("PASSWORD_UNCHANGED", "新密码不能与当前密码相同");
        }
        commandGateway.sendAndWait(new ChangeUserPassword(account.getUsername(),
                passwordEncoder.encode(newPassword), account.accountVersion()));
        TrackerUser changed = load(caller.getUsername());
        changed.eraseCredentials();
        keepSession(request, response, changed);
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
