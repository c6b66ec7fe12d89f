package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.AssignIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeIndicatorTargets;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangePlausibilityShare;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ChangeReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ConfirmTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.DefineIndicator;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ProposeProvincialTarget;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.ProposeTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.RejectTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.SetProvincialTarget;
import cn.jiangcheng.tracker.api.indicator.IndicatorCommands.WithdrawTargetChange;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorAssigned;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorDefined;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.IndicatorTargetsChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.PlausibilityShareChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ProvincialTargetSet;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.ReportingCalendarChanged;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeConfirmed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeProposed;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeRejected;
import cn.jiangcheng.tracker.api.indicator.IndicatorEvents.TargetChangeWithdrawn;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Kind;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One indicator of a city's plan (专栏1): its targets, rollup rule and who reports it. */
@Aggregate
public class Indicator {
    static final String NOT_FOUND = "未找到该指标";
    static final String SECURED_TEXT = "有效保障";

    static final String YEARLY_RATE_TEXT = "完成省下达目标（年度）";
    @AggregateIdentifier
    private String indicatorId;
    private String cityId;
    private IndicatorDefinition definition;
    private List<Target> targets;
    private BigDecimal plausibilityShare;
    private PeriodType periodType;
    /** null: the default calendar of the period type. */
    private ReportingCalendar calendar;
    private final Set<String> proposalIds = new HashSet<>();
    private Proposal openProposal;

    protected Indicator() {
    }

    /** Indicators come from the plan text; the system seeds them, the city bureau then maintains them. */
    @CommandHandler
    public Indicator(DefineIndicator command, MetaData metaData) {
        Check.that(Actor.of(metaData).isSystem(), "SYSTEM_ONLY", "指标目录由规划文本导入");
        IndicatorDefinition d = command.definition();
        Check.that(d != null && command.indicatorId().equals(d.indicatorId()), "BAD_DEFINITION", "指标定义不完整");
        Check.text(d.name(), 80, "指标名称");
        Check.that(d.cityId() != null && d.valueType() != null && d.direction() != null && d.rollupRule() != null
                && d.periodType() != null, "BAD_DEFINITION", "指标定义不完整");
        requireComponents(d);
        requireTargets(d.targets());
        requireShare(d.plausibilityShare());
        apply(new IndicatorDefined(command.indicatorId(), d));
    }

    /**
     * The system's own path (a re-import of the plan text); people go through a proposal a second approver confirms.
     */
    @CommandHandler
    public void handle(ChangeIndicatorTargets command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireSystem(metaData);
        requireNewTargets(command.targets());
        apply(new IndicatorTargetsChanged(indicatorId, targets, List.copyOf(command.targets())));
    }

    /** The system's own path, as for ChangeIndicatorTargets. */
    @CommandHandler
    public void handle(SetProvincialTarget command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireSystem(metaData);
        BigDecimal value = requireProvincialTarget(command.year(), command.value());
        applyProvincialTarget(command.year(), value, provincialTargets(command.year(), value));
    }

    // ---------------------------------------------------------------- four eyes on targets

    @CommandHandler
    public void handle(ProposeTargetChange command, MetaData metaData) {
        Source source = requireNewProposal(command.proposalId(), command.reason(), command.documentNumber(),
                command.documentTitle(), metaData);
        requireNewTargets(command.targets());
        apply(new TargetChangeProposed(indicatorId, command.proposalId(), Kind.PLAN_TARGETS, null, null, targets,
                List.copyOf(command.targets()), source.reason(), source.documentNumber(), source.documentTitle()));
    }

    @CommandHandler
    public void handle(ProposeProvincialTarget command, MetaData metaData) {
        Source source = requireNewProposal(command.proposalId(), command.reason(), command.documentNumber(),
                command.documentTitle(), metaData);
        BigDecimal value = requireProvincialTarget(command.year(), command.value());
        apply(new TargetChangeProposed(indicatorId, command.proposalId(), Kind.PROVINCIAL_TARGET, command.year(),
                value, targets, provincialTargets(command.year(), value), source.reason(), source.documentNumber(),
                source.documentTitle()));
    }

