package cn.jiangcheng.tracker.app.indicator;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.app.security.SystemActor;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.BrowserScript;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In chromium: one approver proposes a new 2027 target for 一般工业固体废物综合利用率 on the 指标目录 page, a second
 * approver confirms it on a phone (web-ui/e2e/indicator-targets.mjs); the catalog then holds the new target.
 */
class BrowserIndicatorTargetsTest extends HttpTestBase {
    private static final String SOLID_WASTE = "220200-I15";

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private PasswordEncoder passwordEncoder;

    @Test
    void oneApproverProposesAndAnotherConfirms() throws Exception {
        String second = uniqueId("appr").toLowerCase();
        SystemActor.run(() -> commandGateway.sendAndWait(new RegisterUser(second, "李审核",
                passwordEncoder.encode(DEMO_PASSWORD), Set.of(Role.APPROVER), "220200-sthj", "220200")));
        eventually(() -> count("select count(*) from user_account_view where username = ?", second), n -> n == 1);
        ApiClient wang = as("sthj-approver");
        String original = targets(wang);
        try {
            BrowserScript.run(port, "indicator-targets.mjs", Map.of("SECOND_APPROVER", second,
                    "INDICATOR_NUMBER", "15", "NEW_VALUE", "36"));
            String changed = eventually(() -> targets(wang), t -> !t.equals(original));
            assertThat(changed).contains("{\"level\":\"CITY\",\"year\":2027,\"kind\":\"AT_LEAST\",\"value\":36,"
                    + "\"text\":\"36\",\"fromYear\":null");
        } finally {
            restore(wang, ApiClient.basic(port, second, DEMO_PASSWORD), original);
        }
    }

    /** Other tests expect the seeded targets: back through the same four eyes (withdrawing what is left open). */
    private void restore(ApiClient wang, ApiClient li, String original) {
        JsonNode open = wang.get("/api/indicators/" + SOLID_WASTE + "/target-history").json().path("openProposal");
        if (!open.isNull()) {
            wang.post("/api/indicators/" + SOLID_WASTE + "/target-proposals/" + open.path("proposalId").asText()
                    + "/withdraw", "{\"expectedVersion\":" + indicator(wang).path("version").asLong() + "}");
            eventually(() -> wang.get("/api/indicators/" + SOLID_WASTE + "/target-history").json()
                    .path("openProposal").isNull(), done -> done);
        }
        if (targets(wang).equals(original)) {
            return;
        }
        JsonNode now = eventually(() -> indicator(wang), i -> true);
        ApiClient.Response proposed = wang.post("/api/indicators/" + SOLID_WASTE + "/target-proposals",
                "{\"targets\":" + original + ",\"reason\":\"恢复\",\"documentNumber\":\"测试\",\"documentTitle\":\"测试\","
                        + "\"expectedVersion\":" + now.path("version").asLong() + "}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode pending = eventually(() -> indicator(wang),
                i -> i.path("version").asLong() > now.path("version").asLong());
        assertThat(li.post("/api/indicators/" + SOLID_WASTE + "/target-proposals/"
                + proposed.json().path("proposalId").asText() + "/confirm",
                "{\"expectedVersion\":" + pending.path("version").asLong() + "}").status()).isEqualTo(200);
        eventually(() -> targets(wang), original::equals);
    }

    private static String targets(ApiClient client) {
        return indicator(client).path("targets").toString();
    }

    private static JsonNode indicator(ApiClient client) {
        for (JsonNode indicator : client.get("/api/indicators").json()) {
            if (indicator.path("id").asText().equals(SOLID_WASTE)) {
                return indicator;
            }
        }
        throw new AssertionError("no " + SOLID_WASTE);
    }
}
