package cn.jiangcheng.tracker.command;

import cn.jiangcheng.tracker.command.common.BusinessDay;

import java.time.LocalDate;

/** The server's day as the aggregate tests register it: fixed, until a test moves it to another day. */
public final class FixedDay implements BusinessDay {
    private LocalDate today;

    public FixedDay(LocalDate today) {
        this.today = today;
    }

    /** From now on it is this day. */
    public FixedDay set(LocalDate day) {
        this.today = day;
        return this;
    }

    @Override
    public LocalDate today() {
        return today;
    }
}
