package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
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
    void readsOfAProjectionBeingRebuiltAreRefusedUntilItIsWholeAgain() throws Exception {
        ApiClient submitter = as("jiaohe-submitter");
        String id = create(submitter, "220281", "2014", values(7, 10));
        ApiClient auditor = as("auditor");
        duringHeldReplay(auditor, "submissions", "submission_history", "submission_id", id, () -> {
            ApiClient.Response during = submitter.get("/api/submissions/" + id);
            assertThat(during.status()).as(during.toString()).isEqualTo(503);
            assertThat(during.code()).isEqualTo("PROJECTION_REBUILDING");
            assertThat(during.message()).matches("数据正在重建（约 \\d{1,2}%），请稍后再试");
            assertThat(during.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(submitter.get("/api/submissions").status()).isEqualTo(503);
            assertThat(count("select count(*) from projection_rebuild where processing_group = 'submissions'"))
                    .as("every node reads the state from the database").isEqualTo(1);

            assertThat(submitter.get("/api/org-units").status()).as("another projection").isEqualTo(200);
            assertThat(as("sthj-inspector").get("/api/projects").status()).isEqualTo(200);
        });
        ApiClient.Response after = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> submitter.get("/api/submissions/" + id), r -> r.status() != 503);
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.json().path("history").size()).isPositive();
        assertThat(submitter.get("/api/submissions").json().findValuesAsText("id")).contains(id);
    }

    @Test
    void whileTheOrgUnitsAreRebuiltUsersStillLogInAndTheirReadsSaySo() throws Exception {
        String unit = uniqueId("220221-rebuild");
        assertThat(as("admin").post("/api/admin/org-units", "{\"id\":\"" + unit
                + "\",\"name\":\"永吉县重建测试分局\",\"type\":\"DEPARTMENT\",\"parentId\":\"220221\"}").status())
                .isEqualTo(201);
        eventually(() -> count("select count(*) from org_unit_view where id = ?", unit), n -> n == 1);
        ApiClient auditor = as("auditor");
        duringHeldReplay(auditor, "org-units", "org_unit_view", "id", unit, () -> {
            // every request here logs in anew (HTTP Basic), which looks the account and its unit up
            assertThat(as("sthj-inspector").get("/api/org-units").status()).isEqualTo(503);
            assertThat(as("jiaohe-submitter").get("/api/submissions").status())
                    .as("the caller's scope comes from the org units").isEqualTo(503);
            assertThat(as("sthj-inspector").get("/api/projects").status()).as("another projection").isEqualTo(200);
        });
        assertThat(as("sthj-inspector").get("/api/org-units").status()).isEqualTo(200);
    }

    /**
     * Starts a rebuild and runs {@code during} while its replay is held where it writes the row {@code id} of
     * {@code table} again (a trigger waits on an advisory lock the test holds); the rebuild's progress stays
     * readable by the auditor meanwhile. Returns once the projection is READY again.
     */
    private void duringHeldReplay(ApiClient auditor, String projection, String table, String column, String id,
                                  Runnable during) throws Exception {
        awaitReady(auditor, projection);
        jdbc.execute("create or replace function hold_replay() returns trigger language plpgsql as $$ begin "
                + "perform pg_advisory_lock(19019); perform pg_advisory_unlock(19019); return new; end $$");
        jdbc.execute("create trigger hold_replay before insert on " + table + " for each row "
                + "when (new." + column + " = '" + id + "') execute function hold_replay()");
        try (Connection holder = jdbc.getDataSource().getConnection(); Statement lock = holder.createStatement()) {
            lock.execute("select pg_advisory_lock(19019)");
            try {
                ApiClient.Response started = auditor.post("/api/audit/projections/" + projection + "/rebuild");
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from pg_locks "
                        + "where locktype = 'advisory' and objid = 19019 and not granted") == 1);
                during.run();
                ApiClient.Response progress = auditor.get("/api/audit/projections");
                assertThat(progress.status()).as("the audit page shows the progress").isEqualTo(200);
                assertThat(phaseOf(progress.json(), projection)).isIn("REPLAYING", "CATCHING_UP", "RESTARTING");
            } finally {
                lock.execute("select pg_advisory_unlock(19019)");
            }
        } finally {
            jdbc.execute("drop trigger if exists hold_replay on " + table);
            jdbc.execute("drop function if exists hold_replay()");
        }
        awaitReady(auditor, projection);
    }

    @Test
    void aRebuildMarkedByAnotherNodeRefusesTheReadsHereUntilItsNodeStopsBeating() {
        ApiClient inspector = as("sthj-inspector");
        assertThat(inspector.get("/api/projects").status()).isEqualTo(200);
        // what another node writes when it starts rebuilding the projects and reports 42 %
        jdbc.update("insert into projection_rebuild (processing_group, progress_percent) values ('projects', 42)");
        try {
            ApiClient.Response refused = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> inspector.get("/api/projects"), r -> r.status() != 200);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.message()).isEqualTo("数据正在重建（约 42%），请稍后再试");
            assertThat(inspector.get("/api/projects/stats").status()).isEqualTo(503);
            assertThat(inspector.get("/api/cases").status()).as("another projection").isEqualTo(200);
            assertThat(inspector.get("/api/org-units").status()).isEqualTo(200);

            // that node died: its mark stops counting once its heartbeat is a minute old
            jdbc.update("update projection_rebuild set heartbeat_at = now() - interval '61 seconds' "
                    + "where processing_group = 'projects'");
            ApiClient.Response served = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> inspector.get("/api/projects"), r -> r.status() != 503);
            assertThat(served.status()).isEqualTo(200);
        } finally {
            jdbc.update("delete from projection_rebuild where processing_group = 'projects'");
        }
    }

    private static String phaseOf(JsonNode projections, String name) {
        for (JsonNode p : projections) {
            if (p.path("name").asText().equals(name)) {
                return p.path("phase").asText();
            }
        }
        return null;
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
