package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.ProjectionCatalog;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers a read-model query as it would have been answered at a past moment, without touching the live read
 * models: inside one transaction that is always rolled back, temporary tables shadow the projections' tables, the
 * projections' own handlers replay the city's events up to that moment into them, and the query runs against them.
 */
@Component
public class PointInTime {
    private static final int PAGE = 1000;

    /** The projections the city rollup reads, as the read side declares them. */
    private final List<ProjectionTables> replayed;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final TransactionTemplate transactions;

    public PointInTime(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                       @Qualifier("eventSerializer") Serializer eventSerializer,
                       PlatformTransactionManager transactionManager, ProjectionCatalog catalog) {
        this.replayed = catalog.cityRollupSources();
        this.processing = processing;
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T query(String cityId, Instant asOf, Supplier<T> query) {
        List<EventHandlerInvoker> invokers = replayed.stream().map(ProjectionTables::processingGroup)
                .map(name -> processing.eventProcessor(name, AbstractEventProcessor.class)
                        .orElseThrow(() -> new IllegalStateException("no projection " + name)).eventHandlerInvoker())
                .toList();
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            for (String table : shadowedTables()) {
                jdbc.execute("create temporary table " + table + " (like public." + table
                        + " including defaults including constraints including indexes) on commit drop");
            }
            long after = -1;
            while (true) {
                List<GenericTrackedDomainEventMessage<?>> page = page(cityId, asOf, after);
                for (GenericTrackedDomainEventMessage<?> event : page) {
                    for (EventHandlerInvoker invoker : invokers) {
                        try {
                            invoker.handle(event, Segment.ROOT_SEGMENT);
                        } catch (Exception e) {
                            throw new IllegalStateException("replaying " + event.getPayloadType().getSimpleName(), e);
                        }
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = ((GlobalSequenceTrackingToken) page.get(page.size() - 1).trackingToken()).getGlobalIndex();
            }
            return query.get();
        });
    }

    /** Every table of every replayed projection: a handler then never writes a live table. */
    List<String> shadowedTables() {
        return replayed.stream().flatMap(p -> p.tables().stream()).toList();
    }

    List<ProjectionTables> replayed() {
        return replayed;
    }

    private List<GenericTrackedDomainEventMessage<?>> page(String cityId, Instant asOf, long after) {
        return jdbc.query("select e.globalindex, e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber, "
                        + "e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata from event_chain c "
                        + "join domainevententry e on e.globalindex = c.global_index "
                        + "where (c.city_id = ? or c.city_id is null) and c.aggregate_type is not null "
                        + "and c.event_time <= ? and c.global_index > ? order by c.global_index limit ?",
                (rs, n) -> {
                    Object payload = eventSerializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("payload"),
                            byte[].class, new SimpleSerializedType(rs.getString("payloadtype"),
                            rs.getString("payloadrevision"))));
                    byte[] metadataBytes = rs.getBytes("metadata");
                    MetaData metaData = metadataBytes == null ? MetaData.emptyInstance()
                            : eventSerializer.deserialize(new SimpleSerializedObject<>(metadataBytes, byte[].class,
                            new SimpleSerializedType(MetaData.class.getName(), null)));
                    return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(rs.getLong("globalindex")),
                            new GenericDomainEventMessage<>(rs.getString("type"), rs.getString("aggregateidentifier"),
                                    rs.getLong("sequencenumber"), payload, metaData, rs.getString("eventidentifier"),
                                    Instant.parse(rs.getString("timestamp"))));
                }, cityId, Timestamp.from(asOf), after, PAGE);
    }
}
