package cn.jiangcheng.tracker.query.rollup;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.Target;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.RollupStatus;
import cn.jiangcheng.tracker.api.rollup.RollupTypes.TrendPoint;
import cn.jiangcheng.tracker.api.submission.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.jiangcheng.tracker.query.rollup.CityValues.VALUE_SCALE;
import static cn.jiangcheng.tracker.query.rollup.TargetJudgement.PROGRESS_SCALE;
import static cn.jiangcheng.tracker.query.rollup.TargetJudgement.plain;

/**
 * A rate judged against its cumulative target (e.g. 十五五 能耗强度累计降低 G %), never by trend: the span's years so
 * far compound to 1 − Π(1 − r/100), the plan's pro-rata share after n of N years is 1 − (1 − G/100)^(n/N).
 */
final class CumulativeRateJudgement {
    private CumulativeRateJudgement() {
    }

    static TargetJudgement.Judgement judge(Period period, BigDecimal value, Target target, BigDecimal goal,
                                                 List<TrendPoint> trend) {
        Map<String, BigDecimal> byYear = new LinkedHashMap<>();
        trend.forEach(p -> byYear.put(p.period(), p.value()));
        double remaining = 1;
        List<String> gaps = new ArrayList<>();
        for (int y = target.fromYear(); y < period.year(); y++) {
            BigDecimal r = byYear.get(String.valueOf(y));
            if (r == null) {
                gaps.add(y + "年");
            } else {
                remaining *= 1 - r.doubleValue() / 100;
            }
        }
        if (!gaps.isEmpty()) {
            return TargetJudgement.Judgement.of(RollupStatus.INCOMPLETE, "累计目标缺少" + String.join("、", gaps) + "的数据");
        }
        remaining *= 1 - value.doubleValue() / 100;
        double achieved = 1 - remaining;
        double g = goal.doubleValue() / 100;
        int n = period.year() - target.fromYear() + 1;
        int total = target.year() - target.fromYear() + 1;
        BigDecimal progress = BigDecimal.valueOf(g <= 0 ? 1 : Math.max(0, Math.min(1, achieved / g)))
                .setScale(PROGRESS_SCALE, RoundingMode.HALF_UP);
        String line = target.fromYear() + "—" + target.year() + "年累计" + plain(pct(achieved)) + "%";
        if (n >= total) {
            boolean met = achieved * 100 >= goal.doubleValue() - 1e-9;
            return new TargetJudgement.Judgement(progress, null, met ? RollupStatus.MET : RollupStatus.NOT_MET,
                    line + "，目标" + plain(goal) + "%");
        }
        double proRata = 1 - Math.pow(1 - g, (double) n / total);
        BigDecimal expectedProgress = BigDecimal.valueOf((double) n / total).setScale(PROGRESS_SCALE,
                RoundingMode.HALF_UP);
        String withLine = line + "，序时应累计" + plain(pct(proRata)) + "%";
        if (achieved >= proRata - 1e-9) {
            return new TargetJudgement.Judgement(progress, expectedProgress, RollupStatus.ON_TRACK, withLine);
        }
        double planned = 1 - Math.pow(1 - g, 1.0 / total);
        double required = 1 - Math.pow((1 - g) / remaining, 1.0 / (total - n));
        // intensity has risen over the span so far, or the rest needs more than twice the plan's yearly rate
        RollupStatus status = achieved < 0 || required > 2 * planned ? RollupStatus.OFF_TRACK : RollupStatus.BEHIND;
        return new TargetJudgement.Judgement(progress, expectedProgress, status, withLine);
    }

    private static BigDecimal pct(double share) {
        return BigDecimal.valueOf(share * 100).setScale(VALUE_SCALE, RoundingMode.HALF_UP);
    }
}
