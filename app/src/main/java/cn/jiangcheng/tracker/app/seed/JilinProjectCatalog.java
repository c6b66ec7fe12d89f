package cn.jiangcheng.tracker.app.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * The major projects (重大工程) named in 专栏2–9 of 《美丽江城建设规划（2024—2035年）》, in the plan's order, with
 * their 专栏 and numbered engineering group. The plan names no dates, investments or responsible units: a lead
 * unit is set only where the text makes it plain — a county or development zone named in the project, the bureau
 * named in it, or a subject that belongs to one department (energy → 发改委, industry → 工信局, roads and pipes
 * → 住建局, transport → 交通局, farmland → 农业农村局, forests and wetlands → 林业局, land restoration → 自然资源局,
 * water saving → 水利局); the city ecology-environment bureau holds the rest until it reassigns them.
 */
public final class JilinProjectCatalog {
    static final String STHJ = JilinOrgUnits.ECOLOGY_BUREAU;
    static final String FGW = JilinOrgUnits.DEVELOPMENT_REFORM;
    static final String GXJ = "220200-gxj";
    static final String ZJJ = "220200-zjj";
    static final String JTJ = "220200-jtj";
    static final String NYJ = "220200-nyj";
    static final String SLJ = "220200-slj";
    static final String LYJ = "220200-lyj";
    static final String ZRJ = "220200-zrj";
    static final String CGJ = "220200-cgj";
    static final String CHANGYI = "220202";
    static final String LONGTAN = "220203";
    static final String JIAOHE = JilinOrgUnits.JIAOHE;
    static final String HUADIAN = "220282";
    static final String SHULAN = "220283";
    static final String PANSHI = "220284";
    static final String YONGJI = JilinOrgUnits.YONGJI;
    static final String ECONOMIC_ZONE = JilinOrgUnits.ECONOMIC_ZONE;
    static final String FOOD_ZONE = JilinOrgUnits.SINO_SINGAPORE_FOOD_ZONE;

    /**
     * One project of the plan. group is the numbered group (1–4) within the 专栏 and groupName its title, both
     * absent (0, null) for 专栏 without groups; cooperating units only where the text names them together.
     */
    public record SeedProject(String id, int column, int group, String groupName, String name, String leadUnitId,
                              List<String> cooperatingUnitIds) {
    }

    private JilinProjectCatalog() {
    }

    public static String projectId(String cityId, int column, int group, int number) {
        return "%s-P%d%d%02d".formatted(cityId, column, group, number);
    }

