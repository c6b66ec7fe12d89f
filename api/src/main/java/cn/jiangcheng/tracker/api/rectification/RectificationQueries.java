package cn.jiangcheng.tracker.api.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ExtensionStatus;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
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
     * A position in the ledger's order (deadline, then id): the page after it starts with the next case. Keyset
     * paging stays as fast on page 2,000 as on page 1 and never shows a case twice when cases are added meanwhile,
     * which offsets cannot promise. Sent to clients as an opaque URL-safe token.
     */
    public record CaseCursor(LocalDate deadline, String id) {
        private static final char SEPARATOR = '|';

        public CaseCursor {
            if (deadline == null || id == null || id.isBlank()) {
                throw new IllegalArgumentException("incomplete cursor");
            }
        }

        public static CaseCursor of(CaseSummary last) {
            return new CaseCursor(last.deadline(), last.id());
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((deadline + String.valueOf(SEPARATOR) + id).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the token is not one {@link #encode()} made */
        public static CaseCursor decode(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int at = text.indexOf(SEPARATOR);
                if (at < 0 || text.length() > 120) {
                    throw new IllegalArgumentException("not a cursor");
                }
                return new CaseCursor(LocalDate.parse(text.substring(0, at)), text.substring(at + 1));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a cursor", e);
            }
        }
    }

    /**
     * One page of a city's cases, nearest deadline first: either offset rows in, or the rows after the cursor
     * (offset then 0). unitIds limits the ledger to cases for which one of these units is responsible or
     * cooperating; null means the whole city, an empty collection finds nothing.
     */
    public record FindCases(String cityId, Collection<String> unitIds, CaseFilter filter, LocalDate today,
                            int offset, int limit, CaseCursor after) {
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

    /** nextAfter: the cursor for the following page, null on the last page. */
    public record CasePage(long total, int offset, int limit, List<CaseSummary> items, String nextAfter) {
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
     * closedOnTime / closedLate: closed and accepted on or before / after the deadline (they add up to closed);
     * overdue: open past the deadline today; pending: neither closed nor overdue (being rectified, or accepted
     * and in publicity), so closed + overdue + pending = total; completionRate: closed / total in percent;
     * averageDaysToClose over the closed ones (null when none).
     */
    public record CaseStatsRow(String key, String label, long total, long closed, long closedOnTime, long closedLate,
                           long overdue, long pending, BigDecimal completionRate, BigDecimal averageDaysToClose,
                           Light light) {
    }

    public record CaseStats(LocalDate today, List<CaseStatsRow> byUnit, List<CaseStatsRow> bySource) {
    }
}
