package cn.jiangcheng.tracker.api.project;

import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectStatus;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Status depends on the date, so every query that shows one carries today and the delay margin (percentage
 * points by which progress may trail the share of planned time elapsed before a project counts as 滞后).
 */
public final class ProjectQueries {
    private ProjectQueries() {
    }

    /**
     * The projects of one city; unitIds (when not null) limits them to projects led by or cooperated on by those
     * units. column, unitId (lead or cooperating), status, text (in name or group) and pendingOnly (an update
     * awaits review) narrow the list when set. An empty list when cityId is null.
     */
    public record FindProjects(String cityId, Collection<String> unitIds, Integer column, String unitId,
                               ProjectStatus status, String text, boolean pendingOnly, LocalDate today,
                               BigDecimal marginPoints) {
    }

    public record FindProject(String projectId, LocalDate today, BigDecimal marginPoints) {
    }

    /** Rollups over the same projects {@link FindProjects} with only cityId and unitIds would list. */
    public record FindProjectStats(String cityId, Collection<String> unitIds, LocalDate today,
                                   BigDecimal marginPoints) {
    }

    /**
     * One project with its official (approved) figures and derived status. expectedProgress is the share of
     * planned time elapsed (null without planned dates), behindPoints how far progress trails it (0 when not
     * behind), overdueMilestones the milestones past their planned date and not reached, daysOverdue the
     * largest delay of those in days. pendingUpdateId names the update awaiting review, if any.
     */
    public record ProjectSummary(String id, String cityId, String name, int column, String columnName, String group,
                                 String leadUnitId, String leadUnitName, List<String> cooperatingUnitIds,
                                 LocalDate plannedStart, LocalDate plannedFinish, BigDecimal plannedInvestment,
                                 BigDecimal progress, BigDecimal investmentCompleted, String lastApprovedPeriod,
                                 ProjectStatus status, String statusLabel, BigDecimal expectedProgress,
                                 BigDecimal behindPoints, int milestonesTotal, int milestonesReached,
                                 int overdueMilestones, long daysOverdue, String pendingUpdateId,
                                 boolean cancelled, Instant updatedAt, long version) {
    }

    public record ProjectList(List<ProjectSummary> projects) {
    }

    public record CooperatingUnit(String id, String name) {
    }

    /** reachedOn, evidence and evidenceFiles come from the approved update that reported the milestone. */
    public record MilestoneView(String milestoneId, String name, LocalDate plannedDate, LocalDate reachedOn,
                                String evidence, List<Evidence> evidenceFiles, boolean onTime, boolean overdue) {
    }

    /** One submission of an update (a resubmission after a return is a new revision). */
    public record UpdateView(String updateId, int revision, UpdateStatus status, UpdateContent content,
                             Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy,
                             String decisionComment) {
    }

    /** evidenceFiles: every file attached to the project, oldest first (reports name them by fileId). */
    public record ProjectDetail(ProjectSummary summary, List<CooperatingUnit> cooperatingUnits,
                                List<MilestoneView> milestones, List<UpdateView> updates,
                                List<Evidence> evidenceFiles, String cancelReason) {
    }

    /**
     * One rollup row. The status counts add up to projects. investmentCompleted is the completed investment of every
     * project counted, planned or not; investmentCompletedWithPlan that of the projects with a planned investment,
     * and investmentRate = investmentCompletedWithPlan / plannedInvestment × 100, never an average of rates.
     * unplanned counts the 未编制计划 projects and unplannedInvestmentCompleted is what they have completed.
     * milestonesDue are milestones whose planned date has passed or that were reached, milestonesOnTime those
     * reached on or before their planned date.
     */
    public record StatsRow(String key, String label, int projects, int unplanned, int notStarted, int inProgress,
                           int completed, int delayed, BigDecimal plannedInvestment, BigDecimal investmentCompleted,
                           BigDecimal investmentCompletedWithPlan, BigDecimal investmentRate,
                           BigDecimal unplannedInvestmentCompleted, int milestonesDue, int milestonesOnTime,
                           BigDecimal milestonesOnTimeRate) {
    }

    public record DelayedProject(String projectId, String name, String leadUnitName, BigDecimal progress,
                                 BigDecimal expectedProgress, BigDecimal behindPoints, int overdueMilestones,
                                 long daysOverdue) {
    }

    /** Cancelled projects are left out of every row. */
    public record ProjectStats(LocalDate today, BigDecimal marginPoints, StatsRow city, List<StatsRow> byColumn,
                               List<StatsRow> byUnit, List<DelayedProject> delayed) {
    }
}
