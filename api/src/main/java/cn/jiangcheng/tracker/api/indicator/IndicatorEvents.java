package cn.jiangcheng.tracker.api.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;

import java.math.BigDecimal;
import java.util.List;

public final class IndicatorEvents {
    private IndicatorEvents() {
    }

    public record IndicatorDefined(String indicatorId, IndicatorDefinition definition) {
    }

    public record IndicatorTargetsChanged(String indicatorId, List<Target> oldTargets, List<Target> newTargets) {
    }

    public record ProvincialTargetSet(String indicatorId, int year, BigDecimal value) {
    }

    public record IndicatorAssigned(String indicatorId, PeriodType periodType, List<String> reportingUnitIds,
                                    String measuringUnitId) {
    }

    public record PlausibilityShareChanged(String indicatorId, BigDecimal oldShare, BigDecimal newShare) {
    }

    // The four-eyes path of target changes; who proposed and who decided is in each event's metadata.

    /** For PROVINCIAL_TARGET year and value name the target filled in; newTargets is the list once confirmed. */
    public record TargetChangeProposed(String indicatorId, String proposalId, TargetProposals.Kind kind,
                                       Integer year, BigDecimal value, List<Target> oldTargets,
                                       List<Target> newTargets, String reason, String documentNumber,
                                       String documentTitle) {
    }

    /**
     * Carries the source of the change once more, so the record of the change in force names its document; the
     * effect follows in the same unit of work as IndicatorTargetsChanged or ProvincialTargetSet.
     */
    public record TargetChangeConfirmed(String indicatorId, String proposalId, TargetProposals.Kind kind,
                                        List<Target> oldTargets, List<Target> newTargets, String reason,
                                        String documentNumber, String documentTitle) {
    }

    public record TargetChangeRejected(String indicatorId, String proposalId, String reason) {
    }

    public record TargetChangeWithdrawn(String indicatorId, String proposalId) {
    }
}
