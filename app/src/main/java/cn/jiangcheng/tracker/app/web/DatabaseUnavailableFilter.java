package cn.jiangcheng.tracker.app.web;

import cn.jiangcheng.tracker.app.database.DatabaseAvailability;
import cn.jiangcheng.tracker.app.database.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * While the database is known to be away, API requests get 503 at once, before the sign-in. The sign-in reads the
 * account from the database, and a failure there comes out of Spring Security as 401 "please log in": a 401 is
 * therefore only let through once the database has answered, else it becomes the same 503. Health and the web
 * UI's files are not filtered.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {
    static final ApiError UNAVAILABLE = ApiError.of("DATABASE_UNAVAILABLE", "数据库暂时不可用，请稍后重试");
    static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseAvailability availability;
    private final ApiErrorWriter errors;

    public DatabaseUnavailableFilter(DatabaseAvailability availability, ApiErrorWriter errors) {
        this.availability = availability;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded path, as Spring Security and MVC match it (a raw /%61pi/... is served as /api/...)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!availability.isUp()) {
            unavailable(response);
            return;
        }
        try {
            chain.doFilter(request, new UnauthorizedOnlyWithDatabase(response, availability.failures()));
        } catch (IOException | ServletException | RuntimeException e) {
            // a database failure raised outside Spring MVC (the session check, the sign-in's listeners, the
            // access-denied audit) would otherwise reach the container's error page as a 500 or a 401
            if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
                throw e;
            }
            availability.markDown("a request failed for want of the database");
            response.reset();
            unavailable(response);
        }
    }

    /** The same answer from Spring MVC's exception handler. */
    static ResponseEntity<ApiError> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(UNAVAILABLE);
    }

    private void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        errors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE);
    }

    /**
     * Turns a 401 into 503 when the database failed during the request or does not answer now; what the 401's
     * writer sends after that is dropped.
     */
    private final class UnauthorizedOnlyWithDatabase extends HttpServletResponseWrapper {
        private final long failuresBefore;
        private boolean replaced;

        UnauthorizedOnlyWithDatabase(HttpServletResponse response, long failuresBefore) {
            super(response);
            this.failuresBefore = failuresBefore;
        }

        @Override
        public void setStatus(int status) {
            if (!replaced && !replace(status)) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!replaced && !replace(status)) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return replaced ? DISCARD : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return replaced ? new PrintWriter(new OutputStreamWriter(DISCARD, StandardCharsets.UTF_8))
                    : super.getWriter();
        }

        private boolean replace(int status) {
            if (status != HttpServletResponse.SC_UNAUTHORIZED
                    || (availability.failures() == failuresBefore && availability.answersNow())) {
                return false;
            }
            try {
                unavailable((HttpServletResponse) getResponse());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            replaced = true;
            return true;
        }
    }

    private static final ServletOutputStream DISCARD = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // nothing is ever written
        }

        @Override
        public void write(int b) {
            // dropped: the 503 has been sent instead
        }
    };
}
