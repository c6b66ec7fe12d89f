package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.org.OrgUnitType;

import java.util.List;

/**
 * The org units of 美丽江城建设规划: 吉林省 → 吉林市 → its counties, districts, development zones and the city
 * departments that report. Counties keep their administrative division codes; departments are the city code plus
 * a short name.
 */
public final class JilinOrgUnits {
    public static final String PROVINCE = "220000";
    public static final String JILIN_CITY = "220200";
    public static final String ECOLOGY_BUREAU = "220200-sthj";
    public static final String YONGJI = "220221";
    public static final String JIAOHE = "220281";
    public static final String DEVELOPMENT_REFORM = "220200-fgw";
    /** 统计用区划代码 of the development zones: 经开区 220271, 高新区 220272, 中新食品区 220273. */
    public static final String ECONOMIC_ZONE = "220271";
    public static final String HIGH_TECH_ZONE = "220272";
    public static final String SINO_SINGAPORE_FOOD_ZONE = "220273";

    public record Unit(String id, String name, OrgUnitType type, String parentId) {
    }

    public static final List<Unit> UNITS = List.of(
            new Unit(PROVINCE, "吉林省", OrgUnitType.PROVINCE, null),
            new Unit(JILIN_CITY, "吉林市", OrgUnitType.CITY, PROVINCE),
            new Unit("220202", "昌邑区", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit("220203", "龙潭区", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit("220204", "船营区", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit("220211", "丰满区", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit(JIAOHE, "蛟河市", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit("220282", "桦甸市", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit("220283", "舒兰市", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit("220284", "磐石市", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit(YONGJI, "永吉县", OrgUnitType.COUNTY, JILIN_CITY),
            new Unit(ECONOMIC_ZONE, "吉林经济技术开发区", OrgUnitType.DEV_ZONE, JILIN_CITY),
            new Unit(HIGH_TECH_ZONE, "吉林高新技术产业开发区", OrgUnitType.DEV_ZONE, JILIN_CITY),
            new Unit(SINO_SINGAPORE_FOOD_ZONE, "吉林中新食品区", OrgUnitType.DEV_ZONE, JILIN_CITY),
            new Unit(ECOLOGY_BUREAU, "吉林市生态环境局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit(DEVELOPMENT_REFORM, "吉林市发展和改革委员会", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-gxj", "吉林市工业和信息化局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-zjj", "吉林市住房和城乡建设局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-jtj", "吉林市交通运输局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-nyj", "吉林市农业农村局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-slj", "吉林市水利局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-lyj", "吉林市林业局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-zrj", "吉林市自然资源局", OrgUnitType.DEPARTMENT, JILIN_CITY),
            new Unit("220200-cgj", "吉林市城市管理局", OrgUnitType.DEPARTMENT, JILIN_CITY));

    /** A second city, present in the demo and in tests to show that cities never see each other's data. */
    public static final String CHANGCHUN = "220100";
    public static final String NANGUAN = "220102";

    public static final List<Unit> DEMO_SECOND_CITY = List.of(
            new Unit(CHANGCHUN, "长春市", OrgUnitType.CITY, PROVINCE),
            new Unit(NANGUAN, "南关区", OrgUnitType.COUNTY, CHANGCHUN));

    private JilinOrgUnits() {
    }
}
