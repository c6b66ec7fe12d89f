package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.ProjectionCatalog;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Projections rebuilt from the event store while the app keeps serving: stop the processor, reset its tokens (each
 * projection's @ResetHandler empties its own tables), start it again and let it replay to the head.
 */
@Component
public class ProjectionAdmin {
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Map<String, String> restarting = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private final ProjectionCatalog catalog;

    public ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, ProjectionCatalog catalog) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public enum Phase { READY, REPLAYING, CATCHING_UP, RESTARTING, STOPPED, ERROR }

    /** tables: what a rebuild empties and fills again. */
    public record ProjectionStatus(String name, List<String> tables, Phase phase, boolean running, boolean replaying,
                                   int segments, Long position, Long replayTarget, long head, Integer progressPercent,
                                   String error) {
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> status(e.getKey(), e.getValue(), head)).toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        return Optional.ofNullable(processors().get(name)).map(p -> status(name, p, head()));
    }

    /** False when there is no such projection; throws when it cannot be reset. Runs in the background. */
    public boolean rebuild(String name) {
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null) {
            return false;
        }
        if (!processor.supportsReset()) {
            throw new IllegalStateException(name + " cannot be reset");
        }
        if (restarting.putIfAbsent(name, name) != null) {
            return true; // already on its way; a second click must not stop it half-way
        }
        failures.remove(name);
        rebuilds.submit(() -> {
            try {
                processor.shutdownAsync().get(60, TimeUnit.SECONDS);
                processor.resetTokens();
            } catch (Exception e) {
                failures.put(name, e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                processor.start();
                restarting.remove(name);
            }
        });
        return true;
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        // Axon keeps a segment "replaying" until its token covers the reset token, gaps included, which can take
        // long after every event was replayed; reaching the reset position is what makes the projection whole again
        boolean replaying = segments.stream().anyMatch(ProjectionAdmin::stillReplaying);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        String error = failures.getOrDefault(name, segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).findFirst().orElse(null));
        Long position = segments.stream().map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).min(Long::compare).orElse(null);
        Long target = segments.stream().map(EventTrackerStatus::getResetPosition).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).max(Long::compare).orElse(null);
        Phase phase;
        if (restarting.containsKey(name)) {
            phase = Phase.RESTARTING;
        } else if (error != null) {
            phase = Phase.ERROR;
        } else if (!processor.isRunning()) {
            phase = Phase.STOPPED;
        } else if (replaying) {
            phase = Phase.REPLAYING;
        } else if (!caughtUp) {
            phase = Phase.CATCHING_UP;
        } else {
            phase = Phase.READY;
        }
        Integer progress = null;
        if (phase == Phase.READY) {
            progress = 100;
        } else if (position != null) {
            long goal = phase == Phase.REPLAYING && target != null ? target : head;
            progress = goal <= 0 ? 100 : (int) Math.min(99, position * 100 / goal);
        }
        return new ProjectionStatus(name, catalog.named(name).orElseThrow().tables(), phase, processor.isRunning(),
                replaying, segments.size(), position, target, head, progress, error);
    }

    private static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong position = segment.getCurrentPosition();
        OptionalLong target = segment.getResetPosition();
        return position.isEmpty() || target.isEmpty() || position.getAsLong() < target.getAsLong();
    }

    /** The declared projections only: what is rebuilt is what the read side says it owns. */
    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> found = new java.util.HashMap<>();
        for (ProjectionTables projection : catalog.projections()) {
            String name = projection.processingGroup();
            found.put(name, processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(
                    () -> new IllegalStateException("projection " + name + " has no streaming event processor")));
        }
        return found;
    }

    private long head() {
        Long max = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        return max == null ? 0 : max;
    }
}
