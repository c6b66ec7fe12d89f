package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationHttpTest extends HttpTestBase {

    @Test
    void browserLogsInWithFormAndCsrfAndSeesItsProfile() {
        ApiClient browser = ApiClient.browser(port);
        ApiClient.Response login = browser.login("yongji-submitter", DEMO_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("username").asText()).isEqualTo("yongji-submitter");

        JsonNode me = browser.get("/api/me").json();
        assertThat(me.path("displayName").asText()).isEqualTo("永吉县填报员");
        assertThat(me.path("roles").get(0).asText()).isEqualTo("SUBMITTER");
        assertThat(me.path("orgUnit").path("id").asText()).isEqualTo("220221");
        assertThat(me.path("orgUnit").path("name").asText()).isEqualTo("永吉县");
        assertThat(me.path("orgUnit").path("type").asText()).isEqualTo("COUNTY");
        assertThat(me.path("city").path("name").asText()).isEqualTo("吉林市");
        assertThat(me.path("dataScope").asText()).isEqualTo("OWN_UNIT");
    }

    @Test
    void cityLevelRolesHaveCityScope() {
        JsonNode me = as("sthj-approver").get("/api/me").json();
        assertThat(me.path("dataScope").asText()).isEqualTo("CITY");
        assertThat(me.path("orgUnit").path("name").asText()).isEqualTo("吉林市生态环境局");
        JsonNode cc = as("cc-submitter").get("/api/me").json();
        assertThat(cc.path("city").path("name").asText()).isEqualTo("长春市");
    }

    @Test
    void wrongPasswordIsRefusedInChinese() {
        ApiClient.Response response = ApiClient.browser(port).login("jiaohe-submitter", "wrong-password1");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(response.message()).isEqualTo("用户名或密码错误");

        ApiClient.Response unknownUser = ApiClient.browser(port).login("nobody-here", "whatever1");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.code()).as("unknown users look like bad passwords").isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void withoutLoginTheApiAnswers401Json() {
        ApiClient.Response response = anonymous().get("/api/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate"))
                .as("no Basic challenge, or browsers would pop up their own log-in box").isEmpty();
    }

    @Test
    void sessionChangesNeedTheCsrfHeader() {
        ApiClient browser = ApiClient.browser(port);
        assertThat(browser.login("admin", DEMO_PASSWORD).status()).isEqualTo(200);
        long before = eventCount();
        ApiClient.Response forged = browser.postWithoutCsrf("/api/admin/org-units",
                "{\"id\":\"" + uniqueId("csrf") + "\",\"name\":\"伪造单位\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("CSRF_REJECTED");
        assertThat(eventCount()).isEqualTo(before);

        ApiClient.Response noCsrfLogin = ApiClient.anonymous(port).send("POST", "/api/auth/login",
                "username=admin&password=Demo%402026", "application/x-www-form-urlencoded", false);
        assertThat(noCsrfLogin.status()).as("log-in itself is CSRF-protected").isEqualTo(403);
    }

    @Test
    void logoutEndsTheSession() {
        ApiClient browser = ApiClient.browser(port);
        browser.login("auditor", DEMO_PASSWORD);
        assertThat(browser.get("/api/me").status()).isEqualTo(200);
        assertThat(browser.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = uniqueId("lock").toLowerCase();
        ApiClient admin = as("admin");
        assertThat(admin.post("/api/admin/users", """
                {"username":"%s","displayName":"锁定测试","password":"Right2026x","roles":["SUBMITTER"],"orgUnitId":"220221"}
                """.formatted(username)).status()).isEqualTo(201);
        // wait on the read model, not by logging in: early log-in attempts would count as failures
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);

        for (int i = 0; i < 5; i++) {
            assertThat(ApiClient.browser(port).login(username, "Wrong2026x").code()).isEqualTo("BAD_CREDENTIALS");
        }
        ApiClient.Response locked = ApiClient.browser(port).login(username, "Right2026x");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(locked.message()).contains("锁定");
        ApiClient.Response lockedBasic = ApiClient.basic(port, username, "Right2026x").get("/api/me");
        assertThat(lockedBasic.code()).isEqualTo("ACCOUNT_LOCKED");

        // once the lock has run out, the right password works again and clears the count
        jdbc.update("update login_lockout set locked_until = now() - interval '1 second' where username = ?", username);
        assertThat(ApiClient.browser(port).login(username, "Right2026x").status()).isEqualTo(200);
        assertThat(count("select count(*) from login_lockout where username = ?", username)).isZero();
    }

    @Test
    void passwordsAreStoredOnlyAsAdaptiveHashes() {
        String hash = jdbc.queryForObject("select password_hash from user_account_view where username = 'admin'",
                String.class);
        assertThat(hash).startsWith("$2a$").doesNotContain(DEMO_PASSWORD);
        assertThat(count("select count(*) from domainevententry where convert_from(payload, 'UTF8') like ?",
                "%" + DEMO_PASSWORD + "%")).as("plain passwords never reach the event store").isZero();
    }
}
