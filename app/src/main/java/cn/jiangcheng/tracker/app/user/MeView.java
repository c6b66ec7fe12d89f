package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.api.user.Role;

import java.util.List;

public record MeView(String username, String displayName, List<Role> roles, Unit orgUnit, City city,
                     DataScope dataScope) {
    public record Unit(String id, String name, OrgUnitType type) {
    }

    public record City(String id, String name) {
    }
}
