package cn.jiangcheng.tracker.query.applicability;

import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableConfirmed;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableDeclared;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRejected;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRevoked;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableSet;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicableIndicators;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.FindNotApplicableRecord;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.IndicatorIds;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.NotApplicablePage;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.NotApplicableView;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.Status;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.jiangcheng.tracker.query.common.Columns.time;
import static cn.jiangcheng.tracker.query.common.Columns.instant;
import static cn.jiangcheng.tracker.query.common.AuditMetadata.text;
import static cn.jiangcheng.tracker.query.common.Columns.placeholders;

/**
 * 不涉及 as the lists and the reporting rules read it: one row per indicator and unit (indicator_not_applicable).
 * Every change applies only when the row is older than the event, so an event handled twice changes nothing.
 */
@Component
@ProcessingGroup(NotApplicableProjection.NAME)
public class NotApplicableProjection {
    public static final String NAME = "not-applicable";
    /** The tables it alone writes (V13). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME, List.of("indicator_not_applicable"));

    private static final String COLUMNS = """
            n.*, i.number as indicator_number, i.definition ->> 'name' as indicator_name, o.name as org_unit_name""";
    private static final String FROM = " from indicator_not_applicable n"
            + " left join indicator_view i on i.id = n.indicator_id"
            + " left join org_unit_view o on o.id = n.org_unit_id";

    private static final RowMapper<NotApplicableView> ROW = (rs, i) -> new NotApplicableView(rs.getString("id"),
            rs.getString("indicator_id"), rs.getInt("indicator_number"), rs.getString("indicator_name"),
            rs.getString("org_unit_id"), rs.getString("org_unit_name"), rs.getString("city_id"),
            Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("declared_by"),
            rs.getString("declared_by_name"), instant(rs, "declared_at"), rs.getString("decision_comment"),
            rs.getString("decided_by"), rs.getString("decided_by_name"), instant(rs, "decided_at"),
            rs.getLong("version"));

    private final JdbcTemplate jdbc;

    public NotApplicableProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new declaration, or one after a rejection or revocation: the earlier decision no longer stands. */
    @EventHandler
    void on(NotApplicableDeclared event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        start(event.applicabilityId(), event.indicatorId(), event.orgUnitId(), event.cityId(), Status.DECLARED,
                event.reason(), version, at, metaData, false);
    }

    /** Set by the bureau: it both states the reason and decides. */
    @EventHandler
    void on(NotApplicableSet event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        start(event.applicabilityId(), event.indicatorId(), event.orgUnitId(), event.cityId(), Status.CONFIRMED,
                event.reason(), version, at, metaData, true);
    }

    @EventHandler
    void on(NotApplicableConfirmed event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        decide(event.applicabilityId(), Status.CONFIRMED, event.comment(), version, at, metaData);
    }

    @EventHandler
    void on(NotApplicableRejected event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        decide(event.applicabilityId(), Status.REJECTED, event.reason(), version, at, metaData);
    }

    @EventHandler
    void on(NotApplicableRevoked event, @SequenceNumber long version, @Timestamp Instant at, MetaData metaData) {
        decide(event.applicabilityId(), Status.REVOKED, event.reason(), version, at, metaData);
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    @QueryHandler
    NotApplicablePage handle(FindNotApplicable query) {
        if (query.cityId() == null || (query.unitIds() != null && query.unitIds().isEmpty())) {
            return new NotApplicablePage(0, query.offset(), query.limit(), List.of());
        }
        StringBuilder where = new StringBuilder(" where n.city_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(query.cityId());
        if (query.unitIds() != null) {
            where.append(" and n.org_unit_id in (")
                    .append(placeholders(query.unitIds())).append(')');
            args.addAll(query.unitIds());
        }
        if (query.status() != null) {
            where.append(" and n.status = ?");
            args.add(query.status().name());
        }
        if (query.indicatorId() != null) {
            where.append(" and n.indicator_id = ?");
            args.add(query.indicatorId());
        }
        if (query.orgUnitId() != null) {
            where.append(" and n.org_unit_id = ?");
            args.add(query.orgUnitId());
        }
        Long total = jdbc.queryForObject("select count(*)" + FROM + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.limit());
        pageArgs.add(query.offset());
        // what waits for a decision first, then in catalog order
        List<NotApplicableView> items = jdbc.query("select " + COLUMNS + FROM + where
                + " order by case when n.status = 'DECLARED' then 0 else 1 end, i.number, n.indicator_id,"
                + " n.org_unit_id limit ? offset ?", ROW, pageArgs.toArray());
        return new NotApplicablePage(total == null ? 0 : total, query.offset(), query.limit(), items);
    }

    @QueryHandler
    Optional<NotApplicableView> handle(FindNotApplicableRecord query) {
        return jdbc.query("select " + COLUMNS + FROM + " where n.id = ?", ROW, query.applicabilityId()).stream()
                .findFirst();
    }

    @QueryHandler
    IndicatorIds handle(FindNotApplicableIndicators query) {
        return new IndicatorIds(jdbc.queryForList("""
                select indicator_id from indicator_not_applicable where org_unit_id = ? and status = 'CONFIRMED'
                order by indicator_id""", String.class, query.orgUnitId()));
    }

    private void start(String id, String indicatorId, String orgUnitId, String cityId, Status status, String reason,
                       long version, Instant at, MetaData metaData, boolean decided) {
        String user = text(metaData, AuditKeys.USER_ID);
        String userName = text(metaData, AuditKeys.USER_NAME);
        jdbc.update("""
                insert into indicator_not_applicable (id, indicator_id, org_unit_id, city_id, status, reason,
                    declared_by, declared_by_name, declared_at, decision_comment, decided_by, decided_by_name,
                    decided_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)
                on conflict (id) do update set status = excluded.status, reason = excluded.reason,
                    declared_by = excluded.declared_by, declared_by_name = excluded.declared_by_name,
                    declared_at = excluded.declared_at, decision_comment = null, decided_by = excluded.decided_by,
                    decided_by_name = excluded.decided_by_name, decided_at = excluded.decided_at,
                    version = excluded.version
                where indicator_not_applicable.version < excluded.version""",
                id, indicatorId, orgUnitId, cityId, status.name(), reason, user, userName, time(at),
                decided ? user : null, decided ? userName : null, decided ? time(at) : null, version);
    }

    private void decide(String id, Status status, String comment, long version, Instant at, MetaData metaData) {
        jdbc.update("""
                update indicator_not_applicable set status = ?, decision_comment = ?, decided_by = ?,
                    decided_by_name = ?, decided_at = ?, version = ?
                where id = ? and version < ?""",
                status.name(), comment, text(metaData, AuditKeys.USER_ID), text(metaData, AuditKeys.USER_NAME),
                time(at), version, id, version);
    }
}
