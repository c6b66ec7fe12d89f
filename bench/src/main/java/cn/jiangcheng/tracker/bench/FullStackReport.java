package cn.jiangcheng.tracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The section of docs/benchmarks.md a run writes: goals met or missed, every figure, how it was measured, the machine. */
final class FullStackReport extends FullStackPhase {
    private record Goal(String text, String figure, boolean higherIsBetter, double limit) {
    }

    FullStackReport(Run run) {
        super(run);
    }

    String markdown(ZonedDateTime started) {
        StringBuilder md = new StringBuilder();
        md.append(FullStackBenchmark.HEADING).append("\n\n");
        md.append("Written by `bench` (`cn.jiangcheng.tracker.bench.FullStackBenchmark`) on ")
                .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(config.smoke() ? " (SMOKE MODE: tiny figures, not a measurement)" : "")
                .append(". The real app (`java -Xmx").append(config.appHeap())
                .append(" -jar app/target/jiangcheng-tracker.jar`, a separate JVM) on ")
                .append(config.externalJdbcUrl() == null ? "its embedded PostgreSQL" : "an external PostgreSQL")
                .append(", driven by HTTP clients over loopback; every client is a signed-in browser-like session "
                        + "(session cookie and CSRF header, as the web UI).\n\n");
        md.append("### Goals\n\n| Goal | Figure | Met |\n|---|---:|---|\n");
        List<Goal> goals = List.of(
                new Goal("commands ≥ 40 % of the raw JDBC ceiling (commands/s ÷ raw rows/s)",
                        "ratio commands/s to raw rows/s", true, 0.40),
                new Goal("projection lag p99 < 1 s (approve acknowledged → city rollup shows it)",
                        "lag approve to city rollup p99, ms", false, 1000),
                new Goal("replay ≥ 25 % of the sequential read rate", "replay ratio to sequential read", true, 0.25),
                new Goal("city rollup p99 < 100 ms at " + String.format(Locale.ROOT, "%,.0f",
                        figures.getOrDefault("events in the store", 0.0)) + " events",
                        "city rollup at volume p99, ms", false, 100),
                new Goal("case ledger first page p99 < 100 ms (filters, " + String.format(Locale.ROOT, "%,.0f",
                        figures.getOrDefault("generated cases (吉林市)", 0.0)) + " generated cases in the city)",
                        "case ledger first page with filters p99, ms", false, 100),
                new Goal("heap < 1 GiB (peak used heap under load)", "peak heap used, MiB (max)", false, 1024));
        figures.put("peak heap used, MiB (max)", Math.max(figures.getOrDefault("peak heap used, MiB (commands)", 0.0),
                figures.getOrDefault("peak heap used, MiB (replay)", 0.0)));
        for (Goal g : goals) {
            double v = figures.getOrDefault(g.figure(), Double.NaN);
            boolean met = g.higherIsBetter() ? v >= g.limit() : v < g.limit();
            md.append("| ").append(g.text()).append(" | ").append(fmt(v)).append(" | ")
                    .append(Double.isNaN(v) ? "not measured" : met ? "**met**" : "**missed**").append(" |\n");
        }
        md.append("\n### Figures\n\n| Measure | Value |\n|---|---:|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(fmt(v)).append(" |\n"));
        if (!errors.isEmpty()) {
            md.append("\nErrors (first ").append(errors.size()).append("):\n\n");
            errors.forEach(e -> md.append("- `").append(e.replace("`", "'").replace("\n", " "), 0,
                    Math.min(300, e.length())).append("`\n"));
        }
        md.append("\n### How it was measured\n\n");
        md.append(String.format(Locale.ROOT, """
                1. **Commands.** %d clients, each with its own fresh county unit(s) and submitter (created through \
                `POST /api/admin/org-units` and `/api/admin/users`, assigned to the 13 county indicators through \
                `PUT /api/indicators/{id}/assignment`), run %d reports each: `POST /api/submissions` (draft with all 13 \
                values), `PUT` (save draft), `POST …/submit`, the approver's `POST …/approve`, then a 督察整改 progress \
                report `POST /api/cases/{id}/progress` on the unit's case (registered by the inspector, acknowledged \
                and planned before the mix). Every call is one \
                command sample; non-2xx counts as failed. Before saving, the client waits for `GET \
                /api/submissions/{id}` to return the draft (polled every 20 ms), as the form does (the draft-visible figure; not a command). \
                commands/s = successful calls ÷ wall time of the mix. **Raw ceiling**, same run and PostgreSQL: plain \
                JDBC inserting the serialized rows the app had just written (up to 5,000 sampled, reused with new ids) \
                into `bench_events` (`like domainevententry including all`), autocommit (one transaction per row), \
                same number of connections as clients, as many rows as the app appended during the mix.
                2. **Lag.** One prober thread takes an approval whenever it is free (the others go unsampled), polls \
                the report's detail until APPROVED, then the city rollup for its period until the unit's value is \
                there, every 10 ms; lag = time since the approve call returned.
                3. **Replay.** The app is restarted with its processors in subscribing mode (no tokens, so \
                nothing reads the store) to keep its PostgreSQL up; the store is filled with genuine events: one \
                approved report the app wrote (%s) and its unit's `OrgUnitCreated` are cloned with new unit ids, \
                %d annual periods per unit, new aggregate and event ids (COPY); every %d generated units get a city \
                of their own (a clone of the city's `OrgUnitCreated`), so 吉林市 keeps its real size (its 9 counties and \
                districts and 3 development zones, plus the benchmark's) while the store grows. 督察整改: the first bench unit's case events (registered, \
                acknowledged, planned, progress) are cloned as new cases of the city's bench units. The generated \
                events are filed in the auditor's search index (`event_chain`) by one SQL statement from their \
                metadata, with placeholder links (search is measured, not verification). Then a plain JDBC sequential read of \
                the whole table (fetch size 10,000, every column read). Then every projection table and `tokenentry` \
                are truncated and the app is started normally: replay time runs until every segment of every \
                processor has a token at the table's highest global index.
                4. **Queries.** `GET /api/rollups/city?period=%d` as the approver; the 整改台账 first page \
                (`/api/cases?source=CENTRAL_INSPECTION&status=IN_PROGRESS&problemClass=WATER&limit=20`) as the inspector; \
                the audit log's first page (`/api/audit/events?eventType=SubmissionApproved&limit=50`) and a user's \
                history (`user=bench-s0-0&from=2020-01-01&order=asc`) as the auditor; %d timed after %d warm-up each, \
                with the whole store projected.
                5. **Memory.** Every 0.5 s: the sum of `jvm_memory_used_bytes{area="heap"}` from \
                `/actuator/prometheus` and VmRSS/VmHWM of the app's JVM from `/proc` (the embedded PostgreSQL runs in \
                its own processes and is not included), during the command phase and during replay + queries.
                """, config.clients(), config.reportsPerClient(), "create, 2 drafts, submit, approve",
                GENERATED_PERIODS_PER_UNIT, UNITS_PER_GENERATED_CITY, FIRST_PERIOD, config.querySamples(), config.queryWarmup()));
        md.append("\n### Setup\n\nCommand (from the repository root):\n\n```\n").append(config.command())
                .append("\n```\n\n| | |\n|---|---|\n");
        machine().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        notes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| app arguments | `").append(String.join(" ", config.appArgs())).append("` |\n");
        md.append("\nThe machine is shared with other work; a load average above the core count means something "
                + "else ran at the same time. Compare runs, not single numbers.\n");
        return md.toString();
    }

    private static Map<String, String> machine() {
        Map<String, String> facts = new LinkedHashMap<>();
        String cpu = "unknown";
        String mem = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    mem = String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        facts.put("CPU", cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)");
        facts.put("Memory", mem);
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return facts;
    }
}
