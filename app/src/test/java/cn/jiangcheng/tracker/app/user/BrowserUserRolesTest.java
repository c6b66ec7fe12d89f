package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In chromium at 390 px: 用户管理 asks for a 理由 as soon as the chosen roles conflict, shows it with the other form
 * errors at once, and saves a role change with it (web-ui/e2e/user-roles-flow.mjs); the reason is then in the store.
 */
class BrowserUserRolesTest extends HttpTestBase {

    @Test
    void theAdministratorGrantsAConflictingPairWithAReason() throws Exception {
        String username = uniqueId("sthj-e2e").toLowerCase();
        adminCreatesUser(username, """
                {"username":"%s","displayName":"兼任测试","password":"%s","roles":["SUBMITTER"],"orgUnitId":"220200-sthj"}
                """.formatted(username, DEMO_PASSWORD));

        BrowserScript.run(port, "user-roles-flow.mjs", Map.of("USER_NAME", username));

        List<String> reasons = jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'reason' from domainevententry
                where aggregateidentifier = ? and payloadtype like '%ConflictingRolesGranted'""", String.class, username);
        assertThat(reasons).singleElement().asString().startsWith("e2e：科室编制不足");
    }
}
