package cn.jiangcheng.tracker.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** The measured operations and the correctness checks, identical for every engine. */
final class Workloads {

    private Workloads() {
    }

    // ---------------------------------------------------------------- appends

    record AppendResult(int events, long wallNanos, long[] sortedLatencyNanos) {
        double eventsPerSecond() {
            return events / (wallNanos / 1e9);
        }

        double percentileMillis(double p) {
            return percentile(sortedLatencyNanos, p) / 1e6;
        }

        /** Several blocks as one: events over the summed wall time of the blocks, latencies of all of them. */
        static AppendResult combine(List<AppendResult> parts) {
            int events = parts.stream().mapToInt(AppendResult::events).sum();
            long wall = parts.stream().mapToLong(AppendResult::wallNanos).sum();
            long[] latencies = parts.stream().flatMapToLong(r -> Arrays.stream(r.sortedLatencyNanos())).sorted()
                    .toArray();
            return new AppendResult(events, wall, latencies);
        }
    }

    /**
     * Every thread appends its own events, one per transaction: start transaction, appendEvents, commit — the way a
     * command handler's unit of work stores the one event it applied. Latency is measured around that whole sequence,
     * so it includes taking a connection from the pool and the commit's WAL flush.
     */
    static AppendResult append(EngineUnderTest e, List<EventFactory.ThreadWork> work) throws Exception {
        int threads = work.size();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> futures = new ArrayList<>();
            for (EventFactory.ThreadWork w : work) {
                futures.add(executor.submit(() -> {
                    long[] latencies = new long[w.events().size()];
                    ready.countDown();
                    start.await();
                    int i = 0;
                    for (DomainEventMessage<?> event : w.events()) {
                        long t0 = System.nanoTime();
                        appendOne(e, event);
                        latencies[i++] = System.nanoTime() - t0;
                    }
                    return latencies;
                }));
            }
            ready.await();
            long t0 = System.nanoTime();
            start.countDown();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            long wall = System.nanoTime() - t0;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new AppendResult(merged.length, wall, merged);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void appendOne(EngineUnderTest e, DomainEventMessage<?> event) {
        Transaction tx = e.transactions.startTransaction();
        try {
            e.engine.appendEvents(event);
        } catch (RuntimeException ex) {
            tx.rollback();
            throw ex;
        }
        tx.commit();
    }

    // ---------------------------------------------------------------- aggregate loads

    record LoadResult(int loads, long events, long[] sortedLatencyNanos, int wrongStreams) {
        double meanMillis() {
            return Arrays.stream(sortedLatencyNanos).average().orElse(0) / 1e6;
        }

        double percentileMillis(double p) {
            return percentile(sortedLatencyNanos, p) / 1e6;
        }
    }

    /** An engine and the transactions it runs in, for aggregate loads. */
    record Loader(EventStorageEngine engine, TransactionManager transactions) {
    }

    /**
     * Loads random aggregates one after another, each inside a transaction as in a command handler, and
     * deserializes every payload and metadata map as event sourcing the aggregate would. Every aggregate is loaded
     * by each loader in turn (who goes first rotates), so all of them meet the same machine. A stream counts as
     * wrong when its sequence numbers are not exactly 0..n-1 for the n events that were appended.
     */
    static LoadResult[] loadAggregates(List<Loader> loaders, Map<String, Integer> expected, int warmup, int loads,
                                       long seed) {
        List<String> ids = new ArrayList<>(expected.keySet());
        ids.sort(null);
        Random random = new Random(seed);
        int n = loaders.size();
        for (int i = 0; i < warmup; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            loaders.forEach(l -> loadOne(l.engine(), l.transactions(), id, expected));
        }
        long[][] latencies = new long[n][loads];
        long[] events = new long[n];
        int[] wrong = new int[n];
        for (int i = 0; i < loads; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            for (int k = 0; k < n; k++) {
                int which = (i + k) % n;
                Loader loader = loaders.get(which);
                long t0 = System.nanoTime();
                int read = loadOne(loader.engine(), loader.transactions(), id, expected);
                latencies[which][i] = System.nanoTime() - t0;
                if (read < 0) {
                    wrong[which]++;
                } else {
                    events[which] += read;
                }
            }
        }
        LoadResult[] results = new LoadResult[n];
        for (int k = 0; k < n; k++) {
            Arrays.sort(latencies[k]);
            results[k] = new LoadResult(loads, events[k], latencies[k], wrong[k]);
        }
        return results;
    }

    /** Number of events read, or -1 when the stream was not the one appended. */
    private static int loadOne(EventStorageEngine engine, TransactionManager transactions, String aggregateId,
                               Map<String, Integer> expected) {
        Transaction tx = transactions.startTransaction();
        try {
            DomainEventStream stream = engine.readEvents(aggregateId);
            int n = 0;
            boolean inOrder = true;
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                event.getPayload();
                event.getMetaData();
                inOrder &= event.getSequenceNumber() == n && aggregateId.equals(event.getAggregateIdentifier());
                n++;
            }
            tx.commit();
            return inOrder && n == expected.get(aggregateId) ? n : -1;
        } catch (RuntimeException ex) {
            tx.rollback();
            throw ex;
        }
    }

    // ---------------------------------------------------------------- tracking stream

    /** What one full read of the tracking stream saw. */
    record StreamPass(long events, long nanos, boolean strictlyIncreasing, long firstIndex, long lastIndex,
                      int tokenGaps, boolean aggregateOrderKept, TrackingToken lastToken,
                      List<String> eventIds) {
        double eventsPerSecond() {
            return events / (nanos / 1e9);
        }

        /** Global index values between the first and the last one that no event carries. */
        long missingIndexes() {
            return events == 0 ? 0 : lastIndex - firstIndex + 1 - events;
        }
    }

