package cn.jiangcheng.tracker.app.applicability;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.app.security.SystemActor;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 不涉及 over HTTP, for 吉林高新技术产业开发区 (no demo submitter, so no other test reports for it). 不涉及 is not tied
 * to a period: every test that confirms one revokes it again, so the shared demo data stays as the others expect.
 */
class NotApplicableHttpTest extends HttpTestBase {
    static final String ZONE = "220272";
    /** 受污染耕地安全利用率: a zone without polluted farmland has a zero denominator. */
    static final String FARMLAND = "220200-I08";
    static final String VILLAGES = "220200-I06";
    static final String WATER_SOURCES = "220200-I05";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private PasswordEncoder passwordEncoder;

    private ApiClient approver;
    private ApiClient zone;

    @BeforeEach
    void clients() {
        approver = as("sthj-approver");
        zone = zoneSubmitter();
        // the reports below are for 2061—2063: a day on which those years are open for reporting
        clock.setToday(java.time.LocalDate.of(2064, 3, 1));
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void declaredThenConfirmedTheZoneReportsWithoutTheIndicator() {
        String period = "2061";
        int expectedBefore = rollupIndicator(period, FARMLAND).path("expectedUnits").asInt();
        assertThat(assigned()).hasSize(13).contains(FARMLAND);

        ApiClient.Response declared = zone.post("/api/indicators/" + FARMLAND + "/not-applicable",
                "{\"reason\":\"高新区无受污染耕地\"}");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        JsonNode pending = awaitRecord(FARMLAND, "DECLARED");
        assertThat(pending.path("reason").asText()).isEqualTo("高新区无受污染耕地");
        assertThat(pending.path("indicatorName").asText()).isEqualTo("受污染耕地安全利用率");
        assertThat(pending.path("orgUnitName").asText()).isEqualTo("吉林高新技术产业开发区");
        assertThat(assigned()).as("only a confirmed 不涉及 counts").contains(FARMLAND);
        assertThat(zone.post("/api/indicators/" + FARMLAND + "/not-applicable", "{\"reason\":\"再报一次\"}").code())
                .isEqualTo("WRONG_STATUS");

        try {
            ApiClient.Response confirmed = approver.post(decision(FARMLAND, "confirm"),
                    "{\"expectedVersion\":" + pending.path("version").asLong() + ",\"comment\":\"已核实\"}");
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            JsonNode record = awaitRecord(FARMLAND, "CONFIRMED");
            assertThat(record.path("decidedBy").asText()).isEqualTo("sthj-approver");
            assertThat(record.path("decisionComment").asText()).isEqualTo("已核实");

            assertThat(assigned()).hasSize(12).doesNotContain(FARMLAND);
            String id = create(zone, ZONE, period, valuesWithout(FARMLAND));
            JsonNode draft = awaitReport(zone, id, s -> s.path("values").size() == 12);
            ApiClient.Response submitted = act(zone, id, "submit", "{\"expectedVersion\":" + version(draft) + "}");
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
            awaitStatus(zone, id, "SUBMITTED");
            String other = create(zone, ZONE, "2062", valuesWithout(FARMLAND, VILLAGES));
            JsonNode incomplete = awaitReport(zone, other, s -> s.path("values").size() == 11);
            ApiClient.Response refused = act(zone, other, "submit",
                    "{\"expectedVersion\":" + version(incomplete) + "}");
            assertThat(refused.code()).as("the other indicators are still required").isEqualTo("INCOMPLETE");
            assertThat(refused.message()).contains("农村生活污水治理").doesNotContain("受污染耕地安全利用率");

            assertThat(rollupIndicator(period, FARMLAND).path("expectedUnits").asInt())
                    .isEqualTo(expectedBefore - 1);
            assertThat(reportingUnits(period)).as("the zone still reports its other indicators").contains(ZONE);
        } finally {
            revoke(FARMLAND);
        }
        assertThat(assigned()).contains(FARMLAND);
        assertThat(rollupIndicator(period, FARMLAND).path("expectedUnits").asInt()).isEqualTo(expectedBefore);
    }

    @Test
    void aUnitWithEveryIndicatorNotApplicableIsNotExpectedAtAll() {
        String period = "2063";
        assertThat(reportingUnits(period)).contains(ZONE);
        List<String> indicators = assigned();
        try {
            for (String indicator : indicators) {
                ApiClient.Response set = approver.put("/api/indicators/" + indicator + "/not-applicable/" + ZONE,
                        "{\"reason\":\"高新区已整体并入城区统计\"}");
                assertThat(set.status()).as(set.toString()).isEqualTo(200);
            }
            eventually(this::assigned, List::isEmpty);
            assertThat(reportingUnits(period)).doesNotContain(ZONE).contains("220221");
            assertThat(zone.post("/api/submissions", "{\"orgUnitId\":\"" + ZONE + "\",\"period\":\"" + period + "\"}")
                    .code()).isEqualTo("NOTHING_TO_REPORT");
        } finally {
            indicators.forEach(this::revoke);
        }
        assertThat(reportingUnits(period)).contains(ZONE);
    }

    @Test
    void aRejectedDeclarationChangesNothingAndMayBeDeclaredAgain() {
        assertThat(zone.post("/api/indicators/" + VILLAGES + "/not-applicable", "{\"reason\":\"无行政村\"}")
                .status()).isEqualTo(200);
        JsonNode pending = awaitRecord(VILLAGES, "DECLARED");
        ApiClient.Response rejected = approver.post(decision(VILLAGES, "reject"),
                "{\"expectedVersion\":" + pending.path("version").asLong() + ",\"reason\":\"高新区有行政村，请如实填报\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        JsonNode record = awaitRecord(VILLAGES, "REJECTED");
        assertThat(record.path("decisionComment").asText()).isEqualTo("高新区有行政村，请如实填报");
        assertThat(assigned()).contains(VILLAGES);

        assertThat(zone.post("/api/indicators/" + VILLAGES + "/not-applicable", "{\"reason\":\"行政村已撤并\"}")
                .status()).isEqualTo(200);
        JsonNode again = awaitRecord(VILLAGES, "DECLARED");
        assertThat(again.path("reason").asText()).isEqualTo("行政村已撤并");
        assertThat(again.path("decisionComment").isNull()).isTrue();
        JsonNode pendingList = approver.get("/api/not-applicable?status=DECLARED&limit=1").json();
        assertThat(pendingList.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(pendingList.path("items")).hasSize(1);
        assertThat(pendingList.path("limit").asInt()).isEqualTo(1);
        approver.post(decision(VILLAGES, "reject"),
                "{\"expectedVersion\":" + again.path("version").asLong() + ",\"reason\":\"请附证明材料\"}");
        awaitRecord(VILLAGES, "REJECTED");
    }

    @Test
    void anotherCitysApproverFindsNothing() {
        String username = uniqueId("cc-approver").toLowerCase();
        SystemActor.run(() -> commandGateway.sendAndWait(new RegisterUser(username, "长春审核员",
                passwordEncoder.encode(DEMO_PASSWORD), Set.of(Role.APPROVER), "220100", "220100")));
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);
        ApiClient changchun = as(username);
        assertThat(zone.post("/api/indicators/" + WATER_SOURCES + "/not-applicable", "{\"reason\":\"本区无饮用水水源地\"}")
                .status()).isEqualTo(200);
        JsonNode pending = awaitRecord(WATER_SOURCES, "DECLARED");
        long events = eventCount();

        assertThat(changchun.post(decision(WATER_SOURCES, "confirm"), "{\"expectedVersion\":0}").status())
                .as("another city's indicator").isEqualTo(404);
        assertThat(changchun.post(decision(WATER_SOURCES, "reject"), "{\"expectedVersion\":0,\"reason\":\"否\"}")
                .status()).isEqualTo(404);
        assertThat(changchun.put("/api/indicators/" + WATER_SOURCES + "/not-applicable/" + ZONE, "{\"reason\":\"否\"}")
                .status()).isEqualTo(404);
        assertThat(changchun.get("/api/not-applicable?unit=" + ZONE).json().path("total").asLong()).isZero();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(approver.post(decision(WATER_SOURCES, "reject"), "{\"expectedVersion\":" + pending.path("version")
                + ",\"reason\":\"测试结束\"}").status()).isEqualTo(200);
    }

    @Test
    void rolesUnitsAndCitiesAreKeptApart() {
        long events = eventCount();
        ApiClient yongji = as("yongji-submitter");
        ApiClient changchun = as("cc-submitter");
        assertThat(yongji.post("/api/indicators/" + FARMLAND + "/not-applicable",
                "{\"orgUnitId\":\"" + ZONE + "\",\"reason\":\"代报\"}").status())
                .as("a submitter of another unit does not see the zone").isEqualTo(404);
        assertThat(changchun.post("/api/indicators/" + FARMLAND + "/not-applicable", "{\"reason\":\"不涉及\"}")
                .status()).as("another city's indicator").isEqualTo(404);
        assertThat(changchun.get("/api/not-applicable").json().path("items")).isEmpty();
        assertThat(yongji.get("/api/not-applicable?unit=" + ZONE).json().path("items"))
                .as("a submitter lists only its own unit").isEmpty();

        assertThat(yongji.post(decision(FARMLAND, "confirm"), "{\"expectedVersion\":0}").status()).isEqualTo(403);
        assertThat(yongji.post(decision(FARMLAND, "reject"), "{\"expectedVersion\":0,\"reason\":\"否\"}").status())
                .isEqualTo(403);
        assertThat(yongji.post(decision(FARMLAND, "revoke"), "{\"expectedVersion\":0,\"reason\":\"否\"}").status())
                .isEqualTo(403);
        assertThat(yongji.put("/api/indicators/" + FARMLAND + "/not-applicable/220221", "{\"reason\":\"否\"}")
                .status()).isEqualTo(403);
        assertThat(approver.post("/api/indicators/" + FARMLAND + "/not-applicable", "{\"reason\":\"否\"}").status())
                .as("the bureau sets directly, it does not declare").isEqualTo(403);

        ApiClient.Response noReason = zone.post("/api/indicators/" + FARMLAND + "/not-applicable",
                "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.message()).contains("请填写不涉及原因");
        assertThat(zone.post("/api/indicators/" + FARMLAND + "/not-applicable",
                "{\"reason\":\"" + "无".repeat(501) + "\"}").status()).isEqualTo(400);
        ApiClient.Response notAssigned = as("fgw-submitter").post("/api/indicators/" + FARMLAND + "/not-applicable",
                "{\"reason\":\"不涉及\"}");
        assertThat(notAssigned.status()).isEqualTo(422);
        assertThat(notAssigned.code()).isEqualTo("NOT_ASSIGNED");
        assertThat(approver.put("/api/indicators/220200-I01/not-applicable/" + ZONE, "{\"reason\":\"否\"}").code())
                .as("air quality is measured by the bureau itself").isEqualTo("NOT_ASSIGNED");
        assertThat(approver.post("/api/indicators/" + FARMLAND + "/not-applicable/220221/confirm",
                "{\"expectedVersion\":0}").status()).as("nothing declared").isEqualTo(404);
        assertThat(approver.get("/api/not-applicable?limit=101").status()).isEqualTo(400);
        assertThat(eventCount()).as("nothing refused was recorded").isEqualTo(events);
    }

    // ---------------------------------------------------------------- helpers

    private ApiClient zoneSubmitter() {
        String username = uniqueId("gaoxin").toLowerCase();
        ApiClient.Response created = as("admin").post("/api/admin/users", """
                {"username":"%s","displayName":"高新区填报员","password":"Start2026a","roles":["SUBMITTER"],"orgUnitId":"%s"}
                """.formatted(username, ZONE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);
        choosesOwnPassword(username, "Start2026a");
        return ApiClient.basic(port, username, "Start2026a");
    }

    private List<String> assigned() {
        List<String> ids = new ArrayList<>();
        zone.get("/api/indicators/assigned?orgUnitId=" + ZONE + "&period=2061").json()
                .forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private static String decision(String indicator, String action) {
        return "/api/indicators/" + indicator + "/not-applicable/" + ZONE + "/" + action;
    }

    private JsonNode awaitRecord(String indicator, String status) {
        return eventually(() -> approver.get("/api/not-applicable?indicator=" + indicator + "&unit=" + ZONE).json()
                .path("items").path(0), r -> status.equals(r.path("status").asText()));
    }

    /** Back to applicable, and waits until the reports expect the indicator again. */
    private void revoke(String indicator) {
        JsonNode record = awaitRecord(indicator, "CONFIRMED");
        ApiClient.Response revoked = approver.post(decision(indicator, "revoke"),
                "{\"expectedVersion\":" + record.path("version").asLong() + ",\"reason\":\"测试结束\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        awaitRecord(indicator, "REVOKED");
    }

    private JsonNode rollupIndicator(String period, String indicatorId) {
        for (JsonNode indicator : approver.get("/api/rollups/city?period=" + period).json().path("indicators")) {
            if (indicator.path("indicatorId").asText().equals(indicatorId)) {
                return indicator;
            }
        }
        throw new AssertionError("no " + indicatorId + " in the rollup of " + period);
    }

    private List<String> reportingUnits(String period) {
        List<String> units = new ArrayList<>();
        approver.get("/api/submissions/reporting?period=" + period).json().path("units")
                .forEach(u -> units.add(u.path("orgUnitId").asText()));
        return units;
    }

    private static String valuesWithout(String... indicators) {
        try {
            ArrayNode all = (ArrayNode) JSON.readTree(values(9, 10));
            ArrayNode kept = JSON.createArrayNode();
            all.forEach(v -> {
                if (!List.of(indicators).contains(v.path("indicator").asText())) {
                    kept.add(v);
                }
            });
            return kept.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
