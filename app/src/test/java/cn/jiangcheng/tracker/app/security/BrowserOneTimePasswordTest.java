package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user signed in with the administrator's password sees only the 修改密码 page until it has chosen its own
 * password; the header's 修改密码 changes it voluntarily (web-ui/e2e/one-time-password.mjs).
 */
class BrowserOneTimePasswordTest extends HttpTestBase {

    @Test
    void aOneTimePasswordLeadsToTheChangePasswordPageFirst() throws Exception {
        String username = uniqueId("otp-web").toLowerCase();
        // created through the API only: the test helper would already replace the one-time password
        assertThat(as("admin").post("/api/admin/users", """
                {"username":"%s","displayName":"一次性密码界面","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"220221"}
                """.formatted(username)).status()).isEqualTo(201);
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);
        BrowserScript.run(port, "one-time-password.mjs", Map.of("OTP_USER", username, "OTP_PASSWORD", "Start2026a"));
    }
}
