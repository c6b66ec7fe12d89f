package cn.jiangcheng.tracker.app.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What /v3/api-docs adds to springdoc's reading of the controllers: strict record schemas ({@link RecordSchemas}),
 * the log-in and log-out answered by Spring Security's filters ({@link SecurityEndpoints}), and the error answers
 * every endpoint can give, all in the one {@link ApiError} shape that {@link ApiExceptionHandler} and the security
 * handlers write. Two records sharing a name would make one schema describe both, so the document is refused then.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
    /** Reachable without logging in, so never 401 or 403. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/csrf");

    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "请求参数或内容有误（VALIDATION_FAILED、BAD_PARAMETER、BAD_JSON、UNKNOWN_FIELD 等）");
        ERRORS.put("401", "未登录或用户名、密码错误（UNAUTHENTICATED 等），或会话已被服务器结束（SESSION_ENDED：账户信息已变更；SESSION_EXPIRED：登录超过规定时长）");
        ERRORS.put("403", "没有权限（FORBIDDEN 等）；PASSWORD_CHANGE_REQUIRED：密码由管理员设置，须先修改密码");
        ERRORS.put("404", "记录不存在或不在本单位、本市的可见范围内");
        ERRORS.put("409", "记录已被他人修改（expectedVersion 不是当前版本）或已存在");
        ERRORS.put("413", "请求内容或上传文件过大");
        ERRORS.put("415", "请求内容类型不受支持");
        ERRORS.put("422", "违反业务规则（code 说明是哪一条）");
        ERRORS.put("503", "暂时无法处理，请按 Retry-After 稍后重试（DATABASE_UNAVAILABLE：数据库暂时不可用；ACCOUNT_UPDATING：以 HTTP Basic 登录的账户刚被修改、本节点尚未同步）");
    }

    @Bean
    public RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    public OpenApiCustomizer apiContract(RecordSchemas recordSchemas) {
        return api -> {
            if (!recordSchemas.conflicts().isEmpty()) {
                throw new IllegalStateException("API records share a schema name, so the document would merge them;"
                        + " rename one of each: " + String.join("; ", recordSchemas.conflicts()));
            }
            SecurityEndpoints.document(api);
            documentErrors(api);
            recordSchemas.tighten(api);
        };
    }

    private static void documentErrors(OpenAPI api) {
        ModelConverters.getInstance().readAll(ApiError.class).forEach(api.getComponents()::addSchemas);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (SecurityEndpoints.PATHS.contains(path)) {
                return; // their few answers are written out in full
            }
            ApiResponses responses = operation.getResponses();
            responses.values().stream().filter(r -> r.getContent() != null)
                    .flatMap(r -> r.getContent().values().stream()).map(MediaType::getSchema)
                    .filter(schema -> schema != null && "byte".equals(schema.getFormat()))
                    .forEach(schema -> schema.setFormat("binary")); // a file's bytes as they are, not base64
            for (String status : errorsOf(path, method, operation)) {
                if (!responses.containsKey(status)) {
                    responses.addApiResponse(status, new ApiResponse().description(ERRORS.get(status))
                            .content(new Content().addMediaType(JSON,
                                    new MediaType().schema(apiError()))));
                }
            }
        }));
    }

    static Schema<?> apiError() {
        return new Schema<>().$ref("#/components/schemas/ApiError");
    }

    /** The errors that apply: reads can be refused or miss, changes can also conflict, be too large or break a rule. */
    private static Set<String> errorsOf(String path, PathItem.HttpMethod method, Operation operation) {
        Set<String> errors = new java.util.TreeSet<>();
        errors.add("503"); // every operation needs the database
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (change || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            errors.add("400");
        }
        if (!PUBLIC_PATHS.contains(path)) {
            errors.add("401");
            errors.add("403");
        }
        if (path.contains("{") || errors.contains("400")) {
            errors.add("404"); // a record named in the path, the query or the body may not exist or not be visible
        }
        if (change) {
            errors.add("409");
        }
        if (change || errors.contains("400")) {
            errors.add("422");
        }
        if (operation.getRequestBody() != null) {
            errors.add("413");
            errors.add("415");
        }
        return errors;
    }
}
