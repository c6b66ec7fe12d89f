package cn.jiangcheng.tracker.command.indicator;

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
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.RollupRule;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.TargetProposals.Kind;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import cn.jiangcheng.tracker.command.indicator.TargetChangeReview.Proposal;
import cn.jiangcheng.tracker.command.indicator.TargetChangeReview.Source;
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

/**
 * One indicator of a city's plan (专栏1): its targets, rollup rule and who reports it. What a definition and targets
 * must say is {@link IndicatorContent}'s, the 完成省下达目标 {@link ProvincialTargets}', the four eyes on target
 * changes {@link TargetChangeReview}'s and the calendar {@link IndicatorCalendar}'s; this class decides who may act.
 */
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
    private final TargetChangeReview review = new TargetChangeReview();

    protected Indicator() {
    }

    /** Indicators come from the plan text; the system seeds them, the city bureau then maintains them. */
    @CommandHandler
    public Indicator(DefineIndicator command, MetaData metaData) {
        Check.that(Actor.of(metaData).isSystem(), "SYSTEM_ONLY", "指标目录由规划文本导入");
        apply(new IndicatorDefined(command.indicatorId(),
                IndicatorContent.definition(command.indicatorId(), command.definition())));
    }

    /**
     * The system's own path (a re-import of the plan text); people go through a proposal a second approver confirms.
     */
    @CommandHandler
    public void handle(ChangeIndicatorTargets command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireSystem(metaData);
        IndicatorContent.requireNewTargets(command.targets(), targets);
        apply(new IndicatorTargetsChanged(indicatorId, targets, List.copyOf(command.targets())));
    }

    /** The system's own path, as for ChangeIndicatorTargets. */
    @CommandHandler
    public void handle(SetProvincialTarget command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireSystem(metaData);
        ProvincialTargets provincial = provincialTargets();
        BigDecimal value = provincial.checkedValue(command.year(), command.value());
        applyProvincialTarget(command.year(), value, provincial.after(command.year(), value));
    }

    // ---------------------------------------------------------------- four eyes on targets

    @CommandHandler
    public void handle(ProposeTargetChange command, MetaData metaData) {
        Source source = requireNewProposal(command.proposalId(), command.reason(), command.documentNumber(),
                command.documentTitle(), metaData);
        IndicatorContent.requireNewTargets(command.targets(), targets);
        apply(new TargetChangeProposed(indicatorId, command.proposalId(), Kind.PLAN_TARGETS, null, null, targets,
                List.copyOf(command.targets()), source.reason(), source.documentNumber(), source.documentTitle()));
    }

    @CommandHandler
    public void handle(ProposeProvincialTarget command, MetaData metaData) {
        Source source = requireNewProposal(command.proposalId(), command.reason(), command.documentNumber(),
                command.documentTitle(), metaData);
        ProvincialTargets provincial = provincialTargets();
        BigDecimal value = provincial.checkedValue(command.year(), command.value());
        apply(new TargetChangeProposed(indicatorId, command.proposalId(), Kind.PROVINCIAL_TARGET, command.year(),
                value, targets, provincial.after(command.year(), value), source.reason(), source.documentNumber(),
                source.documentTitle()));
    }

    @CommandHandler
    public void handle(ConfirmTargetChange command, MetaData metaData) {
        Proposal p = openProposal(command.proposalId(), metaData);
        p.requireSecondApprover(Actor.of(metaData), "目标调整须由另一名审核人确认，提出人不能确认自己的提议");
        Check.that(IndicatorContent.sameTargets(p.oldTargets(), targets), "TARGETS_CHANGED_SINCE",
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
        p.requireSecondApprover(Actor.of(metaData), "提出人不能驳回自己的提议，请撤回");
        String reason = Check.text(command.reason(), 500, "驳回理由");
        apply(new TargetChangeRejected(indicatorId, p.id(), reason));
    }

    @CommandHandler
    public void handle(WithdrawTargetChange command, MetaData metaData) {
        Proposal p = openProposal(command.proposalId(), metaData);
        p.requireProposer(Actor.of(metaData));
        apply(new TargetChangeWithdrawn(indicatorId, p.id()));
    }

    // ---------------------------------------------------------------- reporting units, threshold, calendar

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
        IndicatorContent.requireShare(command.share());
        Check.that(plausibilityShare == null || command.share().compareTo(plausibilityShare) != 0,
                "UNCHANGED", "阈值没有变化");
        apply(new PlausibilityShareChanged(indicatorId, plausibilityShare, command.share()));
    }

    @CommandHandler
    public void handle(ChangeReportingCalendar command, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        ReportingCalendar wanted = IndicatorCalendar.stored(command.calendar(), periodType);
        Check.that(!Objects.equals(wanted, calendar), "UNCHANGED", "填报日历没有变化");
        apply(new ReportingCalendarChanged(indicatorId, calendar, wanted));
    }

    // ---------------------------------------------------------------- who may act

    private static void requireSystem(MetaData metaData) {
        Check.that(Actor.of(metaData).isSystem(), "FOUR_EYES", "目标调整须由一名审核人提出、另一名审核人确认");
    }

    /** A new proposal, by an approver of the city, while none is open, with its reason and source document. */
    private Source requireNewProposal(String proposalId, String reason, String documentNumber, String documentTitle,
                                      MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        TargetChangeReview.requireApprover(Actor.of(metaData));
        return review.newProposal(proposalId, reason, documentNumber, documentTitle);
    }

    /** The open proposal a decision names, decided by an approver of the indicator's city. */
    private Proposal openProposal(String proposalId, MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        TargetChangeReview.requireApprover(Actor.of(metaData));
        return review.open(proposalId);
    }

    private ProvincialTargets provincialTargets() {
        return new ProvincialTargets(definition, targets);
    }

    private void applyProvincialTarget(int year, BigDecimal value, List<Target> newTargets) {
        if (provincialTargets().needsTargetListChange(newTargets)) {
            apply(new IndicatorTargetsChanged(indicatorId, targets, newTargets));
        } else {
            apply(new ProvincialTargetSet(indicatorId, year, value));
        }
    }

    // ---------------------------------------------------------------- state

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
        targets = ProvincialTargets.withValue(targets, event.year(), event.value());
    }

    @EventSourcingHandler
    void on(TargetChangeProposed event, MetaData metaData) {
        review.proposed(event, Actor.of(metaData));
    }

    @EventSourcingHandler
    void on(TargetChangeConfirmed event) {
        review.closed();
    }

    @EventSourcingHandler
    void on(TargetChangeRejected event) {
        review.closed();
    }

    @EventSourcingHandler
    void on(TargetChangeWithdrawn event) {
        review.closed();
    }

    @EventSourcingHandler
    void on(PlausibilityShareChanged event) {
        plausibilityShare = event.newShare();
    }

    @EventSourcingHandler
    void on(ReportingCalendarChanged event) {
        calendar = event.newCalendar();
    }

    @EventSourcingHandler
    void on(IndicatorAssigned event) {
        periodType = event.periodType();
    }
}
