package cn.jiangcheng.tracker.api.rectification;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

public final class RectificationTypes {
    /** Deadlines are calendar days in China: a case is overdue from the first minute after its deadline day. */

    private RectificationTypes() {
    }

    /** Where the problem came from (问题来源). */
    public enum Source {
        CENTRAL_INSPECTION("中央督察"),
        PROVINCIAL_INSPECTION("省级督察"),
        COMPLAINT("群众信访举报"),
        SELF_CHECK("自查发现");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Inspection feedback is identified by its round and problem number. */
        public boolean isInspection() {
            return this == CENTRAL_INSPECTION || this == PROVINCIAL_INSPECTION;
        }
    }

    public enum ProblemClass {
        AIR("大气"), WATER("水"), SOIL("土壤"), NOISE("噪声"), ECOLOGY("生态"), RADIATION("辐射"), OTHER("其他");

        private final String label;

        ProblemClass(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a complaint reached the bureau. */
    public enum Channel {
        PHONE("电话"), LETTER("来信"), ONLINE("网络"), VISIT("来访");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the unit reports back on a complaint (办理结果). */
    public enum Outcome {
        CONCLUDED("已办结"), STAGED("阶段性办结"), IN_PROGRESS("正在办理");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * ASSIGNED 已交办 → ACKNOWLEDGED 已签收 → (plan) IN_PROGRESS 整改中 → ACCEPTANCE_REQUESTED 待验收 →
     * PUBLICITY 公示中 → CLOSED 已销号. A returned plan goes back to ACKNOWLEDGED, a rejected acceptance back to
     * IN_PROGRESS, a reopened case (回头看) from CLOSED back to IN_PROGRESS.
     */
    public enum Status {
        ASSIGNED("已交办"),
        ACKNOWLEDGED("已签收"),
        IN_PROGRESS("整改中"),
        ACCEPTANCE_REQUESTED("待验收"),
        PUBLICITY("公示中"),
        CLOSED("已销号");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ExtensionStatus { PENDING, APPROVED, DENIED }

    /** A step of the plan: what is done by when. */
    public record Milestone(LocalDate dueOn, String description) {
    }


    /**
     * When the deadline manager warns and escalates. warningDays: a 临期预警 at the start of each of these days
     * before the deadline day (7 and 3); escalateAfter: how long a case stays overdue before it is put under
     * 挂牌督办 (30 days). Filled in from the configuration, so operations can tune it without a release.
     */
    public record DeadlinePolicy(List<Integer> warningDays, Duration escalateAfter) {
        public static DeadlinePolicy standard() {
            return new DeadlinePolicy(List.of(7, 3), Duration.ofDays(30));
        }

        /** The moment a case with this deadline day becomes overdue. */
        public static java.time.Instant overdueAt(LocalDate deadline) {
            return deadline.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        }

        public static java.time.Instant warningAt(LocalDate deadline, int daysBefore) {
            return deadline.minusDays(daysBefore).atStartOfDay(BusinessTime.ZONE).toInstant();
        }
    }
}
