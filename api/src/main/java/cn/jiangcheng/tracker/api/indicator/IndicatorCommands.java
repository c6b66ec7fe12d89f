package cn.jiangcheng.tracker.api.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.util.List;

public final class IndicatorCommands {
    private IndicatorCommands() {
    }

    public record DefineIndicator(@TargetAggregateIdentifier String indicatorId, IndicatorDefinition definition) {
    }

    public record ChangeIndicatorTargets(@TargetAggregateIdentifier String indicatorId, List<Target> targets,
                                         @TargetAggregateVersion Long expectedVersion) {
    }

    /** Sets the number behind 完成省下达目标 for one year, once the province has handed it down. */
    public record SetProvincialTarget(@TargetAggregateIdentifier String indicatorId, int year, BigDecimal value,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record AssignIndicator(@TargetAggregateIdentifier String indicatorId, PeriodType periodType,
                                  List<String> reportingUnitIds, String measuringUnitId,
                                  @TargetAggregateVersion Long expectedVersion) {
    }

    public record ChangePlausibilityShare(@TargetAggregateIdentifier String indicatorId, BigDecimal share,
                                          @TargetAggregateVersion Long expectedVersion) {
    }

    // The four-eyes path of target changes (TargetProposals): proposalIds are chosen by the caller, unique per indicator.

    /** Proposes a new target list, with the reason and the document (文号, 标题) it comes from. */
    public record ProposeTargetChange(@TargetAggregateIdentifier String indicatorId, String proposalId,
                                      List<Target> targets, String reason, String documentNumber,
                                      String documentTitle, @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Proposes the number behind one year's 完成省下达目标; for a yes/no indicator value stays null: the province hands
     * down 有效保障.
     */
    public record ProposeProvincialTarget(@TargetAggregateIdentifier String indicatorId, String proposalId, int year,
                                          BigDecimal value, String reason, String documentNumber,
                                          String documentTitle, @TargetAggregateVersion Long expectedVersion) {
    }

    /** A second approver, not the proposer, lets the open proposal take effect. */
    public record ConfirmTargetChange(@TargetAggregateIdentifier String indicatorId, String proposalId,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record RejectTargetChange(@TargetAggregateIdentifier String indicatorId, String proposalId, String reason,
                                     @TargetAggregateVersion Long expectedVersion) {
    }

    /** Only the proposer withdraws a proposal. */
    public record WithdrawTargetChange(@TargetAggregateIdentifier String indicatorId, String proposalId,
                                       @TargetAggregateVersion Long expectedVersion) {
    }
}
