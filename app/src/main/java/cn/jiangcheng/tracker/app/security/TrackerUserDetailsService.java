package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUserAccount;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

@Component
public class TrackerUserDetailsService implements UserDetailsService {
    private final QueryGateway queryGateway;
    private final LoginLockout lockout;
    private final OrgDirectory orgDirectory;

    public TrackerUserDetailsService(QueryGateway queryGateway, LoginLockout lockout, OrgDirectory orgDirectory) {
        this.queryGateway = queryGateway;
        this.lockout = lockout;
        this.orgDirectory = orgDirectory;
    }

    @Override
    public TrackerUser loadUserByUsername(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<UserAccountView> account = queryGateway.query(new FindUserAccount(key),
                ResponseTypes.optionalInstanceOf(UserAccountView.class)).join();
        UserAccountView view = account.orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
        return new TrackerUser(view.username(), view.displayName(), view.passwordHash(), view.roles(),
                view.orgUnitId(), view.cityId(), isCityLevel(view), view.enabled(), lockout.isLocked(key));
    }

    /** The city itself and its departments act for the whole city; counties and what lies below do not. */
    private boolean isCityLevel(UserAccountView view) {
        return orgDirectory.find(view.orgUnitId()).map(unit -> unit.type() == OrgUnitType.CITY
                || (unit.type() == OrgUnitType.DEPARTMENT && view.cityId().equals(unit.parentId()))).orElse(false);
    }
}
