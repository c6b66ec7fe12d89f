package cn.jiangcheng.tracker.app.indicator;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.app.security.SystemActor;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.submitAndApprove;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes on targets over HTTP: one approver of the city bureau proposes a change with its reason and document,
 * a second one confirms it, and only then do the catalog and the rollup use it. Every test puts the targets back.
 */
class TargetProposalHttpTest extends HttpTestBase {
    private static final String PASSWORD = "Approve2026x";
    /** 固体废物综合利用率 targets change in these tests; I07 重点建设用地安全利用 is the yes/no indicator. */
    private static final String SOLID_WASTE = "220200-I15";
    private static final String LAND = "220200-I07";
    private static final String SOURCE = """
            "reason":"省厅调整目标","documentNumber":"吉环发〔2026〕12号","documentTitle":"关于调整生态环境目标的通知\"""";

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private PasswordEncoder passwordEncoder;

    private ApiClient wang;
    private ApiClient li;
    private String liUsername;

    @BeforeEach
    void twoApproversOfTheCityBureau() {
        wang = as("sthj-approver");
        liUsername = register("220200-sthj", "220200", Role.APPROVER);
        li = ApiClient.basic(port, liUsername, PASSWORD);
    }

    @Test
    void aChangeTakesEffectOnlyWhenASecondApproverConfirmsIt() {
        JsonNode before = indicator(wang, SOLID_WASTE);
        String original = before.path("targets").toString();
        String changed = original.replaceFirst("\"year\":2027", "\"year\":2028");
        assertThat(changed).isNotEqualTo(original);

        ApiClient.Response proposed = wang.post(proposals(SOLID_WASTE), "{\"targets\":" + changed + "," + SOURCE
                + ",\"expectedVersion\":" + before.path("version").asLong() + "}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String proposalId = proposed.json().path("proposalId").asText();
        JsonNode open = eventually(() -> history(wang, SOLID_WASTE), h -> !h.path("openProposal").isNull())
                .path("openProposal");
        assertThat(open.path("proposalId").asText()).isEqualTo(proposalId);
        assertThat(open.path("documentNumber").asText()).isEqualTo("吉环发〔2026〕12号");
        assertThat(open.path("proposedBy").asText()).isEqualTo("sthj-approver");
        assertThat(open.path("proposedByName").asText()).isEqualTo("王审核");
        assertThat(wang.get("/api/indicators/target-proposals").json().findValuesAsText("proposalId"))
                .contains(proposalId);
        JsonNode pending = eventually(() -> indicator(wang, SOLID_WASTE),
                i -> i.path("version").asLong() > before.path("version").asLong());
        assertThat(pending.path("targets").toString()).as("nothing changes before confirmation").isEqualTo(original);

        ApiClient.Response second = li.post(proposals(SOLID_WASTE), "{\"targets\":" + original + "," + SOURCE
                + ",\"expectedVersion\":" + pending.path("version").asLong() + "}");
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.message()).contains(proposalId).contains("王审核");

        ApiClient.Response own = act(wang, SOLID_WASTE, proposalId, "confirm", pending);
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.message()).contains("另一名审核人");
        assertThat(act(li, SOLID_WASTE, proposalId, "withdraw", pending).status()).isEqualTo(422);

        ApiClient.Response confirmed = act(li, SOLID_WASTE, proposalId, "confirm", pending);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode after = eventually(() -> indicator(wang, SOLID_WASTE),
                i -> !i.path("targets").toString().equals(original));
        assertThat(after.path("targets").toString()).isEqualTo(changed);
        JsonNode history = eventually(() -> history(as("auditor"), SOLID_WASTE),
                h -> h.path("openProposal").isNull() && h.path("confirmed").size() > 0);
        JsonNode change = history.path("confirmed").get(0);
        assertThat(change.path("proposalId").asText()).isEqualTo(proposalId);
        assertThat(change.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(change.path("oldTargets").toString()).isEqualTo(original);
        assertThat(change.path("newTargets").toString()).isEqualTo(changed);
        assertThat(change.path("reason").asText()).isEqualTo("省厅调整目标");
        assertThat(change.path("documentTitle").asText()).isEqualTo("关于调整生态环境目标的通知");
        assertThat(change.path("decidedBy").asText()).isEqualTo(liUsername);
        assertThat(change.path("decidedByName").asText()).isEqualTo("李审核");
        assertThat(change.path("proposedAt").isNull()).isFalse();
        assertThat(change.path("decidedAt").isNull()).isFalse();

        restore(SOLID_WASTE, original);
    }

