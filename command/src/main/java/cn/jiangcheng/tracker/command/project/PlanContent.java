package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.project.ProjectTypes;
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.command.common.Check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a project's plan (name, 专栏, dates, investment, milestones) and its units must say when the bureau plans,
 * edits or reassigns it. Who may do so is the aggregate's.
 */
final class PlanContent {
    static final int MAX_MILESTONES = 30;
    static final int MAX_UNITS = 20;
    /** 100 亿元 in 万元: far above any single project of the plan, so a typo of a few zeros is caught. */
    static final BigDecimal MAX_INVESTMENT = new BigDecimal("1000000");

    private PlanContent() {
    }

    /** The lead unit and the cooperating units, none twice. */
    static List<String> cooperatingUnits(String lead, List<String> cooperatingUnitIds) {
        Check.that(lead != null && !lead.isBlank(), "REQUIRED", "牵头单位不能为空");
        List<String> cooperating = cooperatingUnitIds == null ? List.of() : cooperatingUnitIds;
        Check.that(cooperating.stream().allMatch(u -> u != null && !u.isBlank()), "REQUIRED", "配合单位不能为空");
        Check.that(cooperating.size() <= MAX_UNITS, "TOO_MANY_UNITS", "配合单位最多" + MAX_UNITS + "个");
        Check.that(new HashSet<>(cooperating).size() == cooperating.size(), "DUPLICATE_UNIT", "配合单位重复");
        Check.that(!cooperating.contains(lead), "DUPLICATE_UNIT", "牵头单位不能同时是配合单位");
        return List.copyOf(cooperating);
    }

    /** The plan as stored, trimmed; milestones already reached (by approved reports) cannot be removed. */
    static ProjectPlan plan(ProjectPlan plan, Set<String> reached) {
        Check.that(plan != null, "REQUIRED", "项目信息不能为空");
        String name = Check.text(plan.name(), 200, "项目名称");
        Check.that(ProjectTypes.COLUMNS.containsKey(plan.column()), "BAD_COLUMN", "项目须属于规划专栏2至专栏9之一");
        String group = Check.optionalText(plan.group(), 60, "工程类别");
        LocalDate start = plan.plannedStart();
        LocalDate finish = plan.plannedFinish();
        Check.that((start == null) == (finish == null), "REQUIRED", "计划开工和完工日期须同时填写");
        Check.that(start == null || !finish.isBefore(start), "BAD_DATES", "计划完工日期不能早于开工日期");
        Check.that(plan.plannedInvestment() == null || (plan.plannedInvestment().signum() >= 0
                        && plan.plannedInvestment().compareTo(MAX_INVESTMENT) <= 0),
                "OUT_OF_RANGE", "计划投资须在0到100亿元（1000000万元）之间");
        List<Milestone> milestones = plan.milestones() == null ? List.of() : plan.milestones();
        Check.that(milestones.size() <= MAX_MILESTONES, "TOO_MANY_MILESTONES", "里程碑最多" + MAX_MILESTONES + "个");
        Set<String> ids = new HashSet<>();
        List<Milestone> checked = new ArrayList<>();
        for (Milestone m : milestones) {
            Check.that(m != null && m.milestoneId() != null && !m.milestoneId().isBlank(), "REQUIRED",
                    "里程碑缺少编号");
            Check.that(ids.add(m.milestoneId()), "DUPLICATE_MILESTONE", "里程碑编号“" + m.milestoneId() + "”重复");
            String milestoneName = Check.text(m.name(), 100, "里程碑名称");
            Check.that(m.plannedDate() != null, "REQUIRED", "里程碑“" + milestoneName + "”缺少计划日期");
            Check.that(start == null || (!m.plannedDate().isBefore(start) && !m.plannedDate().isAfter(finish)),
                    "MILESTONE_OUTSIDE_PLAN", "里程碑“" + milestoneName + "”的计划日期不在项目计划工期内");
            checked.add(new Milestone(m.milestoneId().strip(), milestoneName, m.plannedDate()));
        }
        for (String id : reached) {
            Check.that(ids.contains(id), "MILESTONE_REACHED", "已完成的里程碑不能删除");
        }
        return new ProjectPlan(name, plan.column(), group, start, finish, plan.plannedInvestment(),
                List.copyOf(checked));
    }
}
