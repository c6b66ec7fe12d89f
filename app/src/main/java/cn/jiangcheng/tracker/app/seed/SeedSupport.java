package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.app.security.SystemActor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

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
}
