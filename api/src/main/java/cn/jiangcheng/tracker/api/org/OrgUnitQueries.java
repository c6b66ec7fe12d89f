package cn.jiangcheng.tracker.api.org;

import java.util.List;

public final class OrgUnitQueries {
    private OrgUnitQueries() {
    }

    /** All units of one city (the city itself included), or of every city when cityId is null. */
    public record FindOrgUnitsOfCity(String cityId) {
    }

    public record FindOrgUnit(String orgUnitId) {
    }

    public record OrgUnitView(String id, String name, OrgUnitType type, String parentId, String cityId,
                              boolean active, long version) {
    }

    /** Wrapper so the query bus can carry a list with its element type. */
    public record OrgUnitList(List<OrgUnitView> units) {
    }
}
