package cn.jiangcheng.tracker.command.rollup;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.rollup.ClosureCommands.ClosePeriod;
import cn.jiangcheng.tracker.api.rollup.ClosureCommands.ReopenPeriod;
import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodClosed;
import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodReopened;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.BusinessDay;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Optional;

import static cn.jiangcheng.tracker.api.rollup.ClosureCommands.reportingPeriodId;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One reporting period of one city, as far as 截止汇总 goes: open until the bureau closes it. */
@Aggregate
public class ReportingPeriod {
    static final String NOT_FOUND = "未找到该填报期间";

    @AggregateIdentifier
    private String reportingPeriodId;
    private String cityId;
    private String period;
    private boolean closed;

    protected ReportingPeriod() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ClosePeriod command, MetaData metaData, PeriodCoverage coverage, BusinessDay day) {
        if (reportingPeriodId != null) {
            TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        } else {
            TenantGuard.requireSameCity(metaData, command.cityId(), NOT_FOUND);
        }
        requireBureauApprover(metaData, coverage.bureauOf(command.cityId()));
        Period parsed = Period.parse(command.period()).orElseThrow(() ->
                new BusinessRuleViolation("BAD_PERIOD", "填报期间格式应为 2025、2025-Q1 或 2025-03"));
        Check.that(command.reportingPeriodId().equals(
                reportingPeriodId(command.cityId(), parsed.code())),
                "BAD_PERIOD", "填报期间与编号不符");
        Check.that(!closed, "ALREADY_CLOSED", parsed.label() + "已截止汇总");
        Check.that(day.today().isAfter(parsed.lastDay()), "PERIOD_NOT_OVER", parsed.label() + "尚未结束，不能截止汇总");
        List<String> missing = List.copyOf(coverage.missingUnits(command.cityId(), parsed));
        Check.that(!missing.isEmpty(), "NOTHING_MISSING", "所有应报单位均已报送，无需截止汇总");
        String note = Check.text(command.note(), 500, "截止汇总说明");
        apply(new PeriodClosed(command.reportingPeriodId(), command.cityId(), parsed.code(), missing, note));
    }

    @CommandHandler
    public void handle(ReopenPeriod command, MetaData metaData, PeriodCoverage coverage) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireBureauApprover(metaData, coverage.bureauOf(cityId));
        Check.that(closed, "NOT_CLOSED", "该期间未截止汇总");
        String reason = Check.text(command.reason(), 500, "重新开放原因");
        apply(new PeriodReopened(reportingPeriodId, cityId, period, reason));
    }

    /** Closing judges every unit of the city: only the city bureau's approvers may do it. */
    private static void requireBureauApprover(MetaData metaData, Optional<String> bureau) {
        Check.that(bureau.filter(unitId -> Actor.of(metaData).actsAs(Role.APPROVER, unitId)).isPresent(),
                "NOT_DECIDER", "只有市生态环境局审核员可以截止汇总或重新开放");
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        reportingPeriodId = event.reportingPeriodId();
        cityId = event.cityId();
        period = event.period();
        closed = true;
    }

    @EventSourcingHandler
    void on(PeriodReopened event) {
        closed = false;
    }
}
