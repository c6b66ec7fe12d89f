package cn.jiangcheng.tracker.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole app on a random port with its own embedded PostgreSQL and the demo data, driven over real HTTP.
 * All HTTP test classes share this one Spring context, so each test makes its own records with fresh ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestClock.Config.class)
public abstract class HttpTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DEMO_PASSWORD = "Demo@2026";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The app's clock; a test that moves it resets it when done. */
    @Autowired
    protected TestClock clock;

    @BeforeEach
    void demoDataIsReadable() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from user_account_view") >= 8
                        && count("select count(*) from org_unit_view") >= 25);
        // read the app's document before the test's first request, never inside a test's time-limited wait
        ApiContract.published("http://127.0.0.1:" + port);
    }

    protected ApiClient as(String username) {
        return ApiClient.basic(port, username, DEMO_PASSWORD);
    }

    /**
     * The administrator creates the account (the request body of POST /api/admin/users), and the account makes the
     * password its own (see {@link #choosesOwnPassword}); waits until it can log in.
     */
    protected void adminCreatesUser(String username, String requestJson) {
        ApiClient.Response created = as("admin").post("/api/admin/users", requestJson);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);
        try {
            choosesOwnPassword(username, JSON.readTree(requestJson).path("password").asText());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(requestJson, e);
        }
    }

    /**
     * A password the administrator set is a one-time password (OneTimePasswordHttpTest): the account replaces it,
     * here by way of an interim one with the same text again, so that a test signs in with the password it gave
     * the administrator. Two of the account's own UserPasswordChanged events.
     */
    protected void choosesOwnPassword(String username, String password) {
        String interim = password + "-own1";
        ownPasswordChange(username, password, interim);
        ownPasswordChange(username, interim, password);
    }

    private void ownPasswordChange(String username, String current, String chosen) {
        ApiClient.Response changed = ApiClient.basic(port, username, current).post("/api/me/password",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(current, chosen));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    protected ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    protected long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * What requests changed: every stored event but the security events (a refused sign-in or request is recorded
     * as such, see api/security/SecurityEvents, and still changes nothing).
     */
    protected long eventCount() {
        return count("select count(*) from domainevententry "
                + "where payloadtype not like 'cn.jiangcheng.tracker.api.security.%'");
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Read models follow the event store within milliseconds; tests wait for them instead of sleeping. */
    protected static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(probe::get, done::test);
    }
}
