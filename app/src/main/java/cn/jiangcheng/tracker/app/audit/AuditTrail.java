package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.audit.AuditEvents.AuditTrailRead;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.audit.AuditEvents.ProjectionRebuildRequested;
import cn.jiangcheng.tracker.app.security.AuditMetadataInterceptor;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Records what auditors read and start, as events in the log they read, chained like every other event. */
@Component
public class AuditTrail {
    private final EventGateway events;

    public AuditTrail(EventGateway events) {
        this.events = events;
    }

    public void read(TrackerUser auditor, String view, Map<String, String> filters, int resultCount) {
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        publish(auditor, new AuditTrailRead(view, kept, resultCount));
    }

    public void rebuildRequested(TrackerUser auditor, String projection) {
        publish(auditor, new ProjectionRebuildRequested(projection));
    }

    private void publish(TrackerUser auditor, Object event) {
        var message = GenericEventMessage.asEventMessage(event).andMetaData(AuditMetadataInterceptor.actor(auditor));
        // a read has no command before it: it is the first message of its own chain
        events.publish(message.andMetaData(Map.of(AuditKeys.CAUSATION_ID, message.getIdentifier())));
    }
}
