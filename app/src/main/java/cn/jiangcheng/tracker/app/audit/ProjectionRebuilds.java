package cn.jiangcheng.tracker.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebuilds in progress as every node sees them: one row per projection in projection_rebuild, written by the
 * node that runs the rebuild. A row whose heartbeat stopped (its node died) no longer counts, so a crash cannot
 * keep a projection's reads refused for good. Read at most once a second per node: each read asks it.
 */
@Component
public class ProjectionRebuilds {
    /** A rebuilding node refreshes its rows every second; this much silence means it is gone. */
    static final int STALE_AFTER_SECONDS = 60;
    static final long CACHE_MILLIS = 1000;

    private final JdbcTemplate jdbc;
    private volatile Map<String, Integer> cached = Map.of();
    private volatile long cachedAt;

    public ProjectionRebuilds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void begin(String processingGroup) {
        jdbc.update("""
                insert into projection_rebuild (processing_group, progress_percent) values (?, 0)
                on conflict (processing_group) do update
                set progress_percent = 0, started_at = now(), heartbeat_at = now()""", processingGroup);
        cachedAt = 0;
    }

    void progress(String processingGroup, int percent) {
        jdbc.update("update projection_rebuild set progress_percent = ?, heartbeat_at = now() "
                + "where processing_group = ?", percent, processingGroup);
        cachedAt = 0;
    }

    void end(String processingGroup) {
        jdbc.update("delete from projection_rebuild where processing_group = ?", processingGroup);
        cachedAt = 0;
    }

    /** The marks whose node stopped refreshing them. */
    List<String> abandoned() {
        return jdbc.queryForList("select processing_group from projection_rebuild "
                + "where heartbeat_at <= now() - make_interval(secs => ?)", String.class, STALE_AFTER_SECONDS);
    }

    /** Processing group → progress in percent, of every live rebuild on any node. */
    public Map<String, Integer> inProgress() {
        long now = System.currentTimeMillis();
        if (now - cachedAt > CACHE_MILLIS) {
            Map<String, Integer> found = new HashMap<>();
            jdbc.query("select processing_group, progress_percent from projection_rebuild "
                    + "where heartbeat_at > now() - make_interval(secs => ?)",
                    rs -> {
                        found.put(rs.getString(1), rs.getInt(2));
                    }, STALE_AFTER_SECONDS);
            cached = Map.copyOf(found);
            cachedAt = now;
        }
        return cached;
    }
}
