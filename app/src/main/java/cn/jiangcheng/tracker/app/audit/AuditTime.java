package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.web.BadRequest;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Moments as auditors type them: a date, a local date-time (Beijing time), or an ISO instant. */
public final class AuditTime {
    private AuditTime() {
    }

    public enum DateMeans { START_OF_DAY, END_OF_DAY }

    public static Instant parse(String field, String value, DateMeans date) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (date == DateMeans.END_OF_DAY ? day.plusDays(1) : day).atStartOfDay(BusinessTime.ZONE)
                        .toInstant()
                        .minusNanos(date == DateMeans.END_OF_DAY ? 1 : 0);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(BusinessTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, "时间“" + value + "”格式不正确，应为 2026-03-01、2026-03-01 14:30:00 或带时区的 ISO 时间");
        }
    }
}
