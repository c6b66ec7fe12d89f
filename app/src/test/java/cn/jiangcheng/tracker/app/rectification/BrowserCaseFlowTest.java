package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * In chromium: the inspector assigns a case, 永吉县 acknowledges, plans (with a milestone the detail then shows),
 * reports progress, uploads evidence and applies for acceptance, the inspector returns it once, then accepts and
 * closes it, the ledger shows it closed on time and the statistics by source and by unit are on the page
 * (web-ui/e2e/case-flow.mjs).
 */
class BrowserCaseFlowTest extends HttpTestBase {

    @Test
    void aCaseGoesFromAssignmentToClosureInTheBrowser() throws Exception {
        BrowserScript.run(port, "case-flow.mjs", Map.of());
    }
}