    @CommandHandler
    public void handle(ConfirmTargetChange command, MetaData metaData) {
        Proposal p = openProposal(command.proposalId(), metaData);
        requireSecondApprover(p, metaData, "目标调整须由另一名审核人确认，提出人不能确认自己的提议");
        Check.that(sameTargets(p.oldTargets(), targets), "TARGETS_CHANGED_SINCE",
                "提议之后目标已有变化，请撤回或驳回后重新提出");
        apply(new TargetChangeConfirmed(indicatorId, p.id(), p.kind(), p.oldTargets(), p.newTargets(), p.reason(),
                p.documentNumber(), p.documentTitle()));
        if (p.kind() == Kind.PROVINCIAL_TARGET) {
            applyProvincialTarget(p.year(), p.value(), p.newTargets());
        } else {
            apply(new IndicatorTargetsChanged(indicatorId, p.oldTargets(), p.newTargets()));
        }
    }

    @CommandHandler
    public void handle(RejectTargetChange command, MetaData metaData) {
        Proposal p = openProposal(command.proposalId(), metaData);
        requireSecondApprover(p, metaData, "提出人不能驳回自己的提议，请撤回");
        String reason = Check.text(command.reason(), 500, "驳回理由");
        apply(new TargetChangeRejected(indicatorId, p.id(), reason));
    }

    @CommandHandler
    public void handle(WithdrawTargetChange command, MetaData metaData) {
        Proposal p = openProposal(command.proposalId(), metaData);
        Check.that(p.proposedBy().equals(userOf(metaData)), "NOT_PROPOSER", "只有提出人可以撤回该提议");
        apply(new TargetChangeWithdrawn(indicatorId, p.id()));
    }

    @CommandHandler
    public void handle(AssignIndicator command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Check.that(command.periodType() != null, "REQUIRED", "填报周期不能为空");
        Check.that(command.reportingUnitIds() == null || command.reportingUnitIds().stream().allMatch(Objects::nonNull),
                "REQUIRED", "填报单位不能为空");
        List<String> units = command.reportingUnitIds() == null ? List.of() : List.copyOf(command.reportingUnitIds());
        Check.that(new HashSet<>(units).size() == units.size(), "DUPLICATE_UNIT", "填报单位重复");
        if (definition.rollupRule() == RollupRule.CITY_MEASURED) {
            Check.that(command.measuringUnitId() != null, "REQUIRED", "市级监测指标须指定监测单位");
        } else {
            Check.that(!units.isEmpty(), "REQUIRED", "至少指定一个填报单位");
        }
        apply(new IndicatorAssigned(indicatorId, command.periodType(), units, command.measuringUnitId()));
    }

