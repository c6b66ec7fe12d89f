package cn.jiangcheng.tracker.query.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseCursor;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseDetail;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseFilter;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CasePage;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseStats;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseSummary;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.Extension;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCase;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCaseStats;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCases;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.Light;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseStatsRow;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.TimelineEntry;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ExtensionStatus;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;
import cn.jiangcheng.tracker.query.common.Columns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static cn.jiangcheng.tracker.query.common.Columns.instant;
import static cn.jiangcheng.tracker.query.common.Columns.placeholders;

/**
 * The 督察整改 ledger as it is read: pages, one case with its timeline, and statistics, from the tables that
 * {@link RectificationProjection} writes. Lights and overdue flags are not stored: they depend on the day the
 * ledger is read, which each query brings along.
 */
@Component
public class CaseLedgerQueryHandler {
    /** A case is due soon (yellow) from this many days before its deadline. */
    static final int YELLOW_DAYS = 7;
    static final int MAX_PAGE = 5000;

    private static final List<String> OPEN = List.of(Status.ASSIGNED.name(), Status.ACKNOWLEDGED.name(),
            Status.IN_PROGRESS.name(), Status.ACCEPTANCE_REQUESTED.name());
    private static final String OPEN_SQL = "('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ACCEPTANCE_REQUESTED')";

    /**
     * The searched columns as one expression, written exactly as the trigram index of V8 is, so that one index
     * answers the free-text search. Newlines separate the columns: the search box cannot send one, so a match
     * never spans two columns.
     */
    static final String SEARCH_TEXT = "(c.description || E'\\n' || c.location || E'\\n' || coalesce(c.problem_number, '')"
            + " || E'\\n' || coalesce(c.complaint_number, ''))";

    private final JdbcTemplate jdbc;

    public CaseLedgerQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    CasePage handle(FindCases query) {
        if (query.cityId() == null || (query.unitIds() != null && query.unitIds().isEmpty())) {
            return new CasePage(0, query.offset(), query.limit(), List.of(), null);
        }
        int limit = Math.max(1, Math.min(query.limit(), MAX_PAGE));
        int offset = query.after() == null ? Math.max(0, query.offset()) : 0;
        List<Object> args = new ArrayList<>();
        String where = where(query.cityId(), query.unitIds(), query.filter(), query.today(), args);
        Long total = jdbc.queryForObject("select count(*) from rectification_case c " + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        String page = where;
        if (query.after() != null) {
            // a row comparison, so the (city, [filter,] deadline, id) indexes seek straight to the cursor
            page += " and (c.deadline, c.id) > (?, ?)";
            pageArgs.add(query.after().deadline());
            pageArgs.add(query.after().id());
        }
        // one row more than asked tells whether another page follows without a second query
        pageArgs.add(limit + 1);
        pageArgs.add(offset);
        List<CaseSummary> items = jdbc.query("select c.*, o.name as unit_name from rectification_case c "
                        + "left join org_unit_view o on o.id = c.responsible_unit_id " + page
                        + " order by c.deadline, c.id limit ? offset ?",
                (rs, i) -> summary(rs, query.today()), pageArgs.toArray());
        String nextAfter = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            nextAfter = CaseCursor.of(items.get(limit - 1)).encode();
        }
        return new CasePage(total == null ? 0 : total, offset, limit, List.copyOf(items), nextAfter);
    }

    @QueryHandler
    Optional<CaseDetail> handle(FindCase query) {
        return jdbc.query("""
                select c.*, o.name as unit_name from rectification_case c
                left join org_unit_view o on o.id = c.responsible_unit_id where c.id = ?""",
                (rs, i) -> detail(rs, query.today()), query.caseId()).stream().findFirst();
    }

    @QueryHandler
    CaseStats handle(FindCaseStats query) {
        if (query.cityId() == null || (query.unitIds() != null && query.unitIds().isEmpty())) {
            return new CaseStats(query.today(), List.of(), List.of());
        }
        List<Object> args = new ArrayList<>();
        args.add(query.today());
        args.add(query.today());
        args.add(query.today());
        args.add(query.today().plusDays(YELLOW_DAYS));
        String where = where(query.cityId(), query.unitIds(), CaseFilter.none(), query.today(), args);
        String counts = """
                count(*) as total,
                count(*) filter (where c.status = 'CLOSED') as closed,
                count(*) filter (where c.status = 'CLOSED' and c.accepted_on_time) as closed_on_time,
                count(*) filter (where c.status = 'CLOSED' and not coalesce(c.accepted_on_time, false)) as closed_late,
                count(*) filter (where c.status in %1$s and c.deadline < ?) as overdue,
                count(*) filter (where c.status <> 'CLOSED' and not (c.status in %1$s and c.deadline < ?)) as pending,
                count(*) filter (where c.status in %1$s and c.deadline >= ? and c.deadline <= ?) as due_soon,
                avg(c.closed_on - c.registered_on) filter (where c.status = 'CLOSED') as avg_days
                """.formatted(OPEN_SQL);
        List<CaseStatsRow> byUnit = jdbc.query("select c.responsible_unit_id as key, min(o.name) as label, " + counts
                        + " from rectification_case c left join org_unit_view o on o.id = c.responsible_unit_id "
                        + where + " group by c.responsible_unit_id order by c.responsible_unit_id",
                (rs, i) -> statsRow(rs, rs.getString("label")), args.toArray());
        List<CaseStatsRow> bySource = jdbc.query("select c.source as key, " + counts + " from rectification_case c "
                        + where + " group by c.source order by c.source",
                (rs, i) -> statsRow(rs, Source.valueOf(rs.getString("key")).label()), args.toArray());
        return new CaseStats(query.today(), byUnit, bySource);
    }

