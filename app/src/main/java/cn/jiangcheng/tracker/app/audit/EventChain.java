package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.app.audit.ChainHash.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links freshly appended events into the hash chain and files them in the auditor's index. Runs inside the
 * transaction that stores the events, so an event never exists without its link. An advisory lock makes the chain
 * follow commit order across all app instances.
 */
@Component
public class EventChain {
    /** Arbitrary, fixed: the advisory lock that serialises chain appends (ASCII "jcchain"). */
    static final long CHAIN_LOCK = 0x6a6363686169_6eL;
    private static final int BACKFILL_PAGE = 1000;

    static final String EVENT_COLUMNS = "e.globalindex, e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber, "
            + "e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata";

    static final RowMapper<StoredEvent> STORED_EVENT = (rs, n) -> new StoredEvent(rs.getLong("globalindex"),
            rs.getString("eventidentifier"), rs.getString("type"), rs.getString("aggregateidentifier"),
            rs.getLong("sequencenumber"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
            rs.getString("timestamp"), rs.getBytes("payload"), rs.getBytes("metadata"));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long seq, byte[] hash) {
    }

    private record Owner(String cityId, String subjectUnitId) {
    }

    /** An event read back as stored, with its search columns worked out: everything but its place in the chain. */
    record Pending(StoredEvent event, String cityId, String actorUnitId, String subjectUnitId, String userId,
                   String correlationId) {
    }

    /**
     * Reads the just-inserted rows back and works out their search columns. Runs in the appending transaction but
     * before the chain lock is taken, so the lock is held only for the head read, the link insert and the commit.
     */
    public List<Pending> prepare(List<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return List.of();
        }
        List<StoredEvent> events = jdbc.query("select " + EVENT_COLUMNS + " from domainevententry e "
                + "where e.eventidentifier = any(?) order by e.globalindex", STORED_EVENT,
                (Object) eventIdentifiers.toArray(String[]::new));
        return describe(events);
    }

    /** Must run in the transaction that inserted the events, as late as possible before its commit. */
    public void link(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, CHAIN_LOCK);
        // a statement of its own: its snapshot must be taken after the lock, or it misses the link committed just before
        List<Head> heads = jdbc.query("select link_seq, hash from event_chain order by link_seq desc limit 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)));
        if (heads.isEmpty()) {
            backfill();
            return;
        }
        append(heads.get(0), pending);
    }

    /** The first append on a database that has events but no chain yet (a fresh one, or one from before the chain). */
    private void backfill() {
        Head head = new Head(0, ChainHash.GENESIS);
        long after = -1;
        while (true) {
            List<StoredEvent> page = jdbc.query("select " + EVENT_COLUMNS + " from domainevententry e "
                    + "where e.globalindex > ? order by e.globalindex limit ?", STORED_EVENT, after, BACKFILL_PAGE);
            if (page.isEmpty()) {
                return;
            }
            head = append(head, describe(page));
            after = page.get(page.size() - 1).globalIndex();
        }
    }

    private List<Pending> describe(List<StoredEvent> events) {
        Map<String, Owner> owners = new HashMap<>();
        List<Pending> pending = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            JsonNode metadata = read(event.metadata());
            JsonNode payload = read(event.payload());
            Owner earlier = owners.computeIfAbsent(event.aggregateIdentifier(), this::earlierOwner);
            String userId = text(metadata, AuditKeys.USER_ID);
            String subjectUnit = firstNonNull(subjectUnitOf(payload), earlier.subjectUnitId());
            String city = cityOf(userId, metadata, payload, earlier, subjectUnit, owners);
            owners.put(event.aggregateIdentifier(), new Owner(city, subjectUnit));
            pending.add(new Pending(event, city, text(metadata, AuditKeys.ORG_UNIT_ID), subjectUnit, userId,
                    text(metadata, AuditKeys.CORRELATION_ID)));
        }
        return pending;
    }

    private Head append(Head head, List<Pending> pending) {
        List<Object[]> rows = new ArrayList<>(pending.size());
        long seq = head.seq();
        byte[] previous = head.hash();
        for (Pending p : pending) {
            StoredEvent event = p.event();
            byte[] hash = ChainHash.link(previous, event);
            seq++;
            rows.add(new Object[]{seq, event.globalIndex(), event.eventIdentifier(), previous, hash, p.cityId(),
                    p.actorUnitId(), p.subjectUnitId(), p.userId(), event.aggregateType(),
                    event.aggregateIdentifier(), simpleName(event.payloadType()), p.correlationId(),
                    Timestamp.from(Instant.parse(event.timestamp()))});
            previous = hash;
        }
        jdbc.batchUpdate("insert into event_chain (link_seq, global_index, event_identifier, prev_hash, hash, city_id, "
                + "actor_unit_id, subject_unit_id, user_id, aggregate_type, aggregate_id, event_type, correlation_id, "
                + "event_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return new Head(seq, previous);
    }

    /**
     * The city an event belongs to: the acting user's city; for the system's own actions the city named in the
     * payload, else the city of the record's earlier events, else the city of the unit the event is about.
     */
    private String cityOf(String userId, JsonNode metadata, JsonNode payload, Owner earlier, String subjectUnit,
                          Map<String, Owner> owners) {
        String actorCity = text(metadata, AuditKeys.CITY_ID);
        if (actorCity != null && !AuditKeys.SYSTEM_USER.equals(userId)) {
            return actorCity;
        }
        String named = cityNamedIn(payload);
        if (named != null) {
            return named;
        }
        if (earlier.cityId() != null) {
            return earlier.cityId();
        }
        if (subjectUnit != null) {
            Owner unit = owners.computeIfAbsent(subjectUnit, this::earlierOwner);
            return unit.cityId();
        }
        return actorCity;
    }

    /** A cityId in the payload itself or one level down (an indicator's definition carries its city). */
    private static String cityNamedIn(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return null;
        }
        if (text(payload, "cityId") != null) {
            return text(payload, "cityId");
        }
        for (JsonNode child : payload) {
            if (child.isObject() && text(child, "cityId") != null) {
                return text(child, "cityId");
            }
        }
        return null;
    }

    private Owner earlierOwner(String aggregateId) {
        List<Owner> found = jdbc.query("select city_id, subject_unit_id from event_chain where aggregate_id = ? "
                        + "order by global_index desc limit 1",
                (rs, n) -> new Owner(rs.getString(1), rs.getString(2)), aggregateId);
        return found.isEmpty() ? new Owner(null, null) : found.get(0);
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return null; // not JSON: still linked and hashed, only not indexed by its content
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank() ? null : value.asText();
    }

    /** The unit an event is about: its orgUnitId, else the first other "...UnitId" it names (responsible, lead …). */
    static String subjectUnitOf(JsonNode payload) {
        String unit = text(payload, "orgUnitId");
        if (unit != null || payload == null || !payload.isObject()) {
            return unit;
        }
        var fields = payload.fieldNames();
        while (fields.hasNext()) {
            String name = fields.next();
            if (name.endsWith("UnitId") && text(payload, name) != null) {
                return text(payload, name);
            }
        }
        return null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }
}
