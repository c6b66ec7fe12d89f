package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static cn.jiangcheng.tracker.app.rectification.Cases.act;
import static cn.jiangcheng.tracker.app.rectification.Cases.awaitStatus;
import static cn.jiangcheng.tracker.app.rectification.Cases.inspectionCase;
import static cn.jiangcheng.tracker.app.rectification.Cases.ok;
import static cn.jiangcheng.tracker.app.rectification.Cases.register;
import static cn.jiangcheng.tracker.app.rectification.Cases.today;
import static cn.jiangcheng.tracker.app.rectification.Cases.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger with a few hundred cases, each registered through POST /api/cases: keyset paging (after / nextAfter)
 * and offset paging agree, never overlap and cover every case; filters and the unit scope narrow exactly; the
 * statistics add up.
 */
class CaseLedgerPagingHttpTest extends HttpTestBase {
    private static final int CASES = 240;
    private static final String YONGJI = "220221";
    private static final String JIAOHE = "220281";

    /** What was registered, so the filters can be checked against it. */
    private record Registered(String id, String unit, boolean jiaoheCooperates, String source, String problemClass,
                              LocalDate deadline) {
    }

    @Test
    void keysetPagesCoverEveryCaseOnceInLedgerOrderAndFiltersNarrowExactly() throws Exception {
        String tag = uniqueId("volume");
        Map<String, Registered> cases = registerMany(tag);
        ApiClient inspector = as("sthj-inspector");
        String q = "&q=" + enc(tag);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> inspector.get("/api/cases?limit=1" + q).json().path("total").asLong() == CASES);

        List<JsonNode> keyset = keysetPages(inspector, q, 37);
        List<String> keysetIds = ids(keyset);
        assertThat(keysetIds).as("no case twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(keysetIds)).as("every case once").isEqualTo(cases.keySet());
        for (int i = 1; i < keyset.size(); i++) {
            LocalDate previous = LocalDate.parse(keyset.get(i - 1).path("deadline").asText());
            assertThat(LocalDate.parse(keyset.get(i).path("deadline").asText()))
                    .as("nearest deadline first").isAfterOrEqualTo(previous);
        }
        // several cases share each deadline: the id breaks ties the same way for both kinds of paging
        List<String> offsetIds = new ArrayList<>();
        for (int offset = 0; offset < CASES; offset += 50) {
            inspector.get("/api/cases?limit=50&offset=" + offset + q).json().path("items")
                    .forEach(c -> offsetIds.add(c.path("id").asText()));
        }
        assertThat(keysetIds).isEqualTo(offsetIds);

        expectExactly(inspector, "&unit=" + JIAOHE + "&source=CENTRAL_INSPECTION&problemClass=WATER" + q, cases,
                c -> c.unit().equals(JIAOHE) && c.source().equals("CENTRAL_INSPECTION")
                        && c.problemClass().equals("WATER"));
        expectExactly(inspector, "&round=" + enc("第一轮") + q, cases,
                c -> c.source().equals("PROVINCIAL_INSPECTION"));
        expectExactly(inspector, "&source=SELF_CHECK&status=ASSIGNED&overdue=false" + q, cases,
                c -> c.source().equals("SELF_CHECK"));
        assertThat(inspector.get("/api/cases?overdue=true" + q).json().path("total").asLong()).isZero();

        // a unit sees the cases it is responsible for or cooperates on, paged the same way
        expectExactly(as("jiaohe-submitter"), q, cases, c -> c.unit().equals(JIAOHE) || c.jiaoheCooperates());
        expectExactly(as("yongji-submitter"), "&problemClass=AIR" + q, cases,
                c -> c.unit().equals(YONGJI) && c.problemClass().equals("AIR"));

        // another county or city gets nothing, not even with a cursor taken from the inspector's ledger
        String cursor = inspector.get("/api/cases?limit=10" + q).json().path("nextAfter").asText();
        for (String outsider : new String[]{"fgw-submitter", "cc-submitter"}) {
            JsonNode page = as(outsider).get("/api/cases?limit=200&after=" + cursor + q).json();
            assertThat(page.path("total").asLong()).as(outsider).isZero();
            assertThat(page.path("items").size()).as(outsider).isZero();
            assertThat(page.path("nextAfter").isNull()).as(outsider).isTrue();
        }
    }

