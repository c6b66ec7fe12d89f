package cn.jiangcheng.tracker.app.web;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /v3/api-docs as an integrator reads it: the shapes springdoc used to merge by name are apart and right. */
class ApiDocumentationHttpTest extends HttpTestBase {
    @Autowired
    private RecordSchemas recordSchemas;

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
            JsonNode body = op.getValue().path("requestBody").path("content");
            if (body.has("application/json")) {
                expected.addAll(List.of("413", "415"));
            }
            if (body.has("multipart/form-data")) {
                expected.add("413");
            }
            if (path.getKey().equals("/api/csrf")) {
                expected.clear();
            }
            if (path.getKey().startsWith("/api/auth/")) {
                expected = List.of("403"); // answered by the security filters, documented apart (see below)
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

    @Test
    void noTwoRecordsShareASchemaAndEveryRequestBodyHasOne() {
        assertThat(recordSchemas.conflicts()).isEmpty();

        JsonNode docs = docs();
        List<String> withoutSchema = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("requestBody").path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (!schema.has("$ref") && !schema.has("type")) {
                        withoutSchema.add(op.getKey() + " " + path.getKey() + " " + media.getKey());
                    }
                })));
        assertThat(withoutSchema).isEmpty();
        assertThat(answered(docs, "/api/submissions", "post", "201")).isEqualTo("NewSubmission");
        assertThat(docs.path("paths").path("/api/rollups/city/closure").path("post").path("requestBody")
                .path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/PeriodCloseRequest");
    }

    @Test
    void logInAndLogOutAreDocumentedAsTheSecurityFiltersAnswer() {
        JsonNode docs = docs();
        JsonNode login = docs.path("paths").path("/api/auth/login").path("post");
        JsonNode form = login.path("requestBody").path("content").path("application/x-www-form-urlencoded")
                .path("schema");
        assertThat(form.path("properties").has("username")).isTrue();
        assertThat(form.path("properties").has("password")).isTrue();
        assertThat(answered(docs, "/api/auth/login", "post", "200")).isEqualTo("MeView");
        assertThat(answered(docs, "/api/auth/login", "post", "401")).isEqualTo("ApiError");
        JsonNode logout = docs.path("paths").path("/api/auth/logout").path("post");
        assertThat(logout.path("responses").has("204")).isTrue();
        assertThat(logout.path("responses").path("204").has("content")).isFalse();
    }

    @Test
    void theEventLogsFiltersAreNamedOneByOne() {
        List<String> names = new ArrayList<>();
        docs().path("paths").path("/api/audit/events").path("get").path("parameters")
                .forEach(p -> names.add(p.path("name").asText() + (p.path("required").asBoolean() ? "!" : "")));
        assertThat(names).contains("from", "to", "orgUnit", "eventType", "after", "limit", "order")
                .doesNotContain("params", "params!");
    }
}
