package cn.jiangcheng.tracker.query.project;

import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCancelled;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCreated;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEdited;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEvidenceAttached;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectReassigned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateApproved;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateReturned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateSubmitted;
import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProject;
import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProjects;
import cn.jiangcheng.tracker.api.project.ProjectQueries.MilestoneView;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectDetail;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectSummary;
import cn.jiangcheng.tracker.api.project.ProjectQueries.UpdateView;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateStatus;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static cn.jiangcheng.tracker.query.support.Events.at;
import static cn.jiangcheng.tracker.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectProjectionTest {
    private static final String ID = "220200-P2101";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final BigDecimal MARGIN = BigDecimal.TEN;

    private final ProjectProjection projection = new ProjectProjection(ReadModelDatabase.jdbc());
    private final ProjectQueryHandler queries = new ProjectQueryHandler(ReadModelDatabase.jdbc());

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
    }

    private static ProjectPlan plan(String name, List<Milestone> milestones) {
        return new ProjectPlan(name, 2, "产业结构优化工程", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                BigDecimal.valueOf(1000), milestones);
    }

    private static UpdateContent report(String period, int progress, int investment, List<MilestoneReached> reached) {
        return new UpdateContent(period, BigDecimal.valueOf(progress), BigDecimal.valueOf(investment), reached,
                null, "继续施工", null);
    }

    private void events() {
        Milestone design = new Milestone("m1", "完成设计", LocalDate.of(2026, 3, 31));
        Milestone build = new Milestone("m2", "开工建设", LocalDate.of(2026, 9, 30));
        projection.on(new ProjectCreated(ID, "220200", "220200-sthj", "220221", List.of("220200-fgw"),
                plan("永吉县产业园改造", List.of(design, build))), 0, at(0));
        projection.on(new ProjectEdited(ID, plan("永吉县经开区产业园改造", List.of(design, build))), 1, at(1));
        projection.on(new ProjectReassigned(ID, "220221", "220221", List.of("220200-gxj"), "调整配合单位"), 2, at(2));
        projection.on(new ProjectEvidenceAttached(ID, "220221", new Evidence("f-1", "设计批复.pdf",
                "application/pdf", 2048, "b".repeat(64))), 3, at(3), by("yongji-submitter", "永吉填报员"));
        projection.on(new ProjectUpdateSubmitted(ID, "2026-03", 1, "220221", report("2026-03", 20, 100, List.of())),
                4, at(4), by("yongji-submitter", "永吉填报员"));
        projection.on(new ProjectUpdateReturned(ID, "2026-03", 1, "缺设计批复"), 5, at(5), by("sthj-approver", "审核员"));
        UpdateContent second = report("2026-03", 25, 150,
                List.of(new MilestoneReached("m1", LocalDate.of(2026, 3, 20), "吉环审〔2026〕1号", List.of("f-1"))));
        projection.on(new ProjectUpdateSubmitted(ID, "2026-03", 2, "220221", second), 6, at(6),
                by("yongji-submitter", "永吉填报员"));
        projection.on(new ProjectUpdateApproved(ID, "2026-03", 2, second, "同意"), 7, at(7),
                by("sthj-approver", "审核员"));
        projection.on(new ProjectCreated("220200-P2102", "220200", "220200-sthj", "220222", List.of(),
                plan("蛟河市项目", List.of())), 0, at(8));
        projection.on(new ProjectCancelled("220200-P2102", "并入其他项目"), 1, at(9));
    }

    @Test
    void aProjectWithItsApprovedFiguresMilestonesAndReports() {
        ReadModelDatabase.asOwner(ProjectProjection.TABLES, this::events);

        ProjectDetail detail = queries.handle(new FindProject(ID, TODAY, MARGIN)).orElseThrow();
        ProjectSummary summary = detail.summary();
        assertThat(summary.name()).isEqualTo("永吉县经开区产业园改造");
        assertThat(summary.progress()).isEqualByComparingTo("25");
        assertThat(summary.investmentCompleted()).isEqualByComparingTo("150");
        assertThat(summary.cooperatingUnitIds()).containsExactly("220200-gxj");
        assertThat(summary.pendingUpdateId()).isNull();
        assertThat(summary.version()).isEqualTo(7);
        MilestoneView design = detail.milestones().get(0);
        assertThat(design.reachedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(design.onTime()).isTrue();
        assertThat(design.evidenceFiles()).extracting(Evidence::fileName).containsExactly("设计批复.pdf");
        assertThat(detail.milestones().get(1).reachedOn()).isNull();
        assertThat(detail.updates()).extracting(UpdateView::revision, UpdateView::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, UpdateStatus.APPROVED),
                org.assertj.core.groups.Tuple.tuple(1, UpdateStatus.RETURNED));
        assertThat(detail.updates().get(1).decidedBy()).isEqualTo("审核员");

        // who sees it: the lead unit and the cooperating unit after the reassignment, not the one before
        assertThat(list(List.of("220200-gxj"))).extracting(ProjectSummary::id).containsExactly(ID);
        assertThat(list(List.of("220200-fgw"))).isEmpty();
        assertThat(queries.handle(new FindProject("220200-P2102", TODAY, MARGIN)).orElseThrow().cancelReason())
                .isEqualTo("并入其他项目");
    }

    private List<ProjectSummary> list(List<String> units) {
        return queries.handle(new FindProjects("220200", units, null, null, null, null, false, TODAY, MARGIN))
                .projects();
    }

    @Test
    void replayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(projection, this::events);
    }
}
