package cn.jiangcheng.tracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Peak heap from the app's Prometheus endpoint and peak resident size of its JVM from /proc. */
final class MemorySampler {
    private final AppProcess app;
    private final Map<String, Double> figures;
    private final String phase;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile double peakHeap;
    private volatile double peakRss;

    MemorySampler(AppProcess app, String phase, Map<String, Double> figures) {
        this.app = app;
        this.figures = figures;
        this.phase = phase;
        this.thread = new Thread(this::loop, "bench-memory-" + phase);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        FullStackSession admin = null;
        while (running.get()) {
            try {
                if (admin == null) {
                    FullStackSession s = new FullStackSession(app.port());
                    admin = s.login("admin", FullStackPhase.PASSWORD) ? s : null;
                }
                if (admin != null) {
                    FullStackSession.Response r = admin.get("/actuator/prometheus");
                    if (r.ok()) {
                        double heap = 0;
                        for (String line : r.body().split("\n")) {
                            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                                heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                            }
                        }
                        peakHeap = Math.max(peakHeap, heap);
                    }
                }
                Path status = Path.of("/proc/" + app.pid() + "/status");
                if (Files.exists(status)) {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                            double kb = Double.parseDouble(line.replaceAll("[^0-9]", ""));
                            peakRss = Math.max(peakRss, kb * 1024);
                        }
                    }
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the app may be stopping; keep the peaks seen so far
            }
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(5_000);
        figures.put("peak heap used, MiB (" + phase + ")", peakHeap / 1048576.0);
        figures.put("peak RSS of the app JVM, MiB (" + phase + ")", peakRss / 1048576.0);
    }
}
