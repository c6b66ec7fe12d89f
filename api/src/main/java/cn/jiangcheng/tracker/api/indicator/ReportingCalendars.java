package cn.jiangcheng.tracker.api.indicator;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.IndicatorDefinition;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.ReportingCalendar;
import cn.jiangcheng.tracker.api.submission.Period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * When a period of an indicator opens for reporting and when it is due, from the indicator's
 * {@link ReportingCalendar} or, without one, the default of its period type: a year opens on 1 January of the next
 * year and is due on 31 January, a quarter is due on the 15th and a month on the 10th of the month after.
 */
public final class ReportingCalendars {
    public static final ReportingCalendar ANNUAL = new ReportingCalendar(0, 1, 31);
    public static final ReportingCalendar QUARTERLY = new ReportingCalendar(0, 1, 15);
    public static final ReportingCalendar MONTHLY = new ReportingCalendar(0, 1, 10);

    /** Reporting days are calendar days in China, whatever the server's own zone. */

    public static final int MAX_OPEN_DAYS_EARLY = 31;
    public static final int MAX_DUE_MONTHS_AFTER_END = 12;

    /** The days a unit may report a period: from opens to due, both included. */
    public record Window(LocalDate opens, LocalDate due) {
    }

    private ReportingCalendars() {
    }

    public static ReportingCalendar defaultOf(PeriodType type) {
        return switch (type) {
            case ANNUAL -> ANNUAL;
            case QUARTERLY -> QUARTERLY;
            case MONTHLY -> MONTHLY;
        };
    }

    /** The calendar in force for the indicator: its own, or the default of its period type. */
    public static ReportingCalendar of(IndicatorDefinition indicator) {
        return indicator.calendar() != null ? indicator.calendar() : defaultOf(indicator.periodType());
    }

    public static LocalDate opens(ReportingCalendar calendar, Period period) {
        return period.lastDay().plusDays(1).minusDays(calendar.openDaysEarly());
    }

    /** Day dueDay of the month dueMonthsAfterEnd after the period's last month, or that month's last day. */
    public static LocalDate due(ReportingCalendar calendar, Period period) {
        YearMonth month = YearMonth.from(period.lastDay()).plusMonths(calendar.dueMonthsAfterEnd());
        return month.atDay(Math.min(calendar.dueDay(), month.lengthOfMonth()));
    }

    public static Window window(ReportingCalendar calendar, Period period) {
        return new Window(opens(calendar, period), due(calendar, period));
    }

    /**
     * The window of a unit's report covering these indicators: it opens with the earliest-opening indicator and is
     * due with the latest-due one, so no indicator in it is due before its figures can be known. Without
     * indicators, the period's default window.
     */
    public static Window window(Collection<IndicatorDefinition> indicators, Period period) {
        Window fallback = window(defaultOf(period.type()), period);
        LocalDate opens = indicators.stream().map(i -> opens(of(i), period)).min(Comparator.naturalOrder())
                .orElse(fallback.opens());
        LocalDate due = indicators.stream().map(i -> due(of(i), period)).max(Comparator.naturalOrder())
                .orElse(fallback.due());
        return new Window(opens, due);
    }

    /**
     * Whether a report's dates are ones some valid calendar gives the period: it opens at most
     * {@value #MAX_OPEN_DAYS_EARLY} days before the day after the period and never later, and it is due on or after
     * the day it opens and at most {@value #MAX_DUE_MONTHS_AFTER_END} months after the period's last month.
     */
    public static boolean fits(Period period, LocalDate opens, LocalDate due) {
        LocalDate dayAfter = period.lastDay().plusDays(1);
        LocalDate latestDue = YearMonth.from(period.lastDay()).plusMonths(MAX_DUE_MONTHS_AFTER_END).atEndOfMonth();
        return opens != null && due != null && !opens.isAfter(dayAfter)
                && !opens.isBefore(dayAfter.minusDays(MAX_OPEN_DAYS_EARLY)) && !due.isBefore(opens)
                && !due.isAfter(latestDue);
    }

    /** What is wrong with the calendar for indicators of this period type, in words for the user; empty if valid. */
    public static Optional<String> problem(ReportingCalendar calendar, PeriodType type) {
        if (calendar.openDaysEarly() < 0 || calendar.openDaysEarly() > MAX_OPEN_DAYS_EARLY) {
            return Optional.of("提前开放天数须在0到" + MAX_OPEN_DAYS_EARLY + "之间");
        }
        if (calendar.dueMonthsAfterEnd() < 0 || calendar.dueMonthsAfterEnd() > MAX_DUE_MONTHS_AFTER_END) {
            return Optional.of("截止月份须为期末后0到" + MAX_DUE_MONTHS_AFTER_END + "个月");
        }
        if (calendar.dueDay() < 1 || calendar.dueDay() > 31) {
            return Optional.of("截止日须在1到31之间");
        }
        // every period of a leap and a common year, so short months and February are all checked
        for (int year : new int[]{2027, 2028}) {
            for (Period period : periodsOf(type, year)) {
                if (due(calendar, period).isBefore(opens(calendar, period))) {
                    return Optional.of("截止日期早于开放填报日期（如" + period.label() + "：" + chinese(due(calendar,
                            period)) + "截止，" + chinese(opens(calendar, period)) + "才开放）");
                }
            }
        }
        return Optional.empty();
    }

    /** The refusal of a report for a period that has not opened yet; empty if it is open on that day. */
    public static Optional<String> notOpenYet(Period period, LocalDate opens, LocalDate today) {
        if (!today.isBefore(opens)) {
            return Optional.empty();
        }
        return Optional.of(period.label() + "的数据自" + chinese(opens) + "起方可填报");
    }

    /** 2028年1月1日, as the users write a date. */
    public static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static List<Period> periodsOf(PeriodType type, int year) {
        return switch (type) {
            case ANNUAL -> List.of(Period.parse(String.valueOf(year)).orElseThrow());
            case QUARTERLY -> IntStream.rangeClosed(1, 4)
                    .mapToObj(q -> Period.parse(year + "-Q" + q).orElseThrow()).toList();
            case MONTHLY -> IntStream.rangeClosed(1, 12)
                    .mapToObj(m -> Period.parse("%d-%02d".formatted(year, m)).orElseThrow()).toList();
        };
    }
}
