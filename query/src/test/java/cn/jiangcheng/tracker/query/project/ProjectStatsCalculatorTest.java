package cn.jiangcheng.tracker.query.project;

import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectStats;
import cn.jiangcheng.tracker.api.project.ProjectQueries.StatsRow;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectStatus;
import cn.jiangcheng.tracker.query.project.ProjectFacts.MilestoneFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Status from facts and today, and the rollups, each checked against numbers worked out by hand. */
class ProjectStatsCalculatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final BigDecimal MARGIN = BigDecimal.TEN;
    // 2025-03-20 .. 2027-03-20 is 730 days; on 2026-03-20, 365 have passed: 50.0 % of the time
    private static final LocalDate START = LocalDate.of(2025, 3, 20);
    private static final LocalDate FINISH = LocalDate.of(2027, 3, 20);

    private static BigDecimal bd(String n) {
        return n == null ? null : new BigDecimal(n);
    }

    private static ProjectFacts project(String id, int column, String unit, String planned, String progress,
                                        String invested, MilestoneFacts... milestones) {
        return new ProjectFacts(id, "项目" + id, column, unit, "单位" + unit, START, FINISH, bd(planned), bd(progress),
                bd(invested), false, List.of(milestones));
    }

    private static MilestoneFacts milestone(String planned, String reached) {
        return new MilestoneFacts("m" + planned, LocalDate.parse(planned), reached == null ? null : LocalDate.parse(reached));
    }

    @Nested
    class Status {

        private ProjectStatus status(ProjectFacts p) {
            return ProjectStatusDerivation.derive(p, TODAY, MARGIN).status();
        }

        @Test
        void halfTheTimeHasPassed() {
            assertThat(ProjectStatusDerivation.expectedProgress(START, FINISH, TODAY)).isEqualByComparingTo("50.0");
            assertThat(ProjectStatusDerivation.expectedProgress(START, FINISH, START.minusDays(1)))
                    .isEqualByComparingTo("0");
            assertThat(ProjectStatusDerivation.expectedProgress(START, FINISH, FINISH.plusDays(1)))
                    .isEqualByComparingTo("100");
            assertThat(ProjectStatusDerivation.expectedProgress(null, null, TODAY)).isNull();
        }

        @Test
        void progressWithinTheMarginIsOnTrackAndBeyondItIsDelayed() {
            assertThat(status(project("a", 2, "u", "100", "40", "0"))).as("10 points behind: at the margin")
                    .isEqualTo(ProjectStatus.IN_PROGRESS);
            var delayed = ProjectStatusDerivation.derive(project("b", 2, "u", "100", "39.9", "0"), TODAY, MARGIN);
            assertThat(delayed.status()).isEqualTo(ProjectStatus.DELAYED);
            assertThat(delayed.behindPoints()).isEqualByComparingTo("10.1");
            assertThat(ProjectStatusDerivation.derive(project("b", 2, "u", "100", "39.9", "0"), TODAY,
                    new BigDecimal("15")).status()).as("the margin is configurable")
                    .isEqualTo(ProjectStatus.IN_PROGRESS);
        }

        @Test
        void nothingDoneIsNotStartedUntilItFallsBehind() {
            assertThat(ProjectStatusDerivation.derive(project("c", 2, "u", "100", "0", "0"), START.plusDays(30), MARGIN)
                    .status()).as("30 of 730 days: 4.1 % expected").isEqualTo(ProjectStatus.NOT_STARTED);
            assertThat(status(project("c", 2, "u", "100", "0", "0"))).isEqualTo(ProjectStatus.DELAYED);
        }

        @Test
        void anOverdueMilestoneMakesAProjectDelayed() {
            var e = ProjectStatusDerivation.derive(project("d", 2, "u", "100", "60", "0",
                    milestone("2026-03-01", null), milestone("2025-06-01", "2025-05-30")), TODAY, MARGIN);
            assertThat(e.status()).isEqualTo(ProjectStatus.DELAYED);
            assertThat(e.overdueMilestones()).isEqualTo(1);
            assertThat(e.daysOverdue()).isEqualTo(19);
            assertThat(status(project("d", 2, "u", "100", "60", "0", milestone("2026-03-20", null))))
                    .as("due today is not overdue yet").isEqualTo(ProjectStatus.IN_PROGRESS);
        }

        @Test
        void hundredPercentIsCompletedAndCancelledStaysCancelled() {
            assertThat(status(project("e", 2, "u", "100", "100", "100", milestone("2026-03-01", null))))
                    .isEqualTo(ProjectStatus.COMPLETED);
            ProjectFacts cancelled = new ProjectFacts("f", "f", 2, "u", "u", START, FINISH, null, BigDecimal.ZERO,
                    BigDecimal.ZERO, true, List.of());
            assertThat(status(cancelled)).isEqualTo(ProjectStatus.CANCELLED);
        }

        @Test
        void unfinishedAfterThePlannedFinishIsDelayed() {
            var e = ProjectStatusDerivation.derive(project("g", 2, "u", "100", "95", "0"), FINISH.plusDays(10), MARGIN);
            assertThat(e.status()).isEqualTo(ProjectStatus.DELAYED);
            assertThat(e.daysOverdue()).isEqualTo(10);
        }

        @Test
        void aSeededProjectWithoutAPlanIsUnplannedNotOnSchedule() {
            var e = ProjectStatusDerivation.derive(unplanned("h", null, null, null, "0", "0"), TODAY, MARGIN);
            assertThat(e.status()).isEqualTo(ProjectStatus.UNPLANNED);
            assertThat(e.status().label()).isEqualTo("未编制计划");
            assertThat(e.expectedProgress()).isNull();
            assertThat(status(unplanned("h", null, null, null, "30", "1200")))
                    .as("progress without a plan is not 推进中").isEqualTo(ProjectStatus.UNPLANNED);
        }

        @Test
        void datesWithoutAnInvestmentOrAnInvestmentWithoutDatesAreNoPlan() {
            assertThat(status(unplanned("i", START, FINISH, null, "50", "0"))).isEqualTo(ProjectStatus.UNPLANNED);
            assertThat(status(unplanned("i", null, null, "1000", "50", "0"))).isEqualTo(ProjectStatus.UNPLANNED);
            assertThat(status(unplanned("i", START, FINISH, "0", "50", "0"))).as("a planned 0 is a plan")
                    .isEqualTo(ProjectStatus.IN_PROGRESS);
        }

        @Test
        void aKnownDelayOrCompletionShowsEvenWithoutAPlan() {
            ProjectFacts overdue = new ProjectFacts("j", "j", 2, "u", "u", null, null, null, BigDecimal.ZERO,
                    BigDecimal.ZERO, false, List.of(milestone("2026-03-01", null)));
            assertThat(status(overdue)).isEqualTo(ProjectStatus.DELAYED);
            assertThat(status(unplanned("j", START, FINISH, null, "20", "0"))).as("30 points behind its dates")
                    .isEqualTo(ProjectStatus.DELAYED);
            assertThat(status(unplanned("j", null, null, null, "100", "800"))).isEqualTo(ProjectStatus.COMPLETED);
        }
    }

    private static ProjectFacts unplanned(String id, LocalDate start, LocalDate finish, String planned,
                                          String progress, String invested) {
        return new ProjectFacts(id, "项目" + id, 6, "u", "单位u", start, finish, bd(planned), bd(progress),
                bd(invested), false, List.of());
    }

    /**
     * The bug of issue 11: 1200 万元 approved on a seeded project without a plan vanished from the totals.
     * <pre>
     *  id  专栏 unit  dates  planned  invested  progress  status
     *  s1  6    Z     —      —        1200      30        未编制计划
     *  s2  6    Z     —      —        0         0         未编制计划
     *  q1  6    B     yes    1000     400       50        推进中
     *  q2  2    Z     yes    —        100       45        未编制计划 (dates, no investment)
     * </pre>
     * City: 4 projects, 3 未编制计划 with 1200+0+100 = 1300 completed, 1 推进中; completed 1200+400+100 = 1700;
     * planned 1000, completed with a plan 400 → 40.00 %. 专栏6: 3 projects, completed 1600, 2 未编制计划 (1200);
     * unit Z: 3 projects, completed 1300, all 未编制计划.
     */
    @Nested
    class UnplannedProjects {
        private ProjectStats stats() {
            return ProjectStatsCalculator.calculate(List.of(
                    new ProjectFacts("s1", "s1", 6, "Z", "单位Z", null, null, null, bd("30"), bd("1200"), false,
                            List.of()),
                    new ProjectFacts("s2", "s2", 6, "Z", "单位Z", null, null, null, bd("0"), bd("0"), false,
                            List.of()),
                    new ProjectFacts("q1", "q1", 6, "B", "单位B", START, FINISH, bd("1000"), bd("50"), bd("400"), false,
                            List.of()),
                    new ProjectFacts("q2", "q2", 2, "Z", "单位Z", START, FINISH, null, bd("45"), bd("100"), false,
                            List.of())), TODAY, MARGIN);
        }

        @Test
        void completedInvestmentCountsWithOrWithoutAPlan() {
            StatsRow city = stats().city();
            assertThat(city.projects()).isEqualTo(4);
            assertThat(city.unplanned()).isEqualTo(3);
            assertThat(city.inProgress()).isEqualTo(1);
            assertThat(city.notStarted() + city.completed() + city.delayed()).isZero();
            assertThat(city.investmentCompleted()).isEqualByComparingTo("1700");
            assertThat(city.unplannedInvestmentCompleted()).isEqualByComparingTo("1300");
            assertThat(city.plannedInvestment()).isEqualByComparingTo("1000");
            assertThat(city.investmentCompletedWithPlan()).isEqualByComparingTo("400");
            assertThat(city.investmentRate()).as("400 / 1000, the unplanned 1300 on neither side")
                    .isEqualByComparingTo("40.00");
        }

        @Test
        void byColumnAndByUnitShowTheUnplannedToo() {
            ProjectStats stats = stats();
            StatsRow column6 = stats.byColumn().get(1);
            assertThat(column6.key()).isEqualTo("6");
            assertThat(column6.projects()).isEqualTo(3);
            assertThat(column6.investmentCompleted()).isEqualByComparingTo("1600");
            assertThat(column6.unplanned()).isEqualTo(2);
            assertThat(column6.unplannedInvestmentCompleted()).isEqualByComparingTo("1200");
            StatsRow unitZ = stats.byUnit().get(1);
            assertThat(unitZ.key()).isEqualTo("Z");
            assertThat(unitZ.unplanned()).isEqualTo(3);
            assertThat(unitZ.investmentCompleted()).isEqualByComparingTo("1300");
            assertThat(unitZ.plannedInvestment()).isEqualByComparingTo("0");
            assertThat(unitZ.investmentRate()).as("no planned investment: no rate").isNull();
            for (List<StatsRow> rows : List.of(stats.byColumn(), stats.byUnit())) {
                assertThat(rows.stream().mapToInt(StatsRow::unplanned).sum()).isEqualTo(3);
                assertThat(rows.stream().map(StatsRow::unplannedInvestmentCompleted)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1300");
                assertThat(rows.stream().map(StatsRow::investmentCompleted).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo("1700");
            }
            assertThat(stats.delayed()).as("未编制计划 is not 滞后").isEmpty();
        }
    }

    @Nested
    class Rollups {

        /**
         * Five projects on 2026-03-20 (50 % of planned time elapsed):
         * <pre>
         *  id  专栏 unit  planned  invested  progress  status       milestones (planned / reached)
         *  p1  2    A     1000     900       100       已完成        2025-06-01 / 2025-05-30 (on time)
         *  p2  2    B     3000     300       20        滞后 (30 pts)  2025-12-01 / 2026-01-10 (late)
         *  p3  4    A     —        50        45        推进中        2026-03-01 / — (overdue → 滞后!)
         *  p4  4    B     1000     400       50        推进中        2026-12-01 / — (not due)
         *  p5  4    A     500      0         0         cancelled    ignored
         * </pre>
         * p3 has an overdue milestone, so it is 滞后 too. City: 4 projects, 1 completed, 2 delayed, 1 in progress;
         * completed 900+300+50+400 = 1650; planned 1000+3000+1000 = 5000 (p3 has none), completed with a plan
         * 900+300+400 = 1600 → 32.00 % (the average of the three rates 90 %, 10 %, 40 % would be 46.67 %);
         * milestones due 3 (p1, p2, p3), on time 1 → 33.33 %.
         */
        private ProjectStats stats() {
            ProjectFacts cancelled = new ProjectFacts("p5", "项目p5", 4, "A", "单位A", START, FINISH, bd("500"),
                    BigDecimal.ZERO, BigDecimal.ZERO, true, List.of(milestone("2025-05-01", null)));
            return ProjectStatsCalculator.calculate(List.of(
                    project("p1", 2, "A", "1000", "100", "900", milestone("2025-06-01", "2025-05-30")),
                    project("p2", 2, "B", "3000", "20", "300", milestone("2025-12-01", "2026-01-10")),
                    project("p3", 4, "A", null, "45", "50", milestone("2026-03-01", null)),
                    project("p4", 4, "B", "1000", "50", "400", milestone("2026-12-01", null)),
                    cancelled), TODAY, MARGIN);
        }

        @Test
        void cityWideNumbersAreRatiosOfSums() {
            StatsRow city = stats().city();
            assertThat(city.projects()).isEqualTo(4);
            assertThat(city.completed()).isEqualTo(1);
            assertThat(city.delayed()).isEqualTo(2);
            assertThat(city.inProgress()).isEqualTo(1);
            assertThat(city.notStarted()).isZero();
            assertThat(city.plannedInvestment()).isEqualByComparingTo("5000");
            assertThat(city.investmentCompleted()).as("p3's 50 counts though it has no plan")
                    .isEqualByComparingTo("1650");
            assertThat(city.investmentCompletedWithPlan()).isEqualByComparingTo("1600");
            assertThat(city.investmentRate()).isEqualByComparingTo("32.00");
            assertThat(city.unplanned()).as("p3 is 滞后: a known delay wins").isZero();
            assertThat(city.milestonesDue()).isEqualTo(3);
            assertThat(city.milestonesOnTime()).isEqualTo(1);
            assertThat(city.milestonesOnTimeRate()).isEqualByComparingTo("33.33");
        }

        @Test
        void byColumnAndByUnitAddUpToTheCity() {
            ProjectStats stats = stats();
            StatsRow column2 = stats.byColumn().get(0);
            assertThat(column2.label()).isEqualTo("专栏2 绿色低碳转型发展重大工程");
            assertThat(column2.projects()).isEqualTo(2);
            assertThat(column2.investmentRate()).as("1200 / 4000").isEqualByComparingTo("30.00");
            StatsRow column4 = stats.byColumn().get(1);
            assertThat(column4.projects()).isEqualTo(2);
            assertThat(column4.plannedInvestment()).as("p3 has no plan, p5 is cancelled").isEqualByComparingTo("1000");
            assertThat(column4.investmentRate()).as("400 / 1000").isEqualByComparingTo("40.00");
            assertThat(column4.investmentCompleted()).as("50 + 400").isEqualByComparingTo("450");
            StatsRow unitA = stats.byUnit().get(0);
            assertThat(unitA.label()).isEqualTo("单位A");
            assertThat(unitA.projects()).isEqualTo(2);
            assertThat(unitA.investmentRate()).as("900 / 1000").isEqualByComparingTo("90.00");
            assertThat(unitA.investmentCompleted()).as("900 + 50").isEqualByComparingTo("950");
            StatsRow unitB = stats.byUnit().get(1);
            assertThat(unitB.investmentRate()).as("700 / 4000").isEqualByComparingTo("17.50");
            for (List<StatsRow> rows : List.of(stats.byColumn(), stats.byUnit())) {
                assertThat(rows.stream().mapToInt(StatsRow::projects).sum()).isEqualTo(stats.city().projects());
                assertThat(rows.stream().mapToInt(StatsRow::delayed).sum()).isEqualTo(stats.city().delayed());
                assertThat(rows.stream().map(StatsRow::investmentCompleted).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(stats.city().investmentCompleted());
            }
        }

        @Test
        void delayedProjectsAreListedMostBehindFirst() {
            var delayed = stats().delayed();
            assertThat(delayed).extracting(d -> d.projectId()).containsExactly("p2", "p3");
            assertThat(delayed.get(0).behindPoints()).isEqualByComparingTo("30.0");
            assertThat(delayed.get(0).expectedProgress()).isEqualByComparingTo("50.0");
            assertThat(delayed.get(1).behindPoints()).isEqualByComparingTo("5.0");
            assertThat(delayed.get(1).overdueMilestones()).isEqualTo(1);
            assertThat(delayed.get(1).daysOverdue()).isEqualTo(19);
        }
    }
}
