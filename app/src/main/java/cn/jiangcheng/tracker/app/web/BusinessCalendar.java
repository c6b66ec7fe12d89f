package cn.jiangcheng.tracker.app.web;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureau's calendar: periods open, reports fall due and projects fall behind by the day in Beijing, whatever
 * zone the server or the client runs in. "Today" comes from the app's {@link Clock}, so tests can move it.
 */
@Component
public class BusinessCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Instant now() {
        return clock.instant();
    }
}
