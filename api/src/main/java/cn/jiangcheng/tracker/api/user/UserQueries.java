package cn.jiangcheng.tracker.api.user;

import java.util.List;
import java.util.Set;

public final class UserQueries {
    private UserQueries() {
    }

    public record FindUserAccount(String username) {
    }

    public record FindUsersOfCity(String cityId) {
    }

    public record UserAccountView(String username, String displayName, String passwordHash, Set<Role> roles,
                                  String orgUnitId, String cityId, boolean enabled, long version,
                                  boolean passwordChangeRequired) {
    }

    public record UserAccountList(List<UserAccountView> users) {
    }
}
