package cn.jiangcheng.tracker.command.submission;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
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
import cn.jiangcheng.tracker.command.common.Rules;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    protected Submission() {
    }

    @CommandHandler
    public Submission(CreateSubmission command, MetaData metaData) {
        Rules.require(command.cityId() != null, "UNIT_NOT_IN_CITY", "该单位不属于任何城市");
        TenantGuard.requireSameCity(metaData, command.cityId(), "未找到该单位");
        requireOwnUnit(metaData, command.orgUnitId());
        Period period = Period.parse(command.period()).orElseThrow(() ->
                new BusinessRuleViolation("BAD_PERIOD", "填报期间格式应为 2025、2025-Q1 或 2025-03"));
        Rules.require(command.approvalUnitId() != null, "NO_APPROVER", "本市尚未指定审核单位");
        Rules.require(ReportingCalendars.fits(period, command.opens(), command.deadline()), "BAD_DEADLINE",
                "填报截止日期与期间不符");
        requireOpen(period, command.opens(), command.today());
        List<ReportedValue> values = ReportedValues.normalise(command.values(), command.rules());
        apply(new SubmissionCreated(command.submissionId(), command.orgUnitId(), command.cityId(), period.code(),
                command.deadline(), command.approvalUnitId(), command.reviewUnitId()));
        apply(new SubmissionDraftSaved(command.submissionId(), 1, values));
    }

    @CommandHandler
    public void handle(SaveSubmissionDraft command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        requireStatus("只有草稿或被退回的报告可以修改", Status.DRAFT, Status.RETURNED);
        apply(new SubmissionDraftSaved(submissionId, revision, ReportedValues.normalise(command.values(),
                command.rules())));
    }

    @CommandHandler
    public void handle(AttachEvidence command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        requireStatus("只有草稿或被退回的报告可以添加证明材料", Status.DRAFT, Status.RETURNED);
        Evidence evidence = command.evidence();
        Rules.require(evidence != null && evidence.sha256() != null && evidence.sha256().matches("[0-9a-f]{64}"),
                "BAD_EVIDENCE", "证明材料无效");
        Rules.require(evidenceCount < MAX_EVIDENCE, "TOO_MANY_FILES", "每份报告最多上传" + MAX_EVIDENCE + "个证明材料");
        apply(new EvidenceAttached(submissionId, revision, evidence));
    }

    @CommandHandler
    public void handle(SubmitSubmission command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        requireStatus("只有草稿或被退回的报告可以提交", Status.DRAFT, Status.RETURNED);
        requireOpen(Period.parse(periodCode).orElseThrow(), command.opens(), command.today());
        Rules.require(command.rules() != null && !command.rules().isEmpty(), "NO_RULES", "本期没有需要填报的指标");
        // the catalog may have changed since the draft was saved: check the draft again against today's rules
        List<ReportedValue> values = ReportedValues.normalise(draft, command.rules());
        ReportedValues.requireComplete(values, command.rules());
        // lateness is about the first report; correcting an approved report later is not a late report
        boolean late = revision == 1 && command.today().isAfter(deadline);
        apply(new SubmissionSubmitted(submissionId, revision, values, late));
    }

    @CommandHandler
    public void handle(WithdrawSubmission command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        requireUnitAction(metaData);
        requireStatus("只有已提交、尚未审核的报告可以撤回", Status.SUBMITTED);
        apply(new SubmissionWithdrawn(submissionId, revision));
    }

    @CommandHandler
    public void handle(ApproveSubmission command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        String comment = optionalText(command.comment(), "审核意见");
        if (awaitingCountyReview()) {
            requireDecider(metaData, reviewUnitId, "该报告须先由县级审核");
            apply(new SubmissionReviewed(submissionId, revision, comment));
            return;
        }
        requireStatus("只有待审核的报告可以审核", Status.SUBMITTED, Status.REVIEWED);
        requireDecider(metaData, approvalUnitId, "只有市生态环境局审核员可以审核通过");
        apply(new SubmissionApproved(submissionId, revision, submitted, comment));
    }

    @CommandHandler
    public void handle(ReturnSubmission command, MetaData metaData, ConflictResolver conflicts) {
        VersionGuard.requireCurrentVersion(metaData, conflicts, cityId, NOT_FOUND);
        TenantGuard.requireSameCity(metaData, cityId, NOT_FOUND);
        requireStatus("只有待审核的报告可以退回", Status.SUBMITTED, Status.REVIEWED);
        requireDecider(metaData, awaitingCountyReview() ? reviewUnitId : approvalUnitId, "您无权退回该报告");
        String reason = Rules.requireText(command.reason(), 500, "退回原因");
        Map<String, String> comments = new LinkedHashMap<>();
        if (command.valueComments() != null) {
            command.valueComments().forEach((indicatorId, text) -> {
                Rules.require(submitted.stream().anyMatch(v -> v.indicatorId().equals(indicatorId)),
                        "UNKNOWN_INDICATOR", "报告中没有指标“" + indicatorId + "”");
                String trimmed = optionalText(text, "指标意见");
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
        requireStatus("只有审核通过的报告可以申请修改", Status.APPROVED);
        apply(new AmendmentStarted(submissionId, revision + 1, Rules.requireText(command.reason(), 500, "修改原因")));
    }

    /**
     * A decision taken on an outdated screen is refused as a conflict before any rule is checked, so of two
     * people acting at once exactly one succeeds and the other is told to reload.
     */

    /** A period's figures are not known before it opens (a 2027 report on 2 December 2026 would be a guess). */
    private static void requireOpen(Period period, LocalDate opens, LocalDate today) {
        Rules.require(opens != null && today != null, "NO_DATE", "缺少填报日期");
        ReportingCalendars.notOpenYet(period, opens, today).ifPresent(message -> {
            throw new BusinessRuleViolation("PERIOD_NOT_OPEN", message);
        });
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
        if (AuditKeys.SYSTEM_USER.equals(metaData.get(AuditKeys.USER_ID))) {
            return;
        }
        Rules.require(Objects.equals(metaData.get(AuditKeys.ORG_UNIT_ID), unitId) && hasRole(metaData, "SUBMITTER"),
                "NOT_REPORTING_UNIT", "只有本单位的填报员可以办理此事项");
    }

    private static void requireDecider(MetaData metaData, String deciderUnitId, String message) {
        boolean approver = hasRole(metaData, "APPROVER")
                && Objects.equals(metaData.get(AuditKeys.ORG_UNIT_ID), deciderUnitId);
        Rules.require(approver, "NOT_DECIDER", message);
    }

    private static boolean hasRole(MetaData metaData, String role) {
        Object roles = metaData.get(AuditKeys.ROLES);
        return roles != null && Arrays.asList(roles.toString().split(",")).contains(role);
    }

    private void requireStatus(String message, Status... allowed) {
        Rules.require(Arrays.asList(allowed).contains(status), "WRONG_STATUS", message);
    }

    private static String optionalText(String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Rules.requireText(text, 500, label);
    }

    @EventSourcingHandler
    void on(SubmissionCreated event) {
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
    void on(SubmissionDraftSaved event) {
        draft = event.values();
        if (status == Status.RETURNED) {
            status = Status.DRAFT;
        }
    }

    @EventSourcingHandler
    void on(EvidenceAttached event) {
        evidenceCount++;
    }

    @EventSourcingHandler
    void on(SubmissionSubmitted event) {
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
    void on(AmendmentStarted event) {
        revision = event.revision();
        status = Status.DRAFT;
        draft = new ArrayList<>(submitted);
    }
}
