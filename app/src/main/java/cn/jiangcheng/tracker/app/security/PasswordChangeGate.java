package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.web.ApiError;
import cn.jiangcheng.tracker.app.web.ApiErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * A one-time password (set by the administrator, who must not be able to act as the account with it) opens only
 * the way to choosing an own one: until then every other API request, by session or HTTP Basic, answers 403
 * PASSWORD_CHANGE_REQUIRED. The path is the decoded, normalised one the security rules match.
 */
class PasswordChangeGate extends OncePerRequestFilter {
    static final ApiError REFUSED = ApiError.of("PASSWORD_CHANGE_REQUIRED", "首次登录或密码被重置后，请先修改密码");
    /** What a caller who must change the password can still do (GET /api/me says that it must). */
    private static final Set<String> OPEN = Set.of("GET /api/me", "POST /api/me/password",
            "GET /api/csrf", "POST /api/auth/logout");

    private final ApiErrorWriter errors;
    private final SecurityAudit audit;

    PasswordChangeGate(ApiErrorWriter errors, SecurityAudit audit) {
        this.errors = errors;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        // the actuator's admin endpoints too; health and info stay public for the load balancer
        boolean gated = path.startsWith("/api/")
                || (path.startsWith("/actuator") && !path.startsWith("/actuator/health") && !path.equals("/actuator/info"));
        return !gated || OPEN.contains(request.getMethod() + " " + path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TrackerUser user = Caller.find().filter(TrackerUser::passwordChangeRequired).orElse(null);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        audit.accessDenied(user, request, REFUSED.code());
        errors.write(response, HttpServletResponse.SC_FORBIDDEN, REFUSED);
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
