package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test profile reads forwarded headers as production does (server.forward-headers-strategy: native); with no
 * proxy configured as trusted, a client's own X-Forwarded-For is not believed.
 */
class ForwardedHeadersHttpTest extends HttpTestBase {

    @Test
    void aClientsOwnForwardedForIsNotTheStoredAddress() throws Exception {
        String id = uniqueId("xff");
        ApiClient.Response created = as("admin").header("X-Forwarded-For", "6.6.6.6")
                .post("/api/admin/org-units",
                        "{\"id\":\"" + id + "\",\"name\":\"转发测试部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
        assertThat(created.status()).isEqualTo(201);
        String metadata = jdbc.queryForObject(
                "select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?",
                String.class, id);
        assertThat(new ObjectMapper().readTree(metadata).path("clientIp").asText()).isEqualTo("127.0.0.1");
    }
}