    /**
     * Reads the tracking stream from {@code from} (null: the beginning) until it is exhausted, as a tracking processor
     * does in batches; deserializes payload and metadata like an event handler. Checks that the global index rises
     * strictly and that each aggregate's events come in sequence-number order.
     */
    static StreamPass readStream(EngineUnderTest e, TrackingToken from, boolean keepIds) {
        long t0 = System.nanoTime();
        long count = 0;
        long first = -1;
        long previous = Long.MIN_VALUE;
        boolean increasing = true;
        boolean aggregateOrder = true;
        Map<String, Long> lastSequence = new HashMap<>();
        TrackingToken token = from;
        List<String> ids = keepIds ? new ArrayList<>() : null;
        try (Stream<? extends TrackedEventMessage<?>> stream = e.engine.readEvents(from, false)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                event.getPayload();
                event.getMetaData();
                long index = globalIndex(token, event.trackingToken());
                token = event.trackingToken();
                if (first < 0) {
                    first = index;
                }
                increasing &= index > previous;
                previous = index;
                if (event instanceof DomainEventMessage<?> domain) {
                    Long before = lastSequence.put(domain.getAggregateIdentifier(), domain.getSequenceNumber());
                    aggregateOrder &= before == null ? true : domain.getSequenceNumber() == before + 1;
                }
                if (ids != null) {
                    ids.add(event.getIdentifier());
                }
                count++;
            }
        }
        long nanos = System.nanoTime() - t0;
        int gaps = token instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps().size() : 0;
        return new StreamPass(count, nanos, increasing, first, previous, gaps, aggregateOrder, token, ids);
    }

    // ---------------------------------------------------------------- ordering with one writer

    record OrderCheck(int appended, long read, boolean sameOrderAsCommits, long missingIndexes, int tokenGaps,
                      TrackingToken lastToken) {
        boolean ok() {
            return read == appended && sameOrderAsCommits && missingIndexes == 0 && tokenGaps == 0;
        }
    }

    /**
     * One writer appends events one transaction at a time; the tracking stream read afterwards from the previous
     * position must return exactly those events, in commit order, with consecutive global indexes.
     */
    static OrderCheck singleWriterOrder(EngineUnderTest e, List<DomainEventMessage<?>> events, TrackingToken from) {
        List<String> committed = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            appendOne(e, event);
            committed.add(event.getIdentifier());
        }
        StreamPass pass = readStream(e, from, true);
        return new OrderCheck(events.size(), pass.events(), committed.equals(pass.eventIds()), pass.missingIndexes(),
                pass.tokenGaps(), pass.lastToken());
    }

    // ---------------------------------------------------------------- live tail with many writers

    record LiveTail(int appended, int received, int duplicates, int missing, int receivedBelowHighestSeen,
                    int maxTokenGaps) {
        boolean ok() {
            return received == appended && duplicates == 0 && missing == 0;
        }
    }

    /**
     * All writers append while one reader tails the tracking stream, as a projection does in production. With
     * concurrent writers an event can commit after one with a higher global index; the gap-aware token must then
     * still deliver it, exactly once. Counts how often that happened (events received below the highest index
     * already seen) and the largest number of gaps a token carried.
     */
    static LiveTail liveTail(EngineUnderTest e, List<EventFactory.ThreadWork> work, TrackingToken from)
            throws Exception {
        Set<String> expected = new HashSet<>();
        work.forEach(w -> w.events().forEach(ev -> expected.add(ev.getIdentifier())));
        AtomicBoolean writersDone = new AtomicBoolean();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<LiveTail> tail = reader.submit(() -> {
            Set<String> seen = new HashSet<>();
            int duplicates = 0;
            int below = 0;
            int maxGaps = 0;
            long highest = Long.MIN_VALUE;
            TrackingToken token = from;
            boolean finalPass = false;
            while (true) {
                boolean done = writersDone.get();
                try (Stream<? extends TrackedEventMessage<?>> stream = e.engine.readEvents(token, false)) {
                    var iterator = stream.iterator();
                    while (iterator.hasNext()) {
                        TrackedEventMessage<?> event = iterator.next();
                        long index = globalIndex(token, event.trackingToken());
                        token = event.trackingToken();
                        if (index < highest) {
                            below++;
                        }
                        highest = Math.max(highest, index);
                        if (token instanceof GapAwareTrackingToken gapAware) {
                            maxGaps = Math.max(maxGaps, gapAware.getGaps().size());
                        }
                        if (!seen.add(event.getIdentifier())) {
                            duplicates++;
                        }
                    }
                }
                if (finalPass) {
                    break;
                }
                if (done) {
                    finalPass = true; // one more read after every writer has committed
                } else {
                    TimeUnit.MILLISECONDS.sleep(2);
                }
            }
            int missing = (int) expected.stream().filter(id -> !seen.contains(id)).count();
            return new LiveTail(expected.size(), seen.size(), duplicates, missing, below, maxGaps);
        });
        try {
            append(e, work);
        } finally {
            writersDone.set(true);
        }
        try {
            return tail.get(5, TimeUnit.MINUTES);
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * The global index of the event whose token is {@code after}. A gap-aware token's position is the highest index
     * seen so far; when an event fills an older gap the position stays put and the gap disappears instead.
     */
    static long globalIndex(TrackingToken before, TrackingToken after) {
        GapAwareTrackingToken next = (GapAwareTrackingToken) after;
        if (!(before instanceof GapAwareTrackingToken previous) || next.getIndex() > previous.getIndex()) {
            return next.getIndex();
        }
        for (Long gap : previous.getGaps()) {
            if (!next.getGaps().contains(gap)) {
                return gap;
            }
        }
        throw new IllegalStateException("token " + after + " neither advanced nor filled a gap of " + before);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
