package cn.jiangcheng.tracker.app.web;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /v3/api-docs as an integrator reads it: the shapes springdoc used to merge by name are apart and right. */
class ApiDocumentationHttpTest extends HttpTestBase {
    private JsonNode docs() {
        ApiClient.Response r = anonymous().get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static List<String> fields(JsonNode docs, String schema) {
        List<String> names = new ArrayList<>();
        docs.path("components").path("schemas").path(schema).path("properties").fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    private static String answered(JsonNode docs, String path, String method, String status) {
        return docs.path("paths").path(path).path(method).path("responses").path(status).path("content")
                .elements().next().path("schema").path("$ref").asText().replace("#/components/schemas/", "");
    }

    @Test
    void theShapesThatSharedANameAreDocumentedApart() {
        JsonNode docs = docs();
        assertThat(fields(docs, answered(docs, "/api/cases", "post", "201"))).containsExactly("id", "version");
        assertThat(fields(docs, answered(docs, "/api/submissions", "post", "201")))
                .containsExactly("id", "status", "version");
        assertThat(fields(docs, answered(docs, "/api/admin/users", "post", "201"))).containsExactly("username");
        assertThat(fields(docs, answered(docs, "/api/admin/users/{username}/disable", "post", "200")))
                .containsExactly("username");
        assertThat(fields(docs, "CooperatingUnit")).containsExactly("id", "name");
        assertThat(fields(docs, "UnitRef")).containsExactly("orgUnitId", "orgUnitName");
        assertThat(fields(docs, "CaseStatsRow")).contains("total", "closedOnTime", "light").doesNotContain("projects");
        assertThat(fields(docs, "StatsRow")).contains("projects", "investmentRate").doesNotContain("closedOnTime");
        assertThat(answered(docs, "/api/audit/projections/{name}/rebuild", "post", "202"))
                .isEqualTo("ProjectionStatus");
        assertThat(docs.path("components").path("schemas").path("CaseStats").path("properties").path("byUnit")
                .path("items").path("$ref").asText()).endsWith("/CaseStatsRow");
    }

    @Test
    void recordsAreStrictAndEveryEndpointDocumentsItsErrorsInTheOneErrorShape() {
        JsonNode docs = docs();
        JsonNode caseCreated = docs.path("components").path("schemas").path("CaseCreated");
        assertThat(caseCreated.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(caseCreated.path("required")).extracting(JsonNode::asText).containsExactly("id", "version");
        assertThat(fields(docs, "ApiError")).containsExactly("code", "message", "fieldErrors");

        List<String> missing = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            List<String> expected = new ArrayList<>(List.of("401", "403"));
            if (!op.getKey().equals("get")) {
                expected.addAll(List.of("400", "404", "409", "422"));
            }
            if (path.getKey().equals("/api/csrf")) {
                expected.clear();
            }
            for (String status : expected) {
                String schema = responses.path(status).path("content").path("application/json").path("schema")
                        .path("$ref").asText();
                if (!schema.endsWith("/ApiError")) {
                    missing.add(op.getKey() + " " + path.getKey() + " " + status);
                }
            }
        }));
        assertThat(missing).isEmpty();
    }
}
