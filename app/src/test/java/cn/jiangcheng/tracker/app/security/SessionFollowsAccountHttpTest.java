package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;

import java.time.Duration;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser session is only as good as the account behind it: disabling the account, changing its roles or its
 * password ends the session at its next request, and a session ends 10 h after sign-in however busy it is.
 */
class SessionFollowsAccountHttpTest extends HttpTestBase {
    private static final String PASSWORD = "Start2026a";

    @Autowired
    private ServerProperties server;

    @Test
    void aDisabledAccountsSessionEndsAndChangesNothing() {
        String username = newAdministrator();
        ApiClient session = signedIn(username);
        adminChanges(username, version -> as("admin").post("/api/admin/users/" + username + "/disable",
                "{\"expectedVersion\":" + version + "}"));
        assertSessionEnded(session, "ACCOUNT_DISABLED", username);
    }

    @Test
    void aRoleChangeEndsTheSessionAtOnce() {
        String username = newAdministrator();
        ApiClient session = signedIn(username);
        adminChanges(username, version -> as("admin").put("/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"AUDITOR\"],\"expectedVersion\":" + version + "}"));
        assertSessionEnded(session, "ROLES_CHANGED", username);
        // signing in again gives the new roles
        ApiClient again = signedIn(username);
        assertThat(again.get("/api/me").json().path("roles").get(0).asText()).isEqualTo("AUDITOR");
    }

    @Test
    void aPasswordResetEndsOldSessions() {
        String username = newAdministrator();
        ApiClient session = signedIn(username);
        adminChanges(username, version -> as("admin").post("/api/admin/users/" + username + "/password",
                "{\"password\":\"Changed2026b\",\"expectedVersion\":" + version + "}"));
        assertSessionEnded(session, "PASSWORD_CHANGED", username);
        assertThat(ApiClient.browser(port).login(username, "Changed2026b").status()).isEqualTo(200);
    }

    @Test
    void anUnchangedAccountKeepsItsSession() {
        String username = newAdministrator();
        ApiClient session = signedIn(username);
        assertThat(session.get("/api/me").status()).isEqualTo(200);
        assertThat(createUnit(session, uniqueId("keep")).status()).isEqualTo(201);
        assertThat(session.get("/api/me").status()).isEqualTo(200);
        String hash = jdbc.queryForObject("select password_hash from user_account_view where username = ?",
                String.class, username);
        assertThat(TrackerUser.fingerprint(hash)).as("the session keeps a fingerprint, not the hash")
                .hasSize(64).doesNotContain(hash.substring(7, 29));
    }

    @Test
    void aSessionEndsTenHoursAfterSignInHoweverBusy() {
        String username = newAdministrator();
        ApiClient session = signedIn(username);
        try {
            clock.advance(Duration.ofHours(9).plusMinutes(59));
            assertThat(session.get("/api/me").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            String unit = uniqueId("late");
            ApiClient.Response late = createUnit(session, unit);
            assertThat(late.status()).isEqualTo(401);
            assertThat(late.code()).isEqualTo("SESSION_EXPIRED");
            assertThat(late.message()).isEqualTo("登录已超过规定时长，请重新登录");
            assertThat(count("select count(*) from domainevententry where aggregateidentifier = ?", unit)).isZero();
            assertThat(session.get("/api/me").code()).as("the session is gone").isEqualTo("UNAUTHENTICATED");
            assertThat(sessionEndedEvents(username, "ABSOLUTE_TIMEOUT")).isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    /** The administrator's change at the account's current version, waited for in the read model. */
    private void adminChanges(String username, LongFunction<ApiClient.Response> change) {
        long version = accountVersion(username);
        ApiClient.Response answer = change.apply(version);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        eventually(() -> accountVersion(username), v -> v > version);
    }

    private void assertSessionEnded(ApiClient session, String reason, String username) {
        String unit = uniqueId("stale");
        ApiClient.Response stale = createUnit(session, unit);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(401);
        assertThat(stale.code()).isEqualTo("SESSION_ENDED");
        assertThat(stale.message()).isEqualTo("账户信息已变更，请重新登录");
        assertThat(count("select count(*) from domainevententry where aggregateidentifier = ?", unit))
                .as("nothing was created").isZero();
        assertThat(session.get("/api/me").code()).as("the session is gone").isEqualTo("UNAUTHENTICATED");
        assertThat(sessionEndedEvents(username, reason)).isEqualTo(1);
    }

    private long sessionEndedEvents(String username, String reason) {
        return count("""
                select count(*) from domainevententry where payloadtype like '%SessionEnded'
                and convert_from(payload, 'UTF8')::jsonb ->> 'username' = ?
                and convert_from(payload, 'UTF8')::jsonb ->> 'reason' = ?
                and convert_from(metadata, 'UTF8')::jsonb ->> 'userId' = ?
                and convert_from(metadata, 'UTF8')::jsonb ->> 'clientIp' = '127.0.0.1'""", username, reason, username);
    }

    private ApiClient.Response createUnit(ApiClient session, String id) {
        return session.post("/api/admin/org-units",
                "{\"id\":\"" + id + "\",\"name\":\"会话测试部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
    }

    private String newAdministrator() {
        String username = uniqueId("sess").toLowerCase();
        assertThat(as("admin").post("/api/admin/users", """
                {"username":"%s","displayName":"会话测试","password":"%s","roles":["ADMIN"],"orgUnitId":"220200-sthj"}
                """.formatted(username, PASSWORD)).status()).isEqualTo(201);
        eventually(() -> accountVersion(username), v -> v >= 0);
        choosesOwnPassword(username, PASSWORD);
        return username;
    }

    private ApiClient signedIn(String username) {
        ApiClient browser = ApiClient.browser(port);
        assertThat(browser.login(username, PASSWORD).status()).isEqualTo(200);
        return browser;
    }

    private long accountVersion(String username) {
        return jdbc.query("select version from user_account_view where username = ?",
                rs -> rs.next() ? rs.getLong(1) : -1L, username);
    }
}
