package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars.Window;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ApproveSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.AttachEvidence;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.CreateSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.ReturnSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SaveSubmissionDraft;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.StartAmendment;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SubmitSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.WithdrawSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.AmendmentStarted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.EvidenceAttached;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionCreated;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionDraftSaved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReturned;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReviewed;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionSubmitted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionWithdrawn;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.common.Actor;
import cn.jiangcheng.tracker.command.common.BusinessDay;
import cn.jiangcheng.tracker.command.common.Check;
import cn.jiangcheng.tracker.command.common.Makers;
import cn.jiangcheng.tracker.command.common.TenantGuard;
import cn.jiangcheng.tracker.command.common.VersionGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One unit's report for one period: drafted and submitted by the unit, optionally reviewed by its county,
 * approved or returned by the city bureau. Approved values stay in force while an amendment is under way.
 */
@Aggregate
public class Submission {
    static final String NOT_FOUND = "未找到该填报记录";
    static final int MAX_EVIDENCE = 20;

    @AggregateIdentifier
    private String submissionId;
    private String orgUnitId;
    private String cityId;
    private String periodCode;
    private String approvalUnitId;
    private String reviewUnitId;
    private Status status;
    private int revision;
    private List<ReportedValue> draft = List.of();
    private List<ReportedValue> submitted = List.of();
    private int evidenceCount;
    private LocalDate deadline;
    /**
     * Who wrote the revision under review (created, drafted, attached evidence, started the amendment, submitted):
     * its makers, none of whom reviews, approves or returns it.
     */
    private final Makers makers = new Makers();

    protected Submission() {
    }

    @CommandHandler
    public Submission(CreateSubmission command, MetaData metaData, ReportForms forms, BusinessDay day) {
        Check.that(command.cityId() != null, "UNIT_NOT_IN_CITY", "该单位不属于任何城市");
        TenantGuard.requireSameCity(metaData, command.cityId(), "未找到该单位");
        Period period = Period.parse(command.period()).orElseThrow(() ->
                new BusinessRuleViolation("BAD_PERIOD", "填报期间格式应为 2025、2025-Q1 或 2025-03"));
        ReportForm form = forms.formFor(command.orgUnitId(), period);
        Check.that(!form.isEmpty(), "NOTHING_TO_REPORT", "本单位在" + period.code() + "期没有须填报的指标");
        Check.that(command.approvalUnitId() != null, "NO_APPROVER", "本市尚未设立审核单位（市生态环境局）");
        requireOwnUnit(metaData, command.orgUnitId());
        Window window = form.window();
        Check.that(ReportingCalendars.fits(period, window.opens(), window.due()), "BAD_DEADLINE",
                "填报截止日期与期间不符");
        requireOpen(period, window.opens(), day.today());
        List<ReportedValue> values = ReportedValues.normalise(command.values(), form.expected());
        apply(new SubmissionCreated(command.submissionId(), command.orgUnitId(), command.cityId(), period.code(),
                window.due(), command.approvalUnitId(), command.reviewUnitId()));
        apply(new SubmissionDraftSaved(command.submissionId(), 1, values));
    }

