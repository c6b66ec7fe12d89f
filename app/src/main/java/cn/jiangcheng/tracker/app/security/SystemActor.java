package cn.jiangcheng.tracker.app.security;

import java.util.function.Supplier;

/**
 * Marks work the system does on its own (seeding, scheduled jobs) so its commands are recorded as "system"
 * rather than rejected for lacking a signed-in user.
 */
public final class SystemActor {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static boolean isActive() {
        return ACTIVE.get();
    }
}
