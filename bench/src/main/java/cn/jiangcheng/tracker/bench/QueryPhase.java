package cn.jiangcheng.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries at volume: the city rollup, the case ledger and the audit log, each timed after a warm-up. */
final class QueryPhase extends FullStackPhase {
    QueryPhase(Run run) {
        super(run);
    }

    void queries(AppProcess app) throws InterruptedException {
        FullStackSession approver = signedIn(app, "sthj-approver", PASSWORD);
        String path = "/api/rollups/city?period=" + FIRST_PERIOD;
        FullStackSession.Response first = approver.get(path);
        if (!first.ok()) {
            errors.add("rollup: " + first.status() + " " + first.body());
            return;
        }
        JsonNode sample = first.json();
        for (JsonNode indicator : sample.path("indicators")) {
            if ("220200-I03".equals(indicator.path("indicatorId").asText())) {
                figures.put("rollup units listed (220200-I03)", (double) indicator.path("units").size());
            }
        }
        timedQueries("city rollup at volume", approver, path);

        FullStackSession inspector = signedIn(app, "sthj-inspector", PASSWORD);
        String ledger = "/api/cases?source=CENTRAL_INSPECTION&status=IN_PROGRESS&problemClass=WATER&limit=20";
        FullStackSession.Response cases = inspector.get(ledger.replace("limit=20", "limit=1"));
        if (cases.ok()) {
            figures.put("case ledger rows matching the filters", cases.json().path("total").asDouble(-1));
        }
        timedQueries("case ledger first page with filters", inspector, ledger);

        FullStackSession auditor = signedIn(app, "auditor", PASSWORD);
        timedQueries("audit log first page", auditor, "/api/audit/events?eventType=SubmissionApproved&limit=50");
        timedQueries("audit log page by user and time", auditor, "/api/audit/events?user=bench-s0-0&from=2020-01-01"
                + "&limit=50&order=asc");
        try (Connection db = jdbc()) {
            figures.put("audit index rows (event_chain)", (double) scalarLong(db, "select count(*) from event_chain"));
        } catch (SQLException e) {
            errors.add("audit index count: " + e);
        }
    }

    private void timedQueries(String name, FullStackSession session, String path) {
        for (int i = 0; i < config.queryWarmup(); i++) {
            session.get(path);
        }
        List<Long> latency = new ArrayList<>();
        for (int i = 0; i < config.querySamples(); i++) {
            long t0 = System.nanoTime();
            FullStackSession.Response r = session.get(path);
            long elapsed = System.nanoTime() - t0;
            if (!r.ok()) {
                synchronized (errors) {
                    errors.add(name + ": " + r.status() + " " + r.body());
                }
                return;
            }
            latency.add(elapsed);
        }
        putPercentiles(name, latency);
    }
}
