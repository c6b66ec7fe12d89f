package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CreateProject;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCreated;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectEvidenceAttached;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateApproved;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateReturned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateSubmitted;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data for the {@link Project} tests: 永吉县星星哨水库缓冲带生态修复工程 (专栏4, 水清岸绿建设工程), led by
 * 永吉县 with 市水利局 cooperating, planned 2025-01-01 to 2027-12-31 for 5000 万元 with two milestones; the city
 * bureau decides.
 */
final class ProjectFixtures {
    static final String CITY_ID = "220200";
    static final String OTHER_CITY_ID = "220100";
    static final String APPROVAL_UNIT_ID = "220200-sthj";
    static final String LEAD_UNIT_ID = "220221";          // 永吉县
    static final String COOPERATING_UNIT_ID = "220200-slj"; // 市水利局
    static final String OTHER_UNIT_ID = "220281";         // 蛟河市
    static final String PROJECT_ID = "220200-P4205";
    static final String NAME = "永吉县星星哨水库缓冲带生态修复工程";
    static final String M1 = "m1";
    static final String M2 = "m2";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    static final BigDecimal JUMP_SHARE = new BigDecimal("0.3");

    private ProjectFixtures() {
    }

    static BigDecimal bd(String number) {
        return number == null ? null : new BigDecimal(number);
    }

    static Map<String, Object> approver() {
        return Callers.person("sthj-approver", APPROVAL_UNIT_ID, CITY_ID, Role.APPROVER);
    }

    static Map<String, Object> leadSubmitter() {
        return Callers.person("yongji-submitter", LEAD_UNIT_ID, CITY_ID, Role.SUBMITTER);
    }

    static Map<String, Object> cooperatingSubmitter() {
        return Callers.person("slj-submitter", COOPERATING_UNIT_ID, CITY_ID, Role.SUBMITTER);
    }

    static Map<String, Object> otherUnitSubmitter() {
        return Callers.person("jiaohe-submitter", OTHER_UNIT_ID, CITY_ID, Role.SUBMITTER);
    }

    /** Claims 永吉县's unit id, but works for 长春市. */
    static Map<String, Object> otherCitySubmitter() {
        return Callers.person("cc-submitter", LEAD_UNIT_ID, OTHER_CITY_ID, Role.SUBMITTER);
    }

    static Map<String, Object> otherCityApprover() {
        return Callers.person("cc-approver", "220100-sthj", OTHER_CITY_ID, Role.APPROVER);
    }

    /** An approver of a county: approves nothing of the city bureau's. */
    static Map<String, Object> countyApprover() {
        return Callers.person("yongji-approver", LEAD_UNIT_ID, CITY_ID, Role.APPROVER);
    }

    static Map<String, Object> auditor() {
        return Callers.person("auditor", APPROVAL_UNIT_ID, CITY_ID, Role.AUDITOR);
    }

    static Map<String, Object> inspector() {
        return Callers.person("sthj-inspector", APPROVAL_UNIT_ID, CITY_ID, Role.INSPECTOR);
    }

    static List<Milestone> milestones() {
        return List.of(new Milestone(M1, "完成初步设计批复", LocalDate.of(2025, 6, 30)),
                new Milestone(M2, "主体工程完工", LocalDate.of(2027, 9, 30)));
    }

    static ProjectPlan plan() {
        return new ProjectPlan(NAME, 4, "水清岸绿建设工程", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31),
                bd("5000"), milestones());
    }

    static ProjectPlan planWith(String investment, List<Milestone> milestones) {
        ProjectPlan p = plan();
        return new ProjectPlan(p.name(), p.column(), p.group(), p.plannedStart(), p.plannedFinish(), bd(investment),
                milestones);
    }

    static CreateProject create() {
        return new CreateProject(PROJECT_ID, CITY_ID, APPROVAL_UNIT_ID, LEAD_UNIT_ID, List.of(COOPERATING_UNIT_ID),
                plan());
    }

    static CreateProject createWith(ProjectPlan plan) {
        return new CreateProject(PROJECT_ID, CITY_ID, APPROVAL_UNIT_ID, LEAD_UNIT_ID, List.of(COOPERATING_UNIT_ID),
                plan);
    }

    static ProjectCreated created() {
        return new ProjectCreated(PROJECT_ID, CITY_ID, APPROVAL_UNIT_ID, LEAD_UNIT_ID, List.of(COOPERATING_UNIT_ID),
                plan());
    }

    static UpdateContent content(String period, String progress, String investment) {
        return new UpdateContent(period, bd(progress), bd(investment), List.of(), null, null, null);
    }

    static UpdateContent withExplanation(UpdateContent c, String explanation) {
        return new UpdateContent(c.period(), c.progress(), c.investmentCompleted(), c.milestonesReached(),
                c.problems(), c.nextSteps(), explanation);
    }

    static UpdateContent withMilestones(UpdateContent c, MilestoneReached... reached) {
        return new UpdateContent(c.period(), c.progress(), c.investmentCompleted(), List.of(reached),
                c.problems(), c.nextSteps(), c.explanation());
    }

    static MilestoneReached reached(String milestoneId, String date) {
        return new MilestoneReached(milestoneId, LocalDate.parse(date), "批复文件 吉市发改审批〔2025〕12号", List.of());
    }

    static MilestoneReached reachedWithFiles(String milestoneId, String date, String evidence, String... fileIds) {
        return new MilestoneReached(milestoneId, LocalDate.parse(date), evidence, List.of(fileIds));
    }

    static final String FILE_ID = "5f0c7a52-9a43-4c55-9a8e-3c1f2b7d0001";

    static Evidence file(String fileId, char hashDigit) {
        return new Evidence(fileId, "主体工程完工验收报告.pdf", "application/pdf", 48_213,
                String.valueOf(hashDigit).repeat(64));
    }

    static ProjectEvidenceAttached attached(Evidence file) {
        return new ProjectEvidenceAttached(PROJECT_ID, LEAD_UNIT_ID, file);
    }

    static ProjectUpdateSubmitted submitted(String period, int revision, UpdateContent content) {
        return new ProjectUpdateSubmitted(PROJECT_ID, period, revision, LEAD_UNIT_ID, content);
    }

    /** February approved at 40 % and 2000 万元, m1 reached. */
    static List<Object> withApprovedFebruary() {
        UpdateContent february = withMilestones(content("2026-02", "40", "2000"), reached(M1, "2025-06-20"));
        return List.of(created(), submitted("2026-02", 1, february),
                new ProjectUpdateApproved(PROJECT_ID, "2026-02", 1, february, null));
    }

    /** March submitted at 45 % and 2300 万元, awaiting review. */
    static List<Object> withPendingMarch() {
        return plus(withApprovedFebruary(), submitted("2026-03", 1, content("2026-03", "45", "2300")));
    }

    static List<Object> withReturnedMarch() {
        return plus(withPendingMarch(), new ProjectUpdateReturned(PROJECT_ID, "2026-03", 1, "投资数据与台账不符"));
    }

    static List<Object> plus(List<Object> events, Object... more) {
        List<Object> result = new ArrayList<>(events);
        result.addAll(Arrays.asList(more));
        return result;
    }
}
