package cn.jiangcheng.tracker.app.applicability;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In chromium at 390 px: a submitter of 吉林高新技术产业开发区 declares 一般工业固体废物综合利用率 不涉及, the bureau confirms
 * it on the 审核 page, the zone's form no longer asks for it (web-ui/e2e/not-applicable-flow.mjs). Revoked afterwards
 * so the shared demo data stays as the other tests expect.
 */
class BrowserNotApplicableFlowTest extends HttpTestBase {
    private static final String ZONE = "220272";
    private static final String INDUSTRIAL_WASTE = "220200-I15";

    @Test
    void aZoneDeclaresAndTheBureauConfirms() throws Exception {
        String username = uniqueId("gaoxin-e2e").toLowerCase();
        adminCreatesUser(username, """
                {"username":"%s","displayName":"高新区填报员","password":"%s","roles":["SUBMITTER"],"orgUnitId":"%s"}
                """.formatted(username, DEMO_PASSWORD, ZONE));
        try {
            BrowserScript.run(port, "not-applicable-flow.mjs", Map.of("SUBMITTER", username, "UNIT", ZONE,
                    "INDICATOR", INDUSTRIAL_WASTE, "PERIOD", "2064"));
        } finally {
            revokeIfConfirmed();
        }
    }

    private void revokeIfConfirmed() {
        ApiClient approver = as("sthj-approver");
        JsonNode record = approver.get("/api/not-applicable?status=CONFIRMED&indicator=" + INDUSTRIAL_WASTE
                + "&unit=" + ZONE).json().path("items").path(0);
        if (record.isMissingNode()) {
            return;
        }
        approver.post("/api/indicators/" + INDUSTRIAL_WASTE + "/not-applicable/" + ZONE + "/revoke",
                "{\"expectedVersion\":" + record.path("version").asLong() + ",\"reason\":\"测试结束\"}");
        eventually(() -> count("select count(*) from indicator_not_applicable where indicator_id = ? "
                + "and org_unit_id = ? and status = 'CONFIRMED'", INDUSTRIAL_WASTE, ZONE), n -> n == 0);
    }
}
