package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a reviewer found around the per-request session check: a percent-encoded /api skipped it, it trusted a
 * projection that lags behind the account's events, and a rebuild of that projection ended every session.
 */
class SessionCheckGapsHttpTest extends HttpTestBase {
    private static final String PASSWORD = "Start2026a";
    private static final int TRIES = 20;

    @Test
    void aPercentEncodedApiPathDoesNotSkipTheCheck() {
        String username = newUser("220221", "SUBMITTER");
        ApiClient creating = signedIn(username);
        ApiClient reading = signedIn(username);
        disable(username);
        eventually(() -> count("select count(*) from user_account_view where username = ? and not enabled",
                username), n -> n == 1);
        long events = eventCount();

        ApiClient.Response created = creating.post("/%61pi/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2015\",\"values\":" + values(7, 10) + "}");
        assertEnded(created);
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
        assertEnded(reading.get("/%61pi/me"));
        assertThat(reading.get("/api/me").code()).as("the session is gone").isEqualTo("UNAUTHENTICATED");
    }

    /** The approve right after the role change, on the session signed in before it, never passes. */
    @Test
    void aRemovedRoleEndsTheSessionBeforeTheVeryNextRequest() {
        String approver = newUser("220200-sthj", "APPROVER");
        String id = create(as("yongji-submitter"), "220221", "2012", values(8, 10));
        JsonNode draft = awaitReport(as("yongji-submitter"), id, s -> s.path("values").size() > 0);
        assertThat(act(as("yongji-submitter"), id, "submit", "{\"expectedVersion\":" + version(draft) + "}")
                .status()).isEqualTo(200);
        long reportVersion = version(awaitStatus(as("sthj-approver"), id, "SUBMITTED"));
        long events = eventsOf(id);
        for (int i = 0; i < TRIES; i++) {
            ApiClient session = signedIn(approver);
            changeRoles(approver, "INSPECTOR");
            ApiClient.Response approved = act(session, id, "approve",
                    "{\"expectedVersion\":" + reportVersion + ",\"comment\":\"旧会话审核\"}");
            assertThat(approved.status()).as("try " + i + ": " + approved).isEqualTo(401);
            assertThat(approved.code()).isEqualTo("SESSION_ENDED");
            assertThat(eventsOf(id)).as("nothing stored").isEqualTo(events);
            changeRoles(approver, "APPROVER");
        }
        assertThat(as("sthj-approver").get("/api/submissions/" + id).json().path("status").asText())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aDisabledAccountIsRefusedAtTheVeryNextRequest() {
        String username = newUser("220221", "SUBMITTER");
        for (int i = 0; i < TRIES; i++) {
            ApiClient session = signedIn(username);
            disable(username);
            ApiClient.Response me = session.get("/api/me");
            assertThat(me.status()).as("try " + i + ": " + me).isEqualTo(401);
            assertThat(me.code()).isEqualTo("SESSION_ENDED");
            ApiClient.Response enabled = as("admin").post("/api/admin/users/" + username + "/enable",
                    "{\"expectedVersion\":" + storedVersion(username) + "}");
            assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        }
    }

    /** The replay is held just before it writes the user's row again, so the session is used while it is missing. */
    @Test
    void rebuildingTheAccountsProjectionKeepsSessions() throws Exception {
        String username = newUser("220221", "SUBMITTER");
        ApiClient session = signedIn(username);
        ApiClient auditor = as("auditor");
        jdbc.execute("create or replace function hold_account_replay() returns trigger language plpgsql as $$ begin "
                + "perform pg_advisory_lock(19020); perform pg_advisory_unlock(19020); return new; end $$");
        jdbc.execute("create trigger hold_account_replay before insert on user_account_view for each row "
                + "when (new.username = '" + username + "') execute function hold_account_replay()");
        try (Connection holder = jdbc.getDataSource().getConnection(); Statement lock = holder.createStatement()) {
            lock.execute("select pg_advisory_lock(19020)");
            try {
                ApiClient.Response started = auditor.post("/api/audit/projections/user-accounts/rebuild");
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from pg_locks "
                        + "where locktype = 'advisory' and objid = 19020 and not granted") == 1);
                ApiClient.Response during = session.get("/api/me");
                assertThat(during.status()).as("while the account's row is rebuilt: " + during).isEqualTo(200);
            } finally {
                lock.execute("select pg_advisory_unlock(19020)");
            }
        } finally {
            jdbc.execute("drop trigger if exists hold_account_replay on user_account_view");
            jdbc.execute("drop function if exists hold_account_replay()");
        }
        long head = count("select max(globalindex) from domainevententry");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ready(auditor, head));
        assertThat(session.get("/api/me").status()).isEqualTo(200);
        assertThat(count("""
                select count(*) from domainevententry where payloadtype like '%SessionEnded'
                and convert_from(payload, 'UTF8')::jsonb ->> 'username' = ?""", username)).isZero();
    }

    /** A projection still behind the account's last event is waited for, then the sign-in is refused, not stale. */
    @Test
    void aSignInWhileTheAccountsViewIsBehindIsRefusedWith503() {
        String username = newUser("220221", "SUBMITTER");
        jdbc.update("update user_account_view set version = version - 1 where username = ?", username);
        try {
            ApiClient.Response login = ApiClient.browser(port).login(username, PASSWORD);
            assertThat(login.status()).as(login.toString()).isEqualTo(503);
            assertThat(login.code()).isEqualTo("ACCOUNT_UPDATING");
            assertThat(login.message()).isEqualTo("账户信息正在更新，请稍后再试");
            ApiClient.Response basic = ApiClient.basic(port, username, PASSWORD).get("/api/me");
            assertThat(basic.status()).as(basic.toString()).isEqualTo(503);
        } finally {
            jdbc.update("update user_account_view set version = version + 1 where username = ?", username);
        }
        assertThat(signedIn(username).get("/api/me").status()).isEqualTo(200);
    }

    private static boolean ready(ApiClient auditor, long head) {
        for (JsonNode p : auditor.get("/api/audit/projections").json()) {
            if (p.path("name").asText().equals("user-accounts")) {
                return p.path("phase").asText().equals("READY") && p.path("position").asLong() >= head;
            }
        }
        return false;
    }

    private static void assertEnded(ApiClient.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("SESSION_ENDED");
    }

    /** The administrator's change, answered 200; the test does not wait for any read model. */
    private void changeRoles(String username, String role) {
        ApiClient.Response changed = as("admin").put("/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"" + role + "\"],\"expectedVersion\":" + storedVersion(username) + "}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private void disable(String username) {
        ApiClient.Response disabled = as("admin").post("/api/admin/users/" + username + "/disable",
                "{\"expectedVersion\":" + storedVersion(username) + "}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    }

    /** The account's version as the event store has it (the read model may not have it yet). */
    private long storedVersion(String username) {
        return count("select max(sequencenumber) from domainevententry where aggregateidentifier = ? "
                + "and type = 'UserAccount'", username);
    }

    private long eventsOf(String aggregateId) {
        return count("select count(*) from domainevententry where aggregateidentifier = ?", aggregateId);
    }

    private String newUser(String unit, String role) {
        String username = uniqueId("gap").toLowerCase();
        adminCreatesUser(username, """
                {"username":"%s","displayName":"会话漏洞测试","password":"%s","roles":["%s"],"orgUnitId":"%s"}
                """.formatted(username, PASSWORD, role, unit));
        return username;
    }

    private ApiClient signedIn(String username) {
        ApiClient browser = ApiClient.browser(port);
        ApiClient.Response login = browser.login(username, PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return browser;
    }
}
