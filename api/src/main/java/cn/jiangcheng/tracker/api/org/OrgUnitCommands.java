package cn.jiangcheng.tracker.api.org;

import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Commands on the org-unit tree. A unit's id is a stable code (e.g. the division code 220221 for 永吉县). */
public final class OrgUnitCommands {
    private OrgUnitCommands() {
    }

    /** Scoped by the parent: one may only add units below a unit one can see. */
    public record CreateOrgUnit(@TargetAggregateIdentifier String orgUnitId, String name, OrgUnitType type,
                                String parentId) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return parentId;
        }
    }

    /** Creates a top-level unit (a province). Only the system issues it, when it seeds the tree. */
    public record CreateRootOrgUnit(@TargetAggregateIdentifier String orgUnitId, String name, OrgUnitType type) {
    }

    public record RenameOrgUnit(@TargetAggregateIdentifier String orgUnitId, String name,
                                @TargetAggregateVersion Long expectedVersion) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }

    public record MoveOrgUnit(@TargetAggregateIdentifier String orgUnitId, String newParentId,
                              @TargetAggregateVersion Long expectedVersion) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }

    public record DeactivateOrgUnit(@TargetAggregateIdentifier String orgUnitId,
                                    @TargetAggregateVersion Long expectedVersion) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return orgUnitId;
        }
    }
}
