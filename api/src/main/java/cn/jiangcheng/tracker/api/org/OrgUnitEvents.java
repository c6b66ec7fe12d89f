package cn.jiangcheng.tracker.api.org;

/** Facts about the org-unit tree. cityId is the city a unit belongs to (its own id for a city, null above). */
public final class OrgUnitEvents {
    private OrgUnitEvents() {
    }

    public record OrgUnitCreated(String orgUnitId, String name, OrgUnitType type, String parentId, String cityId) {
    }

    public record OrgUnitRenamed(String orgUnitId, String oldName, String newName) {
    }

    public record OrgUnitMoved(String orgUnitId, String oldParentId, String newParentId) {
    }

    public record OrgUnitDeactivated(String orgUnitId) {
    }
}
