package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Direction;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PlanLevel;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.TargetKind;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ValueType;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.Coverage;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.RollupStatus;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.TrendPoint;
import cn.jiangcheng.tracker.api.submission.Period;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static cn.jiangcheng.tracker.query.rollup.CityValues.VALUE_SCALE;
import static cn.jiangcheng.tracker.query.rollup.CityValues.baselineValue;
import static cn.jiangcheng.tracker.query.rollup.CityValues.rate;
import static cn.jiangcheng.tracker.query.rollup.CityValues.yesNo;

/**
 * Judges a city value against the plan, once {@link CityRollupCalculator} found its coverage complete (or the
 * period closed). Pure: no Spring, no SQL, no clock.
 *
 * <h2>Judgement (docs/indicator-api.md, 判定规则, has a worked example per kind)</h2>
 * <ol>
 *     <li>NO_DATA without a city value; NO_TARGET without a target number.</li>
 *     <li>Rates (ValueType.RATE): the city target of the period's own year, else the cumulative target whose span
 *     holds the year (one with a number first). Against a yearly target: MET / NOT_MET. Against a cumulative one:
 *     the compounded rate of the span's years so far (1 − Π(1 − r/100)), in the last year MET / NOT_MET, before it
 *     ON_TRACK when at least the pro-rata share 1 − (1 − G/100)^(n/N), otherwise BEHIND, or OFF_TRACK when the span
 *     so far compounds to a rise or the rest needs more than twice the plan's yearly rate; a span year without a
 *     value is INCOMPLETE.</li>
 *     <li>Levels: the target is the first CITY-level target from the period's year on (after the last one, the last
 *     one). In or after its year (the period ends at or after the end of the target year): MET / NOT_MET. The stage
 *     towards it starts at the previous milestone's target, or at the baseline. 保持 targets — yes/no,
 *     must-not-fall, or a stage start that already meets the target — are MET / NOT_MET every year. Otherwise
 *     序时进度: the expected value on the straight line from the stage start to the target at the end of the period,
 *     rounded like values; ON_TRACK when the value meets it; OFF_TRACK when the value is more than one year's
 *     planned change behind it and the rest needs more than twice the plan's yearly change (本局预警口径); BEHIND
 *     otherwise (the reason says when the value fell below the stage start, judged at the plan's own precision).
 *     Without a stage start (no baseline value, before the first milestone) NO_BASELINE, unless the value already
 *     meets the target (ON_TRACK).</li>
 * </ol>
 * A target is met with ≤ for AT_MOST, ≥ for AT_LEAST, otherwise by the indicator's direction (≤ for
 * LOWER_IS_BETTER, else ≥). Its number: the target's value; for yes/no indicators 1; for MUST_NOT_FALL without a
 * value the baseline; a PROVINCIAL target (完成省下达目标) without its number has none.
 */
final class TargetJudgement {
    static final int PROGRESS_SCALE = 4;
    private static final MathContext MATH = MathContext.DECIMAL64;

    private TargetJudgement() {
    }

    /** The first CITY-level target whose year is the given year or later; null when there is none. */
    static Target nextTarget(IndicatorDefinition d, int year) {
        return cityTargets(d).filter(t -> t.year() >= year).min(Comparator.comparingInt(Target::year)).orElse(null);
    }

    /**
     * The target a period is judged against: for a rate its own year's target or the cumulative one whose span
     * holds the year; otherwise the next target, after the last milestone the last one (it must still be met).
     */
    static Target judgedTarget(IndicatorDefinition d, Period period) {
        int year = period.year();
        if (rate(d)) {
            // a number beats a pending 完成省下达目标: the year's own first, else the span's cumulative one
            List<Target> candidates = new ArrayList<>();
            cityTargets(d).filter(t -> !t.cumulative() && t.year() == year).forEach(candidates::add);
            cityTargets(d).filter(t -> t.cumulative() && t.fromYear() <= year && year <= t.year())
                    .sorted(Comparator.comparingInt(Target::year)).forEach(candidates::add);
            return candidates.stream().filter(t -> targetValue(d, t) != null).findFirst()
                    .orElse(candidates.isEmpty() ? null : candidates.get(0));
        }
        Target next = nextTarget(d, year);
        return next != null ? next
                : cityTargets(d).max(Comparator.comparingInt(Target::year)).orElse(null);
    }

    private static java.util.stream.Stream<Target> cityTargets(IndicatorDefinition d) {
        return d.targets() == null ? java.util.stream.Stream.empty()
                : d.targets().stream().filter(t -> t.level() == PlanLevel.CITY);
    }

