package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Baseline;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ComponentSpec;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction.HIGHER_IS_BETTER;
import static cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction.LOWER_IS_BETTER;
import static cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule.AREA_WEIGHTED;
import static cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule.CITY_MEASURED;
import static cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule.RATIO_OF_SUMS;
import static cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType.NUMBER;
import static cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType.PERCENT;

/**
 * 专栏1 美丽江城建设主要指标 of 《美丽江城建设规划（2024—2035年）》, exactly as the plan states them (baseline 2023,
 * targets 2027/2030/2035, all 预期性), with the province outline's numeric targets for the same indicators at
 * province level. The rollup rules and components are how each figure is really computed.
 */
public final class JilinIndicatorCatalog {
    static final String QUALITY = "生态环境质量";
    static final String LOW_CARBON = "绿色低碳发展";
    static final String SECURITY = "生态安全维护";
    static final String PROVINCIAL_TEXT = "完成省下达目标";
    static final BigDecimal DEFAULT_PLAUSIBILITY = new BigDecimal("0.3");
    static final int[] MILESTONES = {2027, 2030, 2035};

    /** Counties, districts and development zones: the units that report county-level figures. */
    public static final List<String> COUNTY_LEVEL_UNITS = List.of("220202", "220203", "220204", "220211", "220281",
            "220282", "220283", "220284", "220221", "220271", "220272", "220273");

    public static String indicatorId(String cityId, int number) {
        return "%s-I%02d".formatted(cityId, number);
    }

