package cn.jiangcheng.tracker.bench;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The replay volume: genuine events the app wrote, cloned by COPY until the store holds the requested count, filed
 * in the audit index, then read once sequentially as the baseline the replay is compared with.
 */
final class EventVolumePhase extends FullStackPhase {
    EventVolumePhase(Run run) {
        super(run);
    }

    /**
     * Clones a report the app wrote during the mix (created, drafts, submitted, approved) and the OrgUnitCreated of
     * its unit, with new units, periods, aggregate ids and event ids, until the store holds the requested count.
     */
    void generateEvents(Connection db) throws SQLException, IOException {
        long existing = scalarLong(db, "select count(*) from domainevententry");
        long missing = config.replayEvents() - existing;
        if (missing <= 0) {
            return;
        }
        String unit = "bench-c0-0";
        String submission = unit + "_" + FIRST_PERIOD;
        List<Row> report = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + submission + "' order by sequencenumber");
        List<Row> unitRows = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + unit + "' and payloadtype like '%OrgUnitCreated' order by sequencenumber");
        if (report.isEmpty() || unitRows.isEmpty()) {
            throw new IllegalStateException("no report of " + unit + " to clone: did the command mix fail?");
        }
        List<Row> cityRows = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + CITY + "' and payloadtype like '%OrgUnitCreated' order by sequencenumber");
        if (cityRows.isEmpty()) {
            throw new IllegalStateException("no OrgUnitCreated of the city " + CITY + " to clone");
        }
        missing -= generateCases(db, missing);
        String unitName = "基准县0-0";
        int perUnit = 1 + GENERATED_PERIODS_PER_UNIT * report.size();
        long units = (missing + perUnit - 1) / perUnit;
        CopyBuffer buffer = new CopyBuffer(db);
        HexFormat hex = HexFormat.of();
        String city = CITY;
        for (long u = 0; u < units; u++) {
            if (u % UNITS_PER_GENERATED_CITY == 0) {
                // a new city of its own: the real city's rollup keeps its real size while the store grows
                city = "bench-city" + (u / UNITS_PER_GENERATED_CITY);
                Row c = cityRows.get(0);
                buffer.add(city, 0, c.type(), hex.formatHex(c.metadata()), hex.formatHex(utf8(c.payload())
                        .replace("\"orgUnitId\":\"" + CITY + "\"", "\"orgUnitId\":\"" + city + "\"")
                        .replace("\"cityId\":\"" + CITY + "\"", "\"cityId\":\"" + city + "\"")
                        .replace("\"name\":\"吉林市\"", "\"name\":\"基准生成市" + (u / UNITS_PER_GENERATED_CITY)
                                + "\"").getBytes(StandardCharsets.UTF_8)), c.payloadType(), c.timestamp());
            }
            String newUnit = "bench-g" + u;
            Row created = unitRows.get(0);
            buffer.add(newUnit, 0, created.type(), hex.formatHex(created.metadata()),
                    hex.formatHex(inCity(utf8(created.payload()), city).replace("\"orgUnitId\":\"" + unit + "\"",
                            "\"orgUnitId\":\"" + newUnit + "\"").replace("\"name\":\"" + unitName + "\"",
                            "\"name\":\"基准生成县" + u + "\"").getBytes(StandardCharsets.UTF_8)),
                    created.payloadType(), created.timestamp());
            for (int p = 0; p < GENERATED_PERIODS_PER_UNIT; p++) {
                int year = FIRST_PERIOD + p;
                String newId = newUnit + "_" + year;
                for (Row row : report) {
                    String payload = inCity(utf8(row.payload()), city)
                            .replace("\"submissionId\":\"" + submission + "\"", "\"submissionId\":\"" + newId + "\"")
                            .replace("\"orgUnitId\":\"" + unit + "\"", "\"orgUnitId\":\"" + newUnit + "\"")
                            .replace("\"period\":\"" + FIRST_PERIOD + "\"", "\"period\":\"" + year + "\"")
                            // the deadline's day comes from the reporting calendars: only its year moves
                            .replace("\"deadline\":\"" + (FIRST_PERIOD + 1) + "-",
                                    "\"deadline\":\"" + (year + 1) + "-");
                    String metadata = inCity(utf8(row.metadata()), city).replace("\"orgUnitId\":\"" + unit + "\"",
                            "\"orgUnitId\":\"" + newUnit + "\"");
                    buffer.add(newId, row.seq(), row.type(), hex.formatHex(metadata.getBytes(StandardCharsets.UTF_8)),
                            hex.formatHex(payload.getBytes(StandardCharsets.UTF_8)), row.payloadType(),
                            row.timestamp());
                }
            }
        }
        buffer.flush();
        figures.put("generated events", (double) buffer.total);
    }

    /**
     * 督察整改 at volume: the case of bench-c0-0 (registered, acknowledged, planned, progress reported during the mix)
     * cloned with new case ids onto the bench units of the real city, so its ledger holds thousands of cases.
     */
    private long generateCases(Connection db, long budget) throws SQLException, IOException {
        OpenCase original = cases.get("bench-c0-0");
        if (original == null || budget <= 0) {
            return 0;
        }
        List<Row> caseRows = rows(db, "select aggregateidentifier, sequencenumber, type, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = '"
                + original.id() + "' order by sequencenumber");
        long count = Math.min(config.smoke() ? 200 : GENERATED_CASES, budget / Math.max(1, caseRows.size()));
        CopyBuffer buffer = new CopyBuffer(db);
        HexFormat hex = HexFormat.of();
        for (long n = 0; n < count; n++) {
            String caseId = "bench-case-" + n;
            String unit = "bench-c" + (n % config.clients()) + "-0";
            for (Row row : caseRows) {
                String payload = utf8(row.payload()).replace(original.id(), caseId)
                        .replace("\"bench-c0-0\"", "\"" + unit + "\"")
                        .replace("BENCH-bench-c0-0", "BENCH-" + n);
                String metadata = utf8(row.metadata()).replace("\"bench-c0-0\"", "\"" + unit + "\"");
                buffer.add(caseId, row.seq(), row.type(), hex.formatHex(metadata.getBytes(StandardCharsets.UTF_8)),
                        hex.formatHex(payload.getBytes(StandardCharsets.UTF_8)), row.payloadType(), row.timestamp());
            }
        }
        buffer.flush();
        figures.put("generated cases (吉林市)", (double) count);
        return buffer.total;
    }

    /**
     * The auditor's search index (event_chain) for the generated events, filled by SQL from their metadata so the
     * audit log is searched at volume. Their links are placeholders: the benchmark measures search, not verification.
     */
    static void indexGeneratedEvents(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            st.execute("select pg_advisory_xact_lock(" + 0x6a6363686169_6eL + ")");
            st.execute("""
                    insert into event_chain (link_seq, global_index, event_identifier, prev_hash, hash, city_id,
                        actor_unit_id, subject_unit_id, user_id, aggregate_type, aggregate_id, event_type,
                        correlation_id, event_time)
                    select (select coalesce(max(link_seq), 0) from event_chain)
                               + row_number() over (order by e.globalindex),
                           e.globalindex, e.eventidentifier, '\\x00', '\\x00',
                           nullif(m ->> 'cityId', ''), nullif(m ->> 'orgUnitId', ''),
                           coalesce(p ->> 'orgUnitId', p ->> 'responsibleUnitId'), m ->> 'userId', e.type,
                           e.aggregateidentifier, regexp_replace(e.payloadtype, '^.*[.$]', ''), m ->> 'correlationId',
                           e.timestamp::timestamptz
                    from domainevententry e
                    cross join lateral (select convert_from(e.metadata, 'UTF8')::jsonb as m,
                                               convert_from(e.payload, 'UTF8')::jsonb as p) j
                    where not exists (select 1 from event_chain c where c.global_index = e.globalindex)""");
            db.commit();
            // as autovacuum would after a bulk load: the planner must know the index's real size
            st.execute("analyze event_chain");
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static String inCity(String json, String city) {
        return json.replace("\"cityId\":\"" + CITY + "\"", "\"cityId\":\"" + city + "\"")
                .replace("\"parentId\":\"" + CITY + "\"", "\"parentId\":\"" + city + "\"");
    }

    /** COPY in text format, 20,000 rows per statement. */
    private static final class CopyBuffer {
        private final Connection db;
        private final StringBuilder sb = new StringBuilder(1 << 24);
        private int rows;
        private long total;

        CopyBuffer(Connection db) {
            this.db = db;
        }

        void add(String aggregateId, long seq, String type, String metadataHex, String payloadHex, String payloadType,
                 String timestamp) throws SQLException, IOException {
            sb.append(aggregateId).append('\t').append(seq).append('\t').append(type).append('\t')
                    .append(UUID.randomUUID()).append("\t\\\\x").append(metadataHex).append("\t\\\\x")
                    .append(payloadHex).append("\t\\N\t").append(payloadType).append('\t').append(timestamp)
                    .append('\n');
            if (++rows == 20_000) {
                flush();
            }
        }

        void flush() throws SQLException, IOException {
            if (rows == 0) {
                return;
            }
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy domainevententry (aggregateidentifier, "
                    + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, "
                    + "timestamp) from stdin", new StringReader(sb.toString()));
            total += rows;
            rows = 0;
            sb.setLength(0);
        }
    }

    void sequentialRead(Connection db) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        long count = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery("select globalindex, aggregateidentifier, sequencenumber, type, "
                    + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp "
                    + "from domainevententry order by globalindex")) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    rs.getLong(3);
                    rs.getString(4);
                    rs.getString(5);
                    bytes += rs.getBytes(6).length + rs.getBytes(7).length;
                    rs.getString(8);
                    rs.getString(9);
                    rs.getString(10);
                    count++;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        db.commit();
        db.setAutoCommit(auto);
        figures.put("sequential JDBC read events/s", count / seconds);
        figures.put("sequential JDBC read, s", seconds);
        figures.put("event store payload+metadata, MiB", bytes / 1048576.0);
    }
}
