package cn.jiangcheng.tracker.app.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays one record's events through its own aggregate class, without the repository and without touching the
 * live state: what it looked like after each event, or as of any moment.
 */
@Component
public class AggregateHistory {
    private final EventStore eventStore;
    private final Configuration axon;
    /** Reads the aggregate's private fields: that is its state, whatever getters it has (usually none). */
    private final ObjectMapper stateMapper = new ObjectMapper()
            .findAndRegisterModules()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ObjectMapper payloadMapper = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AggregateHistory(EventStore eventStore, Configuration axon) {
        this.eventStore = eventStore;
        this.axon = axon;
    }

    public record Change(String field, JsonNode before, JsonNode after) {
    }

    public record Step(long sequenceNumber, Instant time, String eventType, String userId, String userName, String roles,
                       String orgUnitId, String clientIp, String correlationId, JsonNode payload, List<Change> changes) {
    }

    public record Timeline(String aggregateType, String aggregateId, List<Step> steps) {
    }

    public record State(String aggregateType, String aggregateId, Instant asOf, long version, Instant lastChanged,
                        String lastEventType, JsonNode state) {
    }

    public List<String> aggregateTypes() {
        return axon.findModules(AggregateConfiguration.class).stream()
                .map(c -> c.aggregateType().getSimpleName()).sorted().toList();
    }

    public Optional<Timeline> timeline(String aggregateType, String aggregateId) {
        return replay(aggregateType, aggregateId, null).map(replayed -> new Timeline(aggregateType, aggregateId,
                replayed.steps()));
    }

    /** The state after the last event at or before {@code asOf}; empty when the record did not exist yet. */
    public Optional<State> stateAsOf(String aggregateType, String aggregateId, Instant asOf) {
        return replay(aggregateType, aggregateId, asOf).filter(r -> !r.steps().isEmpty()).map(r -> {
            Step last = r.steps().get(r.steps().size() - 1);
            return new State(aggregateType, aggregateId, asOf, last.sequenceNumber(), last.time(), last.eventType(),
                    r.finalState());
        });
    }

    private record Replayed(List<Step> steps, JsonNode finalState) {
    }

    private Optional<Replayed> replay(String aggregateType, String aggregateId, Instant asOf) {
        Optional<Class<?>> type = aggregateClass(aggregateType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!aggregateType.equals(event.getType())) {
                return Optional.empty();
            }
            if (asOf == null || !event.getTimestamp().isAfter(asOf)) {
                events.add(event);
            }
        }
        if (events.isEmpty() && asOf == null) {
            return Optional.empty();
        }
        return Optional.of(fold(type.get(), events));
    }

    private <T> Replayed fold(Class<T> type, List<DomainEventMessage<?>> events) {
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                axon.parameterResolverFactory(), axon.handlerDefinition(type));
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(newInstance(type), model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        List<Step> steps = new ArrayList<>();
        JsonNode before = NullNode.getInstance();
        for (DomainEventMessage<?> event : events) {
            aggregate.initializeState(DomainEventStream.of(event));
            JsonNode after = stateMapper.valueToTree(aggregate.getAggregateRoot());
            Redaction.redact(after);
            JsonNode payload = payloadMapper.valueToTree(event.getPayload());
            Redaction.redact(payload);
            var meta = event.getMetaData();
            steps.add(new Step(event.getSequenceNumber(), event.getTimestamp(), event.getPayloadType().getSimpleName(),
                    str(meta.get("userId")), str(meta.get("userName")), str(meta.get("roles")),
                    str(meta.get("orgUnitId")), str(meta.get("clientIp")), str(meta.get("correlationId")),
                    payload, diff(before, after)));
            before = after;
        }
        return new Replayed(steps, before);
    }

    private Optional<Class<?>> aggregateClass(String simpleName) {
        return axon.findModules(AggregateConfiguration.class).stream()
                .<Class<?>>map(AggregateConfiguration::aggregateType)
                .filter(c -> c.getSimpleName().equals(simpleName)).findFirst();
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("aggregate " + type.getName() + " has no no-argument constructor", e);
        }
    }

    /** Field-level differences, as dotted paths (values[2].value), so a reader sees exactly what moved. */
    static List<Change> diff(JsonNode before, JsonNode after) {
        Map<String, JsonNode> a = new LinkedHashMap<>();
        Map<String, JsonNode> b = new LinkedHashMap<>();
        flatten("", before, a);
        flatten("", after, b);
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            JsonNode was = a.getOrDefault(path, NullNode.getInstance());
            JsonNode now = b.getOrDefault(path, NullNode.getInstance());
            if (!was.equals(now)) {
                changes.add(new Change(path, was, now));
            }
        }
        return changes;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, node);
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node);
        }
    }

    private static String str(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