    public static List<IndicatorDefinition> forJilinCity() {
        String city = JilinOrgUnits.JILIN_CITY;
        String bureau = JilinOrgUnits.ECOLOGY_BUREAU;
        String reform = JilinOrgUnits.DEVELOPMENT_REFORM;
        List<IndicatorDefinition> list = new ArrayList<>();
        list.add(def(city, 1, QUALITY, "城市空气质量优良天数比率", "%", PERCENT, HIGHER_IS_BETTER, CITY_MEASURED,
                List.of(), base("88.8"), same(TargetKind.AT_LEAST, "90", "≥90"), bureau));
        list.add(def(city, 2, QUALITY, "细颗粒物（PM2.5）平均浓度", "微克/立方米", NUMBER, LOWER_IS_BETTER,
                CITY_MEASURED, List.of(), base("32"),
                List.of(atMost(2027, "30"), atMost(2030, "29"), atMost(2035, "28")), bureau));
        list.add(def(city, 3, QUALITY, "国控考核断面地表水质量达到或优于Ⅲ类水体比例", "%", PERCENT,
                HIGHER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("sections_good", "达到或优于Ⅲ类的断面数", "个"),
                        component("sections_assessed", "考核断面数", "个")),
                base("89.5"), withProvince(List.of(atLeast(2027, "94.7", "94.7"), provincial(2030),
                        provincial(2035)), new Target(PlanLevel.PROVINCE, 2027, TargetKind.AT_LEAST,
                        new BigDecimal("85"), "85%左右")), null));
        list.add(def(city, 4, QUALITY, "地表水劣Ⅴ类水体比例", "%", PERCENT, LOWER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("sections_worse_than_v", "劣Ⅴ类断面数", "个"),
                        component("sections_assessed", "考核断面数", "个")),
                base("0"), same(TargetKind.AT_MOST, "0", "0"), null));
        list.add(def(city, 5, QUALITY, "县级及以上城市在用饮用水水源水质达标率", "%", PERCENT, HIGHER_IS_BETTER,
                RATIO_OF_SUMS, List.of(component("sources_compliant", "水质达标的在用水源地数", "个"),
                        component("sources_in_use", "在用水源地数", "个")),
                base("100"), same(TargetKind.AT_LEAST, "100", "100"), null));
        list.add(def(city, 6, QUALITY, "农村生活污水治理（管控）率", "%", PERCENT, HIGHER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("villages_treated", "完成治理（管控）的行政村数", "个"),
                        component("villages_total", "行政村总数", "个")),
                base("26.4"), allProvincial(), null));
        // the province outline: "到2027年，建设用地安全利用得到有效保障" is the number behind 2027's 完成省下达目标
        list.add(def(city, 7, QUALITY, "重点建设用地安全利用", "", ValueType.YES_NO, Direction.YES_NO,
                RollupRule.ALL_UNITS_MET, List.of(), new Baseline(2023, BigDecimal.ONE, "有效保障"),
                List.of(new Target(PlanLevel.CITY, 2027, TargetKind.SECURED, null, "完成省下达目标（有效保障）"),
                        provincial(2030), provincial(2035),
                        new Target(PlanLevel.PROVINCE, 2027, TargetKind.SECURED, null, "有效保障")), null));
        list.add(def(city, 8, QUALITY, "受污染耕地安全利用率", "%", PERCENT, HIGHER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("farmland_safely_used", "安全利用的受污染耕地面积", "亩"),
                        component("farmland_polluted", "受污染耕地面积", "亩")),
                base("99.86"), withProvince(same(TargetKind.AT_LEAST, "95", "95 以上"),
                        new Target(PlanLevel.PROVINCE, 2027, TargetKind.AT_LEAST, new BigDecimal("95"), "95%以上")),
                null));
        // a yearly rate (negative when intensity rose): 2027's target is that year's rate, 2030's and 2035's are
        // the five-year plans' cumulative reductions (十五五 2026—2030, 十六五 2031—2035) the province hands down
        list.add(def(city, 9, LOW_CARBON, "单位 GDP 能耗降低率", "%", ValueType.RATE, HIGHER_IS_BETTER, CITY_MEASURED,
                List.of(), base("3.5"), List.of(provincial(2027),
                        new Target(PlanLevel.CITY, 2030, TargetKind.PROVINCIAL, null, "完成省下达目标（十五五累计）", 2026),
                        new Target(PlanLevel.CITY, 2035, TargetKind.PROVINCIAL, null, "完成省下达目标（十六五累计）", 2031)),
                reform));
        list.add(def(city, 10, LOW_CARBON, "非化石能源占一次能源消费比例", "%", PERCENT, HIGHER_IS_BETTER,
                CITY_MEASURED, List.of(), new Baseline(2023, null, "—"),
                List.of(atLeast(2027, "17", "17"), atLeast(2030, "20", "20"), provincial(2035)), reform));
        list.add(def(city, 11, LOW_CARBON, "城市生活污水集中收集率", "%", PERCENT, HIGHER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("sewage_collected", "集中收集的生活污水量", "万吨"),
                        component("sewage_generated", "生活污水产生量", "万吨")),
                base("99"), same(TargetKind.AT_LEAST, "99", "99"), null));
        list.add(def(city, 12, LOW_CARBON, "城市污泥无害化处置率", "%", PERCENT, HIGHER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("sludge_treated", "无害化处置的污泥量", "吨"),
                        component("sludge_generated", "污泥产生量", "吨")),
                base("100"), same(TargetKind.AT_LEAST, "100", "100"), null));
        list.add(def(city, 13, SECURITY, "生态保护红线面积", "平方公里", NUMBER, Direction.MUST_NOT_FALL,
                RollupRule.SUM, List.of(), base("7076.41"), same(TargetKind.AT_LEAST, "7076.41", "7076.41"), null));
        list.add(def(city, 14, SECURITY, "生态质量指数（EQI）", "", NUMBER, HIGHER_IS_BETTER, AREA_WEIGHTED,
                List.of(component("land_area", "国土面积", "平方公里")),
                base("67.8"), same(TargetKind.GOOD_LEVEL, "55", "良好水平"), null));
        list.add(def(city, 15, SECURITY, "一般工业固体废物综合利用率", "%", PERCENT, HIGHER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("waste_utilised", "综合利用量", "万吨"),
                        component("waste_generated", "产生量", "万吨")),
                base("31.03"), List.of(atLeast(2027, "35", "35"), atLeast(2030, "40", "40"),
                        atLeast(2035, "45", "45")), null));
        list.add(def(city, 16, SECURITY, "危险废物综合利用处置率", "%", PERCENT, HIGHER_IS_BETTER, RATIO_OF_SUMS,
                List.of(component("hazardous_handled", "利用处置量", "吨"),
                        component("hazardous_generated", "产生量", "吨")),
                base("99"), same(TargetKind.AT_LEAST, "99", "99"), null));
        list.add(def(city, 17, SECURITY, "森林覆盖率", "%", PERCENT, HIGHER_IS_BETTER, AREA_WEIGHTED,
                List.of(component("land_area", "国土面积", "平方公里")),
                base("54.96"), withProvince(same(TargetKind.AT_LEAST, "53", "53"),
                        new Target(PlanLevel.PROVINCE, 2035, TargetKind.AT_LEAST, new BigDecimal("46"), "46%")),
                null));
        return List.copyOf(list);
    }

    private static IndicatorDefinition def(String city, int number, String category, String name, String unit,
                                           ValueType valueType, Direction direction, RollupRule rule,
                                           List<ComponentSpec> components, Baseline baseline, List<Target> targets,
                                           String measuringUnit) {
        List<String> reporting = rule == CITY_MEASURED ? List.of() : COUNTY_LEVEL_UNITS;
        return new IndicatorDefinition(indicatorId(city, number), city, number, category, name, unit, valueType,
                direction, rule, components, baseline, targets, "预期性", PeriodType.ANNUAL, reporting,
                measuringUnit, DEFAULT_PLAUSIBILITY);
    }

    private static ComponentSpec component(String key, String label, String unit) {
        return new ComponentSpec(key, label, unit);
    }

    private static Baseline base(String value) {
        return new Baseline(2023, new BigDecimal(value), value);
    }

    private static List<Target> same(TargetKind kind, String value, String text) {
        List<Target> targets = new ArrayList<>();
        for (int year : MILESTONES) {
            targets.add(new Target(PlanLevel.CITY, year, kind, new BigDecimal(value), text));
        }
        return targets;
    }

    private static List<Target> allProvincial() {
        List<Target> targets = new ArrayList<>();
        for (int year : MILESTONES) {
            targets.add(provincial(year));
        }
        return targets;
    }

    private static List<Target> withProvince(List<Target> cityTargets, Target provinceTarget) {
        List<Target> all = new ArrayList<>(cityTargets);
        all.add(provinceTarget);
        return all;
    }

    private static Target provincial(int year) {
        return new Target(PlanLevel.CITY, year, TargetKind.PROVINCIAL, null, PROVINCIAL_TEXT);
    }

    private static Target atLeast(int year, String value, String text) {
        return new Target(PlanLevel.CITY, year, TargetKind.AT_LEAST, new BigDecimal(value), text);
    }

    private static Target atMost(int year, String value) {
        return new Target(PlanLevel.CITY, year, TargetKind.AT_MOST, new BigDecimal(value), value);
    }

    private JilinIndicatorCatalog() {
    }
}
