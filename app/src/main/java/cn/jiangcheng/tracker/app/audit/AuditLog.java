package cn.jiangcheng.tracker.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The auditor's search over the event store, through the chain's index; keyset paging on the global index. */
@Component
public class AuditLog {
    public static final int MAX_PAGE = 500;
    public static final int MAX_EXPORT = 20_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String cityId, Instant from, Instant to, String orgUnitId, String userId, String aggregateType,
                         String aggregateId, String eventType, String correlationId, Long after, int limit,
                         boolean newestFirst) {
    }

    /** One event as the auditor sees it, with what is needed to re-check its chain link offline. */
    public record LoggedEvent(long globalIndex, long linkSeq, Instant time, String userId, String userName,
                              String roles, String actorUnitId, String clientIp, String subjectUnitId,
                              String aggregateType, String aggregateId, long sequenceNumber, String eventType,
                              String correlationId, String causationId, JsonNode payload, JsonNode metadata,
                              Link link) {
    }

    /**
     * The stored row's hashed fields and its chain link (hex), for offline verification; see docs/audit-chain.md.
     * The raw payload is left out (null) when it holds a secret; its digest still lets the link be checked.
     */
    public record Link(String eventIdentifier, String payloadType, String payloadRevision, String timestamp,
                       String payloadSha256, String metadataSha256, String payloadBase64, String metadataBase64,
                       String prevHash, String hash) {
    }

    public record Page(List<LoggedEvent> events, Long nextAfter) {
    }

    public Page search(Filter filter) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where c.city_id = ?");
        args.add(filter.cityId());
        if (filter.from() != null) {
            where.append(" and c.event_time >= ?");
            args.add(java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and c.event_time < ?");
            args.add(java.sql.Timestamp.from(filter.to()));
        }
        if (filter.orgUnitId() != null) {
            where.append(" and (c.actor_unit_id = ? or c.subject_unit_id = ?)");
            args.add(filter.orgUnitId());
            args.add(filter.orgUnitId());
        }
        equal(where, args, "c.user_id", filter.userId());
        equal(where, args, "c.aggregate_type", filter.aggregateType());
        equal(where, args, "c.aggregate_id", filter.aggregateId());
        equal(where, args, "c.event_type", filter.eventType());
        equal(where, args, "c.correlation_id", filter.correlationId());
        if (filter.after() != null) {
            where.append(filter.newestFirst() ? " and c.global_index < ?" : " and c.global_index > ?");
            args.add(filter.after());
        }
        args.add(filter.limit() + 1);
        String order = " order by c.global_index " + (filter.newestFirst() ? "desc" : "asc");
        // the page is cut from the index first and only its rows are joined to the event table, whatever the
        // planner believes about the tables' sizes
        List<LoggedEvent> rows = jdbc.query("select c.*, e.sequencenumber, e.payloadtype, e.payloadrevision, "
                + "e.timestamp, e.payload, e.metadata from (select * from event_chain c" + where + order
                + " limit ?) c join domainevententry e on e.globalindex = c.global_index" + order, this::row,
                args.toArray());
        boolean more = rows.size() > filter.limit();
        List<LoggedEvent> page = more ? rows.subList(0, filter.limit()) : rows;
        return new Page(List.copyOf(page), more ? page.get(page.size() - 1).globalIndex() : null);
    }

    /** The city an aggregate's events were filed under, if any (null: unknown or not in any city). */
    public List<String> citiesOf(String aggregateType, String aggregateId) {
        return jdbc.queryForList("select distinct city_id from event_chain where aggregate_id = ? and aggregate_type = ? "
                + "and city_id is not null", String.class, aggregateId, aggregateType);
    }

    private static void equal(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private LoggedEvent row(ResultSet rs, int n) throws SQLException {
        byte[] payload = rs.getBytes("payload");
        byte[] metadataBytes = rs.getBytes("metadata");
        JsonNode metadata = read(metadataBytes);
        JsonNode payloadJson = read(payload);
        boolean payloadSecret = Redaction.redact(payloadJson);
        boolean metadataSecret = Redaction.redact(metadata);
        Base64.Encoder base64 = Base64.getEncoder();
        HexFormat hex = HexFormat.of();
        return new LoggedEvent(rs.getLong("global_index"), rs.getLong("link_seq"),
                rs.getTimestamp("event_time").toInstant(), rs.getString("user_id"), text(metadata, "userName"),
                text(metadata, "roles"), rs.getString("actor_unit_id"), text(metadata, "clientIp"),
                rs.getString("subject_unit_id"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                rs.getLong("sequencenumber"), rs.getString("event_type"), rs.getString("correlation_id"),
                text(metadata, "causationId"), payloadJson, metadata,
                new Link(rs.getString("event_identifier"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                        rs.getString("timestamp"), hex.formatHex(ChainHash.digest(payload)),
                        hex.formatHex(ChainHash.digest(metadataBytes)),
                        payload == null || payloadSecret ? null : base64.encodeToString(payload),
                        metadataBytes == null || metadataSecret ? null : base64.encodeToString(metadataBytes),
                        hex.formatHex(rs.getBytes("prev_hash")), hex.formatHex(rs.getBytes("hash"))));
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return TextNode.valueOf(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }
}
