package cn.jiangcheng.tracker.app.rollup;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.rollupIndicator;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.submitAndApprove;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;

/**
 * In chromium (web-ui/e2e/dashboard-verdicts.mjs): a partial period is 数据不全 on 城市汇总, turns into a judged period
 * when the approver closes it (截止汇总) and back when reopened; the page fits a 390 px phone.
 */
class BrowserDashboardVerdictsTest extends HttpTestBase {
    private static final String PERIOD = "2091";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPartialPeriodTurnsCompleteWhenTheBureauClosesIt() throws Exception {
        clock.advance(Duration.between(clock.instant(),
                LocalDate.of(2092, 3, 1).atStartOfDay(BusinessTime.ZONE).toInstant()));
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        ApiClient jiaohe = as("jiaohe-submitter");
        submitAndApprove(yongji, approver, create(yongji, "220221", PERIOD, values(9, 10)));
        submitAndApprove(jiaohe, approver, create(jiaohe, "220281", PERIOD, values(1, 2)));
        eventually(() -> approver.get("/api/rollups/city?period=" + PERIOD).json(),
                r -> rollupIndicator(r, RollupClosureHttpTest.RED_LINE).path("reportedUnits").asInt() == 2);

        BrowserScript.run(port, "dashboard-verdicts.mjs", Map.of("PERIOD", PERIOD));
    }
}
