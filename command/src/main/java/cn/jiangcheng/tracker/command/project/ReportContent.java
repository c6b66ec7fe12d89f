package cn.jiangcheng.tracker.command.project;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.project.ProjectTypes.Milestone;
import cn.jiangcheng.tracker.api.project.ProjectTypes.MilestoneReached;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.command.common.Check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static cn.jiangcheng.tracker.command.project.OfficialProgress.HUNDRED;

/**
 * What a lead unit's monthly progress report (进展报告) must say, read against the plan, the approved figures and
 * the evidence files attached so far. Whether the unit may report this month is the aggregate's.
 */
record ReportContent(ProjectPlan plan, OfficialProgress official, Set<String> evidenceFileIds) {
    static final int MAX_FILES_PER_MILESTONE = 10;

    /** Projects report by month, and never a month that has not begun. */
    static Period period(UpdateContent content, LocalDate today) {
        Period period = Period.parse(content.period()).filter(p -> p.type() == PeriodType.MONTHLY)
                .orElseThrow(() -> new BusinessRuleViolation("BAD_PERIOD", "报告期间格式应为 2026-03（按月报告）"));
        Check.that(!period.firstDay().isAfter(today), "FUTURE_PERIOD",
                "不能报告尚未开始的月份（" + period.label() + "）");
        return period;
    }

    /** The report as stored: amounts in range, milestones reached with their proof, surprises explained. */
    UpdateContent checked(UpdateContent content, Period period, LocalDate today, BigDecimal jumpShare) {
        BigDecimal newProgress = requireAmount(content.progress(), "进度");
        Check.that(newProgress.compareTo(HUNDRED) <= 0, "OUT_OF_RANGE", "进度须在0到100之间");
        BigDecimal newInvestment = requireAmount(content.investmentCompleted(), "累计完成投资");
        Check.that(newInvestment.compareTo(PlanContent.MAX_INVESTMENT) <= 0, "OUT_OF_RANGE",
                "累计完成投资超过100亿元，请核对单位（万元）");
        String explanation = Check.optionalText(content.explanation(), 500, "情况说明");
        List<MilestoneReached> reached = milestonesReached(content.milestonesReached(), today);
        requireExplained(explanation, newProgress, newInvestment, jumpShare);
        if (newProgress.compareTo(HUNDRED) == 0) {
            long open = plan.milestones().stream().filter(m -> !official.hasReached(m.milestoneId())
                    && reached.stream().noneMatch(r -> r.milestoneId().equals(m.milestoneId()))).count();
            Check.that(open == 0, "MILESTONES_OPEN", "还有" + open + "个里程碑未完成，进度不能为100%");
        }
        return new UpdateContent(period.code(), newProgress, newInvestment, reached,
                Check.optionalText(content.problems(), 1000, "存在问题和风险"),
                Check.optionalText(content.nextSteps(), 1000, "下一步工作"), explanation);
    }

    private List<MilestoneReached> milestonesReached(List<MilestoneReached> list, LocalDate today) {
        List<MilestoneReached> reached = list == null ? List.of() : list;
        Set<String> seen = new HashSet<>();
        List<MilestoneReached> checked = new ArrayList<>();
        for (MilestoneReached r : reached) {
            Check.that(r != null && r.milestoneId() != null, "REQUIRED", "里程碑不能为空");
            Milestone milestone = plan.milestones().stream().filter(m -> m.milestoneId().equals(r.milestoneId()))
                    .findFirst().orElseThrow(() -> new BusinessRuleViolation("UNKNOWN_MILESTONE",
                            "项目中没有里程碑“" + r.milestoneId() + "”"));
            Check.that(seen.add(r.milestoneId()), "DUPLICATE_MILESTONE", "里程碑“" + milestone.name() + "”重复");
            Check.that(!official.hasReached(r.milestoneId()), "MILESTONE_ALREADY_REACHED",
                    "里程碑“" + milestone.name() + "”已经完成");
            Check.that(r.reachedOn() != null, "REQUIRED", "里程碑“" + milestone.name() + "”缺少完成日期");
            Check.that(!r.reachedOn().isAfter(today), "FUTURE_DATE",
                    "里程碑“" + milestone.name() + "”的完成日期不能晚于今天");
            List<String> files = r.evidenceFileIds();
            Check.that(files.size() <= MAX_FILES_PER_MILESTONE, "TOO_MANY_FILES",
                    "里程碑“" + milestone.name() + "”最多引用" + MAX_FILES_PER_MILESTONE + "个证明文件");
            Check.that(new HashSet<>(files).size() == files.size(), "DUPLICATE_FILE",
                    "里程碑“" + milestone.name() + "”的证明文件重复");
            for (String fileId : files) {
                Check.that(fileId != null && evidenceFileIds.contains(fileId), "UNKNOWN_FILE",
                        "里程碑“" + milestone.name() + "”引用的证明文件不属于该项目，请先上传");
            }
            String evidence = Check.optionalText(r.evidence(), 500, "里程碑“" + milestone.name() + "”的完成证明");
            Check.that(evidence != null || !files.isEmpty(), "EVIDENCE_REQUIRED",
                    "里程碑“" + milestone.name() + "”须填写完成证明或上传证明文件");
            checked.add(new MilestoneReached(r.milestoneId(), r.reachedOn(), evidence, List.copyOf(files)));
        }
        return List.copyOf(checked);
    }

    /** Figures that go down, pass the plan or jump need a word from the unit; the bureau then decides. */
    private void requireExplained(String explanation, BigDecimal newProgress, BigDecimal newInvestment,
                                  BigDecimal jumpShare) {
        if (explanation != null) {
            return;
        }
        BigDecimal progress = official.progress();
        BigDecimal investmentCompleted = official.investmentCompleted();
        Check.that(newProgress.compareTo(progress) >= 0, "PROGRESS_BACKWARDS",
                "进度由已审核的" + plain(progress) + "%降至" + plain(newProgress) + "%，请在情况说明中说明原因");
        Check.that(newInvestment.compareTo(investmentCompleted) >= 0, "INVESTMENT_BACKWARDS",
                "累计完成投资由已审核的" + plain(investmentCompleted) + "万元降至" + plain(newInvestment)
                        + "万元，请在情况说明中说明原因");
        BigDecimal planned = plan.plannedInvestment();
        if (planned == null) {
            return;
        }
        Check.that(newInvestment.compareTo(planned) <= 0, "INVESTMENT_OVER_PLAN",
                "累计完成投资" + plain(newInvestment) + "万元超过计划投资" + plain(planned) + "万元，请在情况说明中说明原因");
        if (jumpShare != null && planned.signum() > 0) {
            BigDecimal added = newInvestment.subtract(investmentCompleted);
            Check.that(added.compareTo(planned.multiply(jumpShare)) <= 0, "INVESTMENT_JUMP",
                    "本期新增投资" + plain(added) + "万元超过计划投资的" + plain(jumpShare.multiply(HUNDRED))
                            + "%，请在情况说明中说明原因");
        }
    }

    private static BigDecimal requireAmount(BigDecimal value, String label) {
        Check.that(value != null, "REQUIRED", label + "不能为空");
        Check.that(value.signum() >= 0, "OUT_OF_RANGE", label + "不能为负数");
        Check.that(value.stripTrailingZeros().scale() <= 2, "TOO_PRECISE", label + "最多保留两位小数");
        return value;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
