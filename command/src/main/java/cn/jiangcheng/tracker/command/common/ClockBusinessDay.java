package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Today by the app's {@link Clock} (fixed in tests), as a Beijing date. */
@Component
class ClockBusinessDay implements BusinessDay {
    private final Clock clock;

    ClockBusinessDay(Clock clock) {
        this.clock = clock;
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
