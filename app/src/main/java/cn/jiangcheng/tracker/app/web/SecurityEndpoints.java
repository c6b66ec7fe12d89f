package cn.jiangcheng.tracker.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.List;
import java.util.Set;

/**
 * Log-in and log-out are answered by Spring Security's filters (see SecurityConfiguration), which springdoc does
 * not see, so their operations are written here as the filters answer them.
 */
final class SecurityEndpoints {
    static final String LOGIN = "/api/auth/login";
    static final String LOGOUT = "/api/auth/logout";
    static final Set<String> PATHS = Set.of(LOGIN, LOGOUT);

    private static final String TAG = "当前用户";

    private SecurityEndpoints() {
    }

    static void document(OpenAPI api) {
        Schema<Object> form = new ObjectSchema()
                .addProperty("username", new StringSchema().description("用户名"))
                .addProperty("password", new StringSchema().description("密码").format("password"));
        form.setRequired(List.of("username", "password"));
        form.setAdditionalProperties(false);
        Operation login = new Operation().operationId("login").addTagsItem(TAG)
                .summary("登录（表单提交，成功后以会话 Cookie 保持登录）")
                .description("浏览器会话须带 X-XSRF-TOKEN 请求头（先 GET /api/csrf 取得 XSRF-TOKEN Cookie）")
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                        new MediaType().schema(form))))
                .responses(new ApiResponses()
                        .addApiResponse("200", json("登录成功，返回当前用户", new Schema<>().$ref(
                                "#/components/schemas/MeView")))
                        .addApiResponse("401", json("用户名或密码错误（BAD_CREDENTIALS）、账户已锁定（ACCOUNT_LOCKED）"
                                + "或已停用（ACCOUNT_DISABLED）", ApiDocumentation.apiError()))
                        .addApiResponse("403", json("缺少或错误的 CSRF 令牌（CSRF_REJECTED）", ApiDocumentation.apiError()))
                        .addApiResponse("503", json("账户刚被修改、本节点尚未同步（ACCOUNT_UPDATING）或数据库暂时不可用（DATABASE_UNAVAILABLE），请稍后重试",
                                ApiDocumentation.apiError())));
        Operation logout = new Operation().operationId("logout").addTagsItem(TAG).summary("退出登录（结束会话）")
                .responses(new ApiResponses()
                        .addApiResponse("204", new ApiResponse().description("已退出"))
                        .addApiResponse("403", json("缺少或错误的 CSRF 令牌（CSRF_REJECTED）", ApiDocumentation.apiError())));
        api.path(LOGIN, new PathItem().post(login));
        api.path(LOGOUT, new PathItem().post(logout));
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(ApiDocumentation.JSON, new MediaType().schema(schema)));
    }
}
