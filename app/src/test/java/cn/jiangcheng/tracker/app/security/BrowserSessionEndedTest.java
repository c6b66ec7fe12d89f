package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/**
 * A session ended by the server sends the user to the log-in page with the reason, and the auditor's log names the
 * security events in Chinese (web-ui/e2e/session-ended.mjs).
 */
class BrowserSessionEndedTest extends HttpTestBase {
    @Autowired
    private SecurityEventBudget budget;

    @Test
    void anEndedSessionShowsItsReasonOnTheLogInPage() throws Exception {
        // every test client signs in from 127.0.0.1: earlier tests may have spent this minute's LoginFailed
        // budget of that address, and the script looks for its own 登录失败 in the log
        budget.forget();
        String username = uniqueId("web").toLowerCase();
        adminCreatesUser(username, """
                {"username":"%s","displayName":"会话界面测试","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"220221"}
                """.formatted(username));
        BrowserScript.run(port, "session-ended.mjs", Map.of("SESSION_USER", username, "SESSION_PASSWORD", "Start2026a"));
    }
}
