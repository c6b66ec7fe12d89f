package cn.jiangcheng.tracker.command.org;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Axon's in-memory storage engine accepts a second event with a sequence number an aggregate already used. The
 * JPA/JDBC event tables the application runs on do not: (aggregate id, sequence number) is their unique key, and
 * Axon turns a violation into {@link AggregateStreamCreationException} for the first event of a stream and
 * {@link ConcurrencyException} for later ones. This engine enforces the same key so that tests see what production
 * sees.
 */
class UniqueKeyInMemoryEventStorageEngine extends InMemoryEventStorageEngine {

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && isTaken(domainEvent)) {
                String description = "Event " + domainEvent.getSequenceNumber() + " of aggregate "
                        + domainEvent.getAggregateIdentifier() + " already exists";
                throw domainEvent.getSequenceNumber() == 0
                        ? new AggregateStreamCreationException(description)
                        : new ConcurrencyException(description);
            }
        }
        super.appendEvents(events);
    }

    private boolean isTaken(DomainEventMessage<?> event) {
        return readEvents(event.getAggregateIdentifier(), event.getSequenceNumber()).asStream()
                .anyMatch(stored -> stored.getSequenceNumber() == event.getSequenceNumber());
    }
}
