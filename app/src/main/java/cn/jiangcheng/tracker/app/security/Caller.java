package cn.jiangcheng.tracker.app.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The user behind the current request. */
public final class Caller {
    private Caller() {
    }

    public static Optional<TrackerUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof TrackerUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static TrackerUser current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("请先登录"));
    }
}