    record Judgement(BigDecimal progress, BigDecimal expectedProgress, RollupStatus status, String reason) {
        static Judgement of(RollupStatus status, String reason) {
            return new Judgement(null, null, status, reason);
        }
    }

    static Judgement judge(IndicatorDefinition d, Period period, BigDecimal value, Target target,
                           List<TrendPoint> trend) {
        if (value == null) {
            return Judgement.of(RollupStatus.NO_DATA, "暂无数据");
        }
        BigDecimal goal = targetValue(d, target);
        if (goal == null) {
            return Judgement.of(RollupStatus.NO_TARGET, target != null && target.kind() == TargetKind.PROVINCIAL
                    ? target.year() + "年省下达目标尚未录入" : "本期没有对应的目标");
        }
        boolean atMost = atMost(d, target);
        if (rate(d)) {
            return target.cumulative() ? CumulativeRateJudgement.judge(period, value, target, goal, trend)
                    : final_(value, goal, atMost, share(meets(value, goal, atMost)), target.year() + "年目标");
        }
        BigDecimal progress = progress(d, value, goal, atMost);
        BigDecimal now = time(period);
        BigDecimal goalYear = BigDecimal.valueOf(target.year());
        int published = publishedScale(d, goal);
        if (now.compareTo(goalYear) >= 0) {
            return final_(value, goal, atMost, progress, target.year() + "年目标");
        }
        Stage stage = stage(d, target, goal, atMost);
        if (yesNo(d) || d.direction() == Direction.MUST_NOT_FALL
                || stage != null && meets(stage.value(), goal, atMost)) {
            return final_(value, goal, atMost, progress, "保持类目标，每年须达到");
        }
        if (stage == null) {
            return meets(value, goal, atMost)
                    ? new Judgement(progress, null, RollupStatus.ON_TRACK, "已达到目标值" + plain(goal))
                    : Judgement.of(RollupStatus.NO_BASELINE, "基准值未录入，目标年之前无法判断序时进度");
        }
        BigDecimal startYear = BigDecimal.valueOf(stage.year());
        BigDecimal elapsed = now.subtract(startYear).divide(goalYear.subtract(startYear), MATH)
                .max(BigDecimal.ZERO).min(BigDecimal.ONE);
        BigDecimal expected = stage.value().add(goal.subtract(stage.value()).multiply(elapsed))
                .setScale(VALUE_SCALE, RoundingMode.HALF_UP);
        BigDecimal expectedProgress = progress(d, expected, goal, atMost);
        String line = "序时目标" + plain(expected) + "，实际" + plain(value);
        if (meets(value, expected, atMost)) {
            return new Judgement(progress, expectedProgress, RollupStatus.ON_TRACK, line);
        }
        BigDecimal plannedPace = goal.subtract(stage.value()).abs().divide(goalYear.subtract(startYear), MATH);
        BigDecimal requiredPace = goal.subtract(value).abs().divide(goalYear.subtract(now), MATH);
        BigDecimal shortfall = expected.subtract(value).abs();
        // 本局预警口径: more than a year behind schedule and the rest needs more than twice the plan's pace
        if (requiredPace.compareTo(plannedPace.multiply(BigDecimal.valueOf(2))) > 0
                && shortfall.compareTo(plannedPace) > 0) {
            return new Judgement(progress, expectedProgress, RollupStatus.OFF_TRACK,
                    line + "，剩余年份须年均改善" + plain(requiredPace.setScale(VALUE_SCALE, RoundingMode.HALF_UP))
                            + "，超过规划年均幅度" + plain(plannedPace.setScale(VALUE_SCALE, RoundingMode.HALF_UP))
                            + "的两倍");
        }
        boolean fell = !meets(round(value, published), stage.value(), atMost);
        return new Judgement(progress, expectedProgress, RollupStatus.BEHIND,
                line + (fell ? "，较" + stage.label() + "下降" : ""));
    }

    /** Where the current stage of the plan starts: the previous milestone's target, or the baseline. */
    record Stage(int year, BigDecimal value, String label) {
    }

    static Stage stage(IndicatorDefinition d, Target target, BigDecimal goal, boolean atMost) {
        int baselineYear = d.baseline() == null ? Integer.MIN_VALUE : d.baseline().year();
        Optional<Target> previous = cityTargets(d)
                .filter(t -> t.year() < target.year() && t.year() > baselineYear && t.kind() == target.kind()
                        && targetValue(d, t) != null)
                .max(Comparator.comparingInt(Target::year));
        if (previous.isPresent()) {
            return new Stage(previous.get().year(), targetValue(d, previous.get()), previous.get().year() + "年目标");
        }
        BigDecimal baseline = baselineValue(d);
        return baseline == null ? null : new Stage(baselineYear, baseline, "基准年");
    }

