package cn.jiangcheng.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The command mix: every client creates, saves, submits and has approved its reports and reports progress on its
 * unit's case, timing each call; one prober measures how long an approval takes to reach the detail view and the
 * city rollup.
 */
final class CommandMixPhase extends FullStackPhase {
    private record LagProbe(String id, String unit, String period, long ackNanos) {
    }

    CommandMixPhase(Run run) {
        super(run);
    }

    void commandMix(AppProcess app, List<List<Unit>> units) throws InterruptedException {
        int clients = config.clients();
        Map<String, ConcurrentLinkedQueue<Long>> latency = new LinkedHashMap<>();
        for (String op : List.of("create draft", "save draft", "submit", "approve", "case progress")) {
            latency.put(op, new ConcurrentLinkedQueue<>());
        }
        ConcurrentLinkedQueue<Long> draftVisible = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        BlockingQueue<LagProbe> probes = new ArrayBlockingQueue<>(1);
        AtomicBoolean mixRunning = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> detailLag = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> rollupLag = new ConcurrentLinkedQueue<>();
        AtomicInteger lagTimeouts = new AtomicInteger();
        FullStackSession lagClient = signedIn(app, "sthj-approver", PASSWORD);
        Thread lagThread = new Thread(() -> measureLag(lagClient, probes, mixRunning, detailLag, rollupLag,
                lagTimeouts), "bench-lag");
        List<FullStackSession[]> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Unit> mine = units.get(c);
            FullStackSession[] s = new FullStackSession[mine.size() + 1];
            for (int k = 0; k < mine.size(); k++) {
                s[k] = signedIn(app, mine.get(k).user(), BENCH_PASSWORD);
            }
            s[mine.size()] = signedIn(app, "sthj-approver", PASSWORD);
            sessions.add(s);
        }
        String values = values();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    FullStackSession[] s = sessions.get(client);
                    FullStackSession approverSession = s[s.length - 1];
                    for (int r = 0; r < config.reportsPerClient(); r++) {
                        int k = r / PERIODS_PER_UNIT;
                        Unit unit = units.get(client).get(k);
                        FullStackSession submitter = s[k];
                        String period = String.valueOf(FIRST_PERIOD + r % PERIODS_PER_UNIT);
                        String id = unit.id() + "_" + period;
                        if (!timed(latency.get("create draft"), ok, failed, () -> submitter.post("/api/submissions",
                                "{\"orgUnitId\":\"" + unit.id() + "\",\"period\":\"" + period + "\",\"values\":"
                                        + values + "}"))) {
                            continue;
                        }
                        // the form opens the report before editing it: wait until the read side has it
                        long t0 = System.nanoTime();
                        while (submitter.get("/api/submissions/" + id).status() != 200) {
                            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                                break;
                            }
                            Thread.sleep(20);
                        }
                        draftVisible.add(System.nanoTime() - t0);
                        if (!timed(latency.get("save draft"), ok, failed, () -> submitter.put("/api/submissions/" + id,
                                "{\"values\":" + values + ",\"expectedVersion\":1}"))) {
                            continue;
                        }
                        if (!timed(latency.get("submit"), ok, failed, () -> submitter.post("/api/submissions/" + id
                                + "/submit", "{\"expectedVersion\":2}"))) {
                            continue;
                        }
                        if (!timed(latency.get("approve"), ok, failed, () -> approverSession.post("/api/submissions/"
                                + id + "/approve", "{\"expectedVersion\":3,\"comment\":\"数据核实无误\"}"))) {
                            continue;
                        }
                        // the lag prober takes a sample whenever it is free; busy means this one is skipped
                        probes.offer(new LagProbe(id, unit.id(), period, System.nanoTime()));
                        OpenCase open = cases.get(unit.id());
                        long caseVersion = open.version().get();
                        if (timed(latency.get("case progress"), ok, failed, () -> submitter.post("/api/cases/"
                                + open.id() + "/progress", "{\"expectedVersion\":" + caseVersion
                                + ",\"progress\":\"截污管网施工中（基准第" + period + "期）\",\"percent\":50}"))) {
                            open.version().incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            t.start();
        }
        lagThread.start();
        long t0 = System.nanoTime();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        mixRunning.set(false);
        lagThread.join(60_000);
        List<Long> all = new ArrayList<>();
        latency.values().forEach(all::addAll);
        figures.put("mix wall time, s", seconds);
        figures.put("commands ok", (double) ok.get());
        figures.put("commands failed", (double) failed.get());
        figures.put("commands/s", ok.get() / seconds);
        putPercentiles("command latency", all);
        latency.forEach((op, samples) -> putPercentiles(op + " latency", samples));
        putPercentiles("draft visible after create", draftVisible);
        putPercentiles("lag approve to detail view", detailLag);
        putPercentiles("lag approve to city rollup", rollupLag);
        figures.put("lag samples", (double) rollupLag.size());
        figures.put("lag timeouts", (double) lagTimeouts.get());
    }

    private boolean timed(Collection<Long> samples, AtomicInteger ok, AtomicInteger failed,
                          Supplier<FullStackSession.Response> call) {
        long t0 = System.nanoTime();
        FullStackSession.Response response = call.get();
        long elapsed = System.nanoTime() - t0;
        if (response.ok()) {
            samples.add(elapsed);
            ok.incrementAndGet();
            return true;
        }
        failed.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < 20) {
                errors.add(response.status() + " " + response.body());
            }
        }
        return false;
    }

    private void measureLag(FullStackSession client, BlockingQueue<LagProbe> probes, AtomicBoolean running,
                            Collection<Long> detailLag, Collection<Long> rollupLag, AtomicInteger timeouts) {
        try {
            while (running.get() || !probes.isEmpty()) {
                LagProbe probe = probes.poll(100, TimeUnit.MILLISECONDS);
                if (probe == null) {
                    continue;
                }
                long limit = probe.ackNanos() + TimeUnit.SECONDS.toNanos(30);
                boolean seen = false;
                while (System.nanoTime() < limit) {
                    FullStackSession.Response r = client.get("/api/submissions/" + probe.id());
                    if (r.ok() && "APPROVED".equals(r.json().path("status").asText())) {
                        detailLag.add(System.nanoTime() - probe.ackNanos());
                        seen = true;
                        break;
                    }
                    Thread.sleep(10);
                }
                seen = seen && pollRollup(client, probe, limit, rollupLag);
                if (!seen) {
                    timeouts.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean pollRollup(FullStackSession client, LagProbe probe, long limit, Collection<Long> lag)
            throws InterruptedException {
        while (System.nanoTime() < limit) {
            FullStackSession.Response r = client.get("/api/rollups/city?period=" + probe.period());
            if (r.ok()) {
                JsonNode units = null;
                for (JsonNode indicator : r.json().path("indicators")) {
                    if ("220200-I03".equals(indicator.path("indicatorId").asText())) {
                        units = indicator.path("units");
                    }
                }
                for (JsonNode unit : units == null ? List.<JsonNode>of() : units) {
                    if (probe.unit().equals(unit.path("orgUnitId").asText()) && !unit.path("value").isNull()
                            && !unit.path("value").isMissingNode()) {
                        lag.add(System.nanoTime() - probe.ackNanos());
                        return true;
                    }
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** The 13 values a county reports, every one with an explanation so the plausibility rule never asks. */
    private static String values() {
        String json = """
                [{"indicator":"220200-I03","components":{"sections_good":3,"sections_assessed":4}},
                 {"indicator":"220200-I04","components":{"sections_worse_than_v":0,"sections_assessed":4}},
                 {"indicator":"220200-I05","components":{"sources_compliant":2,"sources_in_use":2}},
                 {"indicator":"220200-I06","components":{"villages_treated":35,"villages_total":100}},
                 {"indicator":"220200-I07","value":1},
                 {"indicator":"220200-I08","components":{"farmland_safely_used":985,"farmland_polluted":1000}},
                 {"indicator":"220200-I11","components":{"sewage_collected":97,"sewage_generated":100}},
                 {"indicator":"220200-I12","components":{"sludge_treated":100,"sludge_generated":100}},
                 {"indicator":"220200-I13","value":680.5},
                 {"indicator":"220200-I14","value":64,"components":{"land_area":1800}},
                 {"indicator":"220200-I15","components":{"waste_utilised":41,"waste_generated":100}},
                 {"indicator":"220200-I16","components":{"hazardous_handled":99,"hazardous_generated":100}},
                 {"indicator":"220200-I17","value":57,"components":{"land_area":1800}}]
                """.replace("\n", "");
        return json.replace("{\"indicator\"", "{\"explanation\":\"基准测试数据\",\"indicator\"");
    }
}
