package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Realistic report bodies for the 13 indicators a county reports, and waiting for the read side. */
public final class ReportFixtures {
    public static final String WATER_QUALITY = "220200-I03";

    private ReportFixtures() {
    }

    /**
     * All 13 county indicators; sectionsGood of sectionsAssessed feed 国控断面达到或优于Ⅲ类比例. Every value carries an
     * explanation, so reports of other tests in earlier periods never trigger the plausibility rule here.
     */
    public static String values(int sectionsGood, int sectionsAssessed) {
        String json = """
                [{"indicator":"220200-I03","components":{"sections_good":%d,"sections_assessed":%d}},
                 {"indicator":"220200-I04","components":{"sections_worse_than_v":0,"sections_assessed":%d}},
                 {"indicator":"220200-I05","components":{"sources_compliant":2,"sources_in_use":2}},
                 {"indicator":"220200-I06","components":{"villages_treated":30,"villages_total":100}},
                 {"indicator":"220200-I07","value":1},
                 {"indicator":"220200-I08","components":{"farmland_safely_used":990,"farmland_polluted":1000}},
                 {"indicator":"220200-I11","components":{"sewage_collected":99,"sewage_generated":100}},
                 {"indicator":"220200-I12","components":{"sludge_treated":100,"sludge_generated":100}},
                 {"indicator":"220200-I13","value":700.5},
                 {"indicator":"220200-I14","value":66,"components":{"land_area":2000}},
                 {"indicator":"220200-I15","components":{"waste_utilised":36,"waste_generated":100}},
                 {"indicator":"220200-I16","components":{"hazardous_handled":99,"hazardous_generated":100}},
                 {"indicator":"220200-I17","value":55,"components":{"land_area":2000}}]
                """.formatted(sectionsGood, sectionsAssessed, sectionsAssessed);
        return json.replace("{\"indicator\"", "{\"explanation\":\"测试数据\",\"indicator\"");
    }

    public static String create(ApiClient submitter, String unitId, String period, String values) {
        ApiClient.Response created = submitter.post("/api/submissions",
                "{\"orgUnitId\":\"" + unitId + "\",\"period\":\"" + period + "\",\"values\":" + values + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        // creation is two events; a projection batch may end between them, so wait for the version the command answered
        long createdVersion = created.json().path("version").asLong();
        awaitReport(submitter, id, s -> s.path("version").asLong() >= createdVersion);
        return id;
    }

    /** Waits until the report's read model satisfies the condition and returns it. */
    public static JsonNode awaitReport(ApiClient client, String id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/api/submissions/" + id).json(), condition);
    }

    public static JsonNode awaitStatus(ApiClient client, String id, String status) {
        return awaitReport(client, id, s -> status.equals(s.path("status").asText()));
    }

    public static long version(JsonNode submission) {
        return submission.path("version").asLong();
    }

    public static ApiClient.Response act(ApiClient client, String id, String action, String body) {
        return client.post("/api/submissions/" + id + "/" + action, body);
    }

    /** Submits, then approves as the city approver; returns the approved report. */
    public static JsonNode submitAndApprove(ApiClient submitter, ApiClient approver, String id) {
        JsonNode draft = awaitReport(submitter, id, s -> s.path("values").size() > 0);
        assertThat(act(submitter, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status()).isEqualTo(200);
        JsonNode submitted = awaitStatus(approver, id, "SUBMITTED");
        ApiClient.Response approved = act(approver, id, "approve",
                "{\"expectedVersion\":" + version(submitted) + ",\"comment\":\"数据核实无误\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return awaitStatus(approver, id, "APPROVED");
    }

    /** One indicator of a city rollup answer. */
    public static JsonNode rollupIndicator(JsonNode rollup, String indicatorId) {
        for (JsonNode indicator : rollup.path("indicators")) {
            if (indicator.path("indicatorId").asText().equals(indicatorId)) {
                return indicator;
            }
        }
        throw new AssertionError("no " + indicatorId + " in " + rollup);
    }
}
