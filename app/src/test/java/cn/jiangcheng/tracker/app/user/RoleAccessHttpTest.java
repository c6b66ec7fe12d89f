package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What each role may and may not do with users and org units. */
class RoleAccessHttpTest extends HttpTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"sthj-approver", "sthj-inspector", "auditor", "yongji-submitter", "fgw-submitter"})
    void onlyTheAdministratorManagesUsersAndUnits(String username) {
        ApiClient client = as(username);
        long before = eventCount();
        assertForbidden(client.get("/api/admin/users"));
        assertForbidden(client.post("/api/admin/users", """
                {"username":"%s","displayName":"某人","password":"Abc12345","roles":["SUBMITTER"],"orgUnitId":"220221"}
                """.formatted(uniqueId("r"))));
        assertForbidden(client.post("/api/admin/org-units",
                "{\"id\":\"" + uniqueId("r") + "\",\"name\":\"某单位\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}"));
        assertForbidden(client.put("/api/admin/org-units/220200-cgj", "{\"name\":\"改名\",\"expectedVersion\":0}"));
        assertForbidden(client.get("/actuator/prometheus"));
        assertThat(eventCount()).isEqualTo(before);
        // and everyone signed in can read their profile and their part of the tree
        assertThat(client.get("/api/me").status()).isEqualTo(200);
        assertThat(client.get("/api/org-units").status()).isEqualTo(200);
    }

    @Test
    void theAdministratorCreatesAUserWhoCanThenLogIn() {
        ApiClient admin = as("admin");
        String username = uniqueId("new").toLowerCase();
        ApiClient.Response created = admin.post("/api/admin/users", """
                {"username":"%s","displayName":"新填报员","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"220283"}
                """.formatted(username));
        assertThat(created.status()).isEqualTo(201);
        ApiClient newUser = ApiClient.basic(port, username, "Start2026a");
        // wait on the read model rather than by logging in: early failed log-ins would count towards a lock-out
        long version = eventually(() -> rowVersion(username), v -> v >= 0);
        assertThat(newUser.get("/api/me").status()).isEqualTo(200);
        assertThat(newUser.get("/api/me").json().path("orgUnit").path("name").asText()).isEqualTo("舒兰市");

        assertThat(admin.put("/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"APPROVER\"],\"expectedVersion\":" + version + "}").status()).isEqualTo(200);
        eventually(() -> newUser.get("/api/me").json().path("roles").get(0).asText(), r -> r.equals("APPROVER"));

        long v2 = eventually(() -> rowVersion(username), v -> v > version);
        assertThat(admin.post("/api/admin/users/" + username + "/password",
                "{\"password\":\"Changed2026b\",\"expectedVersion\":" + v2 + "}").status()).isEqualTo(200);
        long v3 = eventually(() -> rowVersion(username), v -> v > v2);
        assertThat(ApiClient.basic(port, username, "Changed2026b").get("/api/me").status()).isEqualTo(200);
        assertThat(newUser.get("/api/me").status()).as("old password no longer works").isEqualTo(401);

        assertThat(admin.post("/api/admin/users/" + username + "/disable",
                "{\"expectedVersion\":" + v3 + "}").status()).isEqualTo(200);
        eventually(() -> count("select count(*) from user_account_view where username = ? and not enabled",
                username), n -> n == 1);
        ApiClient.Response disabled = ApiClient.browser(port).login(username, "Changed2026b");
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.code()).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void userChangesAreRecordedAsEventsWithTheAdministratorAsAuthor() {
        ApiClient admin = as("admin");
        String username = uniqueId("evt").toLowerCase();
        admin.post("/api/admin/users", """
                {"username":"%s","displayName":"事件测试","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"220284"}
                """.formatted(username));
        String metadata = jdbc.queryForObject(
                "select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?",
                String.class, username);
        assertThat(metadata).contains("\"userId\":\"admin\"").contains("\"roles\":\"ADMIN\"");
    }

    private long rowVersion(String username) {
        return jdbc.query("select version from user_account_view where username = ?",
                rs -> rs.next() ? rs.getLong(1) : -1L, username);
    }

    private static void assertForbidden(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
        assertThat(response.message()).isEqualTo("没有权限执行此操作");
    }
}
