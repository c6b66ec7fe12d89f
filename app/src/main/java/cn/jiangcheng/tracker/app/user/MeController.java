package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.OwnPassword;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "当前用户")
public class MeController {
    private final MeViews meViews;
    private final OwnPassword ownPassword;

    public MeController(MeViews meViews, OwnPassword ownPassword) {
        this.meViews = meViews;
        this.ownPassword = ownPassword;
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户、角色、单位、城市与数据范围")
    public MeView me() {
        return meViews.of(Caller.current());
    }

    public record OwnPasswordRequest(
            @NotNull(message = "当前密码不能为空") String currentPassword,
            @NotNull(message = "新密码不能为空")
            @Pattern(regexp = UserAdminController.PASSWORD, message = "密码须为8到64位，且同时包含字母和数字")
            String newPassword) {
    }

    @PostMapping("/api/me/password")
    @Operation(summary = "修改自己的密码", description = "管理员设置或重置的密码只能用来登录并修改密码"
            + "（passwordChangeRequired）；修改后本会话继续有效，本账户的其他会话结束。当前密码不正确 422 "
            + "WRONG_CURRENT_PASSWORD，新密码与当前密码相同 422 PASSWORD_UNCHANGED")
    public MeView changeOwnPassword(@Valid @RequestBody OwnPasswordRequest body, HttpServletRequest request,
                                    HttpServletResponse response) {
        return meViews.of(ownPassword.change(request, response, body.currentPassword(), body.newPassword()));
    }

    /** The web UI calls this first so that the XSRF-TOKEN cookie exists before it posts the log-in form. */
    @GetMapping("/api/csrf")
    @Operation(summary = "设置 CSRF Cookie")
    @ApiResponse(responseCode = "204", description = "XSRF-TOKEN Cookie 已设置")
    public ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }
}
