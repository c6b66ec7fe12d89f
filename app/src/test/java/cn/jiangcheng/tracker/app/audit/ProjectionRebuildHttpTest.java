package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.submitAndApprove;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection rebuilt from the event store, while the app serves, equals the one it replaced. */
class ProjectionRebuildHttpTest extends HttpTestBase {
    private static final List<String> SUBMISSION_TABLES = List.of("submission_view", "submission_history",
            "submission_value");

    @Test
    void aRebuiltProjectionEqualsTheOneItReplaced() {
        String id = create(as("yongji-submitter"), "220221", "2022", values(9, 10));
        submitAndApprove(as("yongji-submitter"), as("sthj-approver"), id);
        ApiClient auditor = as("auditor");
        awaitReady(auditor, "submissions");
        Map<String, String> before = checksums();

        // a row no event explains: a real rebuild starts from empty tables and must not keep it
        jdbc.update("insert into submission_history (submission_id, sequence, type, revision, occurred_at) "
                + "values ('no-such-report', 0, 'CREATED', 0, now())");
        assertThat(checksums()).isNotEqualTo(before);

        ApiClient.Response started = auditor.post("/api/audit/projections/submissions/rebuild");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode ready = awaitReady(auditor, "submissions");
        assertThat(ready.path("progressPercent").asInt()).isEqualTo(100);
        assertThat(checksums()).isEqualTo(before);
        assertThat(count("select count(*) from event_chain where event_type = 'ProjectionRebuildRequested' "
                + "and user_id = 'auditor'")).isGreaterThanOrEqualTo(1);
        assertThat(as("yongji-submitter").get("/api/submissions/" + id).json().path("status").asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void everyProjectionIsListedWithItsPhase() {
        JsonNode list = as("auditor").get("/api/audit/projections").json();
        assertThat(list.findValuesAsText("name")).contains("org-units", "user-accounts", "indicator-catalog",
                "submissions");
        assertThat(list.get(0).path("phase").asText()).isIn("READY", "CATCHING_UP", "REPLAYING", "RESTARTING");
        assertThat(list.get(0).path("head").asLong()).isPositive();
    }

    private JsonNode awaitReady(ApiClient auditor, String name) {
        long head = count("select max(globalindex) from domainevententry");
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode p : auditor.get("/api/audit/projections").json()) {
                if (p.path("name").asText().equals(name)) {
                    return p;
                }
            }
            return null;
        }, p -> p != null && p.path("phase").asText().equals("READY") && p.path("position").asLong() >= head);
    }

    private Map<String, String> checksums() {
        Map<String, String> sums = new TreeMap<>();
        for (String table : SUBMISSION_TABLES) {
            sums.put(table, jdbc.queryForObject("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) "
                    + "from " + table + " t", String.class));
        }
        return sums;
    }
}
