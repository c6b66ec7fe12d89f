package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One caller cannot fill the hash-chained log with refusals: a user's refused requests and an address's refused
 * sign-ins are recorded one by one up to 20 a minute, and how many more there were is recorded once per minute.
 */
class SecurityEventBoundHttpTest extends HttpTestBase {
    private static final int BOUND = 20;

    @Autowired
    private SecurityEventBudget budget;

    @Autowired
    private SecurityAudit audit;

    @BeforeEach
    void nothingSpentByEarlierTests() {
        budget.forget();
    }

    @AfterEach
    void nothingSpentForTheNextTest() {
        clock.reset();
        budget.forget();
    }

    @Test
    void aHundredForbiddenRequestsAreAtMostTheBoundOfEventsAndTheRestAreCounted() {
        String username = uniqueId("flood").toLowerCase();
        adminCreatesUser(username, """
                {"username":"%s","displayName":"刷屏测试","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"220221"}
                """.formatted(username));
        ApiClient session = ApiClient.browser(port);
        assertThat(session.login(username, "Start2026a").status()).isEqualTo(200);
        for (int i = 0; i < 100; i++) {
            assertThat(session.get("/api/admin/users").status()).isEqualTo(403);
        }
        assertThat(denials(username)).isEqualTo(BOUND);
        assertThat(suppressed("AccessDenied", username)).as("counted once the minute is over").isEmpty();

        clock.advance(Duration.ofSeconds(61));
        assertThat(session.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(suppressed("AccessDenied", username)).containsExactly(100L - BOUND);
        assertThat(denials(username)).as("a new minute records again").isEqualTo(BOUND + 1);
    }

    @Test
    void refusedSignInsOfOneAddressAreBoundedToo() {
        String prefix = uniqueId("nobody").toLowerCase();
        for (int i = 0; i < BOUND + 10; i++) {
            assertThat(ApiClient.browser(port).login(prefix + "-" + i, "Wrong2026x").code())
                    .isEqualTo("BAD_CREDENTIALS");
        }
        long recorded = count("select count(*) from domainevententry where payloadtype like '%$LoginFailed' "
                + "and convert_from(payload, 'UTF8')::jsonb ->> 'username' like ?", prefix + "-%");
        assertThat(recorded).as("the first attempts of the minute are recorded one by one").isEqualTo(BOUND);

        // no further attempt comes: the minute's sweep records the count
        clock.advance(Duration.ofSeconds(61));
        sweep();
        assertThat(suppressed("LoginFailed", "127.0.0.1")).hasSize(1)
                .allSatisfy(n -> assertThat(n).isEqualTo(10L));
    }

    /** What the minute's timer does, without waiting a real minute. */
    private void sweep() {
        audit.recordEndedMinutes();
    }

    private long denials(String username) {
        return count("select count(*) from domainevententry where payloadtype like '%$AccessDenied' "
                + "and convert_from(metadata, 'UTF8')::jsonb ->> 'userId' = ?", username);
    }

    private List<Long> suppressed(String kind, String source) {
        return jdbc.queryForList("""
                select (convert_from(payload, 'UTF8')::jsonb ->> 'suppressed')::bigint from domainevententry
                where payloadtype like '%$SecurityEventsSuppressed'
                and convert_from(payload, 'UTF8')::jsonb ->> 'kind' = ?
                and convert_from(payload, 'UTF8')::jsonb ->> 'source' = ?
                order by globalindex""", Long.class, kind, source);
    }
}