    private static String where(String cityId, Collection<String> unitIds, CaseFilter filter, LocalDate today,
                                List<Object> args) {
        StringBuilder sql = new StringBuilder("where c.city_id = ?");
        args.add(cityId);
        if (unitIds != null) {
            String marks = placeholders(unitIds);
            sql.append(" and (c.responsible_unit_id in (").append(marks)
                    .append(") or c.cooperating_unit_ids && array[").append(marks).append("]::varchar(40)[])");
            args.addAll(unitIds);
            args.addAll(unitIds);
        }
        CaseFilter f = filter == null ? CaseFilter.none() : filter;
        equal(sql, args, "c.source", f.source() == null ? null : f.source().name());
        equal(sql, args, "c.round", f.round());
        equal(sql, args, "c.batch", f.batch());
        equal(sql, args, "c.responsible_unit_id", f.unitId());
        equal(sql, args, "c.status", f.status() == null ? null : f.status().name());
        equal(sql, args, "c.problem_class", f.problemClass() == null ? null : f.problemClass().name());
        if (f.overdue() != null) {
            sql.append(f.overdue() ? " and c.status in " + OPEN_SQL + " and c.deadline < ?"
                    : " and not (c.status in " + OPEN_SQL + " and c.deadline < ?)");
            args.add(today);
        }
        if (f.text() != null && !f.text().isBlank()) {
            String like = Columns.containing(f.text().strip());
            sql.append(" and ").append(SEARCH_TEXT).append(" ilike ?");
            args.add(like);
        }
        return sql.toString();
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static CaseStatsRow statsRow(ResultSet rs, String label) throws SQLException {
        long total = rs.getLong("total");
        long closed = rs.getLong("closed");
        long overdue = rs.getLong("overdue");
        BigDecimal rate = total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(closed * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        BigDecimal average = rs.getBigDecimal("avg_days");
        Light light = overdue > 0 ? Light.RED : rs.getLong("due_soon") > 0 ? Light.YELLOW : Light.GREEN;
        return new CaseStatsRow(rs.getString("key"), label, total, closed, rs.getLong("closed_on_time"),
                rs.getLong("closed_late"), overdue, rs.getLong("pending"), rate,
                average == null ? null : average.setScale(1, RoundingMode.HALF_UP), light);
    }

    private static CaseSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        boolean open = OPEN.contains(status.name());
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        boolean overdue = open && daysLeft < 0;
        Light light = !open ? Light.NONE : overdue ? Light.RED : daysLeft <= YELLOW_DAYS ? Light.YELLOW : Light.GREEN;
        String outcome = rs.getString("outcome");
        Object onTime = rs.getObject("accepted_on_time");
        return new CaseSummary(rs.getString("id"), rs.getString("city_id"), Source.valueOf(rs.getString("source")),
                rs.getString("round"), rs.getString("batch"), rs.getString("problem_number"),
                rs.getString("complaint_number"), ProblemClass.valueOf(rs.getString("problem_class")),
                rs.getString("description"), rs.getString("location"), rs.getString("responsible_unit_id"),
                rs.getString("unit_name"), strings(rs.getArray("cooperating_unit_ids")), deadline, status,
                outcome == null ? null : Outcome.valueOf(outcome), light, overdue, daysLeft,
                rs.getBoolean("escalated"), rs.getString("measures"), rs.getString("latest_progress"),
                instant(rs, "closed_at"), status == Status.CLOSED ? (Boolean) onTime : null,
                instant(rs, "registered_at"), rs.getLong("version"));
    }

    private CaseDetail detail(ResultSet rs, LocalDate today) throws SQLException {
        CaseSummary summary = summary(rs, today);
        String channel = rs.getString("channel");
        Object publicityDays = rs.getObject("publicity_days");
        List<Extension> extensions = jdbc.query(
                "select * from rectification_extension where case_id = ? order by requested_at",
                (x, i) -> new Extension(x.getString("request_id"), x.getString("reason"),
                        x.getObject("current_deadline", LocalDate.class), x.getObject("new_deadline", LocalDate.class),
                        ExtensionStatus.valueOf(x.getString("status")), x.getString("decision_comment"),
                        instant(x, "requested_at"), instant(x, "decided_at")), summary.id());
        List<TimelineEntry> timeline = jdbc.query(
                "select * from rectification_history where case_id = ? order by sequence",
                (h, i) -> new TimelineEntry(h.getLong("sequence"), h.getString("type"), instant(h, "occurred_at"),
                        h.getString("user_id"), h.getString("user_name"), h.getString("comment")), summary.id());
        return new CaseDetail(summary, channel == null ? null : Channel.valueOf(channel), rs.getString("requirements"),
                rs.getString("responsible_person"), CaseJson.milestones(rs.getString("milestones")),
                rs.getString("self_check"), rs.getString("site_check"),
                publicityDays == null ? null : ((Number) publicityDays).intValue(),
                rs.getObject("closable_from", LocalDate.class), rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("original_deadline", LocalDate.class), rs.getInt("reopen_count"),
                CaseJson.evidence(rs.getString("evidence")), extensions, timeline);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
