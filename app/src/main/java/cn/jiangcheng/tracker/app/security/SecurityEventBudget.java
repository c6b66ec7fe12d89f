package cn.jiangcheng.tracker.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one caller from filling the hash-chained log: per kind of security event and source (a user, or a
 * client address) at most {@code perMinute} events a minute on this node are recorded one by one; the rest are
 * counted and their count recorded once that minute is over. Kept in memory: a restart starts a new minute.
 */
@Component
class SecurityEventBudget {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perMinute;
    /** Guarded by this; windows that are over are removed by {@link #closeEnded()}. */
    private final Map<String, Window> windows = new HashMap<>();

    SecurityEventBudget(Clock clock, @Value("${tracker.security.audit-events-per-minute}") int perMinute) {
        this.clock = clock;
        this.perMinute = Math.max(1, perMinute);
    }

    /** The count of events one source had suppressed in a minute, and who that source was (its metadata). */
    record Suppressed(String kind, String source, long count, Instant from, Instant until, Map<String, String> who) {
    }

    /** Whether to record this event, and the summary of the source's previous minute if it had any suppressed. */
    record Admission(boolean record, Optional<Suppressed> previous) {
    }

    synchronized Admission admit(String kind, String source, Map<String, String> who) {
        Instant now = clock.instant();
        String key = kind + "\n" + source;
        Window window = windows.get(key);
        Optional<Suppressed> previous = Optional.empty();
        if (window == null || window.isOver(now)) {
            previous = window == null ? Optional.empty() : window.summary();
            window = new Window(kind, source, now, who);
            windows.put(key, window);
        }
        if (window.recorded < perMinute) {
            window.recorded++;
            return new Admission(true, previous);
        }
        window.suppressed++;
        return new Admission(false, previous);
    }

    /** Forgets the minutes that are over and answers the counts of those that suppressed anything. */
    synchronized List<Suppressed> closeEnded() {
        Instant now = clock.instant();
        List<Suppressed> ended = new ArrayList<>();
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window window = it.next();
            if (window.isOver(now)) {
                window.summary().ifPresent(ended::add);
                it.remove();
            }
        }
        return ended;
    }

    /** Starts every source afresh (tests that spend a budget leave none spent for the next). */
    synchronized void forget() {
        windows.clear();
    }

    private static final class Window {
        private final String kind;
        private final String source;
        private final Instant start;
        private final Map<String, String> who;
        private int recorded;
        private long suppressed;

        private Window(String kind, String source, Instant start, Map<String, String> who) {
            this.kind = kind;
            this.source = source;
            this.start = start;
            this.who = Collections.unmodifiableMap(new HashMap<>(who)); // may hold empty or null values
        }

        private boolean isOver(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }

        private Optional<Suppressed> summary() {
            return suppressed == 0 ? Optional.empty()
                    : Optional.of(new Suppressed(kind, source, suppressed, start, start.plus(WINDOW), who));
        }
    }
}
