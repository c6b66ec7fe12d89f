package cn.jiangcheng.tracker.query.org;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitDeactivated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitMoved;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.FindOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.FindOrgUnitsOfCity;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitList;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.query.common.OwnTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The org-unit tree as a flat table; the web layer folds it into a tree. */
@Component
@ProcessingGroup(OrgUnitProjection.NAME)
public class OrgUnitProjection {
    public static final String NAME = "org-units";
    /** The tables it alone writes (V2). */
    public static final ProjectionTables TABLES = new ProjectionTables(NAME, List.of("org_unit_view"));

    private static final RowMapper<OrgUnitView> ROW = (rs, i) -> new OrgUnitView(
            rs.getString("id"), rs.getString("name"), OrgUnitType.valueOf(rs.getString("type")),
            rs.getString("parent_id"), rs.getString("city_id"), rs.getBoolean("active"), rs.getLong("version"));

    private final JdbcTemplate jdbc;

    public OrgUnitProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrgUnitCreated event, @SequenceNumber long version) {
        jdbc.update("""
                insert into org_unit_view (id, name, type, parent_id, city_id, active, version)
                values (?, ?, ?, ?, ?, true, ?) on conflict (id) do nothing""",
                event.orgUnitId(), event.name(), event.type().name(), event.parentId(), event.cityId(), version);
    }

    @EventHandler
    void on(OrgUnitRenamed event, @SequenceNumber long version) {
        jdbc.update("update org_unit_view set name = ?, version = ? where id = ?",
                event.newName(), version, event.orgUnitId());
    }

    @EventHandler
    void on(OrgUnitMoved event, @SequenceNumber long version) {
        jdbc.update("update org_unit_view set parent_id = ?, version = ? where id = ?",
                event.newParentId(), version, event.orgUnitId());
    }

    @EventHandler
    void on(OrgUnitDeactivated event, @SequenceNumber long version) {
        jdbc.update("update org_unit_view set active = false, version = ? where id = ?",
                version, event.orgUnitId());
    }

    @ResetHandler
    void reset() {
        OwnTables.empty(jdbc, TABLES);
    }

    @QueryHandler
    OrgUnitList handle(FindOrgUnitsOfCity query) {
        if (query.cityId() == null) {
            return new OrgUnitList(jdbc.query("select * from org_unit_view order by id", ROW));
        }
        List<OrgUnitView> units = jdbc.query(
                "select * from org_unit_view where city_id = ? order by id", ROW, query.cityId());
        return new OrgUnitList(units);
    }

    @QueryHandler
    Optional<OrgUnitView> handle(FindOrgUnit query) {
        return jdbc.query("select * from org_unit_view where id = ?", ROW, query.orgUnitId()).stream().findFirst();
    }
}
