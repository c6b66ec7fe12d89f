package cn.jiangcheng.tracker.command.org;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.MoveOrgUnit;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creating and moving a unit depend on its (new) parent, so these two commands are handled here,
 * where other units can be loaded, rather than on the aggregate itself.
 */
@Component
public class OrgUnitCommandHandler {
    /** Deep enough for province → city → county → department; a longer walk means corrupt data. */
    private static final int MAX_DEPTH = 16;

    private final Repository<OrgUnit> repository;

    public OrgUnitCommandHandler(Repository<OrgUnit> repository) {
        this.repository = repository;
    }

    @CommandHandler
    public String handle(CreateOrgUnit command, MetaData metaData) throws Exception {
        String id = OrgUnitIds.require(command.orgUnitId());
        Check.that(command.parentId() != null, "REQUIRED", "上级单位不能为空");
        OrgUnit parent = loadVisible(command.parentId(), metaData);
        repository.newInstance(() -> new OrgUnit(id, command.name(), command.type(), parent));
        return id;
    }

    @CommandHandler
    public void handle(MoveOrgUnit command, MetaData metaData) {
        Aggregate<OrgUnit> unit = repository.load(command.orgUnitId(), command.expectedVersion());
        unit.execute(u -> TenantGuard.requireSameCity(metaData, u.cityId(), OrgUnit.NOT_FOUND));
        Check.that(command.newParentId() != null, "REQUIRED", "新的上级单位不能为空");
        Check.that(!command.newParentId().equals(command.orgUnitId()), "CYCLE", "单位不能成为自己的上级");
        OrgUnit newParent = loadVisible(command.newParentId(), metaData);
        requireNotBelow(newParent, command.orgUnitId());
        unit.execute(u -> u.moveBelow(newParent));
    }

    private void requireNotBelow(OrgUnit candidate, String unitId) {
        String ancestorId = candidate.parentId();
        for (int depth = 0; ancestorId != null; depth++) {
            Check.that(depth < MAX_DEPTH, "TREE_TOO_DEEP", "组织机构层级异常");
            Check.that(!ancestorId.equals(unitId), "CYCLE", "不能把单位调整到它自己的下级单位之下");
            ancestorId = repository.load(ancestorId).invoke(OrgUnit::parentId);
        }
    }

    private OrgUnit loadVisible(String id, MetaData metaData) {
        try {
            OrgUnit unit = repository.load(id).invoke(u -> u);
            TenantGuard.requireSameCity(metaData, unit.cityId(), "未找到上级单位");
            return unit;
        } catch (AggregateNotFoundException e) {
            throw new NotFoundInScope("未找到上级单位");
        }
    }
}
