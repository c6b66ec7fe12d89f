package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.AssignIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeIndicatorTargets;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangePlausibilityShare;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.DefineIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.SetProvincialTarget;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorAssigned;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorDefined;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorTargetsChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.PlausibilityShareChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ProvincialTargetSet;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ReportingCalendarChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.command.common.Rules;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One indicator of a city's plan (专栏1): its targets, rollup rule and who reports it. */
@Aggregate
public class Indicator {
    static final String NOT_FOUND = "未找到该指标";

    @AggregateIdentifier
    private String indicatorId;
    private String cityId;
    private IndicatorDefinition definition;
    private List<Target> targets;
    private BigDecimal plausibilityShare;
    private PeriodType periodType;
    /** null: the default calendar of the period type. */
    private ReportingCalendar calendar;

    protected Indicator() {
    }

    /** Indicators come from the plan text; the system seeds them, the city bureau then maintains them. */
    @CommandHandler
    public Indicator(DefineIndicator command, MetaData metaData) {
        Rules.require(AuditKeys.SYSTEM_USER.equals(metaData.get(AuditKeys.USER_ID)), "SYSTEM_ONLY",
                "指标目录由规划文本导入");
        IndicatorDefinition d = command.definition();
        Rules.require(d != null && command.indicatorId().equals(d.indicatorId()), "BAD_DEFINITION", "指标定义不完整");
        Rules.requireText(d.name(), 80, "指标名称");
        Rules.require(d.cityId() != null && d.valueType() != null && d.direction() != null && d.rollupRule() != null
                && d.periodType() != null, "BAD_DEFINITION", "指标定义不完整");
        requireComponents(d);
        requireTargets(d.targets());
        requireShare(d.plausibilityShare());
        apply(new IndicatorDefined(command.indicatorId(), d));
    }

    @CommandHandler
    public void handle(ChangeIndicatorTargets command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireTargets(command.targets());
        Rules.require(!sameTargets(command.targets(), targets), "TARGETS_UNCHANGED", "目标没有变化");
        apply(new IndicatorTargetsChanged(indicatorId, targets, List.copyOf(command.targets())));
    }

    @CommandHandler
    public void handle(SetProvincialTarget command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Rules.require(command.value() != null, "REQUIRED", "目标值不能为空");
        Rules.require(command.value().signum() >= 0, "OUT_OF_RANGE", "目标值不能为负数");
        Rules.require(definition.valueType() != ValueType.PERCENT
                        || command.value().compareTo(BigDecimal.valueOf(100)) <= 0,
                "OUT_OF_RANGE", "百分比目标须在0到100之间");
        boolean hasProvincial = targets.stream().anyMatch(t -> t.level() == PlanLevel.CITY
                && t.year() == command.year() && t.kind() == TargetKind.PROVINCIAL);
        Rules.require(hasProvincial, "NO_PROVINCIAL_TARGET", command.year() + "年的目标不是“完成省下达目标”");
        apply(new ProvincialTargetSet(indicatorId, command.year(), command.value()));
    }

    @CommandHandler
    public void handle(AssignIndicator command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Rules.require(command.periodType() != null, "REQUIRED", "填报周期不能为空");
        Rules.require(command.reportingUnitIds() == null || command.reportingUnitIds().stream().allMatch(Objects::nonNull),
                "REQUIRED", "填报单位不能为空");
        List<String> units = command.reportingUnitIds() == null ? List.of() : List.copyOf(command.reportingUnitIds());
        Rules.require(new HashSet<>(units).size() == units.size(), "DUPLICATE_UNIT", "填报单位重复");
        if (definition.rollupRule() == RollupRule.CITY_MEASURED) {
            Rules.require(command.measuringUnitId() != null, "REQUIRED", "市级监测指标须指定监测单位");
        } else {
            Rules.require(!units.isEmpty(), "REQUIRED", "至少指定一个填报单位");
        }
        apply(new IndicatorAssigned(indicatorId, command.periodType(), units, command.measuringUnitId()));
    }

