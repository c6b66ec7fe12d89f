package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.app.security.SystemActor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeding runs at every start on every node: it sends a create command only for records the event store does
 * not hold, and a node that loses the race to another one simply moves on.
 */
@Component
class SeedSupport {
    private final CommandGateway commandGateway;
    private final EventStore eventStore;

    SeedSupport(CommandGateway commandGateway, EventStore eventStore) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
    }

    boolean createIfMissing(String aggregateId, Object createCommand) {
        if (eventStore.readEvents(aggregateId).hasNext()) {
            return false;
        }
        try {
            SystemActor.run(() -> commandGateway.sendAndWait(createCommand));
            return true;
        } catch (ConcurrencyException | AggregateStreamCreationException raceLostToAnotherNode) {
            return false;
        }
    }

    /** The stored events of one record, oldest first; empty when the store does not hold it. */
    List<DomainEventMessage<?>> history(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }

    /** Sends a command as the system; false when another node changed the record first (it will be re-read). */
    boolean sendAsSystem(Object command) {
        try {
            SystemActor.run(() -> commandGateway.sendAndWait(command));
            return true;
        } catch (ConcurrencyException | ConflictingModificationException raceLostToAnotherNode) {
            return false;
        }
    }
}