    @Test
    void aRejectedOrWithdrawnProposalChangesNothing() {
        JsonNode before = indicator(wang, SOLID_WASTE);
        String original = before.path("targets").toString();
        String changed = original.replaceFirst("\"year\":2027", "\"year\":2029");
        String first = propose(li, SOLID_WASTE, changed, before);
        JsonNode pending = awaitVersionAbove(SOLID_WASTE, before);
        assertThat(li.post(proposals(SOLID_WASTE) + "/" + first + "/reject",
                "{\"reason\":\" \",\"expectedVersion\":" + pending.path("version").asLong() + "}").status())
                .as("a rejection needs a reason").isEqualTo(400);
        ApiClient.Response rejected = wang.post(proposals(SOLID_WASTE) + "/" + first + "/reject",
                "{\"reason\":\"文号有误\",\"expectedVersion\":" + pending.path("version").asLong() + "}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        JsonNode afterReject = awaitVersionAbove(SOLID_WASTE, pending);

        String secondId = propose(li, SOLID_WASTE, changed, afterReject);
        JsonNode pendingAgain = awaitVersionAbove(SOLID_WASTE, afterReject);
        assertThat(act(li, SOLID_WASTE, secondId, "withdraw", pendingAgain).status()).isEqualTo(200);

        JsonNode history = eventually(() -> history(wang, SOLID_WASTE), h -> h.path("closed").size() >= 2
                && h.path("openProposal").isNull());
        assertThat(history.path("closed").get(0).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(history.path("closed").get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(history.path("closed").get(1).path("decisionReason").asText()).isEqualTo("文号有误");
        assertThat(indicator(wang, SOLID_WASTE).path("targets").toString()).isEqualTo(original);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        JsonNode before = indicator(wang, SOLID_WASTE);
        long events = eventCount();
        ApiClient.Response missing = wang.post(proposals(SOLID_WASTE), "{\"targets\":" + before.path("targets")
                + ",\"reason\":\"\",\"expectedVersion\":" + before.path("version").asLong() + "}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("fieldErrors").findValuesAsText("field"))
                .contains("reason", "documentNumber", "documentTitle");
        assertThat(missing.json().path("fieldErrors").findValuesAsText("message")).contains("文号不能为空");

        ApiClient.Response unchanged = wang.post(proposals(SOLID_WASTE), "{\"targets\":" + before.path("targets")
                + "," + SOURCE + ",\"expectedVersion\":" + before.path("version").asLong() + "}");
        assertThat(unchanged.status()).isEqualTo(422);
        assertThat(unchanged.message()).isEqualTo("目标没有变化");

        ApiClient.Response notProvincial = wang.post(proposals(SOLID_WASTE) + "/provincial", "{\"year\":2027,"
                + "\"value\":40," + SOURCE + ",\"expectedVersion\":" + before.path("version").asLong() + "}");
        assertThat(notProvincial.status()).isEqualTo(422);

        ApiClient.Response stale = wang.post(proposals(SOLID_WASTE), "{\"targets\":[]," + SOURCE
                + ",\"expectedVersion\":" + (before.path("version").asLong() + 5) + "}");
        assertThat(stale.status()).isEqualTo(409);

        ApiClient.Response unknown = act(li, SOLID_WASTE, "TP-NOSUCH", "confirm", before);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(history(wang, SOLID_WASTE).path("openProposal").isNull()).isTrue();
    }

    @Test
    void theOneStepEndpointsAreGone() {
        JsonNode before = indicator(wang, SOLID_WASTE);
        long events = eventCount();
        assertThat(wang.put("/api/indicators/" + SOLID_WASTE + "/targets", "{\"targets\":[],\"expectedVersion\":"
                + before.path("version").asLong() + "}").status()).isIn(404, 405);
        assertThat(wang.post("/api/indicators/" + LAND + "/provincial-targets", "{\"year\":2030,\"value\":1,"
                + "\"expectedVersion\":0}").status()).isIn(404, 405);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void onlyApproversOfTheCityBureauProposeAndDecide() {
        JsonNode before = indicator(wang, SOLID_WASTE);
        String body = "{\"targets\":[]," + SOURCE + ",\"expectedVersion\":" + before.path("version").asLong() + "}";
        ApiClient county = ApiClient.basic(port, register("220221", "220200", Role.APPROVER), PASSWORD);
        ApiClient changchun = ApiClient.basic(port, register("220100", "220100", Role.APPROVER), PASSWORD);
        long events = eventCount();
        for (String reader : new String[]{"auditor", "sthj-inspector"}) {
            assertThat(as(reader).post(proposals(SOLID_WASTE), body).status()).isEqualTo(403);
            assertThat(as(reader).get("/api/indicators/" + SOLID_WASTE + "/target-history").status()).isEqualTo(200);
        }
        assertThat(as("yongji-submitter").post(proposals(SOLID_WASTE), body).status()).isEqualTo(403);
        assertThat(as("yongji-submitter").get("/api/indicators/" + SOLID_WASTE + "/target-history").status())
                .isEqualTo(403);
        assertThat(as("admin").post(proposals(SOLID_WASTE), body).status()).isEqualTo(403);

        assertThat(county.post(proposals(SOLID_WASTE), body).status())
                .as("a county approver does not maintain the city's catalog").isEqualTo(403);

        assertThat(changchun.post(proposals(SOLID_WASTE), body).status()).isEqualTo(404);
        assertThat(changchun.post(proposals(SOLID_WASTE) + "/TP-X/confirm", "{\"expectedVersion\":0}").status())
                .isEqualTo(404);
        assertThat(changchun.get("/api/indicators/" + SOLID_WASTE + "/target-history").status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    /** I07 stays 无目标 until the province hands down 有效保障; no number is typed, and the rollup judges it then. */
    @Test
    void aYesNoIndicatorGets有效保障AndTheRollupUsesItOnlyOnceConfirmed() {
        String period = "2028";
        String landNotSafe = values(1, 1).replace("\"220200-I07\",\"value\":1", "\"220200-I07\",\"value\":0");
        String report = create(as("jiaohe-submitter"), "220281", period, landNotSafe);
        submitAndApprove(as("jiaohe-submitter"), wang, report);
        JsonNode noTarget = eventually(() -> rollup(period), r -> !r.path("cityValue").isNull());
        assertThat(noTarget.path("status").asText()).isEqualTo("NO_TARGET");

        JsonNode before = indicator(wang, LAND);
        String original = before.path("targets").toString();
        ApiClient.Response typed = li.post(proposals(LAND) + "/provincial", "{\"year\":2030,\"value\":35," + SOURCE
                + ",\"expectedVersion\":" + before.path("version").asLong() + "}");
        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.message()).contains("有效保障");

        ApiClient.Response proposed = li.post(proposals(LAND) + "/provincial", "{\"year\":2030," + SOURCE
                + ",\"expectedVersion\":" + before.path("version").asLong() + "}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode pending = awaitVersionAbove(LAND, before);
        assertThat(rollup(period).path("status").asText()).as("not before confirmation").isEqualTo("NO_TARGET");

        ApiClient.Response confirmed = act(wang, LAND, proposed.json().path("proposalId").asText(), "confirm", pending);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode judged = eventually(() -> rollup(period), r -> !"NO_TARGET".equals(r.path("status").asText()));
        assertThat(judged.path("status").asText()).isEqualTo("NOT_MET");
        assertThat(judged.path("nextTarget").path("kind").asText()).isEqualTo("SECURED");
        assertThat(judged.path("nextTarget").path("text").asText()).isEqualTo("有效保障");

        restore(LAND, original);
    }

    private JsonNode rollup(String period) {
        for (JsonNode i : wang.get("/api/rollups/city?period=" + period).json().path("indicators")) {
            if (i.path("indicatorId").asText().equals(LAND)) {
                return i;
            }
        }
        throw new AssertionError("no " + LAND);
    }

    /** Puts the targets back through the same four eyes, so other tests see the seeded catalog. */
    private void restore(String indicatorId, String targets) {
        JsonNode now = indicator(wang, indicatorId);
        String id = propose(wang, indicatorId, targets, now);
        JsonNode pending = awaitVersionAbove(indicatorId, now);
        assertThat(act(li, indicatorId, id, "confirm", pending).status()).isEqualTo(200);
        eventually(() -> indicator(wang, indicatorId).path("targets").toString(), targets::equals);
    }

    private String propose(ApiClient approver, String indicatorId, String targets, JsonNode current) {
        ApiClient.Response r = approver.post(proposals(indicatorId), "{\"targets\":" + targets + "," + SOURCE
                + ",\"expectedVersion\":" + current.path("version").asLong() + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("proposalId").asText();
    }

    private JsonNode awaitVersionAbove(String indicatorId, JsonNode earlier) {
        return eventually(() -> indicator(wang, indicatorId),
                i -> i.path("version").asLong() > earlier.path("version").asLong());
    }

    private static ApiClient.Response act(ApiClient approver, String indicatorId, String proposalId, String action,
                                          JsonNode current) {
        return approver.post(proposals(indicatorId) + "/" + proposalId + "/" + action,
                "{\"expectedVersion\":" + current.path("version").asLong() + "}");
    }

    private static String proposals(String indicatorId) {
        return "/api/indicators/" + indicatorId + "/target-proposals";
    }

    private static JsonNode history(ApiClient client, String indicatorId) {
        return client.get("/api/indicators/" + indicatorId + "/target-history").json();
    }

    private static JsonNode indicator(ApiClient client, String indicatorId) {
        for (JsonNode indicator : client.get("/api/indicators").json()) {
            if (indicator.path("id").asText().equals(indicatorId)) {
                return indicator;
            }
        }
        throw new AssertionError("no " + indicatorId);
    }

    /** A user the demo data lacks (a second city approver, a county one, one of 长春市), registered by the system. */
    private String register(String orgUnitId, String cityId, Role role) {
        String username = uniqueId("appr").toLowerCase();
        SystemActor.run(() -> commandGateway.sendAndWait(new RegisterUser(username, "李审核",
                passwordEncoder.encode(PASSWORD), Set.of(role), orgUnitId, cityId)));
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);
        return username;
    }
}
