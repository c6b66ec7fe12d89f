package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserPassword;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserRoles;
import cn.jiangcheng.tracker.api.user.UserCommands.DisableUser;
import cn.jiangcheng.tracker.api.user.UserCommands.EnableUser;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUsersOfCity;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountList;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.VersionRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** User accounts of the administrator's own city. */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "用户管理")
public class UserAdminController {
    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,39}";
    /** At least 8 characters with a letter and a digit; bcrypt reads at most 72 bytes. */
    static final String PASSWORD = "(?=.*[A-Za-z])(?=.*\\d).{8,64}";
    static final String CONFLICT_REASON = "同时授予填报员与审核员或督察员时必填（最多200字），记入事件 ConflictingRolesGranted；"
            + "缺少时 422 CONFLICTING_ROLES。其他角色组合不需要。";

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final OrgDirectory orgDirectory;
    private final PasswordEncoder passwordEncoder;

    public UserAdminController(CommandGateway commandGateway, QueryGateway queryGateway, OrgDirectory orgDirectory,
                               PasswordEncoder passwordEncoder) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.orgDirectory = orgDirectory;
        this.passwordEncoder = passwordEncoder;
    }

    public record UserRow(String username, String displayName, Set<Role> roles, String orgUnitId,
                          String orgUnitName, boolean enabled, long version) {
    }

    public record CreateUserRequest(
            @NotBlank(message = "用户名不能为空")
            @Pattern(regexp = USERNAME, message = "用户名须为3到40位小写字母、数字、点、下划线或连字符") String username,
            @NotBlank(message = "姓名不能为空") @Size(max = 40, message = "姓名不能超过40个字符") String displayName,
            @NotNull(message = "密码不能为空")
            @Pattern(regexp = PASSWORD, message = "密码须为8到64位，且同时包含字母和数字") String password,
            @NotEmpty(message = "至少选择一个角色") Set<@NotNull(message = "角色不正确") Role> roles,
            @NotBlank(message = "所属单位不能为空") String orgUnitId,
            @Schema(description = CONFLICT_REASON) @Size(max = 200, message = "理由不能超过200个字符")
            String conflictReason) {
    }

    public record ChangeRolesRequest(@NotEmpty(message = "至少选择一个角色") Set<@NotNull(message = "角色不正确") Role> roles,
                                     @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion,
                                     @Schema(description = CONFLICT_REASON)
                                     @Size(max = 200, message = "理由不能超过200个字符") String conflictReason) {
    }

    public record ChangePasswordRequest(
            @NotNull(message = "密码不能为空")
            @Pattern(regexp = PASSWORD, message = "密码须为8到64位，且同时包含字母和数字") String password,
            @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record UserAccepted(String username) {
    }

    @GetMapping
    @Operation(summary = "本市用户列表")
    public List<UserRow> list() {
        TrackerUser admin = Caller.current();
        Map<String, String> unitNames = orgDirectory.unitsOfCity(admin.cityId()).stream()
                .collect(Collectors.toMap(OrgUnitView::id, OrgUnitView::name));
        return usersOfCity(admin).stream()
                .map(u -> new UserRow(u.username(), u.displayName(), u.roles(), u.orgUnitId(),
                        unitNames.getOrDefault(u.orgUnitId(), u.orgUnitId()), u.enabled(), u.version()))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增用户", description = "填报员与审核员（或督察员）同授一人时须填写 conflictReason")
    public UserAccepted create(@Valid @RequestBody CreateUserRequest request) {
        TrackerUser admin = Caller.current();
        OrgUnitView unit = orgDirectory.find(request.orgUnitId())
                .filter(u -> admin.cityId().equals(u.cityId()))
                .orElseThrow(() -> new NotFoundInScope("未找到所属单位"));
        if (!unit.active()) {
            throw new BusinessRuleViolation("UNIT_INACTIVE", "所属单位已停用");
        }
        commandGateway.sendAndWait(new RegisterUser(request.username(), request.displayName().strip(),
                passwordEncoder.encode(request.password()), request.roles(), unit.id(), unit.cityId(),
                request.conflictReason()));
        return new UserAccepted(request.username());
    }

    @PutMapping("/{username}/roles")
    @Operation(summary = "修改角色", description = "填报员与审核员（或督察员）同授一人时须填写 conflictReason；"
            + "管理员不能修改自己的角色（422 CANNOT_CHANGE_OWN_ROLES）")
    public UserAccepted changeRoles(@PathVariable String username, @Valid @RequestBody ChangeRolesRequest request) {
        commandGateway.sendAndWait(new ChangeUserRoles(username, request.roles(), request.expectedVersion(),
                request.conflictReason()));
        return new UserAccepted(username);
    }

    @PostMapping("/{username}/password")
    @Operation(summary = "重置密码")
    public UserAccepted changePassword(@PathVariable String username,
                                   @Valid @RequestBody ChangePasswordRequest request) {
        commandGateway.sendAndWait(new ChangeUserPassword(username, passwordEncoder.encode(request.password()),
                request.expectedVersion()));
        return new UserAccepted(username);
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "停用用户")
    public UserAccepted disable(@PathVariable String username, @Valid @RequestBody VersionRequest request) {
        commandGateway.sendAndWait(new DisableUser(username, request.expectedVersion()));
        return new UserAccepted(username);
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "启用用户")
    public UserAccepted enable(@PathVariable String username, @Valid @RequestBody VersionRequest request) {
        commandGateway.sendAndWait(new EnableUser(username, request.expectedVersion()));
        return new UserAccepted(username);
    }

    private List<UserAccountView> usersOfCity(TrackerUser admin) {
        return queryGateway.query(new FindUsersOfCity(admin.cityId()), UserAccountList.class).join().users();
    }
}
