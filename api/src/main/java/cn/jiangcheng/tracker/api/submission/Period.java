package cn.jiangcheng.tracker.api.submission;

import cn.jiangcheng.tracker.api.indicator.IndicatorTypes.PeriodType;
import cn.jiangcheng.tracker.api.indicator.ReportingCalendars;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as the users write it: 2025 (a year), 2025-Q1 (a quarter) or 2025-03 (a month).
 * Without a calendar of its own an indicator's period opens the day after it ends and is due on the default deadline
 * day: the 31st of January after a year, the 15th of the month after a quarter, the 10th of the month after a month
 * ({@link ReportingCalendars}).
 */
public record Period(String code, PeriodType type, int year, int number) {
    private static final Pattern FORMAT = Pattern.compile("(20\\d\\d)(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public static Optional<Period> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return Optional.of(new Period(m.group(0), PeriodType.QUARTERLY, year, Integer.parseInt(m.group(2))));
        }
        if (m.group(3) != null) {
            return Optional.of(new Period(m.group(0), PeriodType.MONTHLY, year, Integer.parseInt(m.group(3))));
        }
        return Optional.of(new Period(m.group(0), PeriodType.ANNUAL, year, 0));
    }

    /** As the users say it: 2025年, 2025年第一季度, 2025年3月. */
    public String label() {
        return switch (type) {
            case ANNUAL -> year + "年";
            case QUARTERLY -> year + "年第" + "一二三四".charAt(number - 1) + "季度";
            case MONTHLY -> year + "年" + number + "月";
        };
    }

    public LocalDate firstDay() {
        return switch (type) {
            case ANNUAL -> LocalDate.of(year, 1, 1);
            case QUARTERLY -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case MONTHLY -> LocalDate.of(year, number, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (type) {
            case ANNUAL -> LocalDate.of(year, 12, 31);
            case QUARTERLY -> YearMonth.of(year, number * 3).atEndOfMonth();
            case MONTHLY -> YearMonth.of(year, number).atEndOfMonth();
        };
    }

    /** The last day on which a report is on time under the default calendar of the period type. */
    public LocalDate deadline() {
        return ReportingCalendars.due(ReportingCalendars.defaultOf(type), this);
    }

    /** The first day a report may be made under the default calendar: the day after the period ends. */
    public LocalDate opens() {
        return ReportingCalendars.opens(ReportingCalendars.defaultOf(type), this);
    }
}
