package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In chromium: the auditor finds a report's history in the event log and views it as of a moment before its
 * approval (web-ui/e2e/audit-flow.mjs). The report is made over HTTP first, with a pause on each side of that moment.
 */
class BrowserAuditFlowTest extends HttpTestBase {

    @Test
    void theAuditorSeesAReportAsItWasBeforeItsApproval() throws Exception {
        ApiClient yongji = as("yongji-submitter");
        ApiClient approver = as("sthj-approver");
        String id = create(yongji, "220221", "2023", values(9, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        assertThat(act(yongji, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status()).isEqualTo(200);
        JsonNode submitted = awaitStatus(approver, id, "SUBMITTED");
        Thread.sleep(1500);
        String asOf = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessTime.ZONE)
                .format(Instant.now());
        Thread.sleep(1500);
        assertThat(act(approver, id, "approve", "{\"expectedVersion\":" + version(submitted) + "}").status())
                .isEqualTo(200);
        awaitStatus(approver, id, "APPROVED");

        BrowserScript.run(port, "audit-flow.mjs", Map.of("REPORT_ID", id, "AS_OF", asOf));
    }
}
