package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password the administrator chose (creating the account or resetting its password) is a one-time password:
 * with it the administrator could otherwise act as an approver or auditor. It signs in, but until the account
 * chooses its own password every other request is refused, and nothing is stored.
 */
class OneTimePasswordHttpTest extends HttpTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    private SecurityEventBudget budget;
    private static final String ADMINS_CHOICE = "Admin2026x";
    private static final String OWN_CHOICE = "Mine2026y";
    private static final List<String> APPROVER_READS = List.of("/api/submissions", "/api/projects",
            "/api/indicators");

    @Test
    void anAdminCreatedApproverMustChooseItsOwnPasswordFirst() {
        String approver = created("APPROVER");
        ApiClient withAdminsPassword = ApiClient.basic(port, approver, ADMINS_CHOICE);
        assertMustChange(withAdminsPassword);
        APPROVER_READS.forEach(path -> assertRefused(withAdminsPassword.get(path)));

        assertThat(ownChange(withAdminsPassword, ADMINS_CHOICE, OWN_CHOICE).status()).isEqualTo(200);
        ApiClient withOwnPassword = ApiClient.basic(port, approver, OWN_CHOICE);
        assertThat(withOwnPassword.get("/api/me").json().path("passwordChangeRequired").asBoolean()).isFalse();
        APPROVER_READS.forEach(path -> assertThat(withOwnPassword.get(path).status()).as(path).isEqualTo(200));
        assertThat(withAdminsPassword.get("/api/me").status()).as("the administrator's password is gone")
                .isEqualTo(401);
    }

    @Test
    void aResetPasswordIsOneTimeAgainAndChangesNothingUntilChanged() {
        String administrator = created("ADMIN");
        ownChange(ApiClient.basic(port, administrator, ADMINS_CHOICE), ADMINS_CHOICE, OWN_CHOICE);
        eventually(() -> requiresChange(administrator), required -> !required);
        assertThat(createUnit(ApiClient.basic(port, administrator, OWN_CHOICE), uniqueId("own")).status())
                .isEqualTo(201);

        long version = accountVersion(administrator);
        ApiClient.Response reset = as("admin").post("/api/admin/users/" + administrator + "/password",
                "{\"password\":\"Reset2026z\",\"expectedVersion\":" + version + "}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        eventually(() -> requiresChange(administrator), required -> required);

        ApiClient session = ApiClient.browser(port);
        ApiClient.Response login = session.login(administrator, "Reset2026z");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("passwordChangeRequired").asBoolean()).isTrue();
        assertMustChange(session);
        long events = eventCount();
        String unit = uniqueId("blocked");
        assertRefused(createUnit(session, unit));
        assertRefused(createUnit(ApiClient.basic(port, administrator, "Reset2026z"), unit));
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);

        assertThat(ownChange(session, "Reset2026z", "Again2026w").status()).isEqualTo(200);
        assertThat(createUnit(session, unit).status()).as("the same session goes on").isEqualTo(201);
        assertThat(ApiClient.browser(port).login(administrator, "Reset2026z").status()).isEqualTo(401);
    }

    /** An administrator created by another is held the same way on the actuator's admin endpoints. */
    @Test
    void anAdminCreatedAdministratorReachesNoActuatorEndpointFirst() {
        String administrator = created("ADMIN");
        ApiClient withAdminsPassword = ApiClient.basic(port, administrator, ADMINS_CHOICE);
        assertMustChange(withAdminsPassword);
        assertRefused(withAdminsPassword.get("/actuator/prometheus"));
        assertThat(withAdminsPassword.get("/actuator/health").status()).as("health stays public").isEqualTo(200);

        assertThat(ownChange(withAdminsPassword, ADMINS_CHOICE, OWN_CHOICE).status()).isEqualTo(200);
        assertThat(ApiClient.basic(port, administrator, OWN_CHOICE).get("/actuator/prometheus").status())
                .isEqualTo(200);
    }

    /** Guessing the current password through a session locks the account like wrong passwords at sign-in. */
    @Test
    void guessingTheCurrentPasswordLocksTheAccount() {
        budget.forget(); // all test clients are 127.0.0.1: earlier tests may have spent its LoginFailed budget
        String approver = created("APPROVER");
        ApiClient basic = ApiClient.basic(port, approver, ADMINS_CHOICE);
        assertThat(ownChange(basic, ADMINS_CHOICE, OWN_CHOICE).status()).isEqualTo(200);
        ApiClient session = ApiClient.browser(port);
        assertThat(session.login(approver, OWN_CHOICE).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(ownChange(session, "Guess2026-" + i, "Taken2026z").code()).isEqualTo("WRONG_CURRENT_PASSWORD");
        }
        ApiClient.Response locked = ownChange(session, OWN_CHOICE, "Taken2026z");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(422);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(ApiClient.browser(port).login(approver, OWN_CHOICE).code()).as("sign-in is locked too")
                .isEqualTo("ACCOUNT_LOCKED");
        assertThat(count("select count(*) from domainevententry where payloadtype like '%$LoginFailed' "
                + "and convert_from(payload, 'UTF8')::jsonb ->> 'username' = ?", approver))
                .as("each wrong guess is a recorded failed sign-in").isGreaterThanOrEqualTo(5);
    }

    @Test
    void demoUsersNeedNoChange() {
        for (String demo : List.of("admin", "sthj-approver")) {
            ApiClient.Response me = as(demo).get("/api/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().has("passwordChangeRequired")).isTrue();
            assertThat(me.json().path("passwordChangeRequired").asBoolean()).as(demo).isFalse();
        }
        assertThat(as("sthj-approver").get("/api/submissions").status()).isEqualTo(200);
    }

    @Test
    void theOwnChangeKeepsThisSessionAndEndsTheOthers() {
        String administrator = created("ADMIN");
        ApiClient other = ApiClient.browser(port);
        assertThat(other.login(administrator, ADMINS_CHOICE).status()).isEqualTo(200);
        ApiClient current = ApiClient.browser(port);
        assertThat(current.login(administrator, ADMINS_CHOICE).status()).isEqualTo(200);

        ApiClient.Response changed = ownChange(current, ADMINS_CHOICE, OWN_CHOICE);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("passwordChangeRequired").asBoolean()).isFalse();

        ApiClient.Response me = current.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(createUnit(current, uniqueId("kept")).status()).isEqualTo(201);
        ApiClient.Response ended = other.get("/api/me");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.code()).isEqualTo("SESSION_ENDED");
    }

    @Test
    void aWrongCurrentPasswordOrTheSamePasswordIsRefused() {
        String administrator = created("ADMIN");
        ApiClient client = ApiClient.basic(port, administrator, ADMINS_CHOICE);
        long events = eventCount();

        ApiClient.Response wrong = ownChange(client, "Wrong2026q", OWN_CHOICE);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("WRONG_CURRENT_PASSWORD");
        ApiClient.Response same = ownChange(client, ADMINS_CHOICE, ADMINS_CHOICE);
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.code()).isEqualTo("PASSWORD_UNCHANGED");
        ApiClient.Response weak = ownChange(client, ADMINS_CHOICE, "short");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(requiresChange(administrator)).isTrue();
    }

    private void assertMustChange(ApiClient client) {
        ApiClient.Response me = client.get("/api/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("passwordChangeRequired").asBoolean()).isTrue();
    }

    private static void assertRefused(ApiClient.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(answer.message()).isEqualTo("首次登录或密码被重置后，请先修改密码");
    }

    private static ApiClient.Response ownChange(ApiClient client, String current, String chosen) {
        return client.post("/api/me/password",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(current, chosen));
    }

    private static ApiClient.Response createUnit(ApiClient client, String id) {
        return client.post("/api/admin/org-units",
                "{\"id\":\"" + id + "\",\"name\":\"一次性密码测试\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
    }

    /** Created by the administrator with the administrator's password, as the API (not the test helper) does. */
    private String created(String role) {
        String username = uniqueId("otp").toLowerCase();
        ApiClient.Response created = as("admin").post("/api/admin/users", """
                {"username":"%s","displayName":"一次性密码","password":"%s","roles":["%s"],"orgUnitId":"220200-sthj"}
                """.formatted(username, ADMINS_CHOICE, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> accountVersion(username), v -> v >= 0);
        return username;
    }

    private boolean requiresChange(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select password_change_required from user_account_view where username = ?", Boolean.class,
                username));
    }

    private long accountVersion(String username) {
        return jdbc.query("select version from user_account_view where username = ?",
                rs -> rs.next() ? rs.getLong(1) : -1L, username);
    }
}