    @CommandHandler
    public void handle(ChangePlausibilityShare command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireShare(command.share());
        Check.that(plausibilityShare == null || command.share().compareTo(plausibilityShare) != 0,
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
        Check.that(!Objects.equals(wanted, calendar), "UNCHANGED", "填报日历没有变化");
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

    private static void requireSystem(MetaData metaData) {
        Check.that(Actor.of(metaData).isSystem(), "FOUR_EYES", "目标调整须由一名审核人提出、另一名审核人确认");
    }

    private static void requireApprover(MetaData metaData) {
        Actor actor = Actor.of(metaData);
        Check.that(actor.has(Role.APPROVER) && actor.userId() != null, "NOT_APPROVER", "只有审核人可以调整目标");
    }

    private static String userOf(MetaData metaData) {
        return Actor.of(metaData).userId();
    }

    /** A new proposal, by an approver of the city, while none is open, with its reason and source document. */
    private Source requireNewProposal(String proposalId, String reason, String documentNumber, String documentTitle,
                                      MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireApprover(metaData);
        Check.that(proposalId != null && !proposalId.isBlank() && !proposalIds.contains(proposalId),
                "BAD_PROPOSAL_ID", "目标调整编号无效");
        if (openProposal != null) {
            throw new BusinessRuleViolation("PROPOSAL_OPEN", "该指标已有待确认的目标调整（" + openProposal.id() + "，"
                    + openProposal.proposedByName() + "提出），请先确认、驳回或撤回");
        }
        return Source.of(reason, documentNumber, documentTitle);
    }

    /** The open proposal a decision names, decided by an approver of the indicator's city. */
    private Proposal openProposal(String proposalId, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireApprover(metaData);
        if (proposalId == null || !proposalIds.contains(proposalId)) {
            throw new NotFoundInScope("未找到该目标调整");
        }
        Check.that(openProposal != null && openProposal.id().equals(proposalId), "PROPOSAL_CLOSED",
                "该目标调整已确认、驳回或撤回");
        return openProposal;
    }

    private static void requireSecondApprover(Proposal p, MetaData metaData, String message) {
        Check.that(!p.proposedBy().equals(userOf(metaData)), "SAME_APPROVER", message);
    }

    private void requireNewTargets(List<Target> newTargets) {
        requireTargets(newTargets);
        Check.that(!sameTargets(newTargets, targets), "TARGETS_UNCHANGED", "目标没有变化");
    }

    /**
     * The value the year's 完成省下达目标 gets: a number within range, or for a yes/no indicator nothing (the province
     * hands down 有效保障, there is no number to type).
     */
    private BigDecimal requireProvincialTarget(int year, BigDecimal value) {
        boolean hasProvincial = targets.stream().anyMatch(t -> t.level() == PlanLevel.CITY
                && t.year() == year && t.kind() == TargetKind.PROVINCIAL);
        // a yearly rate gets the province's target of any year of the plan, not only of a milestone year
        boolean newYearlyRate = rate() && year >= 2024 && year <= 2035 && !hasCityTarget(year);
        Check.that(hasProvincial || newYearlyRate, "NO_PROVINCIAL_TARGET", year + "年的目标不是“完成省下达目标”");
        if (yesNo()) {
            Check.that(value == null || value.compareTo(BigDecimal.ONE) == 0, "YES_NO_TARGET",
                    "是/否指标的省下达目标为“有效保障”，无需填写数值");
            return null;
        }
        Check.that(value != null, "REQUIRED", "目标值不能为空");
        Check.that(value.signum() >= 0, "OUT_OF_RANGE", "目标值不能为负数");
        Check.that(definition.valueType() != ValueType.PERCENT && !rate()
                        || value.compareTo(BigDecimal.valueOf(100)) <= 0,
                "OUT_OF_RANGE", "百分比目标须在0到100之间");
        Check.that(!sameTargets(provincialTargets(year, value), targets), "TARGETS_UNCHANGED", "目标没有变化");
        return value;
    }

    /** The targets once the year's 完成省下达目标 is known; a yes/no indicator's becomes 有效保障 (SECURED). */
    private List<Target> provincialTargets(int year, BigDecimal value) {
        List<Target> result = new ArrayList<>();
        for (Target t : targets) {
            boolean provincial = t.level() == PlanLevel.CITY && t.year() == year && t.kind() == TargetKind.PROVINCIAL;
            if (!provincial) {
                result.add(t);
            } else if (yesNo()) {
                result.add(new Target(t.level(), t.year(), TargetKind.SECURED, null, SECURED_TEXT, t.fromYear()));
            } else {
                result.add(new Target(t.level(), t.year(), t.kind(), value, t.text(), t.fromYear()));
            }
        }
        if (rate() && !hasCityTarget(year)) {
            result.add(new Target(PlanLevel.CITY, year, TargetKind.PROVINCIAL, value, YEARLY_RATE_TEXT, null));
            result.sort(java.util.Comparator.comparing(Target::level).thenComparingInt(Target::year));
        }
        return List.copyOf(result);
    }

    private boolean hasCityTarget(int year) {
        return targets.stream().anyMatch(t -> t.level() == PlanLevel.CITY && t.year() == year);
    }

    private boolean rate() {
        return definition.valueType() == ValueType.RATE;
    }

    /**
     * A number stays a ProvincialTargetSet (the projections fill it in); a yes/no target changes the target's kind,
     * which only a target list change can say, and so does a new yearly target of a rate.
     */
    private void applyProvincialTarget(int year, BigDecimal value, List<Target> newTargets) {
        if (yesNo() || newTargets.size() != targets.size()) {
            apply(new IndicatorTargetsChanged(indicatorId, targets, newTargets));
        } else {
            apply(new ProvincialTargetSet(indicatorId, year, value));
        }
    }

    private boolean yesNo() {
        return definition.valueType() == ValueType.YES_NO || definition.direction() == Direction.YES_NO;
    }

    private static void requireComponents(IndicatorDefinition d) {
        int expected = switch (d.rollupRule()) {
            case RATIO_OF_SUMS -> 2;
            case AREA_WEIGHTED -> 1;
            default -> 0;
        };
        int actual = d.components() == null ? 0 : d.components().size();
        Check.that(actual == expected, "BAD_COMPONENTS", "指标“" + d.name() + "”的分项数量与汇总规则不符");
        Check.that(d.rollupRule() != RollupRule.ALL_UNITS_MET || d.valueType() == ValueType.YES_NO,
                "BAD_DEFINITION", "“全部达标”规则只适用于是/否指标");
    }

    private static void requireTargets(List<Target> targets) {
        Check.that(targets != null && targets.stream().allMatch(Objects::nonNull), "REQUIRED", "目标不能为空");
        for (Target t : targets) {
            Check.that(t.level() != null && t.kind() != null, "BAD_TARGET", "目标缺少层级或类型");
            Check.that(t.year() >= 2024 && t.year() <= 2050, "BAD_TARGET", "目标年份须在2024到2050之间");
            boolean needsValue = t.kind() == TargetKind.AT_LEAST || t.kind() == TargetKind.AT_MOST
                    || t.kind() == TargetKind.GOOD_LEVEL;
            Check.that(!needsValue || t.value() != null, "BAD_TARGET", t.year() + "年目标缺少数值");
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
                    || !Objects.equals(x.text(), y.text()) || !Objects.equals(x.fromYear(), y.fromYear())) {
                return false;
            }
        }
        return true;
    }

    private static void requireShare(BigDecimal share) {
        Check.that(share != null && share.signum() > 0 && share.compareTo(BigDecimal.TEN) <= 0,
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
    void on(ProvincialTargetSet event) {
        // as the catalog projection reads it: only the value is filled in, whatever the indicator
        targets = targets.stream().map(t -> t.level() == PlanLevel.CITY && t.year() == event.year()
                && t.kind() == TargetKind.PROVINCIAL
                ? new Target(t.level(), t.year(), t.kind(), event.value(), t.text(), t.fromYear()) : t).toList();
    }

    @EventSourcingHandler
    void on(TargetChangeProposed event, MetaData metaData) {
        proposalIds.add(event.proposalId());
        Actor proposer = Actor.of(metaData);
        openProposal = new Proposal(event.proposalId(), event.kind(), event.year(), event.value(),
                event.oldTargets(), event.newTargets(), event.reason(), event.documentNumber(),
                event.documentTitle(), proposer.userId(),
                proposer.userName() == null ? proposer.userId() : proposer.userName());
    }

    @EventSourcingHandler
    void on(TargetChangeConfirmed event) {
        openProposal = null;
    }

    @EventSourcingHandler
    void on(TargetChangeRejected event) {
        openProposal = null;
    }

    @EventSourcingHandler
    void on(TargetChangeWithdrawn event) {
        openProposal = null;
    }

    @EventSourcingHandler
    void on(PlausibilityShareChanged event) {
        plausibilityShare = event.newShare();
    }

    /** The reason and source document every target change needs. */
    private record Source(String reason, String documentNumber, String documentTitle) {
        static Source of(String reason, String documentNumber, String documentTitle) {
            return new Source(Check.text(reason, 500, "调整理由"), Check.text(documentNumber, 60, "文号"),
                    Check.text(documentTitle, 200, "文件标题"));
        }
    }

    /** proposedBy is a user id, from the metadata of the proposing event. */
    private record Proposal(String id, Kind kind, Integer year, BigDecimal value, List<Target> oldTargets,
                            List<Target> newTargets, String reason, String documentNumber, String documentTitle,
                            String proposedBy, String proposedByName) {
    }
}
