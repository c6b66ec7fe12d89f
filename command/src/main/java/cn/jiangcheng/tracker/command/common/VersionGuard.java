package cn.jiangcheng.tracker.command.common;

import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.MetaData;

/**
 * Optimistic concurrency: a change names the version its author saw, and loses (409) when the record changed since,
 * so of two people acting at once exactly one wins.
 */
public final class VersionGuard {
    private VersionGuard() {
    }

    /**
     * The caller's expected version must be the current one (409 otherwise), checked after the city: another city
     * learns nothing, not even that the record changed since its (guessed) version.
     */
    public static void requireCurrentVersion(MetaData metaData, ConflictResolver conflicts, String aggregateCityId,
                                             String notFoundMessage) {
        TenantGuard.requireSameCity(metaData, aggregateCityId, notFoundMessage);
        conflicts.detectConflicts(unseenEvents -> !unseenEvents.isEmpty());
    }
}
