package cn.jiangcheng.tracker.app.support;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's clock in HTTP tests: real time plus an offset a test may move (and must reset), so that "today" in
 * commands and queries can be days ahead without waiting, or on the day a reporting period opens or is due.
 */
public class TestClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Moves the clock (either way) to 10:00 China time on that day; a test that does this resets it when done. */
    public void setToday(LocalDate today) {
        offset.set(Duration.between(Instant.now(), today.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant()));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        public TestClock testClock() {
            return new TestClock();
        }
    }
}
