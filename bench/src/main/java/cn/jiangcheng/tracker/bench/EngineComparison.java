package cn.jiangcheng.tracker.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The figures of the storage-engine report: which metrics, how two engines compare on each, and the verdict. */
final class EngineComparison {

    record Metric(String name, boolean higherIsBetter, String format, Function<EngineRun, Double> value) {
    }

    static final List<Metric> METRICS = List.of(
            new Metric("Append throughput, events/s", true, "%,.0f", r -> r.append().eventsPerSecond()),
            new Metric("Append latency p50, ms", false, "%.2f", r -> r.append().percentileMillis(50)),
            new Metric("Append latency p95, ms", false, "%.2f", r -> r.append().percentileMillis(95)),
            new Metric("Append latency p99, ms", false, "%.2f", r -> r.append().percentileMillis(99)),
            new Metric("Aggregate load mean, ms", false, "%.3f", r -> r.load().meanMillis()),
            new Metric("Aggregate load p50, ms", false, "%.3f", r -> r.load().percentileMillis(50)),
            new Metric("Aggregate load p99, ms", false, "%.3f", r -> r.load().percentileMillis(99)),
            new Metric("Tracking stream read, events/s", true, "%,.0f", EngineRun::streamEventsPerSecond));

    private EngineComparison() {
    }

    static void verdict(StringBuilder md, List<EngineKind> engines, Map<EngineKind, List<EngineRun>> byEngine,
                        int runCount) {
        List<EngineRun> failing = byEngine.values().stream().flatMap(List::stream)
                .filter(Predicate.not(EngineRun::allChecksPass)).toList();
        if (!failing.isEmpty()) {
            md.append("**Correctness checks failed** for ")
                    .append(failing.stream().map(r -> r.kind().label + " run " + r.run())
                            .collect(Collectors.joining(", ")))
                    .append(" — see below; figures of a failing engine do not count.\n\n");
        }
        if (engines.size() != 2) {
            md.append("Only one engine was measured; no comparison.\n");
            return;
        }
        Map<EngineKind, Integer> clearWins = new LinkedHashMap<>();
        engines.forEach(k -> clearWins.put(k, 0));
        for (Metric m : METRICS) {
            Comparison c = compare(m, engines, byEngine);
            md.append("- ").append(m.name()).append(": ").append(c.longText()).append('\n');
            if (c.clear()) {
                clearWins.merge(c.winner(), 1, Integer::sum);
            }
        }
        EngineKind a = engines.get(0);
        EngineKind b = engines.get(1);
        int aWins = clearWins.get(a);
        int bWins = clearWins.get(b);
        md.append('\n');
        String tally = String.format("%s is clearly faster on %d of %d metrics, %s on %d (clearly: faster in every "
                + "one of the %d runs, engines compared within each run; factors are medians of the per-run "
                + "ratios).", a.label, aWins, METRICS.size(), b.label, bWins, runCount);
        EngineKind keep = aWins > bWins && bWins == 0 ? a : bWins > aWins && aWins == 0 ? b : null;
        boolean keepIsCorrect = keep != null && byEngine.get(keep).stream().allMatch(EngineRun::allChecksPass);
        if (keep != null && keepIsCorrect) {
            md.append("**Keep ").append(keep.label).append(" (`").append(keep.description.split(" ")[0])
                    .append("`).** ").append(tally).append('\n');
        } else {
            md.append("**No engine is faster across the board.** ").append(tally).append('\n');
        }
    }

    /**
     * Winner by the median of the per-run ratios: both engines ran back to back in every run, so comparing within a
     * run cancels most of what else the machine was doing at the time. Clear = the winner won every run.
     */
    record Comparison(EngineKind winner, EngineKind loser, double factor, int runsWon, int runs,
                              String medians) {
        boolean clear() {
            return winner != null && runs >= 2 && runsWon == runs;
        }

        String shortText() {
            if (winner == null) {
                return "tie";
            }
            return clear()
                    ? String.format(Locale.ROOT, "**%s**, ×%.2f (%d of %d runs)", winner.label, factor, runsWon, runs)
                    : String.format(Locale.ROOT, "unclear: %s ahead in %d of %d runs (×%.2f)", winner.label, runsWon,
                    runs, factor);
        }

        String longText() {
            if (winner == null) {
                return "tie (medians " + medians + ")";
            }
            if (runs < 2) {
                return String.format(Locale.ROOT, "**%s** is %.2f× as fast as %s (%s; one run only)", winner.label,
                        factor, loser.label, medians);
            }
            return clear()
                    ? String.format(Locale.ROOT, "**%s** is %.2f× as fast as %s and faster in every run (%s)",
                    winner.label, factor, loser.label, medians)
                    : String.format(Locale.ROOT, "no clear winner: %s is ahead in %d of %d runs, by %.2f× in the "
                    + "median run (%s)", winner.label, runsWon, runs, factor, medians);
        }
    }

    static Comparison compare(Metric m, List<EngineKind> engines, Map<EngineKind, List<EngineRun>> runs) {
        EngineKind a = engines.get(0);
        EngineKind b = engines.get(1);
        Map<Integer, EngineRun> bByRun = runs.get(b).stream()
                .collect(Collectors.toMap(EngineRun::run, Function.identity()));
        List<double[]> pairs = runs.get(a).stream().filter(r -> bByRun.containsKey(r.run()))
                .map(r -> new double[] {m.value().apply(r), m.value().apply(bByRun.get(r.run()))}).toList();
        // a's advantage in each run: > 1 means a is faster
        double[] advantage = pairs.stream()
                .mapToDouble(p -> m.higherIsBetter() ? p[0] / p[1] : p[1] / p[0]).toArray();
        double medianAdvantage = EngineRun.median(advantage);
        String medians = String.format(Locale.ROOT, "medians %s %s, %s %s", a.label, fmt(m, median(runs.get(a), m)),
                b.label, fmt(m, median(runs.get(b), m)));
        if (pairs.isEmpty() || medianAdvantage == 1.0) {
            return new Comparison(null, null, 1, 0, pairs.size(), medians);
        }
        boolean aWins = medianAdvantage > 1.0;
        int won = (int) Arrays.stream(advantage).filter(x -> aWins ? x > 1.0 : x < 1.0).count();
        return new Comparison(aWins ? a : b, aWins ? b : a, aWins ? medianAdvantage : 1 / medianAdvantage, won,
                pairs.size(), medians);
    }

    static double median(List<EngineRun> runs, Metric m) {
        return EngineRun.median(values(runs, m));
    }

    private static double[] values(List<EngineRun> runs, Metric m) {
        return runs.stream().mapToDouble(r -> m.value().apply(r)).toArray();
    }

    static String fmt(Metric m, double value) {
        return String.format(Locale.ROOT, m.format(), value);
    }
}
