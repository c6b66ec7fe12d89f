package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence: rows changed, deleted and inserted with plain SQL behind the application's back are named by
 * verify. Each test puts the row back afterwards, because the app (and its chain) is shared with other tests.
 */
class ChainHttpTest extends HttpTestBase {

    @Test
    void anUntouchedLogVerifiesAndEveryEventHasExactlyOneLink() {
        create(as("yongji-submitter"), "220221", "2018", values(9, 10));
        long stored = eventCount();
        JsonNode result = as("auditor").get("/api/audit/verify").json();
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("checkedEvents").asLong()).isGreaterThanOrEqualTo(stored);
        assertThat(result.path("headLinkSeq").asLong()).isEqualTo(result.path("checkedEvents").asLong());
        assertThat(count("select count(*) from domainevententry e where not exists "
                + "(select 1 from event_chain c where c.global_index = e.globalindex)")).isZero();
        assertThat(result.path("headHash").asText()).hasSize(64);
    }

    /** Appends from many threads at once still form one chain: each link follows the one committed before it. */
    @Test
    void concurrentCommandsStayInOneUnbrokenChain() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        // 24 fresh annual reports need 12 years no other test uses: a day on which 2071–2082 have all opened
        clock.setToday(java.time.LocalDate.of(2083, 1, 10));
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String unit = i % 2 == 0 ? "yongji-submitter" : "jiaohe-submitter";
                String unitId = i % 2 == 0 ? "220221" : "220281";
                String period = String.valueOf(2071 + i / 2);
                results.add(pool.submit(() -> as(unit).post("/api/submissions", "{\"orgUnitId\":\"" + unitId
                        + "\",\"period\":\"" + period + "\",\"values\":[]}").status()));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
            clock.reset();
        }
        JsonNode result = as("auditor").get("/api/audit/verify").json();
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(count("select count(*) from domainevententry e where not exists "
                + "(select 1 from event_chain c where c.global_index = e.globalindex)")).isZero();
    }

    @Test
    void anAlteredPayloadIsNamed() {
        String id = create(as("yongji-submitter"), "220221", "2019", values(9, 10));
        Map<String, Object> row = jdbc.queryForMap("select globalindex, payload from domainevententry "
                + "where aggregateidentifier = ? and sequencenumber = 1", id);
        long globalIndex = (Long) row.get("globalindex");
        try {
            jdbc.update("update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'700.5', '900.5'), 'UTF8') where globalindex = ?", globalIndex);
            JsonNode finding = firstFinding();
            assertThat(finding.path("problem").asText()).isEqualTo("ALTERED");
            assertThat(finding.path("globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(finding.path("message").asText()).contains("#" + globalIndex).contains("改动");
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", row.get("payload"), globalIndex);
        }
        assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedEventIsNamed() {
        String id = create(as("yongji-submitter"), "220221", "2020", values(9, 10));
        Map<String, Object> row = jdbc.queryForMap("select * from domainevententry where aggregateidentifier = ? "
                + "and sequencenumber = 0", id);
        long globalIndex = (Long) row.get("globalindex");
        try {
            jdbc.update("delete from domainevententry where globalindex = ?", globalIndex);
            JsonNode finding = firstFinding();
            assertThat(finding.path("problem").asText()).isEqualTo("REMOVED");
            assertThat(finding.path("globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(finding.path("eventIdentifier").asText()).isEqualTo(row.get("eventidentifier"));
        } finally {
            jdbc.update("insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("globalindex"),
                    row.get("aggregateidentifier"), row.get("sequencenumber"), row.get("type"),
                    row.get("eventidentifier"), row.get("metadata"), row.get("payload"), row.get("payloadrevision"),
                    row.get("payloadtype"), row.get("timestamp"));
        }
        assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventInsertedBehindTheApplicationsBackIsNamed() {
        long globalIndex = jdbc.queryForObject("insert into domainevententry (aggregateidentifier, sequencenumber, "
                + "type, eventidentifier, metadata, payload, payloadtype, timestamp) values ('forged-report', 0, "
                + "'Forged', 'forged-event', null, convert_to('{}', 'UTF8'), 'cn.example.NotAnEvent', "
                + "'2026-01-01T00:00:00Z') returning globalindex", Long.class);
        try {
            JsonNode result = as("auditor").get("/api/audit/verify").json();
            assertThat(result.path("intact").asBoolean()).isFalse();
            JsonNode finding = result.path("findings").get(result.path("findings").size() - 1);
            assertThat(finding.path("problem").asText()).isEqualTo("INSERTED");
            assertThat(finding.path("globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(finding.path("eventIdentifier").asText()).isEqualTo("forged-event");
        } finally {
            jdbc.update("delete from domainevententry where globalindex = ?", globalIndex);
        }
        assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRemovedLinkIsNamed() {
        String id = create(as("yongji-submitter"), "220221", "2021", values(9, 10));
        long linkSeq = jdbc.queryForObject("select min(link_seq) from event_chain where aggregate_id = ?", Long.class, id);
        jdbc.execute("create table removed_link_backup as select * from event_chain where link_seq = " + linkSeq);
        try {
            jdbc.update("delete from event_chain where link_seq = ?", linkSeq);
            JsonNode finding = firstFinding();
            assertThat(finding.path("problem").asText()).isEqualTo("LINK_REMOVED");
            assertThat(finding.path("linkSeq").asLong()).isEqualTo(linkSeq);
        } finally {
            jdbc.update("insert into event_chain select * from removed_link_backup");
            jdbc.execute("drop table removed_link_backup");
        }
        assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    /** The export carries everything needed to recompute each link without the application. */
    @Test
    void anExportForAUnitCanBeCheckedOffline() throws Exception {
        create(as("jiaohe-submitter"), "220281", "2018", values(1, 2));
        ApiClient auditor = as("auditor");
        ApiClient.Response response = auditor.get("/api/audit/export?orgUnit=220281&format=json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode events = response.json().path("events");
        assertThat(events.size()).isGreaterThanOrEqualTo(2);
        int secrets = 0;
        for (JsonNode event : events) {
            assertThat(event.path("subjectUnitId").asText() + event.path("actorUnitId").asText()).contains("220281");
            JsonNode link = event.path("link");
            if (event.path("payload").has("passwordHash")) {
                secrets++;
                assertThat(event.path("payload").path("passwordHash").asText()).startsWith("已隐藏·")
                        .doesNotContain("$2a$");
                assertThat(link.path("payloadBase64").isNull()).as("the raw payload with the hash stays home").isTrue();
            } else {
                byte[] payload = Base64.getDecoder().decode(link.path("payloadBase64").asText());
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)))
                        .isEqualTo(link.path("payloadSha256").asText());
            }
            byte[] recomputed = offlineLink(HexFormat.of().parseHex(link.path("prevHash").asText()),
                    link.path("eventIdentifier").asText(), event.path("aggregateType").asText(null),
                    event.path("aggregateId").asText(), event.path("sequenceNumber").asLong(),
                    link.path("payloadType").asText(), link.path("payloadRevision").asText(null),
                    link.path("timestamp").asText(), HexFormat.of().parseHex(link.path("payloadSha256").asText()),
                    HexFormat.of().parseHex(link.path("metadataSha256").asText()));
            assertThat(HexFormat.of().formatHex(recomputed)).as("link of #" + event.path("globalIndex"))
                    .isEqualTo(link.path("hash").asText());
        }
        assertThat(secrets).as("jiaohe-submitter's registration is in the unit's export, without its hash").isPositive();
        assertThat(response.body()).doesNotContain("$2a$");

        ApiClient.Response csv = auditor.get("/api/audit/export?orgUnit=220281&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF全局序号,时间,用户").contains("jiaohe-submitter");
        assertThat(csv.body().lines().count()).isEqualTo(events.size() + 1L);
    }

    /** Written from docs/audit-chain.md, independently of the server's code. */
    private static byte[] offlineLink(byte[] previous, String eventId, String aggregateType, String aggregateId,
                                      long sequence, String payloadType, String revision, String timestamp,
                                      byte[] payloadSha256, byte[] metadataSha256) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(previous);
        for (Object field : new Object[]{eventId, aggregateType, aggregateId, Long.toString(sequence), payloadType,
                revision, timestamp, payloadSha256, metadataSha256}) {
            byte[] bytes = field == null ? new byte[0]
                    : field instanceof byte[] b ? b : field.toString().getBytes(StandardCharsets.UTF_8);
            out.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.write(bytes);
        }
        return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
    }

    private JsonNode firstFinding() {
        JsonNode result = as("auditor").get("/api/audit/verify").json();
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isFalse();
        return result.path("findings").get(0);
    }
}
