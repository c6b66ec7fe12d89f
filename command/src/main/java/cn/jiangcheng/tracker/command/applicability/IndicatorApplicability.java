package cn.jiangcheng.tracker.command.applicability;

import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.ConfirmNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.DeclareNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.RejectNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.RevokeNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands.SetNotApplicable;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityCommands;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableConfirmed;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableDeclared;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRejected;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableRevoked;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityEvents.NotApplicableSet;
import cn.jiangcheng.tracker.api.applicability.ApplicabilityQueries.Status;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.MakerChecker;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import cn.jiangcheng.tracker.command.common.VersionGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Whether one indicator applies to one of its reporting units. The unit's submitter declares 不涉及 with a reason,
 * the city bureau's approver confirms or rejects it; the approver may also set it directly and revoke it. A
 * rejected or revoked record may be declared again. Only a confirmed one takes the unit off the indicator.
 */
@Aggregate
public class IndicatorApplicability {
    static final String NOT_FOUND = "未找到该不涉及记录";
    static final int MAX_TEXT = 500;

    @AggregateIdentifier
    private String applicabilityId;
    private String cityId;
    private String indicatorId;
    private String orgUnitId;
    private String approvalUnitId;
    private Status status;
    /** Who declared the pending 不涉及: the maker, who neither confirms nor rejects it. */
    private String declaredBy;

    protected IndicatorApplicability() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareNotApplicable command, MetaData metaData) {
        requireTarget(metaData, command.applicabilityId(), command.indicatorId(), command.orgUnitId(),
                command.cityId(), command.approvalUnitId());
        requireOwnUnit(metaData, command.orgUnitId());
        Check.that(status != Status.DECLARED, "WRONG_STATUS", "该指标的不涉及申请已提交，正在等待市生态环境局确认");
        Check.that(status != Status.CONFIRMED, "WRONG_STATUS", "该指标已确认为不涉及");
        String reason = Check.text(command.reason(), MAX_TEXT, "不涉及原因");
        apply(new NotApplicableDeclared(command.applicabilityId(), command.indicatorId(), command.orgUnitId(),
                command.cityId(), command.approvalUnitId(), reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetNotApplicable command, MetaData metaData) {
        requireTarget(metaData, command.applicabilityId(), command.indicatorId(), command.orgUnitId(),
                command.cityId(), command.approvalUnitId());
        requireDecider(metaData, approvalUnitId != null ? approvalUnitId : command.approvalUnitId());
        Check.that(status != Status.CONFIRMED, "WRONG_STATUS", "该指标已确认为不涉及");
        // a direct set decides for the unit: never by whoever declared it (waiting, rejected or revoked), nor by
        // one of the unit's own submitters, who would exempt their own unit without a checker
        MakerChecker.requireOtherThanMaker(metaData, declaredBy);
        MakerChecker.requireNotMakerSide(metaData, Role.SUBMITTER, command.orgUnitId());
        String reason = Check.text(command.reason(), MAX_TEXT, "不涉及原因");
        apply(new NotApplicableSet(command.applicabilityId(), command.indicatorId(), command.orgUnitId(),
                command.cityId(), command.approvalUnitId(), reason));
    }

    @CommandHandler
    public void handle(ConfirmNotApplicable command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        Check.status(status, "只有待确认的不涉及申请可以确认", Status.DECLARED);
        MakerChecker.requireOtherThanMaker(metaData, declaredBy);
        String comment = command.comment() == null || command.comment().isBlank() ? null
                : Check.text(command.comment(), MAX_TEXT, "确认意见");
        apply(new NotApplicableConfirmed(applicabilityId, indicatorId, orgUnitId, comment));
    }

    @CommandHandler
    public void handle(RejectNotApplicable command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        Check.status(status, "只有待确认的不涉及申请可以驳回", Status.DECLARED);
        MakerChecker.requireOtherThanMaker(metaData, declaredBy);
        String reason = Check.text(command.reason(), MAX_TEXT, "驳回原因");
        apply(new NotApplicableRejected(applicabilityId, indicatorId, orgUnitId, reason));
    }

    @CommandHandler
    public void handle(RevokeNotApplicable command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireDecider(metaData, approvalUnitId);
        Check.status(status, "只有已确认的不涉及可以撤销", Status.CONFIRMED);
        String reason = Check.text(command.reason(), MAX_TEXT, "撤销原因");
        apply(new NotApplicableRevoked(applicabilityId, indicatorId, orgUnitId, reason));
    }

    /**
     * Declaring and setting create the record the first time: the command must name it consistently, and a record
     * that exists belongs to one city, indicator and unit for good.
     */
    private void requireTarget(MetaData metaData, String id, String indicator, String unit, String city,
                               String approvalUnit) {
        if (applicabilityId != null) {
            TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        } else {
            Check.that(city != null, "UNIT_NOT_IN_CITY", "该单位不属于任何城市");
            TenantGuard.requireSameCity(metaData, city, "未找到该单位");
        }
        Check.that(indicator != null && unit != null
                        && Objects.equals(id, ApplicabilityCommands.applicabilityId(indicator, unit)),
                "BAD_ID", "不涉及记录的编号与指标、单位不符");
        Check.that(approvalUnit != null, "NO_APPROVER", "本市尚未指定审核单位");
    }

    /** Only the unit's own submitters speak for it. */
    private static void requireOwnUnit(MetaData metaData, String unitId) {
        Check.that(Actor.of(metaData).isSystemOrActsAs(Role.SUBMITTER, unitId),
                "NOT_REPORTING_UNIT", "只有本单位的填报员可以申报不涉及");
    }

    /** The city bureau that approves the unit's reports decides what it has to report. */
    private static void requireDecider(MetaData metaData, String deciderUnitId) {
        Check.that(Actor.of(metaData).isSystemOrActsAs(Role.APPROVER, deciderUnitId),
                "NOT_DECIDER", "只有市生态环境局审核员可以确认、驳回或撤销不涉及");
    }

    @EventSourcingHandler
    void on(NotApplicableDeclared event, MetaData metaData) {
        declaredBy = MakerChecker.makerOf(metaData);
        remember(event.applicabilityId(), event.indicatorId(), event.orgUnitId(), event.cityId(),
                event.approvalUnitId());
        status = Status.DECLARED;
    }

    @EventSourcingHandler
    void on(NotApplicableSet event) {
        remember(event.applicabilityId(), event.indicatorId(), event.orgUnitId(), event.cityId(),
                event.approvalUnitId());
        status = Status.CONFIRMED;
    }

    @EventSourcingHandler
    void on(NotApplicableConfirmed event) {
        status = Status.CONFIRMED;
    }

    @EventSourcingHandler
    void on(NotApplicableRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(NotApplicableRevoked event) {
        status = Status.REVOKED;
    }

    private void remember(String id, String indicator, String unit, String city, String approvalUnit) {
        applicabilityId = id;
        indicatorId = indicator;
        orgUnitId = unit;
        cityId = city;
        approvalUnitId = approvalUnit;
    }
}