    @CommandHandler
    public void handle(SaveSubmissionDraft command, MetaData metaData, ConflictResolver conflicts,
                       ReportForms forms) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        Check.status(status, "只有草稿或被退回的报告可以修改", Status.DRAFT, Status.RETURNED);
        List<ExpectedValue> expected = forms.formFor(orgUnitId, period()).expected();
        apply(new SubmissionDraftSaved(submissionId, revision, ReportedValues.normalise(command.values(), expected)));
    }

    @CommandHandler
    public void handle(AttachEvidence command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        Check.status(status, "只有草稿或被退回的报告可以添加证明材料", Status.DRAFT, Status.RETURNED);
        Evidence evidence = command.evidence();
        Check.that(evidence != null && evidence.sha256() != null && evidence.sha256().matches("[0-9a-f]{64}"),
                "BAD_EVIDENCE", "证明材料无效");
        Check.that(evidenceCount < MAX_EVIDENCE, "TOO_MANY_FILES", "每份报告最多上传" + MAX_EVIDENCE + "个证明材料");
        apply(new EvidenceAttached(submissionId, revision, evidence));
    }

    @CommandHandler
    public void handle(SubmitSubmission command, MetaData metaData, ConflictResolver conflicts,
                       ReportForms forms, BusinessDay day) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        Check.status(status, "只有草稿或被退回的报告可以提交", Status.DRAFT, Status.RETURNED);
        ReportForm form = forms.formFor(orgUnitId, period());
        LocalDate today = day.today();
        requireOpen(period(), form.window().opens(), today);
        Check.that(!form.isEmpty(), "NO_RULES", "本期没有需要填报的指标");
        // the catalog may have changed since the draft was saved: check the draft again against today's form
        List<ReportedValue> values = ReportedValues.normalise(draft, form.expected());
        ReportedValues.requireComplete(values, form.expected());
        // lateness is about the first report; correcting an approved report later is not a late report
        boolean late = revision == 1 && today.isAfter(deadline);
        apply(new SubmissionSubmitted(submissionId, revision, values, late));
    }

    @CommandHandler
    public void handle(WithdrawSubmission command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        Check.status(status, "只有已提交、尚未审核的报告可以撤回", Status.SUBMITTED);
        apply(new SubmissionWithdrawn(submissionId, revision));
    }

    @CommandHandler
    public void handle(ApproveSubmission command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        String comment = Check.optionalText(command.comment(), 500, "审核意见");
        if (awaitingCountyReview()) {
            requireDecider(metaData, reviewUnitId, "该报告须先由县级审核");
            makers.requireNoneOf(metaData);
            apply(new SubmissionReviewed(submissionId, revision, comment));
            return;
        }
        Check.status(status, "只有待审核的报告可以审核", Status.SUBMITTED, Status.REVIEWED);
        requireDecider(metaData, approvalUnitId, "只有市生态环境局审核员可以审核通过");
        makers.requireNoneOf(metaData);
        apply(new SubmissionApproved(submissionId, revision, submitted, comment));
    }

    @CommandHandler
    public void handle(ReturnSubmission command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        Check.status(status, "只有待审核的报告可以退回", Status.SUBMITTED, Status.REVIEWED);
        requireDecider(metaData, awaitingCountyReview() ? reviewUnitId : approvalUnitId, "您无权退回该报告");
        makers.requireNoneOf(metaData);
        String reason = Check.text(command.reason(), 500, "退回原因");
        Map<String, String> comments = new LinkedHashMap<>();
        if (command.valueComments() != null) {
            command.valueComments().forEach((indicatorId, text) -> {
                Check.that(submitted.stream().anyMatch(v -> v.indicatorId().equals(indicatorId)),
                        "UNKNOWN_INDICATOR", "报告中没有指标“" + indicatorId + "”");
                String trimmed = Check.optionalText(text, 500, "指标意见");
                if (trimmed != null) {
                    comments.put(indicatorId, trimmed);
                }
            });
        }
        apply(new SubmissionReturned(submissionId, revision, reason, comments));
    }

    @CommandHandler
    public void handle(StartAmendment command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        Check.status(status, "只有审核通过的报告可以申请修改", Status.APPROVED);
        apply(new AmendmentStarted(submissionId, revision + 1, Check.text(command.reason(), 500, "修改原因")));
    }

    /** A period's figures are not known before it opens (a 2027 report on 2 December 2026 would be a guess). */
    private static void requireOpen(Period period, LocalDate opens, LocalDate today) {
        Check.that(opens != null, "NO_DATE", "缺少填报日期");
        ReportingCalendars.notOpenYet(period, opens, today).ifPresent(message -> {
            throw new BusinessRuleViolation("PERIOD_NOT_OPEN", message);
        });
    }

    private Period period() {
        return Period.parse(periodCode).orElseThrow();
    }

    private boolean awaitingCountyReview() {
        return status == Status.SUBMITTED && reviewUnitId != null;
    }

    private void requireUnitAction(MetaData metaData) {
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireOwnUnit(metaData, orgUnitId);
    }

    /** Only people of the reporting unit itself draft, submit, withdraw and amend its reports. */
    private static void requireOwnUnit(MetaData metaData, String unitId) {
        Check.that(Actor.of(metaData).isSystemOrActsAs(Role.SUBMITTER, unitId),
                "NOT_REPORTING_UNIT", "只有本单位的填报员可以办理此事项");
    }

    /** The system decides nothing here: a report is approved by a person of the deciding unit. */
    private static void requireDecider(MetaData metaData, String deciderUnitId, String message) {
        Check.that(Actor.of(metaData).actsAs(Role.APPROVER, deciderUnitId), "NOT_DECIDER", message);
    }

    @EventSourcingHandler
    void on(SubmissionCreated event, MetaData metaData) {
        makers.add(metaData);
        submissionId = event.submissionId();
        orgUnitId = event.orgUnitId();
        cityId = event.cityId();
        periodCode = event.period();
        approvalUnitId = event.approvalUnitId();
        reviewUnitId = event.reviewUnitId();
        deadline = event.deadline();
        status = Status.DRAFT;
        revision = 1;
    }

    @EventSourcingHandler
    void on(SubmissionDraftSaved event, MetaData metaData) {
        makers.add(metaData);
        draft = event.values();
        if (status == Status.RETURNED) {
            status = Status.DRAFT;
        }
    }

    @EventSourcingHandler
    void on(EvidenceAttached event, MetaData metaData) {
        makers.add(metaData);
        evidenceCount++;
    }

    @EventSourcingHandler
    void on(SubmissionSubmitted event, MetaData metaData) {
        makers.add(metaData);
        submitted = event.values();
        draft = event.values();
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(SubmissionWithdrawn event) {
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(SubmissionReviewed event) {
        status = Status.REVIEWED;
    }

    @EventSourcingHandler
    void on(SubmissionApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(SubmissionReturned event) {
        status = Status.RETURNED;
    }

    @EventSourcingHandler
    void on(AmendmentStarted event, MetaData metaData) {
        // a new revision: who wrote the approved one is no maker of the correction
        makers.clear();
        makers.add(metaData);
        revision = event.revision();
        status = Status.DRAFT;
        draft = new ArrayList<>(submitted);
    }
}
