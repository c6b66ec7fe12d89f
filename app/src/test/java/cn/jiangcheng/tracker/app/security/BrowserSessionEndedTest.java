package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * A session ended by the server sends the user to the log-in page with the reason, and the auditor's log names the
 * security events in Chinese (web-ui/e2e/session-ended.mjs).
 */
class BrowserSessionEndedTest extends HttpTestBase {

    @Test
    void anEndedSessionShowsItsReasonOnTheLogInPage() throws Exception {
        String username = uniqueId("web").toLowerCase();
        adminCreatesUser(username, """
                {"username":"%s","displayName":"会话界面测试","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"220221"}
                """.formatted(username));
        BrowserScript.run(port, "session-ended.mjs", Map.of("SESSION_USER", username, "SESSION_PASSWORD", "Start2026a"));
    }
}
