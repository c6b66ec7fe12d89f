package cn.jiangcheng.tracker.api.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ExtensionStatus;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The case ledger (整改台账). Lights and overdue flags depend on the day they are looked at, so every query
 * carries today (the server's clock), never the time the projection happened to run.
 */
public final class RectificationQueries {
    private RectificationQueries() {
    }

    /** GREEN 正常, YELLOW 临期 (7 days or less left), RED 超期; NONE once the rectification is accepted. */
    public enum Light { GREEN, YELLOW, RED, NONE }

    /** Every field narrows the ledger when not null; text searches description, location and numbers. */
    public record CaseFilter(Source source, String round, String batch, String unitId, Status status,
                             ProblemClass problemClass, Boolean overdue, String text) {
        public static CaseFilter none() {
            return new CaseFilter(null, null, null, null, null, null, null, null);
        }
    }

    /**
     * One page of a city's cases, nearest deadline first. unitIds limits the ledger to cases for which one of
     * these units is responsible or cooperating; null means the whole city, an empty collection finds nothing.
     */
    public record FindCases(String cityId, Collection<String> unitIds, CaseFilter filter, LocalDate today,
                            int offset, int limit) {
    }

    public record FindCase(String caseId, LocalDate today) {
    }

    /** Statistics by responsible unit and by source, over the same cases {@link FindCases} would list. */
    public record FindCaseStats(String cityId, Collection<String> unitIds, LocalDate today) {
    }

    public record CaseSummary(String id, String cityId, Source source, String round, String batch,
                              String problemNumber, String complaintNumber, ProblemClass problemClass,
                              String description, String location, String responsibleUnitId,
                              String responsibleUnitName, List<String> cooperatingUnitIds, LocalDate deadline,
                              Status status, Outcome outcome, Light light, boolean overdue, long daysLeft,
                              boolean escalated, String measures, String latestProgress, Instant closedAt,
                              Boolean closedOnTime, Instant registeredAt, long version) {
    }

    public record CasePage(long total, int offset, int limit, List<CaseSummary> items) {
    }

    public record Extension(String requestId, String reason, LocalDate currentDeadline, LocalDate newDeadline,
                            ExtensionStatus status, String decisionComment, Instant requestedAt,
                            Instant decidedAt) {
    }

    /** One step of the timeline; userId "system" for warnings, overdue and escalation. */
    public record TimelineEntry(long sequence, String type, Instant at, String userId, String userName,
                                String comment) {
    }

    public record CaseDetail(CaseSummary summary, Channel channel, String requirements, String responsiblePerson,
                             List<Milestone> milestones, String selfCheck, String siteCheck, Integer publicityDays,
                             LocalDate closableFrom, LocalDate acceptedOn, LocalDate originalDeadline,
                             int reopenCount, List<Evidence> evidence, List<Extension> extensions,
                             List<TimelineEntry> timeline) {
    }

    /**
     * closedOnTime: accepted on or before the deadline; overdue: open past the deadline today; completionRate:
     * closed / total in percent; averageDaysToClose over the closed ones (null when none).
     */
    public record StatsRow(String key, String label, long total, long closed, long closedOnTime, long overdue,
                           BigDecimal completionRate, BigDecimal averageDaysToClose, Light light) {
    }

    public record CaseStats(LocalDate today, List<StatsRow> byUnit, List<StatsRow> bySource) {
    }
}
