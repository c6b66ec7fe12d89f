package cn.jiangcheng.tracker.app.audit;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * Documents the 503 of {@link ProjectionReadGuard} on every endpoint that reads a projection: all of /api but
 * the audit (it reads the event store), the CSRF cookie and the log-in and log-out of the security filters.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionReadDocumentation {
    private static final Set<String> WITHOUT_PROJECTIONS = Set.of("/api/csrf", "/api/auth/login", "/api/auth/logout");

    @Bean
    public OpenApiCustomizer projectionRebuildingAnswer() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/") || path.startsWith("/api/audit/") || WITHOUT_PROJECTIONS.contains(path)) {
                return;
            }
            item.readOperations().forEach(operation -> operation.getResponses().addApiResponse("503",
                    new ApiResponse().description("数据正在重建，请稍后再试（PROJECTION_REBUILDING，Retry-After 秒后重试）")
                            .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema()))
                            .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))))));
        });
    }
}
