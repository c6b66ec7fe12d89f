package cn.jiangcheng.tracker.command.org;

import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.command.common.Check;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which kind of unit may stand below which: the administrative tree of the plan. */
final class OrgUnitHierarchy {
    private static final Map<OrgUnitType, Set<OrgUnitType>> ALLOWED_PARENTS = Map.of(
            OrgUnitType.PROVINCE, EnumSet.noneOf(OrgUnitType.class),
            OrgUnitType.CITY, EnumSet.of(OrgUnitType.PROVINCE),
            OrgUnitType.COUNTY, EnumSet.of(OrgUnitType.CITY),
            OrgUnitType.DEV_ZONE, EnumSet.of(OrgUnitType.CITY),
            OrgUnitType.DEPARTMENT, EnumSet.of(OrgUnitType.CITY, OrgUnitType.COUNTY, OrgUnitType.DEV_ZONE));

    private OrgUnitHierarchy() {
    }

    static void requireAllowedBelow(OrgUnitType child, OrgUnitType parent) {
        Check.that(child != null, "REQUIRED", "单位类型不能为空");
        Check.that(ALLOWED_PARENTS.get(child).contains(parent), "BAD_HIERARCHY",
                child.label() + "不能设在" + parent.label() + "之下");
    }
}