    public static List<SeedProject> forJilinCity() {
        Builder b = new Builder(JilinOrgUnits.JILIN_CITY);
        b.group(2, 1, "产业结构优化工程")
                .add("吉化转型升级项目", GXJ)
                .add("吉林化纤40万吨全产业链项目", GXJ)
                .add("吉林奇峰化纤股份有限公司年产30万吨腈纶扩能改造一期（15万吨）项目", GXJ)
                .add("吉林碳谷碳纤维股份公司年产3万吨高性能碳纤维原丝项目", GXJ)
                .add("吉林石化万吨级碳纤维项目", GXJ);
        b.group(2, 2, "能源结构优化工程")
                .add("吉林蛟河抽水蓄能电站建设项目", JIAOHE, FGW)
                .add("蛟河天岗抽水蓄能项目", JIAOHE, FGW)
                .add("舒兰榆树沟抽水蓄能项目", SHULAN, FGW)
                .add("桦甸木箕河抽水蓄能项目", HUADIAN, FGW)
                .add("吉林化纤、吉林石化、吉林建龙等自带负荷配套风电项目", FGW)
                .add("中电工程绿色甲醇与绿色航煤一体化项目", FGW);
        b.group(2, 3, "交通结构优化工程")
                .add("铁路西环线项目", JTJ)
                .add("公交车购置项目", JTJ)
                .add("重点场所充电桩、换电站、加氢站项目", FGW);
        b.group(2, 4, "资源节约优化工程")
                .add("高效节能新工艺、新技术、新产品、新设备和新材料应用项目", GXJ)
                .add("企业和工业园区节水技术改造及再生水回用项目", SLJ)
                .add("城镇节水和污水再生利用设施建设与改造项目", ZJJ);
        b.group(3, 1, "城市更新工程")
                .add("“一江两岸”景观提升工程", ZJJ)
                .add("吉林市哈达湾区域七家子片区二期道路建设工程", ZJJ)
                .add("吉林市红旗大桥（文山路—新城大路）项目", ZJJ)
                .add("吉林市新城大路（苏合街—环山街）道路工程项目", ZJJ)
                .add("主要街路提升改造工程", ZJJ)
                .add("吉林市城区供热老旧管网改造项目", ZJJ)
                .add("松花江两岸楼体亮化工程", CGJ)
                .add("吉林市城市排水设施建设工程（一期）", ZJJ);
        b.group(3, 2, "“无废城市”建设工程")
                .add("中泽新型建材有限公司钼尾矿综合利用项目（一期二阶段）", STHJ)
                .add("蛟河市生活垃圾焚烧发电工程", JIAOHE)
                .add("吉林石化公司丙烯腈厂废液焚烧装置项目", STHJ);
        b.group(3, 3, "乡村补齐短板工程")
                .add("农村人居环境整治提升工程", NYJ)
                .add("新能源乡村振兴工程", FGW)
                .add("农村四好公路建设", JTJ)
                .add("蛟河市畜禽粪污及农业废弃物资源化利用项目", JIAOHE)
                .add("农村生活污水治理项目", STHJ)
                .add("农村生活垃圾收集转运处理设施建设项目", STHJ);
        b.group(3, 4, "打造“森林城市”工程")
                .add("大规模国土绿化工程", LYJ)
                .add("18万株乔木栽植工程", LYJ)
                .add("城市绿化提升工程", STHJ);
        b.group(4, 1, "蓝天白云建设工程")
                .add("65蒸吨以上燃煤锅炉超低排放改造", STHJ)
                .add("水泥行业超低排放改造", STHJ)
                .add("吉林建龙钢铁有限公司综合料场废气无组织治理项目", STHJ)
                .add("吉林万丰奥威汽轮有限公司二工厂RTO废气升级改造项目", STHJ)
                .add("北方地区清洁取暖项目", STHJ)
                .add("国能吉林热电厂“等容量替代”新建2×350MW热电联产项目", FGW);
        b.group(4, 2, "水清岸绿建设工程")
                .add("吉林市昌邑区鳌龙河流域水环境综合整治工程", CHANGYI)
                .add("吉林市昌邑区鳌龙河河口湿地及生态缓冲带工程", CHANGYI)
                .add("吉林市昌邑区鳌龙河流域可持续发展工程", CHANGYI)
                .add("永吉县星星哨水库缓冲带生态修复工程", YONGJI)
                .add("永吉县四间水库缓冲带生态修复工程", YONGJI)
                .add("舒兰市卡岔河经济开发区污水处理厂尾水湿地建设工程", SHULAN)
                .add("拉林河水环境综合治理", STHJ)
                .add("吉林市江北污水处理厂项目", ZJJ)
                .add("吉林市小沙河溢流整改配套管网工程", ZJJ)
                .add("吉林市城区污水管道及泵站改造工程", ZJJ);
        b.group(4, 3, "沃野千里建设工程")
                .add("高标准农田建设项目", NYJ)
                .add("黑土地保护建设项目", NYJ)
                .add("吉林市土壤和地下水环境重点监管单位、污水集中设施、固体废物处置设施周边土壤和地下水监测项目", STHJ)
                .add("吉林化工园区地下水环境状况详细调查评估项目", STHJ)
                .add("吉林经开区地下水环境状况详细调查评估项目", ECONOMIC_ZONE)
                .add("吉林石化公司丙烯腈厂土壤源头防控改造工程", STHJ)
                .add("吉林石化公司染料厂土壤源头防控改造工程", STHJ)
                .add("吉林市典型行业企业用地及周边土壤污染状况调查项目", STHJ);
        b.group(5, 0, null)
                .add("吉林化工园区安全发展能力提升工程", STHJ)
                .add("龙潭经开区应急安全发展能力提升工程", LONGTAN)
                .add("新污染物环境调查监测项目", STHJ);
        b.group(6, 0, null)
                .add("长白山主脉森林保护修复综合治理项目", LYJ)
                .add("吉林市国土空间生态修复项目", ZRJ)
                .add("历史遗留矿山生态修复项目", ZRJ)
                .add("磐石市饮马河防洪薄弱环节治理工程", PANSHI)
                .add("吉林中新食品区流域可持续发展工程项目", FOOD_ZONE)
                .add("生物多样性保护重大工程", STHJ)
                .add("湿地保护与恢复工程", LYJ)
                .add("湿地综合治理工程", LYJ);
        b.group(7, 0, null)
                .add("美丽城市建设行动", STHJ)
                .add("美丽城镇建设行动", STHJ)
                .add("美丽乡村建设行动", STHJ)
                .add("“美丽细胞”建设工程（美丽机关、美丽学校、美丽社区、美丽工厂、美丽园区等）", STHJ);
        b.group(8, 0, null)
                .add("桦甸国发万头肉牛养殖项目", HUADIAN)
                .add("磐石肉牛产业园项目", PANSHI)
                .add("舒兰市白鹅产业基地项目", SHULAN)
                .add("生态环境导向的开发（EOD）模式项目", STHJ)
                .add("农产品加工业转型升级项目", NYJ)
                .add("万科松花湖度假区旅游基础设施项目", STHJ)
                .add("万科度假区雪场西扩项目", STHJ)
                .add("北大湖滑雪度假区整体开发项目", STHJ)
                .add("吉林北大湖青少年雪上运动训练基地项目", STHJ);
        b.group(9, 0, null)
                .add("金隅冀东新型建材产业园智能工厂项目", GXJ)
                .add("松花江流域入河排污口规范化建设及智慧管理系统项目", STHJ)
                .add("吉林市集中式饮用水水源地规范化建设及视频、预警监控系统项目", STHJ)
                .add("化工园区异味溯源调查及Voc预警监测项目", STHJ)
                .add("吉林市生态环境局细颗粒物与臭氧协同控制监测能力建设项目", STHJ)
                .add("吉林市生态环境局网格化“智慧监管”平台三期建设项目", STHJ)
                .add("绿色生活建设工程（节约型机关、绿色家庭、绿色学校、绿色出行、绿色商场、绿色建筑等）", STHJ);
        return List.copyOf(b.projects);
    }

    private static final class Builder {
        private final String cityId;
        private final List<SeedProject> projects = new ArrayList<>();
        private int column;
        private int group;
        private String groupName;
        private int number;

        Builder(String cityId) {
            this.cityId = cityId;
        }

        Builder group(int column, int group, String groupName) {
            this.column = column;
            this.group = group;
            this.groupName = groupName;
            this.number = 0;
            return this;
        }

        Builder add(String name, String leadUnitId, String... cooperating) {
            number++;
            projects.add(new SeedProject(projectId(cityId, column, group, number), column, group, groupName, name,
                    leadUnitId, List.of(cooperating)));
            return this;
        }
    }
}
