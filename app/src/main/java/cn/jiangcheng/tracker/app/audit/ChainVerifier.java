package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.app.audit.ChainHash.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Walks the whole chain and names the first place where the event table no longer matches what the application
 * wrote: an altered row, a removed row or link, or a row inserted behind the application's back.
 */
@Component
public class ChainVerifier {
    private static final int PAGE = 2000;

    private final JdbcTemplate jdbc;

    public ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public enum Problem { ALTERED, REMOVED, LINK_REMOVED, LINK_ALTERED, INSERTED }

    public record Finding(Problem problem, Long linkSeq, long globalIndex, String eventIdentifier, String message) {
    }

    public record Result(boolean intact, long checkedEvents, long headLinkSeq, String headHash, List<Finding> findings) {
    }

    private record Link(long seq, long globalIndex, String eventIdentifier, byte[] prevHash, byte[] hash,
                        StoredEvent event) {
    }

    public Result verify() {
        long expectedSeq = 1;
        byte[] previous = ChainHash.GENESIS;
        long checked = 0;
        Finding first = null;
        while (first == null) {
            List<Link> page = jdbc.query("select c.link_seq, c.global_index, c.event_identifier, c.prev_hash, c.hash, "
                    + EventChain.EVENT_COLUMNS + " from event_chain c left join domainevententry e "
                    + "on e.globalindex = c.global_index where c.link_seq >= ? order by c.link_seq limit ?",
                    (rs, n) -> new Link(rs.getLong("link_seq"), rs.getLong("global_index"), rs.getString("event_identifier"),
                            rs.getBytes("prev_hash"), rs.getBytes("hash"),
                            rs.getString("eventidentifier") == null ? null : EventChain.STORED_EVENT.mapRow(rs, n)),
                    expectedSeq, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Link link : page) {
                first = check(link, expectedSeq, previous);
                if (first != null) {
                    break;
                }
                checked++;
                previous = link.hash();
                expectedSeq++;
            }
        }
        Finding inserted = firstUnlinkedEvent();
        List<Finding> findings = java.util.stream.Stream.of(first, inserted).filter(java.util.Objects::nonNull).toList();
        return new Result(findings.isEmpty(), checked, expectedSeq - 1, HexFormat.of().formatHex(previous), findings);
    }

    private static Finding check(Link link, long expectedSeq, byte[] previous) {
        if (link.seq() != expectedSeq) {
            return new Finding(Problem.LINK_REMOVED, expectedSeq, link.globalIndex(), link.eventIdentifier(),
                    "链接第 " + expectedSeq + " 号缺失：链中有记录被删除");
        }
        if (!Arrays.equals(link.prevHash(), previous)) {
            return new Finding(Problem.LINK_ALTERED, link.seq(), link.globalIndex(), link.eventIdentifier(),
                    "链接第 " + link.seq() + " 号与前一链接不符：链接被改动或前面的链接被删除");
        }
        if (link.event() == null) {
            return new Finding(Problem.REMOVED, link.seq(), link.globalIndex(), link.eventIdentifier(),
                    "事件 #" + link.globalIndex() + "（" + link.eventIdentifier() + "）已被删除");
        }
        if (!link.eventIdentifier().equals(link.event().eventIdentifier())
                || !Arrays.equals(ChainHash.link(previous, link.event()), link.hash())) {
            return new Finding(Problem.ALTERED, link.seq(), link.globalIndex(), link.eventIdentifier(),
                    "事件 #" + link.globalIndex() + "（" + link.eventIdentifier() + "）的内容已被改动");
        }
        return null;
    }

    private Finding firstUnlinkedEvent() {
        List<Finding> found = jdbc.query("select e.globalindex, e.eventidentifier from domainevententry e "
                        + "where not exists (select 1 from event_chain c where c.global_index = e.globalindex) "
                        + "order by e.globalindex limit 1",
                (rs, n) -> new Finding(Problem.INSERTED, null, rs.getLong(1), rs.getString(2),
                        "事件 #" + rs.getLong(1) + "（" + rs.getString(2) + "）不在链中：绕过应用写入"));
        return found.isEmpty() ? null : found.get(0);
    }
}