    /** The embedded PostgreSQL ships pg_trgm, so V8 builds the search index there (elsewhere it may skip it). */
    @Test
    void theLedgerHasItsIndexes() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'rectification_case'",
                String.class)).contains("rectification_case_city_deadline", "rectification_case_city_status",
                "rectification_case_city_unit", "rectification_case_city_source", "rectification_case_city_round",
                "rectification_case_city_class", "rectification_case_city_open", "rectification_case_search");
    }

    @Test
    void aMalformedCursorIsRefusedInChinese() {
        ApiClient inspector = as("sthj-inspector");
        String notADate = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("明天|RC-1".getBytes(StandardCharsets.UTF_8));
        String noSeparator = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2026-01-01".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[]{"%25%25%25", "not*base64", notADate, noSeparator}) {
            ApiClient.Response response = inspector.get("/api/cases?after=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.message()).as(bad).isEqualTo("翻页游标 after 无效，请从第一页重新查询");
        }
        String valid = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2026-01-01|RC-0".getBytes(StandardCharsets.UTF_8));
        assertThat(inspector.get("/api/cases?after=" + valid).status()).isEqualTo(200);
        ApiClient.Response both = inspector.get("/api/cases?offset=20&after=" + valid);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.message()).isEqualTo("after 与 offset 不能同时使用");
    }

    /** closed = closed on time + closed late, total = closed + overdue + pending, in every row and overall. */
    @Test
    void statisticsAddUpIncludingACaseClosedLate() {
        ApiClient inspector = as("sthj-inspector");
        ApiClient jiaohe = as("jiaohe-submitter");
        String id = register(inspector, inspectionCase(JIAOHE, today().plusDays(1), "迟办问题 " + uniqueId("late"))
                .replace("[\"" + JIAOHE + "\"]", "[]"));
        ok(act(jiaohe, id, "acknowledge", ""));
        ok(act(jiaohe, id, "plan", "\"measures\":\"清理\",\"responsiblePerson\":\"李明\""));
        upload(jiaohe, id);
        ok(act(jiaohe, id, "request-acceptance", "\"selfCheck\":\"已清理\""));
        clock.advance(Duration.ofDays(3));
        try {
            ok(act(inspector, id, "accept", "\"siteCheck\":\"属实\",\"publicityDays\":0"));
            ok(act(inspector, id, "close", ""));
            JsonNode closed = awaitStatus(inspector, id, "CLOSED");
            assertThat(closed.path("summary").path("closedOnTime").asBoolean()).as("accepted after the deadline")
                    .isFalse();

            JsonNode stats = inspector.get("/api/cases/stats").json();
            long ledgerTotal = inspector.get("/api/cases?limit=1").json().path("total").asLong();
            for (String table : new String[]{"byUnit", "bySource"}) {
                long sum = 0;
                for (JsonNode row : stats.path(table)) {
                    String what = table + " " + row.path("key").asText();
                    assertThat(row.path("closed").asLong()).as(what)
                            .isEqualTo(row.path("closedOnTime").asLong() + row.path("closedLate").asLong());
                    assertThat(row.path("total").asLong()).as(what).isEqualTo(row.path("closed").asLong()
                            + row.path("overdue").asLong() + row.path("pending").asLong());
                    sum += row.path("total").asLong();
                }
                assertThat(sum).as(table + " covers the whole ledger").isEqualTo(ledgerTotal);
            }
            JsonNode jiaoheRow = null;
            for (JsonNode row : stats.path("byUnit")) {
                if (row.path("key").asText().equals(JIAOHE)) {
                    jiaoheRow = row;
                }
            }
            assertThat(jiaoheRow).isNotNull();
            assertThat(jiaoheRow.path("closedLate").asLong()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    /** Registers CASES cases over HTTP, four requests at a time, spread over units, sources, classes and days. */
    private Map<String, Registered> registerMany(String tag) throws Exception {
        Map<String, Registered> cases = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < CASES; n++) {
                int i = n;
                done.add(pool.submit(() -> {
                    String unit = i % 3 == 0 ? JIAOHE : YONGJI;
                    boolean cooperates = unit.equals(YONGJI) && i % 10 == 1;
                    String source = switch (i % 4) {
                        case 0 -> "SELF_CHECK";
                        case 1 -> "PROVINCIAL_INSPECTION";
                        default -> "CENTRAL_INSPECTION";
                    };
                    String problemClass = i % 2 == 0 ? "WATER" : "AIR";
                    // four cases per day, so paging must break ties on the id
                    LocalDate deadline = today().plusDays(40 + i % 60);
                    String body = inspectionCase(unit, deadline, "批量问题 " + tag + " #" + i)
                            .replace("[\"220281\"]", cooperates ? "[\"" + JIAOHE + "\"]" : "[]")
                            .replace("CENTRAL_INSPECTION", source)
                            .replace("\"WATER\"", "\"" + problemClass + "\"")
                            .replace("第二轮", source.equals("PROVINCIAL_INSPECTION") ? "第一轮" : "第二轮");
                    if (source.equals("SELF_CHECK")) {
                        body = body.replace("\"round\":\"第二轮\",\"batch\":\"第三批\",", "");
                    }
                    ApiClient.Response created = as("sthj-inspector").post("/api/cases", body);
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    String id = created.json().path("id").asText();
                    cases.put(id, new Registered(id, unit, cooperates, source, problemClass, deadline));
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return cases;
    }

    /** Follows nextAfter from the first page to the last. */
    private static List<JsonNode> keysetPages(ApiClient client, String query, int limit) {
        List<JsonNode> rows = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 1000; pages++) {
            JsonNode page = client.get("/api/cases?limit=" + limit + query
                    + (after == null ? "" : "&after=" + after)).json();
            page.path("items").forEach(rows::add);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
            if (page.path("nextAfter").isNull() || page.path("nextAfter").isMissingNode()) {
                return rows;
            }
            assertThat(page.path("items").size()).as("only the last page is short").isEqualTo(limit);
            after = page.path("nextAfter").asText();
        }
        throw new AssertionError("paging did not end");
    }

    private static void expectExactly(ApiClient client, String query, Map<String, Registered> cases,
                                      Predicate<Registered> expected) {
        Set<String> want = cases.values().stream().filter(expected).map(Registered::id).collect(Collectors.toSet());
        assertThat(want).as(query).isNotEmpty();
        List<String> got = ids(keysetPages(client, query, 7));
        assertThat(got).as(query).doesNotHaveDuplicates();
        assertThat(new HashSet<>(got)).as(query).isEqualTo(want);
        assertThat(client.get("/api/cases?limit=1" + query).json().path("total").asLong()).as(query)
                .isEqualTo(want.size());
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(r -> r.path("id").asText()).toList();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
