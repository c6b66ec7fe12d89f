package cn.jiangcheng.tracker.command.org;

import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateRootOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.DeactivateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.RenameOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitDeactivated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitMoved;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One org unit: a province, city, county, development zone or city department. */
@Aggregate
public class OrgUnit {
    static final String NOT_FOUND = "未找到该单位";
    static final int MAX_NAME = 60;

    @AggregateIdentifier
    private String id;
    private String name;
    private OrgUnitType type;
    private String parentId;
    private String cityId;
    private boolean active;

    protected OrgUnit() {
    }

    @CommandHandler
    public OrgUnit(CreateRootOrgUnit command, MetaData metaData) {
        Check.that(Actor.of(metaData).isSystem(), "ROOT_UNIT_SYSTEM_ONLY", "只有系统可以创建顶级单位");
        Check.that(command.type() == OrgUnitType.PROVINCE, "ROOT_MUST_BE_PROVINCE", "顶级单位必须是省");
        apply(new OrgUnitCreated(OrgUnitIds.require(command.orgUnitId()),
                Check.text(command.name(), MAX_NAME, "单位名称"), command.type(), null, null));
    }

    /** Created by {@link OrgUnitCommandHandler}, which knows the parent. */
    OrgUnit(String id, String name, OrgUnitType type, OrgUnit parent) {
        Check.that(parent.active, "PARENT_INACTIVE", "上级单位已停用，不能新增下级单位");
        OrgUnitHierarchy.requireAllowedBelow(type, parent.type);
        String city = type == OrgUnitType.CITY ? id : parent.cityId;
        apply(new OrgUnitCreated(id, Check.text(name, MAX_NAME, "单位名称"), type, parent.id, city));
    }

    @CommandHandler
    public void handle(RenameOrgUnit command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Check.that(active, "UNIT_INACTIVE", "该单位已停用，不能修改");
        String newName = Check.text(command.name(), MAX_NAME, "单位名称");
        Check.that(!newName.equals(name), "NAME_UNCHANGED", "新名称与原名称相同");
        apply(new OrgUnitRenamed(id, name, newName));
    }

    /** Called by {@link OrgUnitCommandHandler} after it has checked the new parent is not below this unit. */
    void moveBelow(OrgUnit newParent) {
        Check.that(type != OrgUnitType.PROVINCE && type != OrgUnitType.CITY,
                "CANNOT_MOVE_CITY", "省、市级单位不能调整上级");
        Check.that(active, "UNIT_INACTIVE", "该单位已停用，不能调整上级");
        Check.that(newParent.active, "PARENT_INACTIVE", "新的上级单位已停用");
        Check.that(Objects.equals(newParent.cityId, cityId),
                "CROSS_CITY_MOVE", "不能把单位调整到其他城市");
        Check.that(!newParent.id.equals(parentId), "PARENT_UNCHANGED", "新的上级单位与原上级相同");
        OrgUnitHierarchy.requireAllowedBelow(type, newParent.type);
        apply(new OrgUnitMoved(id, parentId, newParent.id));
    }

    @CommandHandler
    public void handle(DeactivateOrgUnit command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Check.that(type != OrgUnitType.PROVINCE && type != OrgUnitType.CITY,
                "CANNOT_DEACTIVATE_CITY", "省、市级单位不能停用");
        Check.that(active, "ALREADY_INACTIVE", "该单位已经停用");
        apply(new OrgUnitDeactivated(id));
    }

    @EventSourcingHandler
    void on(OrgUnitCreated event) {
        id = event.orgUnitId();
        name = event.name();
        type = event.type();
        parentId = event.parentId();
        cityId = event.cityId();
        active = true;
    }

    @EventSourcingHandler
    void on(OrgUnitRenamed event) {
        name = event.newName();
    }

    @EventSourcingHandler
    void on(OrgUnitMoved event) {
        parentId = event.newParentId();
    }

    @EventSourcingHandler
    void on(OrgUnitDeactivated event) {
        active = false;
    }

    String id() {
        return id;
    }

    String parentId() {
        return parentId;
    }

    String cityId() {
        return cityId;
    }
}
