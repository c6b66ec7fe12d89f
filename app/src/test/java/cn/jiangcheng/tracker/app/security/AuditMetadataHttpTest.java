package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event says who did it, with which role, for which unit, from where, and in which chain. */
class AuditMetadataHttpTest extends HttpTestBase {

    @Test
    void eventsCarryWhoWhenWhereAndTheChain() throws Exception {
        String id = uniqueId("audit");
        String correlation = "req-" + uniqueId("corr");
        ApiClient admin = as("admin").header("X-Correlation-Id", correlation);
        ApiClient.Response created = admin.post("/api/admin/org-units",
                "{\"id\":\"" + id + "\",\"name\":\"审计测试部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("X-Correlation-Id")).contains(correlation);

        var row = jdbc.queryForMap("""
                select convert_from(metadata, 'UTF8') as metadata, convert_from(payload, 'UTF8') as payload,
                       timestamp, payloadtype
                from domainevententry where aggregateidentifier = ?""", id);
        JsonNode metadata = new ObjectMapper().readTree((String) row.get("metadata"));
        assertThat(metadata.path("userId").asText()).isEqualTo("admin");
        assertThat(metadata.path("userName").asText()).isEqualTo("系统管理员");
        assertThat(metadata.path("roles").asText()).isEqualTo("ADMIN");
        assertThat(metadata.path("orgUnitId").asText()).isEqualTo("220200-sthj");
        assertThat(metadata.path("cityId").asText()).isEqualTo("220200");
        assertThat(metadata.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(metadata.path("correlationId").asText()).isEqualTo(correlation);
        assertThat(metadata.path("causationId").asText()).as("the command that caused it").isNotBlank()
                .isNotEqualTo(correlation);
        assertThat((String) row.get("timestamp")).startsWith("20");
        assertThat((String) row.get("payload")).contains("\"name\":\"审计测试部门\"");
        assertThat((String) row.get("payloadtype")).endsWith("OrgUnitCreated");
    }

    @Test
    void withoutACorrelationHeaderEachRequestGetsItsOwn() throws Exception {
        ApiClient admin = as("admin");
        String first = uniqueId("a");
        String second = uniqueId("b");
        admin.post("/api/admin/org-units", "{\"id\":\"" + first + "\",\"name\":\"甲部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
        admin.post("/api/admin/org-units", "{\"id\":\"" + second + "\",\"name\":\"乙部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
        assertThat(correlationOf(first)).isNotBlank().isNotEqualTo(correlationOf(second));
    }

    private String correlationOf(String aggregateId) throws Exception {
        String metadata = jdbc.queryForObject(
                "select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?",
                String.class, aggregateId);
        return new ObjectMapper().readTree(metadata).path("correlationId").asText();
    }
}
