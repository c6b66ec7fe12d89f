package cn.jiangcheng.tracker.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Everything one engine produced in one run. */
record EngineRun(EngineKind kind, int run,
                 Workloads.AppendResult append,
                 Workloads.LoadResult load,
                 Workloads.LoadResult jdbcShortBatchLoad,
                 Workloads.StreamPass checkPass,
                 List<Workloads.StreamPass> timedPasses,
                 Workloads.OrderCheck order,
                 Workloads.LiveTail liveTail,
                 long expectedRows,
                 long rowsInTable,
                 Map<String, String> columnTypes,
                 List<String> sequences,
                 long largeObjectsCreated) {

    double streamEventsPerSecond() {
        double[] rates = timedPasses.stream().mapToDouble(Workloads.StreamPass::eventsPerSecond).sorted().toArray();
        return median(rates);
    }

    boolean bytea() {
        return !columnTypes.isEmpty() && columnTypes.values().stream().allMatch("bytea"::equals);
    }

    /** The multi-writer table read back in full: right count, rising index, no holes, aggregates in order. */
    boolean streamOk() {
        return checkPass.events() == expectedRows - order.appended() - liveTail.appended()
                && checkPass.strictlyIncreasing() && checkPass.aggregateOrderKept()
                && timedPasses.stream().allMatch(p -> p.events() == checkPass.events());
    }

    boolean allChecksPass() {
        return bytea() && largeObjectsCreated == 0 && rowsInTable == expectedRows && streamOk()
                && checkPass.missingIndexes() == 0 && load.wrongStreams() == 0 && order.ok() && liveTail.ok()
                && (jdbcShortBatchLoad == null || jdbcShortBatchLoad.wrongStreams() == 0);
    }

    EngineRun withLargeObjects(long created) {
        return new EngineRun(kind, run, append, load, jdbcShortBatchLoad, checkPass, timedPasses, order, liveTail,
                expectedRows, rowsInTable, columnTypes, sequences, created);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
