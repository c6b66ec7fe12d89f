package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUserAccount;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs in (form and HTTP Basic) with the account as its events left it: when the projection has not yet
 * caught up with the account's last stored event (a change a moment ago, or a rebuild), it is waited for
 * briefly, and the sign-in is refused rather than made with stale roles.
 */
@Component
public class TrackerUserDetailsService implements UserDetailsService {
    static final Duration CATCH_UP = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 50;

    private final QueryGateway queryGateway;
    private final LoginLockout lockout;
    private final OrgDirectory orgDirectory;
    private final AccountEvents accountEvents;

    public TrackerUserDetailsService(QueryGateway queryGateway, LoginLockout lockout, OrgDirectory orgDirectory,
                                     AccountEvents accountEvents) {
        this.queryGateway = queryGateway;
        this.lockout = lockout;
        this.orgDirectory = orgDirectory;
        this.accountEvents = accountEvents;
    }

    /** The projection is behind the account's events for longer than a sign-in waits; answered 503. */
    public static class AccountUpdating extends AuthenticationServiceException {
        AccountUpdating() {
            super("账户信息正在更新，请稍后再试");
        }

        /** Spring Security wraps what the user lookup throws; this finds it again. */
        static boolean causedBy(AuthenticationException e) {
            return e instanceof AccountUpdating || e.getCause() instanceof AccountUpdating;
        }
    }

    @Override
    public TrackerUser loadUserByUsername(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        long stored = accountEvents.currentVersion(key);
        long waitUntil = System.nanoTime() + CATCH_UP.toNanos();
        Optional<UserAccountView> account = find(key);
        while (account.map(UserAccountView::version).orElse(-1L) < stored) {
            if (System.nanoTime() - waitUntil > 0) {
                throw new AccountUpdating();
            }
            pause();
            account = find(key);
        }
        UserAccountView view = account.orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
        return new TrackerUser(view.username(), view.displayName(), view.passwordHash(), view.roles(),
                view.orgUnitId(), view.cityId(), isCityLevel(view), view.enabled(), lockout.isLocked(key),
                view.version(), view.passwordChangeRequired());
    }

    private Optional<UserAccountView> find(String key) {
        return queryGateway.query(new FindUserAccount(key), ResponseTypes.optionalInstanceOf(UserAccountView.class))
                .join();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountUpdating();
        }
    }

    /** The city itself and its departments act for the whole city; counties and what lies below do not. */
    private boolean isCityLevel(UserAccountView view) {
        return orgDirectory.find(view.orgUnitId()).map(unit -> unit.type() == OrgUnitType.CITY
                || (unit.type() == OrgUnitType.DEPARTMENT && view.cityId().equals(unit.parentId()))).orElse(false);
    }
}
