package cn.jiangcheng.tracker.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Records a signed-in caller's 403 FORBIDDEN that did not pass the access-denied handler (which records its own):
 * a method's {@code @PreAuthorize} or a controller's own scope check, answered by the MVC exception handler.
 * Anonymous callers are asked to sign in (401), which is not a denial.
 */
class DenialAudit extends OncePerRequestFilter {
    private final SecurityAudit audit;

    DenialAudit(SecurityAudit audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            Caller.find().ifPresent(user -> audit.accessDenied(user, request, "FORBIDDEN"));
        }
    }
}
