package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed log-ins, locks and refusals are audit events in the log the auditor reads; no password ever is. */
class SecurityEventsHttpTest extends HttpTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG = "Wrong2026secret";

    @Test
    void aWrongPasswordIsALoginFailedEventWithoutThePassword() throws Exception {
        String username = newSubmitter();
        String correlation = "login-" + uniqueId("fail");
        ApiClient browser = ApiClient.browser(port).header("X-Correlation-Id", correlation);
        assertThat(browser.login(username, WRONG).code()).isEqualTo("BAD_CREDENTIALS");

        List<Map<String, Object>> rows = events("LoginFailed", username);
        assertThat(rows).hasSize(1);
        JsonNode payload = JSON.readTree((String) rows.get(0).get("payload"));
        JsonNode metadata = JSON.readTree((String) rows.get(0).get("metadata"));
        assertThat(payload.path("username").asText()).isEqualTo(username);
        assertThat(payload.path("reason").asText()).isEqualTo("BAD_PASSWORD");
        assertThat(metadata.path("userId").asText()).isEqualTo(username);
        assertThat(metadata.path("cityId").asText()).isEqualTo("220200");
        assertThat(metadata.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(metadata.path("correlationId").asText()).isEqualTo(correlation);
        assertThat(count("select count(*) from domainevententry where convert_from(payload, 'UTF8') like ? "
                + "or convert_from(metadata, 'UTF8') like ?", "%" + WRONG + "%", "%" + WRONG + "%"))
                .as("the password tried is stored nowhere").isZero();

        // the auditor sees it, named in the log
        JsonNode logged = as("auditor").get("/api/audit/events?eventType=LoginFailed&user=" + username).json();
        assertThat(logged.path("events").findValuesAsText("eventType")).containsExactly("LoginFailed");
        assertThat(logged.path("events").get(0).path("clientIp").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void unknownUsersAndDisabledAccountsAreFailuresWithTheirReason() throws Exception {
        String nobody = uniqueId("nobody").toLowerCase();
        ApiClient.browser(port).login(nobody, WRONG);
        assertThat(reasons(nobody)).containsExactly("UNKNOWN_USER");
        assertThat(JSON.readTree((String) events("LoginFailed", nobody).get(0).get("metadata")).path("userId").asText())
                .isEqualTo("anonymous");

        String username = newSubmitter();
        long version = jdbc.queryForObject("select version from user_account_view where username = ?", Long.class,
                username);
        as("admin").post("/api/admin/users/" + username + "/disable", "{\"expectedVersion\":" + version + "}");
        eventually(() -> count("select count(*) from user_account_view where username = ? and not enabled",
                username), n -> n == 1);
        assertThat(ApiClient.browser(port).login(username, "Start2026a").code()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(reasons(username)).containsExactly("ACCOUNT_DISABLED");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAsAnEvent() throws Exception {
        String username = newSubmitter();
        for (int i = 0; i < 5; i++) {
            ApiClient.browser(port).login(username, WRONG);
        }
        assertThat(events("AccountLocked", username)).hasSize(1);
        assertThat(ApiClient.browser(port).login(username, "Start2026a").code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(reasons(username)).containsExactly("BAD_PASSWORD", "BAD_PASSWORD", "BAD_PASSWORD",
                "BAD_PASSWORD", "BAD_PASSWORD", "ACCOUNT_LOCKED");
    }

    @Test
    void aSubmitterCallingAnAdminEndpointIsAnAccessDeniedEvent() throws Exception {
        ApiClient.Response denied = as("yongji-submitter").get("/api/admin/users");
        assertThat(denied.status()).isEqualTo(403);
        List<Map<String, Object>> rows = events("AccessDenied", "yongji-submitter");
        assertThat(rows).isNotEmpty();
        JsonNode last = JSON.readTree((String) rows.get(rows.size() - 1).get("payload"));
        assertThat(last.path("path").asText()).isEqualTo("/api/admin/users");
        assertThat(last.path("method").asText()).isEqualTo("GET");
        assertThat(last.path("code").asText()).isEqualTo("FORBIDDEN");

        // a controller's own scope check says no too: a county's submitter and the city rollup
        assertThat(as("yongji-submitter").get("/api/rollups/city?period=2025").status()).isEqualTo(403);
        // recorded once the answer has left, so possibly a moment after the client has it
        eventually(() -> lastPath("yongji-submitter"), "/api/rollups/city"::equals);

        // a forged change on a real session: CSRF_REJECTED, recorded with the session's user
        ApiClient browser = ApiClient.browser(port);
        browser.login("jiaohe-submitter", DEMO_PASSWORD);
        assertThat(browser.postWithoutCsrf("/api/submissions", "{}").code()).isEqualTo("CSRF_REJECTED");
        List<Map<String, Object>> csrf = events("AccessDenied", "jiaohe-submitter");
        assertThat(JSON.readTree((String) csrf.get(csrf.size() - 1).get("payload")).path("code").asText())
                .isEqualTo("CSRF_REJECTED");

        JsonNode logged = as("auditor").get("/api/audit/events?eventType=AccessDenied&user=yongji-submitter").json();
        assertThat(logged.path("events").size()).isPositive();
    }

    /** The reasons of one name's LoginFailed events, oldest first. */
    private List<String> reasons(String username) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'reason' from domainevententry
                where payloadtype like '%$LoginFailed' and convert_from(payload, 'UTF8')::jsonb ->> 'username' = ?
                order by globalindex""", String.class, username);
    }

    private String lastPath(String username) {
        List<Map<String, Object>> rows = events("AccessDenied", username);
        try {
            return rows.isEmpty() ? "" : JSON.readTree((String) rows.get(rows.size() - 1).get("payload")).path("path")
                    .asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Security events of one user, oldest first, matched by the metadata's user or the payload's username. */
    private List<Map<String, Object>> events(String type, String username) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8') as payload, convert_from(metadata, 'UTF8') as metadata
                from domainevententry where payloadtype like ?
                and (convert_from(payload, 'UTF8')::jsonb ->> 'username' = ?
                     or convert_from(metadata, 'UTF8')::jsonb ->> 'userId' = ?)
                order by globalindex""", "%$" + type, username, username);
    }

    private String newSubmitter() {
        String username = uniqueId("sec").toLowerCase();
        assertThat(as("admin").post("/api/admin/users", """
                {"username":"%s","displayName":"安全测试","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"220221"}
                """.formatted(username)).status()).isEqualTo(201);
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);
        return username;
    }
}
