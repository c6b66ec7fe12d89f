package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.user.MeView;
import cn.jiangcheng.tracker.app.user.MeViews;
import cn.jiangcheng.tracker.app.web.ApiError;
import cn.jiangcheng.tracker.app.web.ApiErrorWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Browsers sign in with a session cookie and send a CSRF header on every change; API clients may instead send
 * HTTP Basic credentials on each request without a session, which no browser attaches by itself, so only those
 * skip the CSRF check. Every session-borne request re-checks its account ({@link SessionAccountCheck}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder(@Value("${tracker.security.bcrypt-strength}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ApiErrorWriter errors, MeViews meViews,
                                                   ObjectMapper objectMapper, AccountEvents accountEvents,
                                                   SecurityAudit audit, Clock clock,
                                                   @Value("${tracker.security.session-absolute-timeout}")
                                                   Duration absoluteTimeout) throws Exception {
        SessionAccountCheck sessionCheck = new SessionAccountCheck(accountEvents, audit, clock, absoluteTimeout);
        RequestMatcher browserChange = request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && !basicWithoutSession(request);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (TrackerUserDetailsService.AccountUpdating.causedBy(e)) {
                accountUpdating(errors, response);
                return;
            }
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    SessionAccountCheck.endedAnswer(request).orElseGet(() -> unauthenticated(e)));
        };
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/auth/login", "/api/csrf").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(browserChange))
                .formLogin(form -> form
                        .loginProcessingUrl("/api/auth/login")
                        .successHandler(loginSucceeded(meViews, objectMapper, sessionCheck))
                        .failureHandler(loginFailed(errors))
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .addFilterAfter(sessionCheck, BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(errors, audit), SessionAccountCheck.class)
                .addFilterBefore(new DenialAudit(audit), ExceptionTranslationFilter.class)
                // nothing to return to after signing in (the UI routes itself), so no session for an anonymous 401
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout
                        .logoutUrl("/api/auth/logout")
                        .logoutSuccessHandler((request, response, auth) ->
                                response.setStatus(HttpServletResponse.SC_NO_CONTENT)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            // recorded before the answer is written; DenialAudit records the 403s of controllers
                            Caller.find().ifPresent(user -> audit.accessDenied(user, request,
                                    e instanceof CsrfException ? "CSRF_REJECTED" : "FORBIDDEN"));
                            errors.write(response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException
                                    ? ApiError.of("CSRF_REJECTED", "页面已过期，请刷新页面后重试")
                                    : ApiError.of("FORBIDDEN", "没有权限执行此操作"));
                        }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; font-src 'self' data:; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Why a sign-in (form or HTTP Basic) failed, in words the user can act on. */
    private static ApiError unauthenticated(AuthenticationException e) {
        if (e instanceof LockedException) {
            return ApiError.of("ACCOUNT_LOCKED", "密码错误次数过多，账户已临时锁定，请稍后再试");
        }
        if (e instanceof DisabledException) {
            return ApiError.of("ACCOUNT_DISABLED", "该账户已停用，请联系系统管理员");
        }
        if (e instanceof BadCredentialsException) {
            return ApiError.of("BAD_CREDENTIALS", "用户名或密码错误");
        }
        return ApiError.of("UNAUTHENTICATED", "请先登录");
    }

    /**
     * HTTP Basic credentials on a request without a session: an API client, whose header no browser adds by itself.
     * Anything riding on a session cookie (whatever else it sends) needs the CSRF token.
     */
    static boolean basicWithoutSession(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null;
    }

    private static AuthenticationSuccessHandler loginSucceeded(MeViews meViews, ObjectMapper objectMapper,
                                                               SessionAccountCheck sessionCheck) {
        return (request, response, authentication) -> {
            sessionCheck.signedIn(request);
            MeView me = meViews.of((TrackerUser) authentication.getPrincipal());
            response.setStatus(HttpServletResponse.SC_OK);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), me);
        };
    }

    private static AuthenticationFailureHandler loginFailed(ApiErrorWriter errors) {
        return (request, response, e) -> {
            if (TrackerUserDetailsService.AccountUpdating.causedBy(e)) {
                accountUpdating(errors, response);
                return;
            }
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    e instanceof LockedException || e instanceof DisabledException ? unauthenticated(e)
                            : ApiError.of("BAD_CREDENTIALS", "用户名或密码错误"));
        };
    }

    /** The account changed a moment ago and this node does not see the change yet: try again shortly. */
    private static void accountUpdating(ApiErrorWriter errors, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "2");
        errors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                ApiError.of("ACCOUNT_UPDATING", "账户信息正在更新，请稍后再试"));
    }
}
