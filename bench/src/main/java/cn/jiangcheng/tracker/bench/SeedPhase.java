package cn.jiangcheng.tracker.bench;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Set-up before the command mix: fresh county units with a submitter each, assigned to the county indicators, and
 * a 督察整改 case per unit, all through the app's own admin, approver and inspector API.
 */
final class SeedPhase extends FullStackPhase {
    SeedPhase(Run run) {
        super(run);
    }

    /** Fresh county units, one submitter each, assigned to the county indicators through the admin and approver API. */
    List<List<Unit>> setUp(AppProcess app) throws InterruptedException {
        FullStackSession admin = signedIn(app, "admin", PASSWORD);
        FullStackSession approver = signedIn(app, "sthj-approver", PASSWORD);
        int unitsPerClient = (config.reportsPerClient() + PERIODS_PER_UNIT - 1) / PERIODS_PER_UNIT;
        List<List<Unit>> units = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int c = 0; c < config.clients(); c++) {
            List<Unit> mine = new ArrayList<>();
            for (int k = 0; k < unitsPerClient; k++) {
                String id = "bench-c" + c + "-" + k;
                must(admin.post("/api/admin/org-units", "{\"id\":\"" + id + "\",\"name\":\"基准县" + c + "-" + k
                        + "\",\"type\":\"COUNTY\",\"parentId\":\"" + CITY + "\"}"), "create unit " + id);
                mine.add(new Unit(id, "bench-s" + c + "-" + k));
                all.add(id);
            }
            units.add(mine);
        }
        for (List<Unit> mine : units) {
            for (Unit u : mine) {
                awaitOk(admin, "/api/org-units/" + u.id());
                must(admin.post("/api/admin/users", "{\"username\":\"" + u.user() + "\",\"displayName\":\"基准填报"
                        + u.id().substring(6) + "\",\"password\":\"" + ONE_TIME_PASSWORD + "\",\"roles\":[\"SUBMITTER\"],"
                        + "\"orgUnitId\":\"" + u.id() + "\"}"), "create user " + u.user());
            }
        }
        awaitAccounts(admin, units);
        for (List<Unit> mine : units) {
            for (Unit u : mine) {
                choosesOwnPassword(app, u.user());
            }
        }
        for (JsonNode indicator : seededCatalog(approver)) {
            if (indicator.path("reportingUnitIds").isEmpty()) {
                continue;
            }
            List<String> reporting = new ArrayList<>();
            indicator.path("reportingUnitIds").forEach(n -> reporting.add(n.asText()));
            reporting.addAll(all);
            String body = "{\"periodType\":\"" + indicator.path("periodType").asText() + "\",\"reportingUnitIds\":"
                    + Session.json(reporting) + ",\"measuringUnitId\":null,\"expectedVersion\":"
                    + indicator.path("version").asLong() + "}";
            must(approver.put("/api/indicators/" + indicator.path("id").asText() + "/assignment", body),
                    "assign " + indicator.path("id").asText());
        }
        // the read side must know the units, users and assignments before the clients start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (String id : all) {
            while (approver.get("/api/indicators/assigned?orgUnitId=" + id + "&period=" + FIRST_PERIOD).json()
                    .size() < 13) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("assignments of " + id + " never reached the read model");
                }
                Thread.sleep(50);
            }
        }
        openCases(app, units);
        return units;
    }

    /** What the administrator gives a new account; it works once, until the account chooses its own. */
    private static final String ONE_TIME_PASSWORD = "Bench2026-otp";

    /** Sign-ins only once every account is in the read model: wrong tries before that would lock them. */
    private static void awaitAccounts(FullStackSession admin, List<List<Unit>> units) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String listed = admin.get("/api/admin/users").body();
            if (units.stream().flatMap(List::stream).allMatch(u -> listed.contains("\"" + u.user() + "\""))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench accounts never reached the read model");
            }
            Thread.sleep(50);
        }
    }

    /** The account signs in with the administrator's one-time password and chooses BENCH_PASSWORD. */
    private static void choosesOwnPassword(AppProcess app, String user) throws InterruptedException {
        FullStackSession s = new FullStackSession(app.port());
        if (!s.login(user, ONE_TIME_PASSWORD)) {
            throw new IllegalStateException("cannot sign in as " + user);
        }
        must(s.post("/api/me/password", "{\"currentPassword\":\"" + ONE_TIME_PASSWORD + "\",\"newPassword\":\""
                + BENCH_PASSWORD + "\"}"), "own password of " + user);
    }

    /** 督察整改: a case per bench unit, acknowledged and planned, so the mix can report progress on it. */
    private void openCases(AppProcess app, List<List<Unit>> units) throws InterruptedException {
        FullStackSession inspector = signedIn(app, "sthj-inspector", PASSWORD);
        String deadline = java.time.LocalDate.now(BusinessTime.ZONE).plusDays(90).toString();
        for (List<Unit> mine : units) {
            for (Unit u : mine) {
                FullStackSession unit = signedIn(app, u.user(), BENCH_PASSWORD);
                String id = must(inspector.post("/api/cases", ("{\"source\":\"CENTRAL_INSPECTION\",\"round\":\"第二轮\","
                        + "\"batch\":\"第三批\",\"problemNumber\":\"BENCH-%s\",\"problemClass\":\"WATER\","
                        + "\"description\":\"基准测试：排污口整治\",\"location\":\"基准县\",\"responsibleUnitId\":\"%s\","
                        + "\"cooperatingUnitIds\":[],\"deadline\":\"%s\",\"requirements\":\"完成排污口规范化整治\"}")
                        .formatted(u.id(), u.id(), deadline)), "register case for " + u.id()).json().path("id").asText();
                long version = awaitCaseVersion(unit, id, 0);
                must(unit.post("/api/cases/" + id + "/acknowledge", "{\"expectedVersion\":" + version + "}"),
                        "acknowledge " + id);
                version = awaitCaseVersion(unit, id, version + 1);
                must(unit.post("/api/cases/" + id + "/plan", "{\"expectedVersion\":" + version
                        + ",\"measures\":\"封堵排污口，建设截污管网\",\"responsiblePerson\":\"张建国\"}"), "plan " + id);
                cases.put(u.id(), new OpenCase(id, new AtomicLong(awaitCaseVersion(unit, id, version + 1))));
            }
        }
    }

    private static long awaitCaseVersion(FullStackSession s, String id, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            FullStackSession.Response r = s.get("/api/cases/" + id);
            if (r.ok() && r.json().path("summary").path("version").asLong(-1) >= atLeast) {
                return r.json().path("summary").path("version").asLong();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("case " + id + " never reached version " + atLeast + " in the ledger");
    }

    /**
     * The catalog as the seeder left it: a fresh app answers log-ins before its projection has every indicator and
     * assignment, and assigning from a partial list would leave the bench units short of indicators.
     */
    private static JsonNode seededCatalog(FullStackSession approver) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonNode catalog = must(approver.get("/api/indicators"), "indicators").json();
            int reported = 0;
            for (JsonNode indicator : catalog) {
                reported += indicator.path("reportingUnitIds").isEmpty() ? 0 : 1;
            }
            if (catalog.size() >= 17 && reported >= 13) {
                return catalog;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the indicator catalog never reached the read model: " + catalog.size()
                        + " indicators, " + reported + " with reporting units");
            }
            Thread.sleep(100);
        }
    }
}
