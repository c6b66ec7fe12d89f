package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.app.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "当前用户")
public class MeController {
    private final MeViews meViews;

    public MeController(MeViews meViews) {
        this.meViews = meViews;
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户、角色、单位、城市与数据范围")
    public MeView me() {
        return meViews.of(Caller.current());
    }

    /** The web UI calls this first so that the XSRF-TOKEN cookie exists before it posts the log-in form. */
    @GetMapping("/api/csrf")
    @Operation(summary = "设置 CSRF Cookie")
    @ApiResponse(responseCode = "204", description = "XSRF-TOKEN Cookie 已设置")
    public ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }
}
