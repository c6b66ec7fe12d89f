package cn.jiangcheng.tracker.bench;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.zaxxer.hikari.HikariDataSource;

/** One engine, its transaction manager and its connection pool, built the same way for both kinds. */
final class EngineUnderTest implements AutoCloseable {

    final EngineKind kind;
    final EventStorageEngine engine;
    final TransactionManager transactions;
    private final HikariDataSource pool;
    private final EntityManagerFactory entityManagerFactory;

    private EngineUnderTest(EngineKind kind, EventStorageEngine engine, TransactionManager transactions,
                            HikariDataSource pool, EntityManagerFactory entityManagerFactory) {
        this.kind = kind;
        this.engine = engine;
        this.transactions = transactions;
        this.pool = pool;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Axon's JacksonSerializer with a default ObjectMapper, a new one per engine so neither inherits warm caches. */
    static Serializer serializer() {
        return JacksonSerializer.defaultSerializer();
    }

    static EngineUnderTest open(EngineKind kind, Database database, BenchConfig config) {
        HikariDataSource pool = database.pool(kind.schema, config.poolSize(), "bench-" + kind.name().toLowerCase());
        Serializer serializer = serializer();
        try {
            switch (kind) {
                case JDBC -> {
                    JdbcTransactions tx = new JdbcTransactions(pool);
                    EventStorageEngine engine = JdbcEventStorageEngine.builder()
                            .connectionProvider(tx)
                            .transactionManager(tx)
                            .eventSerializer(serializer)
                            .snapshotSerializer(serializer)
                            .persistenceExceptionResolver(new SQLStateResolver())
                            .batchSize(config.batchSize())
                            .build();
                    return new EngineUnderTest(kind, engine, tx, pool, null);
                }
                case JPA -> {
                    // validate: Hibernate must accept the Flyway tables as they are (bytea columns, bigserial's
                    // sequence); a @Lob left in the mapping would fail here with "found bytea, expecting oid"
                    EntityManagerFactory factory = entityManagerFactory("axon-bytea", pool, "validate");
                    JpaTransactions tx = new JpaTransactions(factory);
                    EventStorageEngine engine = JpaEventStorageEngine.builder()
                            .entityManagerProvider(tx)
                            .transactionManager(tx)
                            .eventSerializer(serializer)
                            .snapshotSerializer(serializer)
                            .persistenceExceptionResolver(new SQLStateResolver())
                            .batchSize(config.batchSize())
                            .build();
                    return new EngineUnderTest(kind, engine, tx, pool, factory);
                }
                default -> throw new IllegalArgumentException(kind.name());
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * The JDBC engine reads an aggregate "until empty": after the batch with the events it always runs one more query
     * that returns nothing, because its query selects a range of sequence numbers rather than a row count. Axon's
     * builder lets that be replaced by "a short batch is the last one"; this variant measures what that would save.
     * It shares this engine's pool and transactions.
     */
    EventStorageEngine jdbcWithShortBatchAsLast(BenchConfig config) {
        if (kind != EngineKind.JDBC) {
            throw new IllegalStateException("only for JDBC");
        }
        JdbcTransactions tx = (JdbcTransactions) transactions;
        int batchSize = config.batchSize();
        Serializer serializer = serializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(tx)
                .transactionManager(tx)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver())
                .batchSize(batchSize)
                .finalAggregateBatchPredicate(batch -> batch.size() < batchSize)
                .build();
    }

    /**
     * Plain Hibernate settings (no Spring naming strategy, so entity and column names stay Axon's and fold to the
     * Flyway table's lower-case names); everything else is left at Hibernate's defaults, as Spring Boot does.
     */
    static EntityManagerFactory entityManagerFactory(String unit, HikariDataSource pool, String schemaAction) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", pool);
        properties.put("hibernate.hbm2ddl.auto", schemaAction);
        // -Dbench.showSql=true prints Hibernate's SQL, to see what the JPA engine sends
        properties.put("hibernate.show_sql", System.getProperty("bench.showSql", "false"));
        return Persistence.createEntityManagerFactory(unit, properties);
    }

    @Override
    public void close() {
        if (entityManagerFactory != null) {
            entityManagerFactory.close();
        }
        pool.close();
    }
}