    /**
     * The decimals the plan publishes the indicator's numbers with (89.5, 94.7 → 1; PM2.5 32, 30 → 0), at most 2:
     * "below the baseline" is said at that precision, so 17/19 = 89.47 % is the baseline's 89.5 %, not a decline.
     * Targets are compared exactly: 99.5 % is not 100 %.
     */
    static int publishedScale(IndicatorDefinition d, BigDecimal goal) {
        BigDecimal baseline = baselineValue(d);
        int scale = Math.max(0, goal.stripTrailingZeros().scale());
        if (baseline != null) {
            scale = Math.max(scale, baseline.stripTrailingZeros().scale());
        }
        return Math.min(VALUE_SCALE, scale);
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static Judgement final_(BigDecimal value, BigDecimal goal, boolean atMost, BigDecimal progress,
                                    String basis) {
        boolean met = meets(value, goal, atMost);
        return new Judgement(progress, null, met ? RollupStatus.MET : RollupStatus.NOT_MET,
                basis + (atMost ? "≤" : "≥") + plain(goal) + "，实际" + plain(value));
    }



    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** The number a target stands for, or null when it has none (yet). */
    static BigDecimal targetValue(IndicatorDefinition d, Target target) {
        if (target == null || target.kind() == TargetKind.PROVINCIAL && target.value() == null) {
            return null;
        }
        if (yesNo(d)) {
            return BigDecimal.ONE;
        }
        if (target.value() != null) {
            return target.value();
        }
        if (d.direction() == Direction.MUST_NOT_FALL) {
            return baselineValue(d);
        }
        return null;
    }

    private static boolean atMost(IndicatorDefinition d, Target target) {
        if (yesNo(d)) {
            return false;
        }
        return switch (target.kind()) {
            case AT_MOST -> true;
            case AT_LEAST -> false;
            default -> d.direction() == Direction.LOWER_IS_BETTER;
        };
    }

    private static boolean meets(BigDecimal value, BigDecimal goal, boolean atMost) {
        int c = value.compareTo(goal);
        return atMost ? c <= 0 : c >= 0;
    }

    /**
     * The share of the way from the baseline to the target, in [0, 1]. Yes/no: 1 or 0. MUST_NOT_FALL: 1 when the
     * value is at least the baseline, else 0. When the baseline already meets the target: 1 if the value meets it,
     * else 0. Without a baseline value: 1 if the value meets the target, else null (not computable).
     */
    static BigDecimal progress(IndicatorDefinition d, BigDecimal value, BigDecimal goal, boolean atMost) {
        if (yesNo(d)) {
            return share(value.compareTo(BigDecimal.ONE) == 0);
        }
        BigDecimal baseline = baselineValue(d);
        if (d.direction() == Direction.MUST_NOT_FALL) {
            return share(value.compareTo(baseline != null ? baseline : goal) >= 0);
        }
        if (baseline == null) {
            return meets(value, goal, atMost) ? share(true) : null;
        }
        BigDecimal way = atMost ? baseline.subtract(goal) : goal.subtract(baseline);
        if (way.signum() <= 0) {
            return share(meets(value, goal, atMost));
        }
        BigDecimal done = atMost ? baseline.subtract(value) : value.subtract(baseline);
        BigDecimal progress = done.divide(way, PROGRESS_SCALE, RoundingMode.HALF_UP);
        return progress.max(BigDecimal.ZERO.setScale(PROGRESS_SCALE))
                .min(BigDecimal.ONE.setScale(PROGRESS_SCALE));
    }

    /** The end of a period in years: 2025 → 2025, 2025-Q2 → 2024.5, 2025-03 → 2024.25 (the end of 2024 + 3/12). */
    static BigDecimal time(Period period) {
        BigDecimal yearBefore = BigDecimal.valueOf(period.year() - 1L);
        return switch (period.type()) {
            case ANNUAL -> BigDecimal.valueOf(period.year());
            case QUARTERLY -> yearBefore.add(BigDecimal.valueOf(period.number()).divide(BigDecimal.valueOf(4), MATH));
            case MONTHLY -> yearBefore.add(BigDecimal.valueOf(period.number()).divide(BigDecimal.valueOf(12), MATH));
        };
    }

    static BigDecimal share(boolean met) {
        return (met ? BigDecimal.ONE : BigDecimal.ZERO).setScale(PROGRESS_SCALE);
    }
}
