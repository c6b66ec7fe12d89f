package cn.jiangcheng.tracker.query.submission;

import cn.jiangcheng.tracker.api.submission.SubmissionEvents.AmendmentStarted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.EvidenceAttached;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionCreated;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionDraftSaved;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionReturned;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionSubmitted;
import cn.jiangcheng.tracker.api.submission.SubmissionEvents.SubmissionWithdrawn;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindPreviousApprovedValues;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindReportingStatus;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmission;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.FindSubmissionsOfCity;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.HistoryEntry;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.HistoryType;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.PreviousApproved;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionDetail;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.UnitReportingStatus;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.query.support.Events.at;
import static cn.jiangcheng.tracker.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;

class SubmissionProjectionTest {
    private static final String Y2024 = "220221-2024";
    private static final String Y2025 = "220221-2025";

    private final JdbcTemplate jdbc = ReadModelDatabase.jdbc();
    private final SubmissionProjection projection = new SubmissionProjection(jdbc);
    private final SubmissionQueryHandler queries = new SubmissionQueryHandler(jdbc);

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
        jdbc.update("insert into indicator_unit (indicator_id, org_unit_id, city_id, period_type) values "
                + "('220200-I01', '220221', '220200', 'ANNUAL'), ('220200-I01', '220222', '220200', 'ANNUAL')");
    }

    private static List<ReportedValue> sections(int good, int assessed) {
        return List.of(new ReportedValue("220200-I01", null, Map.of("good", BigDecimal.valueOf(good),
                "assessed", BigDecimal.valueOf(assessed)), null, null));
    }

    private void events() {
        // 2024: submitted, returned, submitted again and approved
        projection.on(new SubmissionCreated(Y2024, "220221", "220200", "2024", null, "220200-sthj", null), 0, at(0),
                by("yongji-submitter", "永吉填报员"));
        projection.on(new SubmissionDraftSaved(Y2024, 1, sections(8, 10)), 1, at(1), by("yongji-submitter", "永吉填报员"));
        projection.on(new SubmissionSubmitted(Y2024, 1, sections(8, 10), false), 2, at(2),
                by("yongji-submitter", "永吉填报员"));
        projection.on(new SubmissionReturned(Y2024, 1, "断面数有误", Map.of("220200-I01", "应为10个")), 3, at(3),
                by("sthj-approver", "审核员"));
        projection.on(new SubmissionSubmitted(Y2024, 2, sections(9, 10), false), 4, at(4),
                by("yongji-submitter", "永吉填报员"));
        projection.on(new SubmissionApproved(Y2024, 2, sections(9, 10), "通过"), 5, at(5), by("sthj-approver", "审核员"));
        // an amendment submitted: the approved values stay in force, the amendment's are pending
        projection.on(new AmendmentStarted(Y2024, 3, "补充证明材料"), 6, at(6), by("yongji-submitter", "永吉填报员"));
        projection.on(new EvidenceAttached(Y2024, 3, new Evidence("f-1", "监测报告.pdf", "application/pdf", 1024,
                "a".repeat(64))), 7, at(7), by("yongji-submitter", "永吉填报员"));
        projection.on(new SubmissionSubmitted(Y2024, 3, sections(10, 10), true), 8, at(8),
                by("yongji-submitter", "永吉填报员"));
        // 2025: submitted and withdrawn
        projection.on(new SubmissionCreated(Y2025, "220221", "220200", "2025", null, "220200-sthj", null), 0, at(9),
                by("yongji-submitter", "永吉填报员"));
        projection.on(new SubmissionSubmitted(Y2025, 1, sections(7, 10), false), 1, at(10),
                by("yongji-submitter", "永吉填报员"));
        projection.on(new SubmissionWithdrawn(Y2025, 1), 2, at(11), by("yongji-submitter", "永吉填报员"));
    }

    @Test
    void aReportItsHistoryAndTheValuesInForce() {
        ReadModelDatabase.asOwner(SubmissionProjection.TABLES, this::events);

        SubmissionDetail amended = queries.handle(new FindSubmission(Y2024)).orElseThrow();
        assertThat(amended.status()).isEqualTo(Status.SUBMITTED);
        assertThat(amended.revision()).isEqualTo(3);
        assertThat(amended.late()).isTrue();
        assertThat(amended.version()).isEqualTo(8);
        assertThat(amended.approvedValues()).isEqualTo(sections(9, 10));
        assertThat(amended.evidence()).extracting(Evidence::fileName).containsExactly("监测报告.pdf");
        assertThat(amended.history()).extracting(HistoryEntry::type).containsExactly(HistoryType.CREATED,
                HistoryType.DRAFT_SAVED, HistoryType.SUBMITTED, HistoryType.RETURNED, HistoryType.SUBMITTED,
                HistoryType.APPROVED, HistoryType.AMENDMENT_STARTED, HistoryType.EVIDENCE_ATTACHED,
                HistoryType.SUBMITTED);
        assertThat(amended.history().get(3).userName()).isEqualTo("审核员");
        assertThat(jdbc.queryForList("select state || ':' || (components ->> 'good') from submission_value "
                + "where submission_id = ? order by state", String.class, Y2024))
                .containsExactly("APPROVED:9", "PENDING:10");

        SubmissionDetail withdrawn = queries.handle(new FindSubmission(Y2025)).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(Status.DRAFT);
        assertThat(withdrawn.previousApproved()).extracting(PreviousApproved::period).containsExactly("2024");
        assertThat(jdbc.queryForObject("select count(*) from submission_value where submission_id = ?", Long.class,
                Y2025)).isZero();
        assertThat(queries.handle(new FindPreviousApprovedValues("220221", "2024")).values()).isEmpty();
        assertThat(queries.handle(new FindSubmissionsOfCity("220200", null, "2024", null)).submissions())
                .hasSize(1);
    }

    @Test
    void theReportingStatusNamesWhoHasNotReported() {
        ReadModelDatabase.asOwner(SubmissionProjection.TABLES, this::events);
        assertThat(queries.handle(new FindReportingStatus("220200", "2024")).units())
                .extracting(UnitReportingStatus::orgUnitId, UnitReportingStatus::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("220221", Status.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple("220222", null));
    }

    @Test
    void replayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(projection, this::events);
    }
}
