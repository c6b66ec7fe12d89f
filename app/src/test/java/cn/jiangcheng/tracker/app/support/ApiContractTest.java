package cn.jiangcheng.tracker.app.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract hook against a deliberately wrong document: the one springdoc published before the case and
 * report records got names of their own, where POST /api/cases promised a status it never returns.
 */
class ApiContractTest {
    private static final String SPEC = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "paths": {"/api/cases": {"post": {"responses": {
                 "201": {"description": "Created", "content": {"*/*": {"schema": {"$ref": "#/components/schemas/Created"}}}},
                 "400": {"description": "bad", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}}}}},
               "/api/cases/{id}/close": {"post": {
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloseRequest"}}}},
                 "responses": {
                 "200": {"description": "OK", "content": {"*/*": {"schema": {"$ref": "#/components/schemas/Accepted"}}}},
                 "400": {"description": "bad", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}}}}}},
             "components": {"schemas": {
                 "Created": {"type": "object", "additionalProperties": false, "required": ["id", "status", "version"],
                             "properties": {"id": {"type": "string"}, "status": {"type": "string", "enum": ["DRAFT"]},
                                            "version": {"type": "integer", "format": "int64"}}},
                 "CloseRequest": {"type": "object", "additionalProperties": false,
                                  "properties": {"expectedVersion": {"type": "integer", "format": "int64"}}},
                 "Accepted": {"type": "object", "additionalProperties": false, "required": ["id"],
                              "properties": {"id": {"type": "string"}}},
                 "ApiError": {"type": "object", "additionalProperties": false, "required": ["code", "message"],
                              "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}}
            """;

    private final ApiContract contract = ApiContract.of(SPEC);

    @Test
    void aDocumentedFieldThatIsNotReturnedFails() {
        assertThatThrownBy(() -> contract.check("POST", "/api/cases", 201, "application/json",
                "{\"id\": \"C-1\", \"version\": 0}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /api/cases answered 201 against its documentation")
                .hasMessageContaining("status");
    }

    @Test
    void aReturnedFieldThatIsNotDocumentedFails() {
        assertThatThrownBy(() -> contract.check("POST", "/api/cases", 201, "application/json",
                "{\"id\": \"C-1\", \"status\": \"DRAFT\", \"version\": 0, \"caseNo\": \"2026-001\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("caseNo");
    }

    @Test
    void aStatusTheDocumentDoesNotPromiseFails() {
        assertThatThrownBy(() -> contract.check("POST", "/api/cases", 409, "application/json",
                "{\"code\": \"CONFLICT\", \"message\": \"已被他人修改\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("409");
    }

    @Test
    void aWrongErrorShapeFails() {
        assertThatThrownBy(() -> contract.check("POST", "/api/cases?x=1", 400, "application/json",
                "{\"error\": \"bad\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("error");
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThatCode(() -> contract.check("POST", "/api/cases", 201, "application/json",
                "{\"id\": \"C-1\", \"status\": \"DRAFT\", \"version\": 0}")).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedEndpointThatSucceedsFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/secret", 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not in /v3/api-docs");
        assertThatCode(() -> contract.check("DELETE", "/api/cases", 405, "application/json",
                "{\"code\": \"METHOD_NOT_ALLOWED\", \"message\": \"不支持该请求方法\"}")).doesNotThrowAnyException();
    }

    @Test
    void aJsonRequestToAnOperationWithoutARequestSchemaFails() {
        assertThatThrownBy(() -> contract.check("POST", "/api/cases", "application/json", "{\"source\": \"督察\"}",
                201, "application/json", "{\"id\": \"C-1\", \"status\": \"DRAFT\", \"version\": 0}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.request.body.unexpected");
    }

    @Test
    void anAcceptedRequestWithAFieldTheDocumentDoesNotNameFails() {
        assertThatThrownBy(() -> contract.check("POST", "/api/cases/C-1/close", "application/json",
                "{\"expectedVersion\": 3, \"comment\": \"好\"}", 200, "application/json", "{\"id\": \"C-1\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("comment");
        assertThatCode(() -> contract.check("POST", "/api/cases/C-1/close", "application/json",
                "{\"expectedVersion\": 3}", 200, "application/json", "{\"id\": \"C-1\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void aWrongRequestThatIsRefusedIsTheTestsBusiness() {
        assertThatCode(() -> contract.check("POST", "/api/cases/C-1/close", "application/json",
                "{\"expectedVersion\": \"three\", \"comment\": 1}", 400, "application/json",
                "{\"code\": \"BAD_JSON\", \"message\": \"请求内容格式错误\"}")).doesNotThrowAnyException();
    }

    @Test
    void aDocumentedBodyThatIsNotSentFails() {
        assertThatThrownBy(() -> contract.check("POST", "/api/cases/C-1/close", "application/json",
                "{\"expectedVersion\": 3}", 200, "application/json", ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.response.body.missing");
    }
}
