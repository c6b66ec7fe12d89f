package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.security.SecurityEvents.SessionEndReason;
import cn.jiangcheng.tracker.app.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A session is only as good as the account behind it: on every request that rides on a session, the event store
 * is asked whether the account has had any event since the one the session was signed in at (one index look-up,
 * on whichever node answers; the projection may lag and may be rebuilding, the store does neither), and the
 * sign-in instant is compared with the absolute timeout. If so, the session is invalidated and recorded as ended,
 * and the request goes on as anonymous: protected paths then answer 401 SESSION_ENDED / SESSION_EXPIRED, public
 * ones (the CSRF cookie, the static UI) still work.
 */
public class SessionAccountCheck extends OncePerRequestFilter {
    static final String SIGNED_IN_AT = SessionAccountCheck.class.getName() + ".signedInAt";
    private static final String ENDED = SessionAccountCheck.class.getName() + ".ended";

    private final AccountEvents accountEvents;
    private final SecurityAudit audit;
    private final Clock clock;
    private final Duration absoluteTimeout;

    SessionAccountCheck(AccountEvents accountEvents, SecurityAudit audit, Clock clock, Duration absoluteTimeout) {
        this.accountEvents = accountEvents;
        this.audit = audit;
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
    }

    /** Called on every successful form sign-in: the absolute timeout counts from here. */
    void signedIn(HttpServletRequest request) {
        request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
    }

    /** The 401 answer for a request whose session this filter has just ended, if it did. */
    static Optional<ApiError> endedAnswer(HttpServletRequest request) {
        if (!(request.getAttribute(ENDED) instanceof SessionEndReason reason)) {
            return Optional.empty();
        }
        return Optional.of(reason == SessionEndReason.ABSOLUTE_TIMEOUT
                ? ApiError.of("SESSION_EXPIRED", "登录已超过规定时长，请重新登录")
                : ApiError.of("SESSION_ENDED", "账户信息已变更，请重新登录"));
    }

    /**
     * Static files and the API documentation are public and say nothing about an account. The path is the
     * decoded, normalised one the security rules and the controllers match ({@code /%61pi/me} is /api/me).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // the CSRF token request is public and the web UI's first call: ending a session there would answer it
        // normally and leave the next call to find no session, so the user would never learn why
        return (!path.startsWith("/api/") && !path.startsWith("/actuator")) || path.equals("/api/csrf");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof TrackerUser user) {
            try {
                if (signedInWith(session, user)) {
                    reasonToEnd(session, user).ifPresent(reason -> {
                        session.invalidate();
                        audit.sessionEnded(user, reason);
                        ended(request, reason);
                    });
                }
            } catch (IllegalStateException invalidated) {
                // a parallel request of the same session ended it a moment ago (and recorded why)
                ended(request, SessionEndReason.ACCOUNT_CHANGED);
            }
        }
        chain.doFilter(request, response);
    }

    private static void ended(HttpServletRequest request, SessionEndReason reason) {
        SecurityContextHolder.clearContext();
        request.setAttribute(ENDED, reason);
    }

    /** The caller is the session's user (not someone who sent HTTP Basic credentials of another account). */
    private static boolean signedInWith(HttpSession session, TrackerUser user) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof TrackerUser sessionUser
                && sessionUser.getUsername().equals(user.getUsername());
    }

    private Optional<SessionEndReason> reasonToEnd(HttpSession session, TrackerUser user) {
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt)
                || !clock.instant().isBefore(signedInAt.plus(absoluteTimeout))) {
            return Optional.of(SessionEndReason.ABSOLUTE_TIMEOUT);
        }
        return accountEvents.changeSince(user.getUsername(), user.accountVersion());
    }
}
