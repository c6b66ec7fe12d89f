package cn.jiangcheng.tracker.app.audit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/** Axon's JDBC engine, with every append linked into the hash chain in the same transaction. */
public class ChainedEventStorageEngine extends JdbcEventStorageEngine {
    private final EventChain chain;
    private final TransactionManager transactionManager;

    public ChainedEventStorageEngine(Builder builder, EventChain chain, TransactionManager transactionManager) {
        super(builder);
        this.chain = chain;
        this.transactionManager = transactionManager;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // joins the command's transaction; opens one for events published outside a unit of work
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            List<EventChain.Pending> pending = chain.prepare(events.stream().map(EventMessage::getIdentifier).toList());
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                // the chain lock serialises every appending transaction until it commits: take it at the last moment
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        chain.link(pending);
                    }
                });
            } else {
                chain.link(pending);
            }
        });
    }
}