    @CommandHandler
    public void handle(ChangePlausibilityShare command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireShare(command.share());
        Rules.require(plausibilityShare == null || command.share().compareTo(plausibilityShare) != 0,
                "UNCHANGED", "阈值没有变化");
        apply(new PlausibilityShareChanged(indicatorId, plausibilityShare, command.share()));
    }

    // ---------------------------------------------------------------- reporting calendar

    /**
     * When the indicator's periods open and are due; a calendar equal to the period type's default is stored as
     * the default (null), so the indicator follows the default if it changes.
     */
    @CommandHandler
    public void handle(ChangeReportingCalendar command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        ReportingCalendar wanted = command.calendar();
        if (wanted != null) {
            ReportingCalendars.problem(wanted, periodType).ifPresent(problem -> {
                throw new BusinessRuleViolation("BAD_CALENDAR", problem);
            });
            if (wanted.equals(ReportingCalendars.defaultOf(periodType))) {
                wanted = null;
            }
        }
        Rules.require(!Objects.equals(wanted, calendar), "UNCHANGED", "填报日历没有变化");
        apply(new ReportingCalendarChanged(indicatorId, calendar, wanted));
    }

    @EventSourcingHandler
    void on(ReportingCalendarChanged event) {
        calendar = event.newCalendar();
    }

    @EventSourcingHandler
    void on(IndicatorAssigned event) {
        periodType = event.periodType();
    }

    private static void requireComponents(IndicatorDefinition d) {
        int expected = switch (d.rollupRule()) {
            case RATIO_OF_SUMS -> 2;
            case AREA_WEIGHTED -> 1;
            default -> 0;
        };
        int actual = d.components() == null ? 0 : d.components().size();
        Rules.require(actual == expected, "BAD_COMPONENTS", "指标“" + d.name() + "”的分项数量与汇总规则不符");
        Rules.require(d.rollupRule() != RollupRule.ALL_UNITS_MET || d.valueType() == ValueType.YES_NO,
                "BAD_DEFINITION", "“全部达标”规则只适用于是/否指标");
    }

    private static void requireTargets(List<Target> targets) {
        Rules.require(targets != null && targets.stream().allMatch(Objects::nonNull), "REQUIRED", "目标不能为空");
        for (Target t : targets) {
            Rules.require(t.level() != null && t.kind() != null, "BAD_TARGET", "目标缺少层级或类型");
            Rules.require(t.year() >= 2024 && t.year() <= 2050, "BAD_TARGET", "目标年份须在2024到2050之间");
            boolean needsValue = t.kind() == TargetKind.AT_LEAST || t.kind() == TargetKind.AT_MOST
                    || t.kind() == TargetKind.GOOD_LEVEL;
            Rules.require(!needsValue || t.value() != null, "BAD_TARGET", t.year() + "年目标缺少数值");
        }
    }

    /** 90 and 90.0 are the same target. */
    private static boolean sameTargets(List<Target> a, List<Target> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Target x = a.get(i);
            Target y = b.get(i);
            boolean sameValue = x.value() == null ? y.value() == null
                    : y.value() != null && x.value().compareTo(y.value()) == 0;
            if (x.level() != y.level() || x.year() != y.year() || x.kind() != y.kind() || !sameValue
                    || !Objects.equals(x.text(), y.text())) {
                return false;
            }
        }
        return true;
    }

    private static void requireShare(BigDecimal share) {
        Rules.require(share != null && share.signum() > 0 && share.compareTo(BigDecimal.TEN) <= 0,
                "OUT_OF_RANGE", "变动阈值须大于0且不超过10（即1000%）");
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        definition = event.definition();
        cityId = definition.cityId();
        targets = List.copyOf(definition.targets());
        plausibilityShare = definition.plausibilityShare();
        periodType = definition.periodType();
        calendar = definition.calendar();
    }

    @EventSourcingHandler
    void on(IndicatorTargetsChanged event) {
        targets = event.newTargets();
    }

    @EventSourcingHandler
    void on(PlausibilityShareChanged event) {
        plausibilityShare = event.newShare();
    }
}
