package cn.jiangcheng.tracker.command.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars.Window;
import cn.jiangcheng.tracker.api.submission.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When periods open and are due: the defaults of each period type, clamping to short months, opening early. */
class ReportingCalendarsTest {
    private static final ReportingCalendar END_OF_MARCH = new ReportingCalendar(0, 3, 31);
    private static final ReportingCalendar END_OF_JUNE = new ReportingCalendar(0, 6, 30);

    private static Period period(String code) {
        return Period.parse(code).orElseThrow();
    }

    private static IndicatorDefinition annual(String id, ReportingCalendar calendar) {
        return new IndicatorDefinition(id, "220200", 1, "类别", "指标", "%", null, null, null, List.of(), null,
                List.of(), "预期性", PeriodType.ANNUAL, List.of(), null, null, calendar);
    }

    /** Today's deadlines stay the defaults: 31 January, the 15th after a quarter, the 10th after a month. */
    @ParameterizedTest
    @CsvSource({
            "2025,    2026-01-01, 2026-01-31",
            "2025-Q1, 2025-04-01, 2025-04-15",
            "2025-Q4, 2026-01-01, 2026-01-15",
            "2025-02, 2025-03-01, 2025-03-10",
            "2025-12, 2026-01-01, 2026-01-10"
    })
    void theDefaultsOfThePeriodTypes(String code, LocalDate opens, LocalDate due) {
        Period period = period(code);
        ReportingCalendar calendar = ReportingCalendars.defaultOf(period.type());
        assertThat(ReportingCalendars.opens(calendar, period)).isEqualTo(opens);
        assertThat(ReportingCalendars.due(calendar, period)).isEqualTo(due);
        assertThat(period.opens()).isEqualTo(opens);
        assertThat(period.deadline()).isEqualTo(due);
    }

    @Test
    void anIndicatorWithoutCalendarHasTheDefault() {
        assertThat(ReportingCalendars.of(annual("a", null))).isEqualTo(ReportingCalendars.ANNUAL);
        assertThat(ReportingCalendars.of(annual("a", END_OF_JUNE))).isEqualTo(END_OF_JUNE);
    }

    /** Day 31 in a shorter month is that month's last day; February follows leap years. */
    @ParameterizedTest
    @CsvSource({
            "2025-01, 2025-02-28",
            "2024-01, 2024-02-29",
            "2028-01, 2028-02-29",
            "2025-03, 2025-04-30",
            "2025-06, 2025-07-31"
    })
    void theDueDayIsClampedToTheMonth(String code, LocalDate due) {
        assertThat(ReportingCalendars.due(new ReportingCalendar(0, 1, 31), period(code))).isEqualTo(due);
    }

    @Test
    void aQuarterDueTwoMonthsAfterOnThe31stEndsOnTheMonthsLastDay() {
        assertThat(ReportingCalendars.due(new ReportingCalendar(0, 2, 31), period("2025-Q1")))
                .isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(ReportingCalendars.due(new ReportingCalendar(0, 2, 31), period("2025-Q2")))
                .isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(ReportingCalendars.due(new ReportingCalendar(0, 2, 31), period("2025-Q3")))
                .isEqualTo(LocalDate.of(2025, 11, 30));
        assertThat(ReportingCalendars.due(new ReportingCalendar(0, 2, 30), period("2023-Q4")))
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void openDaysEarlyCountsBackFromTheDayAfterThePeriod() {
        assertThat(ReportingCalendars.opens(new ReportingCalendar(1, 1, 31), period("2025")))
                .isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(ReportingCalendars.opens(new ReportingCalendar(5, 1, 10), period("2024-02")))
                .isEqualTo(LocalDate.of(2024, 2, 25));
        assertThat(ReportingCalendars.opens(new ReportingCalendar(31, 1, 10), period("2025-03")))
                .isEqualTo(LocalDate.of(2025, 3, 1));
    }

    /** 能耗 figures in March, EQI in June: the report waits for the latest, and opens with the earliest. */
    @Test
    void aReportIsDueWithItsLatestIndicatorAndOpensWithItsEarliest() {
        Window window = ReportingCalendars.window(List.of(annual("a", null), annual("b", END_OF_JUNE),
                annual("c", new ReportingCalendar(10, 3, 31))), period("2025"));
        assertThat(window).isEqualTo(new Window(LocalDate.of(2025, 12, 22), LocalDate.of(2026, 6, 30)));
        assertThat(ReportingCalendars.window(List.of(annual("a", null)), period("2025")))
                .isEqualTo(new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertThat(ReportingCalendars.window(List.of(annual("a", END_OF_MARCH)), period("2025")).due())
                .isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(ReportingCalendars.window(List.of(), period("2025-Q1")))
                .isEqualTo(new Window(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 15)));
    }

    @Test
    void aPeriodIsOpenFromItsOpeningDay() {
        Period year = period("2027");
        assertThat(ReportingCalendars.notOpenYet(year, year.opens(), LocalDate.of(2026, 12, 2)))
                .contains("2027年的数据自2028年1月1日起方可填报");
        assertThat(ReportingCalendars.notOpenYet(year, year.opens(), LocalDate.of(2027, 12, 31))).isPresent();
        assertThat(ReportingCalendars.notOpenYet(year, year.opens(), LocalDate.of(2028, 1, 1))).isEmpty();
        assertThat(ReportingCalendars.notOpenYet(period("2025-03"), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 3, 31))).contains("2025年3月的数据自2025年4月1日起方可填报");
    }

    @ParameterizedTest
    @CsvSource({
            "ANNUAL,    0, 1, 31, true",
            "ANNUAL,    0, 12, 31, true",
            "ANNUAL,    31, 0, 31, true",
            "ANNUAL,    0, 0, 31, false",
            "QUARTERLY, 0, 0, 31, false",
            "QUARTERLY, 1, 0, 31, true",
            "MONTHLY,   1, 0, 31, true",
            "MONTHLY,   3, 0, 28, false",
            "MONTHLY,   4, 0, 28, true",
            "MONTHLY,   0, 1, 1, true",
            "MONTHLY,   32, 1, 1, false",
            "MONTHLY,   0, 13, 1, false",
            "MONTHLY,   0, 1, 0, false"
    })
    void aCalendarIsValidWhenEveryPeriodHasADayToReportOn(PeriodType type, int early, int months, int day,
                                                         boolean valid) {
        assertThat(ReportingCalendars.problem(new ReportingCalendar(early, months, day), type).isEmpty())
                .isEqualTo(valid);
    }

    @Test
    void theDatesOfAnyValidCalendarFitThePeriod() {
        Period q1 = period("2025-Q1");
        assertThat(ReportingCalendars.fits(q1, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 15))).isTrue();
        assertThat(ReportingCalendars.fits(q1, LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(ReportingCalendars.fits(q1, LocalDate.of(2025, 2, 28), LocalDate.of(2025, 4, 15))).isFalse();
        assertThat(ReportingCalendars.fits(q1, LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 15))).isFalse();
        assertThat(ReportingCalendars.fits(q1, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(ReportingCalendars.fits(q1, LocalDate.of(2025, 4, 1), LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(ReportingCalendars.fits(q1, null, LocalDate.of(2025, 4, 15))).isFalse();
    }

    @Test
    void datesReadAsTheUsersWriteThem() {
        assertThat(ReportingCalendars.chinese(LocalDate.of(2028, 1, 1))).isEqualTo("2028年1月1日");
    }
}
