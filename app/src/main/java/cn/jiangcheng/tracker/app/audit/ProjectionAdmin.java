package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.ProjectionCatalog;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Projections rebuilt from the event store while the app keeps serving: stop the processor, reset its tokens (each
 * projection's @ResetHandler empties its own tables), start it again and let it replay to the head. From the
 * click until the replay reached the head the projection is marked in {@link ProjectionRebuilds}, so every node
 * refuses its reads ({@link ProjectionReadGuard}) instead of serving half-filled tables; this node watches the
 * replay every second, keeps the mark's progress and heartbeat fresh and clears it when the projection is whole.
 */
@Component
public class ProjectionAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Map<String, String> restarting = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    /** The rebuilds this node marked (or took over after a restart) and clears when they are done. */
    private final Set<String> watching = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final ProjectionCatalog catalog;
    private final ProjectionRebuilds marks;

    public ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, ProjectionCatalog catalog,
                           ProjectionRebuilds marks) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.marks = marks;
        watcher.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopWatching() {
        watcher.shutdownNow();
    }

    public enum Phase { READY, REPLAYING, CATCHING_UP, RESTARTING, STOPPED, ERROR }

    /** tables: what a rebuild empties and fills again. */
    public record ProjectionStatus(String name, List<String> tables, Phase phase, boolean running, boolean replaying,
                                   int segments, Long position, Long replayTarget, long head, Integer progressPercent,
                                   String error) {
    }

    /** Also clears the mark of a rebuild that is done, so that whoever saw it READY can read it at once. */
    public List<ProjectionStatus> statuses() {
        long head = head();
        return processors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> status(e.getKey(), e.getValue(), head)).peek(this::settle).toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        return Optional.ofNullable(processors().get(name)).map(p -> status(name, p, head())).map(this::settle);
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
        marks.begin(name); // before the processor stops: no read may see the tables emptied
        watching.add(name);
        rebuilds.submit(() -> {
            try {
                // other nodes see the mark once their cached view of it expires; only then are the tables emptied
                Thread.sleep(ProjectionRebuilds.CACHE_MILLIS + 200);
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

    /** Keeps the mark of a watched rebuild up to date and clears it once the projection is whole again. */
    private ProjectionStatus settle(ProjectionStatus status) {
        if (watching.contains(status.name()) && !restarting.containsKey(status.name())) {
            if (whole(status)) {
                marks.end(status.name());
                watching.remove(status.name());
            } else {
                marks.progress(status.name(), status.progressPercent() == null ? 0 : status.progressPercent());
            }
        }
        return status;
    }

    /** A rebuild that failed before the replay began leaves the processor where it was: whole as well. */
    private boolean whole(ProjectionStatus status) {
        return status.phase() == Phase.READY || (status.phase() == Phase.ERROR && failures.containsKey(status.name())
                && status.running() && !status.replaying() && status.position() != null
                && status.position() >= status.head());
    }

    private void watch() {
        try {
            // a mark whose node stopped beating is taken over if the replay goes on here (e.g. after a restart)
            for (String name : marks.abandoned()) {
                status(name).filter(s -> s.phase() == Phase.REPLAYING).ifPresent(s -> watching.add(name));
            }
            for (String name : List.copyOf(watching)) {
                status(name);
            }
        } catch (RuntimeException e) {
            LOG.warn("Watching projection rebuilds failed: {}", e.toString());
        }
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
