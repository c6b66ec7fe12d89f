package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.api.user.Role;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

public record MeView(String username, String displayName, List<Role> roles, Unit orgUnit, City city,
                     DataScope dataScope,
                     @Schema(description = "密码由他人（管理员）设置，须先修改密码（POST /api/me/password）才能使用其他功能")
                     boolean passwordChangeRequired) {
    public record Unit(String id, String name, OrgUnitType type) {
    }

    public record City(String id, String name) {
    }
}
