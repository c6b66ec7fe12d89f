package cn.jiangcheng.tracker.app.web;

import cn.jiangcheng.tracker.api.common.BusinessTime;
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

    private final Clock clock;

    public BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }

    public Instant now() {
        return clock.instant();
    }
}
