package cn.jiangcheng.tracker.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rebuild: how long the restarted app takes until every projection's tokens pass the head of the store. */
final class ReplayPhase extends FullStackPhase {
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    ReplayPhase(Run run) {
        super(run);
    }

    /** Every segment of every processor the app ran before has passed the head of the store. */
    void awaitCaughtUp(Connection db, Set<String> processors, Map<String, Integer> segments, long head)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(config.smoke() ? 3 : 40);
        long lastReport = System.nanoTime();
        while (true) {
            Map<String, Integer> caughtUp = new HashMap<>();
            long slowest = Long.MAX_VALUE;
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select processorname, convert_from(token, 'UTF8') from tokenentry")) {
                while (rs.next()) {
                    long index = position(rs.getString(2));
                    slowest = Math.min(slowest, index);
                    if (index >= head) {
                        caughtUp.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            }
            boolean all = processors.stream().allMatch(p -> caughtUp.getOrDefault(p, 0) >= segments.get(p));
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not catch up; slowest token at " + slowest + " of "
                        + head);
            }
            if (!config.smoke() && System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                say("  replay: slowest segment at " + slowest + " of " + head);
                lastReport = System.nanoTime();
            }
            Thread.sleep(config.smoke() ? 50 : 250);
        }
    }

    /**
     * The position a processor segment has processed: a GapAwareTrackingToken's index, or, while the app replays
     * (a ReplayToken, written when the app finds no tokens and resets its projections), its currentToken's index.
     */
    static long position(String token) {
        if (token == null) {
            return -1;
        }
        int current = token.indexOf("\"currentToken\"");
        Matcher m = TOKEN_INDEX.matcher(current >= 0 ? token.substring(current) : token);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
