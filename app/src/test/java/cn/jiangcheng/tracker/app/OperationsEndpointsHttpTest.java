package cn.jiangcheng.tracker.app;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsEndpointsHttpTest extends HttpTestBase {

    @Test
    void healthIsPublicAndShowsTheDatabaseToAdministrators() {
        ApiClient.Response anonymousHealth = anonymous().get("/actuator/health");
        assertThat(anonymousHealth.status()).isEqualTo(200);
        assertThat(anonymousHealth.json().path("status").asText()).isEqualTo("UP");
        ApiClient.Response detailed = as("admin").get("/actuator/health");
        assertThat(detailed.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(detailed.json().path("components").path("db").path("details").path("database").asText())
                .isEqualTo("PostgreSQL");
    }

    @Test
    void prometheusMetricsForAdministratorsOnly() {
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        ApiClient.Response metrics = as("admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDescribesTheApi() {
        ApiClient.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/me")).isTrue();
        assertThat(docs.json().path("paths").has("/api/admin/users")).isTrue();
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theWebUiIsServedAtTheRoot() {
        ApiClient.Response index = anonymous().get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"app\"");
    }
}
