package cn.jiangcheng.tracker.api.common;

import java.time.ZoneId;

/** The plan's deadlines and reporting days are Beijing dates, whatever zone a server runs in. */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }
}
