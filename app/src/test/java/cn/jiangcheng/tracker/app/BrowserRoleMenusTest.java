package cn.jiangcheng.tracker.app;

import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Every demo role logs in through the real log-in page and sees its menu (web-ui/e2e/role-menus.mjs). */
class BrowserRoleMenusTest extends HttpTestBase {

    @Test
    void everyRoleLogsInAndSeesItsMenu() throws Exception {
        BrowserScript.run(port, "role-menus.mjs", Map.of());
    }
}
