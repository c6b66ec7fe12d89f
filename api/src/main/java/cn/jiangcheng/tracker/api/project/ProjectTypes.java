package cn.jiangcheng.tracker.api.project;

import cn.jiangcheng.tracker.api.common.Evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class ProjectTypes {
    private ProjectTypes() {
    }

    /** The 专栏 of 《美丽江城建设规划（2024—2035年）》 that list major projects, by number. */
    public static final Map<Integer, String> COLUMNS = Map.of(
            2, "绿色低碳转型发展重大工程",
            3, "城市焕新重大工程",
            4, "环境质量提升重大工程",
            5, "生态安全保障重大工程",
            6, "生态家园建设重大工程",
            7, "美丽家园建设重大工程",
            8, "生态产品价值转化重大工程",
            9, "健全现代环境治理体系重大工程");

    /**
     * Status as derived from the approved facts and today's date; never stored, because the same facts mean
     * 推进中 today and 滞后 next month. UNPLANNED (未编制计划): the bureau has not yet set planned dates and a planned
     * investment, so neither 未开工/推进中 (on schedule) can be claimed; a project without a plan that has an overdue
     * milestone is still 滞后, and a finished one 已完成.
     */
    public enum ProjectStatus {
        UNPLANNED("未编制计划"), NOT_STARTED("未开工"), IN_PROGRESS("推进中"), DELAYED("滞后"), COMPLETED("已完成"),
        CANCELLED("已取消");

        private final String label;

        ProjectStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum UpdateStatus { SUBMITTED, APPROVED, RETURNED }

    /** A milestone of the plan; milestoneId is stable across edits so reports can name it. */
    public record Milestone(String milestoneId, String name, LocalDate plannedDate) {
    }

    /**
     * What the city bureau plans for a project. column is the 专栏 number (2–9), group the numbered engineering
     * group within it (产业结构优化工程, …; may be null when the 专栏 has none). Dates and investment may be
     * unknown (null) for projects seeded from the plan text, which names projects but gives neither.
     * plannedInvestment is in 万元.
     */
    public record ProjectPlan(String name, int column, String group, LocalDate plannedStart, LocalDate plannedFinish,
                              BigDecimal plannedInvestment, List<Milestone> milestones) {
    }

    /**
     * A milestone the lead unit reports as reached, with the date and what proves it: a written note (文号, 文件名称)
     * and/or files attached to the project beforehand ({@link Evidence#fileId()}). Reports written before files
     * existed carry no evidenceFileIds, read as none.
     */
    public record MilestoneReached(String milestoneId, LocalDate reachedOn, String evidence,
                                   List<String> evidenceFileIds) {
        public MilestoneReached {
            evidenceFileIds = evidenceFileIds == null ? List.of() : evidenceFileIds;
        }
    }


    /**
     * One periodic report of the lead unit. progress is the cumulative share done (0–100 %), investmentCompleted
     * the cumulative investment so far (万元). explanation is required when progress or investment goes down, or
     * when investment passes the plan or jumps by more than the plausible share of the planned investment.
     */
    public record UpdateContent(String period, BigDecimal progress, BigDecimal investmentCompleted,
                                List<MilestoneReached> milestonesReached, String problems, String nextSteps,
                                String explanation) {
    }

    /**
     * How much one monthly report may add without a word from the unit: investmentJumpShare of the planned
     * investment (0.3). Filled in from the configuration ({@code tracker.projects.investment-jump-share}), so
     * operations can tune it without a release; null checks no jump.
     */
    public record ReportPolicy(BigDecimal investmentJumpShare) {
        public static ReportPolicy standard() {
            return new ReportPolicy(new BigDecimal("0.3"));
        }
    }
}
