package cn.jiangcheng.tracker.query.indicator;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeConfirmed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeProposed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeRejected;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeWithdrawn;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.FindOpenTargetProposals;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.FindTargetHistory;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Kind;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.ProposalList;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.ProposalView;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Status;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.TargetHistory;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static cn.jiangcheng.tracker.query.common.Columns.time;
import static cn.jiangcheng.tracker.query.common.Columns.instant;
import static cn.jiangcheng.tracker.query.common.AuditMetadata.text;

/**
 * The target history of the indicators: one row per proposed target change, open until a second approver confirms
 * it, another one rejects it or its proposer withdraws it. Replay-safe: a proposal is inserted once and decided
 * only while it is open.
 */
@Component
@ProcessingGroup(TargetHistoryProjection.NAME)
public class TargetHistoryProjection {
    public static final String NAME = "indicator-target-history";
    /** The tables it alone writes (V12). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME, List.of("target_proposal"));

    private static final RowMapper<ProposalView> ROW = TargetHistoryProjection::row;

    private final JdbcTemplate jdbc;

    public TargetHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TargetChangeProposed e, @Timestamp Instant at, MetaData metaData) {
        jdbc.update("""
                insert into target_proposal (indicator_id, proposal_id, city_id, kind, status, year, value,
                    old_targets, new_targets, reason, document_number, document_title, proposed_by,
                    proposed_by_name, proposed_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?)
                on conflict (indicator_id, proposal_id) do nothing""",
                e.indicatorId(), e.proposalId(), cityOf(e.indicatorId(), metaData), e.kind().name(),
                Status.OPEN.name(), e.year(), e.value(), IndicatorDefinitions.targetsToJson(e.oldTargets()),
                IndicatorDefinitions.targetsToJson(e.newTargets()), e.reason(), e.documentNumber(),
                e.documentTitle(), text(metaData, AuditKeys.USER_ID), text(metaData, AuditKeys.USER_NAME), time(at));
    }

    @EventHandler
    void on(TargetChangeConfirmed e, @Timestamp Instant at, MetaData metaData) {
        decide(e.indicatorId(), e.proposalId(), Status.CONFIRMED, null, at, metaData);
    }

    @EventHandler
    void on(TargetChangeRejected e, @Timestamp Instant at, MetaData metaData) {
        decide(e.indicatorId(), e.proposalId(), Status.REJECTED, e.reason(), at, metaData);
    }

    @EventHandler
    void on(TargetChangeWithdrawn e, @Timestamp Instant at, MetaData metaData) {
        decide(e.indicatorId(), e.proposalId(), Status.WITHDRAWN, null, at, metaData);
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    @QueryHandler
    TargetHistory handle(FindTargetHistory query) {
        List<ProposalView> all = jdbc.query("""
                select * from target_proposal where indicator_id = ? order by proposed_at desc, proposal_id desc""",
                ROW, query.indicatorId());
        ProposalView open = all.stream().filter(p -> p.status() == Status.OPEN).findFirst().orElse(null);
        // newest decision first: a proposal confirmed later than an older one proposed after it comes first
        List<ProposalView> decided = all.stream().filter(p -> p.status() != Status.OPEN)
                .sorted((a, b) -> b.decidedAt().compareTo(a.decidedAt())).toList();
        return new TargetHistory(open, decided.stream().filter(p -> p.status() == Status.CONFIRMED).toList(),
                decided.stream().filter(p -> p.status() != Status.CONFIRMED).toList());
    }

    @QueryHandler
    ProposalList handle(FindOpenTargetProposals query) {
        if (query.cityId() == null) {
            return new ProposalList(List.of());
        }
        return new ProposalList(jdbc.query("""
                select * from target_proposal where city_id = ? and status = 'OPEN' order by proposed_at""",
                ROW, query.cityId()));
    }

    private void decide(String indicatorId, String proposalId, Status status, String reason, Instant at,
                        MetaData metaData) {
        jdbc.update("""
                update target_proposal set status = ?, decision_reason = ?, decided_by = ?, decided_by_name = ?,
                    decided_at = ?
                where indicator_id = ? and proposal_id = ? and status = 'OPEN'""",
                status.name(), reason, text(metaData, AuditKeys.USER_ID), text(metaData, AuditKeys.USER_NAME),
                time(at), indicatorId, proposalId);
    }

    /** The proposer works for the indicator's city (the aggregate checks it); the id names it too (220200-I07). */
    private static String cityOf(String indicatorId, MetaData metaData) {
        String city = text(metaData, AuditKeys.CITY_ID);
        if (city != null && !city.isBlank()) {
            return city;
        }
        int dash = indicatorId.indexOf('-');
        return dash > 0 ? indicatorId.substring(0, dash) : indicatorId;
    }

    private static ProposalView row(ResultSet rs, int i) throws SQLException {
        int yearValue = rs.getInt("year");
        Integer year = rs.wasNull() ? null : yearValue;
        return new ProposalView(rs.getString("proposal_id"), rs.getString("indicator_id"), rs.getString("city_id"),
                Kind.valueOf(rs.getString("kind")), Status.valueOf(rs.getString("status")),
                year, rs.getBigDecimal("value"),
                IndicatorDefinitions.targetsFromJson(rs.getString("old_targets")),
                IndicatorDefinitions.targetsFromJson(rs.getString("new_targets")), rs.getString("reason"),
                rs.getString("document_number"), rs.getString("document_title"), rs.getString("proposed_by"),
                rs.getString("proposed_by_name"), instant(rs, "proposed_at"), rs.getString("decided_by"),
                rs.getString("decided_by_name"), instant(rs, "decided_at"), rs.getString("decision_reason"));
    }
}
