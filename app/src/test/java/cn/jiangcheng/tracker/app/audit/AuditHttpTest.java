package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.WATER_QUALITY;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's log, timelines and time travel, over HTTP against the real event store. */
class AuditHttpTest extends HttpTestBase {

    @Test
    void theLogShowsWhoDidWhatWhenFromWhereAndPagesWithoutOverlap() {
        ApiClient yongji = as("yongji-submitter").header("X-Correlation-Id", "audit-corr-2053");
        String id = create(yongji, "220221", "2017", values(9, 10));
        ApiClient auditor = as("auditor");

        JsonNode page = auditor.get("/api/audit/events?aggregateId=" + id + "&order=asc").json();
        List<String> types = page.path("events").findValuesAsText("eventType");
        assertThat(types).containsExactly("SubmissionCreated", "SubmissionDraftSaved");
        JsonNode first = page.path("events").get(0);
        assertThat(first.path("userId").asText()).isEqualTo("yongji-submitter");
        assertThat(first.path("roles").asText()).isEqualTo("SUBMITTER");
        assertThat(first.path("actorUnitId").asText()).isEqualTo("220221");
        assertThat(first.path("subjectUnitId").asText()).isEqualTo("220221");
        assertThat(first.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(first.path("correlationId").asText()).isEqualTo("audit-corr-2053");
        assertThat(first.path("payload").path("period").asText()).isEqualTo("2017");
        assertThat(first.path("time").asText()).isNotBlank();

        assertThat(auditor.get("/api/audit/events?correlationId=audit-corr-2053").json().path("events").size())
                .isEqualTo(2);
        JsonNode byUserAndType = auditor.get("/api/audit/events?user=yongji-submitter&eventType=SubmissionCreated"
                + "&orgUnit=220221&from=2020-01-01&to=" + Instant.now().plusSeconds(60)).json();
        assertThat(byUserAndType.path("events").findValuesAsText("aggregateId")).contains(id);
        assertThat(byUserAndType.path("events").findValuesAsText("eventType")).containsOnly("SubmissionCreated");

        // keyset paging: one event per page, newest first, no event twice, and all of them
        List<Long> seen = new ArrayList<>();
        String after = "";
        for (int i = 0; i < 5; i++) {
            JsonNode onePage = auditor.get("/api/audit/events?aggregateType=Submission&aggregateId=" + id + "&limit=1"
                    + after).json();
            onePage.path("events").forEach(e -> seen.add(e.path("globalIndex").asLong()));
            if (onePage.path("nextAfter").isNull()) {
                break;
            }
            after = "&after=" + onePage.path("nextAfter").asLong();
        }
        assertThat(seen).hasSize(2).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isGreaterThan(seen.get(1));
    }

    @Test
    void anAuditorSeesOnlyItsCityAndItsOwnReadsAreRecorded() {
        ApiClient auditor = as("auditor");
        String changchun = "220102"; // 长春市 南关区, an org unit of the other city
        assertThat(count("select count(*) from event_chain where aggregate_id = ? and city_id = '220100'", changchun))
                .as("filed under 长春市").isPositive();
        assertThat(auditor.get("/api/audit/events?aggregateId=" + changchun).json().path("events").size())
                .as("长春市's events are not in 吉林市's log").isZero();
        assertThat(auditor.get("/api/audit/aggregates/OrgUnit/" + changchun + "/timeline").status()).isEqualTo(404);
        assertThat(auditor.get("/api/audit/aggregates/OrgUnit/" + changchun + "/state?asOf=2099-01-01").status())
                .isEqualTo(404);
        assertThat(auditor.get("/api/audit/aggregates/OrgUnit/220221/timeline").json().path("steps").get(0)
                .path("eventType").asText()).as("吉林市's own units are readable").isEqualTo("OrgUnitCreated");

        JsonNode reads = auditor.get("/api/audit/events?user=auditor&eventType=AuditTrailRead&limit=500").json();
        JsonNode read = null;
        for (JsonNode candidate : reads.path("events")) {
            if (candidate.path("payload").path("filters").path("aggregateId").asText().equals(changchun)
                    && candidate.path("payload").path("view").asText().equals("events")) {
                read = candidate;
            }
        }
        assertThat(read).as("the auditor's search is in the log: " + reads).isNotNull();
        assertThat(read.path("roles").asText()).isEqualTo("AUDITOR");
        assertThat(read.path("payload").path("resultCount").asInt()).isZero();
        assertThat(read.path("actorUnitId").asText()).isEqualTo("220200-sthj");
    }

    @Test
    void everyRecordOfEveryFeatureIsFiledUnderItsCity() {
        // only the province itself belongs to no city; anything else without a city would be invisible to auditors
        assertThat(jdbc.queryForList("select distinct aggregate_type || ' ' || aggregate_id from event_chain "
                + "where city_id is null and aggregate_type is not null", String.class))
                .containsOnly("OrgUnit 220000");
        assertThat(count("select count(distinct aggregate_type) from event_chain where city_id = '220200'"))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void passwordHashesNeverReachTheAuditorsScreen() {
        ApiClient auditor = as("auditor");
        ApiClient.Response timeline = auditor.get("/api/audit/aggregates/UserAccount/jiaohe-submitter/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).doesNotContain("$2a$").contains("已隐藏·");
        ApiClient.Response log = auditor.get("/api/audit/events?aggregateType=UserAccount&limit=500");
        assertThat(log.json().path("events").size()).isPositive();
        assertThat(log.body()).doesNotContain("$2a$");
    }

    @Test
    void onlyAuditorsReadTheLogAndNobodyElseRebuilds() {
        for (String user : List.of("sthj-approver", "sthj-inspector", "admin", "yongji-submitter")) {
            ApiClient client = as(user);
            assertThat(client.get("/api/audit/events").status()).as(user).isEqualTo(403);
            assertThat(client.get("/api/audit/verify").status()).as(user).isEqualTo(403);
            assertThat(client.get("/api/audit/projections").status()).as(user).isEqualTo(403);
            assertThat(client.post("/api/audit/projections/submissions/rebuild").status()).as(user).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/audit/events").status()).isEqualTo(401);
        // and the auditor still issues no business command
        assertThat(as("auditor").post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2017\",\"values\":[]}").status()).isEqualTo(403);
    }

    @Test
    void badSearchesAreRefusedWithTheFieldNamed() {
        ApiClient auditor = as("auditor");
        long before = eventCount();
        assertBad(auditor.get("/api/audit/events?usr=yongji"), "usr");
        assertBad(auditor.get("/api/audit/events?limit=0"), "limit");
        assertBad(auditor.get("/api/audit/events?limit=100000"), "limit");
        assertBad(auditor.get("/api/audit/events?limit=abc"), "limit");
        assertBad(auditor.get("/api/audit/events?after=-1"), "after");
        assertBad(auditor.get("/api/audit/events?from=yesterday"), "from");
        assertBad(auditor.get("/api/audit/events?from=2026-03-02&to=2026-03-01"), "from");
        assertBad(auditor.get("/api/audit/events?order=sideways"), "order");
        assertBad(auditor.get("/api/audit/export?format=pdf"), "format");
        assertBad(auditor.get("/api/audit/aggregates/Submission/x/state?asOf=2026-13-45"), "asOf");
        assertThat(auditor.get("/api/audit/aggregates/Nonsense/x/timeline").status()).isEqualTo(404);
        assertThat(auditor.post("/api/audit/projections/no-such-projection/rebuild").status()).isEqualTo(404);
        assertThat(eventCount()).as("refused reads record nothing").isEqualTo(before);
    }

    @Test
    void aRecordsTimelineShowsWhatChangedAndItsStateAsOfAnyMoment() throws Exception {
        ApiClient yongji = as("yongji-submitter");
        ApiClient approver = as("sthj-approver");
        ApiClient auditor = as("auditor");
        Instant beforeCreation = Instant.now().minusSeconds(1);
        String id = create(yongji, "220221", "2016", values(9, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        assertThat(act(yongji, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status()).isEqualTo(200);
        JsonNode submitted = awaitStatus(approver, id, "SUBMITTED");
        Thread.sleep(1100);
        Instant betweenSubmitAndApproval = Instant.now();
        Thread.sleep(1100);
        assertThat(act(approver, id, "approve", "{\"expectedVersion\":" + version(submitted) + "}").status())
                .isEqualTo(200);
        awaitStatus(approver, id, "APPROVED");

        JsonNode timeline = auditor.get("/api/audit/aggregates/Submission/" + id + "/timeline").json();
        JsonNode steps = timeline.path("steps");
        assertThat(steps.findValuesAsText("eventType")).containsExactly("SubmissionCreated", "SubmissionDraftSaved",
                "SubmissionSubmitted", "SubmissionApproved");
        assertThat(steps.get(3).path("userId").asText()).isEqualTo("sthj-approver");
        assertThat(change(steps.get(3), "status").path("before").asText()).isEqualTo("SUBMITTED");
        assertThat(change(steps.get(3), "status").path("after").asText()).isEqualTo("APPROVED");
        assertThat(change(steps.get(2), "status").path("before").asText()).isEqualTo("DRAFT");

        JsonNode then = auditor.get("/api/audit/aggregates/Submission/" + id + "/state?asOf="
                + betweenSubmitAndApproval).json();
        assertThat(then.path("state").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(then.path("version").asLong()).isEqualTo(2);
        assertThat(then.path("lastEventType").asText()).isEqualTo("SubmissionSubmitted");
        JsonNode now = auditor.get("/api/audit/aggregates/Submission/" + id + "/state?asOf="
                + Instant.now().plusSeconds(5)).json();
        assertThat(now.path("state").path("status").asText()).isEqualTo("APPROVED");
        assertThat(auditor.get("/api/audit/aggregates/Submission/" + id + "/state?asOf=" + beforeCreation).status())
                .isEqualTo(404);

        // the dashboard as it was: the approval had not happened, so no approved value counted yet
        long liveRows = count("select count(*) from submission_view");
        JsonNode rollupThen = auditor.get("/api/rollups/city?period=2016&asOf=" + betweenSubmitAndApproval).json();
        assertThat(indicator(rollupThen, WATER_QUALITY).path("cityValue").isNull()).as(rollupThen.toString()).isTrue();
        JsonNode rollupLater = auditor.get("/api/rollups/city?period=2016&asOf="
                + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8)).json();
        assertThat(indicator(rollupLater, WATER_QUALITY).path("cityValue").decimalValue())
                .isEqualByComparingTo("90.00");
        JsonNode pendingThen = auditor.get("/api/rollups/city?period=2016&includePending=true&asOf="
                + betweenSubmitAndApproval).json();
        assertThat(indicator(pendingThen, WATER_QUALITY).path("cityValue").decimalValue())
                .as("the submitted value was pending then").isEqualByComparingTo("90.00");
        assertThat(count("select count(*) from submission_view")).as("live read model untouched").isEqualTo(liveRows);
        assertThat(indicator(auditor.get("/api/rollups/city?period=2016").json(), WATER_QUALITY)
                .path("cityValue").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(auditor.get("/api/rollups/city?period=2016&asOf=" + Instant.now().plus(Duration.ofDays(2)))
                .status()).isEqualTo(400);
    }

    private static JsonNode change(JsonNode step, String field) {
        for (JsonNode change : step.path("changes")) {
            if (change.path("field").asText().equals(field)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + field + " in " + step);
    }

    static JsonNode indicator(JsonNode rollup, String id) {
        for (JsonNode indicator : rollup.path("indicators")) {
            if (indicator.path("id").asText().equals(id) || indicator.path("indicatorId").asText().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + rollup);
    }

    private static void assertBad(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }
}
