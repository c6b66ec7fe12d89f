package cn.jiangcheng.tracker.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server process of one data directory, found through its {@code postmaster.pid} and Linux's
 * {@code /proc}. As root the server runs inside {@code unshare --user}: that is a new user namespace only, so its
 * pids are the machine's and the app (root) may signal it. {@code pg_ctl} starts the server in a session of its own,
 * so its backends share its process group.
 */
final class Postmaster {
    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration REAP_WAIT = Duration.ofSeconds(30);

    /** What zonky's EmbeddedPostgres locks for as long as the app that started the server runs. */
    private static final String APP_LOCK_FILE = "epg-lock";

    private final Path dataDir;

    Postmaster(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The pid the server wrote when it started, if its pid file is there. */
    Optional<Long> recordedPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The running server of this data directory, if there is one (a zombie or a reused pid is not). */
    Optional<Long> runningPid() {
        return recordedPid().filter(this::isPostgresOfThisDataDir);
    }

    boolean isRunning() {
        return runningPid().isPresent();
    }

    /** A process is gone once even its zombie has been reaped; only then may a new server take the data directory. */
    boolean recordedProcessGone() {
        return recordedPid().map(Postmaster::gone).orElse(true);
    }

    private static boolean gone(long pid) {
        return !Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    /**
     * A server left behind by a killed app would keep the data directory locked: stop it (a smart shutdown by
     * SIGTERM writes a checkpoint), kill its processes if it does not stop, and wait until it is reaped. A server
     * whose app still runs is left alone: that app holds the embedded library's lock file, which dies with it.
     */
    void stopLeftover() throws IOException {
        if (recordedPid().isEmpty()) {
            return; // no server ran here, or it stopped cleanly; a lock file now would make initdb refuse the folder
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(APP_LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock appLock = channel.tryLock()) {
            if (appLock == null) {
                throw new IllegalStateException(dataDir + " is in use by another running app; stop it first");
            }
            stopServerOfDeadApp();
        }
    }

    private void stopServerOfDeadApp() {
        Optional<Long> pid = runningPid();
        if (pid.isEmpty()) {
            return; // no pid file, or one of a dead process: PostgreSQL itself handles that
        }
        LOG.warn("A PostgreSQL server (pid {}) left behind by an earlier run still holds {}; stopping it",
                pid.get(), dataDir);
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get());
        process.ifPresent(ProcessHandle::destroy);
        if (!waitUntil(() -> !isRunning(), SHUTDOWN_WAIT)) {
            LOG.warn("PostgreSQL (pid {}) did not stop within {}; killing its processes", pid.get(), SHUTDOWN_WAIT);
            process.ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
        // a server that stopped removed its pid file; one that was killed left it, naming its zombie until reaped
        if (!waitUntil(() -> recordedPid().isEmpty() || gone(pid.get()), REAP_WAIT)) {
            LOG.warn("PostgreSQL (pid {}) has exited but is not reaped yet; starting anyway", pid.get());
        }
    }

    /** The binaries the server of this data directory was started from, as PostgreSQL noted in postmaster.opts. */
    Path binDir() throws IOException {
        String line = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        int firstOption = line.indexOf(" \"");
        return Path.of(firstOption < 0 ? line : line.substring(0, firstOption)).getParent();
    }

    Path dataDir() {
        return dataDir;
    }

    private boolean isPostgresOfThisDataDir(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
            if (args.isEmpty() || !Path.of(args.get(0)).getFileName().toString().equals("postgres")) {
                return false; // also a zombie, whose command line is empty
            }
            int d = args.indexOf("-D");
            return d >= 0 && d + 1 < args.size() && sameDirectory(Path.of(args.get(d + 1)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean sameDirectory(Path other) throws IOException {
        return Files.exists(other) && Files.isSameFile(other, dataDir);
    }

    static boolean waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
