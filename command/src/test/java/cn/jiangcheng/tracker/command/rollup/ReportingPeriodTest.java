package cn.jiangcheng.tracker.command.rollup;

import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.command.FixedDay;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.rollup.ClosureCommands.ClosePeriod;
import cn.jiangcheng.tracker.api.rollup.ClosureCommands.ReopenPeriod;
import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodClosed;
import cn.jiangcheng.tracker.api.rollup.ClosureEvents.PeriodReopened;
import cn.jiangcheng.tracker.api.submission.Period;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

/** 截止汇总 of one city's period: closed by the city bureau's approvers once the period is over, reopened with a reason. */
class ReportingPeriodTest {
    private static final String CITY = "220200";
    private static final String BUREAU = "220200-sthj";
    private static final String ID = "220200:2025";
    private static final LocalDate AFTER = LocalDate.of(2026, 2, 10);
    private static final List<String> MISSING = List.of("220282", "220283");

    private final FixedDay day = new FixedDay(AFTER);
    private final FakeCoverage coverage = new FakeCoverage();
    private FixtureConfiguration<ReportingPeriod> fixture;

    /** The city's bureau and whoever the live rollup lacks, as the read models would answer. */
    private static final class FakeCoverage implements PeriodCoverage {
        private String bureau = BUREAU;
        private List<String> missing = MISSING;
        private final List<String> asked = new ArrayList<>();

        @Override
        public Optional<String> bureauOf(String cityId) {
            return CITY.equals(cityId) ? Optional.ofNullable(bureau) : Optional.empty();
        }

        @Override
        public List<String> missingUnits(String cityId, Period period) {
            asked.add(cityId + " " + period.code());
            return missing;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportingPeriod.class);
        fixture.registerInjectableResource(day);
        fixture.registerInjectableResource(coverage);
    }

    private static Map<String, Object> approver() {
        return Callers.approverOf(BUREAU, CITY);
    }

    /** Closing on that day, while the rollup lacks those units. */
    private ClosePeriod close(LocalDate today, List<String> missing, String note) {
        day.set(today);
        coverage.missing = missing;
        return new ClosePeriod(ID, CITY, "2025", note);
    }

    @Test
    void theBureauClosesAPeriodThatIsOverNamingWhoIsMissing() {
        fixture.givenNoPriorActivity()
                .when(close(AFTER, MISSING, " 逾期未报 "), approver())
                .expectEvents(new PeriodClosed(ID, CITY, "2025", MISSING, "逾期未报"));
        assertThat(coverage.asked).containsExactly(CITY + " 2025");
    }

    @Test
    void aCityWithoutAnActiveBureauCannotClose() {
        coverage.bureau = null;
        fixture.givenNoPriorActivity()
                .when(close(AFTER, MISSING, "逾期未报"), approver())
                .expectException(violationOf("NOT_DECIDER"));
    }

    @Test
    void aPeriodThatIsNotOverCannotBeClosed() {
        fixture.givenNoPriorActivity()
                .when(close(LocalDate.of(2025, 12, 31), MISSING, "逾期未报"), approver())
                .expectException(violationOf("PERIOD_NOT_OVER"));
    }

    @Test
    void nothingMissingNothingToClose() {
        fixture.givenNoPriorActivity()
                .when(close(AFTER, List.of(), "逾期未报"), approver())
                .expectException(violationOf("NOTHING_MISSING"));
    }

    @Test
    void aNoteIsRequired() {
        fixture.givenNoPriorActivity()
                .when(close(AFTER, MISSING, "  "), approver())
                .expectException(violationOf("REQUIRED"));
    }

    @Test
    void onlyApproversOfTheBureauClose() {
        fixture.givenNoPriorActivity()
                .when(close(AFTER, MISSING, "逾期未报"), Callers.inspectorOf(BUREAU, CITY))
                .expectException(violationOf("NOT_DECIDER"));
        fixture.givenNoPriorActivity()
                .when(close(AFTER, MISSING, "逾期未报"), Callers.approverOf("220221", CITY))
                .expectException(violationOf("NOT_DECIDER"));
    }

    @Test
    void anotherCityDoesNotSeeThePeriod() {
        fixture.givenNoPriorActivity()
                .when(close(AFTER, MISSING, "逾期未报"), Callers.approverOf("220100-sthj", "220100"))
                .expectException(NotFoundInScope.class);
    }

    @Test
    void closingTwiceIsRefusedReopeningThenClosingAgainWorks() {
        PeriodClosed closed = new PeriodClosed(ID, CITY, "2025", MISSING, "逾期未报");
        fixture.given(closed)
                .when(close(AFTER, MISSING, "再次截止"), approver())
                .expectException(violationOf("ALREADY_CLOSED"));
        fixture.given(closed)
                .when(new ReopenPeriod(ID, CITY, "永吉县补报"), approver())
                .expectEvents(new PeriodReopened(ID, CITY, "2025", "永吉县补报"));
        fixture.given(closed, new PeriodReopened(ID, CITY, "2025", "补报"))
                .when(close(AFTER, List.of("220283"), "补报后仍缺舒兰市"), approver())
                .expectEvents(new PeriodClosed(ID, CITY, "2025", List.of("220283"), "补报后仍缺舒兰市"));
    }

    @Test
    void reopeningNeedsAClosedPeriodAndAReason() {
        PeriodClosed closed = new PeriodClosed(ID, CITY, "2025", MISSING, "逾期未报");
        fixture.given(closed, new PeriodReopened(ID, CITY, "2025", "补报"))
                .when(new ReopenPeriod(ID, CITY, "再开"), approver())
                .expectException(violationOf("NOT_CLOSED"));
        fixture.given(closed)
                .when(new ReopenPeriod(ID, CITY, ""), approver())
                .expectException(violationOf("REQUIRED"));
    }
}
