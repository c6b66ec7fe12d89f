package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * In chromium: 永吉县 fills and submits its report, the bureau returns it, the county fixes and resubmits, the
 * bureau approves, and the city dashboard shows the new city value (web-ui/e2e/submission-flow.mjs).
 */
class BrowserSubmissionFlowTest extends HttpTestBase {

    @Test
    void aReportGoesFromTheCountyFormToTheCityDashboard() throws Exception {
        // a period no other test reports for, so 永吉县 is the only unit with data
        BrowserScript.run(port, "submission-flow.mjs", Map.of("PERIOD", "2000"));
    }
}
