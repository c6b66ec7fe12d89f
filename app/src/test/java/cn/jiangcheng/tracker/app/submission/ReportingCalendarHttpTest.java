package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 填报日历 over HTTP: a period cannot be reported before it opens (server date, China), and a report is due with the
 * latest of its indicators — the counties' with EQI on 30 June, 发改委's with the 能耗 figures on 31 March, the
 * bureau's air figures on the default 31 January.
 */
class ReportingCalendarHttpTest extends HttpTestBase {
    private static final String AIR = "220200-I01";
    private static final LocalDate FIRST_OF_APRIL = LocalDate.of(2026, 4, 1);

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void onTheSecondOfDecember2026NeitherTheYear2027Nor2026CanBeReported() {
        clock.setToday(LocalDate.of(2026, 12, 2));
        ApiClient yongji = as("yongji-submitter");
        long events = eventCount();

        ApiClient.Response next = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2027\",\"values\":" + values(9, 10) + "}");
        assertThat(next.status()).as(next.toString()).isEqualTo(422);
        assertThat(next.code()).isEqualTo("PERIOD_NOT_OPEN");
        assertThat(next.message()).isEqualTo("2027年的数据自2028年1月1日起方可填报");

        ApiClient.Response current = yongji.post("/api/submissions",
                "{\"orgUnitId\":\"220221\",\"period\":\"2026\",\"values\":[]}");
        assertThat(current.status()).isEqualTo(422);
        assertThat(current.message()).isEqualTo("2026年的数据自2027年1月1日起方可填报");

        ApiClient.Response template = yongji.get("/api/submissions/template?orgUnitId=220221&period=2027");
        assertThat(template.status()).isEqualTo(422);
        assertThat(template.code()).isEqualTo("PERIOD_NOT_OPEN");
        ApiClient.Response upload = yongji.upload("/api/submissions/upload?orgUnitId=220221&period=2031",
                "report.xlsx", new byte[]{1, 2, 3});
        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.message()).isEqualTo("2031年的数据自2032年1月1日起方可填报");

        assertThat(eventCount()).as("nothing created").isEqualTo(events);
        assertThat(yongji.get("/api/submissions/220221_2027").status()).isEqualTo(404);
        assertThat(yongji.get("/api/submissions?period=2027").json()).isEmpty();
    }

    @Test
    void theCalendarOfAPeriodSaysWhatIsOpenAndWhenEachIndicatorIsDue() {
        clock.setToday(LocalDate.of(2026, 12, 2));
        JsonNode next = as("yongji-submitter").get("/api/reporting-calendar?period=2027&orgUnitId=220221").json();
        assertThat(next.path("open").asBoolean()).isFalse();
        assertThat(next.path("opens").asText()).isEqualTo("2028-01-01");
        assertThat(next.path("due").asText()).isEqualTo("2028-06-30");
        assertThat(next.path("today").asText()).isEqualTo("2026-12-02");

        JsonNode last = as("sthj-approver").get("/api/reporting-calendar?period=2025").json();
        assertThat(last.path("open").asBoolean()).isTrue();
        Map<String, String> due = new HashMap<>();
        last.path("indicators").forEach(i -> due.put(i.path("indicatorId").asText(), i.path("due").asText()));
        assertThat(due).hasSize(17).containsEntry(AIR, "2026-01-31").containsEntry("220200-I09", "2026-03-31")
                .containsEntry("220200-I10", "2026-03-31").containsEntry("220200-I14", "2026-06-30")
                .containsEntry("220200-I15", "2026-06-30").containsEntry("220200-I16", "2026-06-30")
                .containsEntry("220200-I17", "2026-01-31");

        assertThat(as("yongji-submitter").get("/api/reporting-calendar?period=2025&orgUnitId=220281").status())
                .isEqualTo(404);
        assertThat(as("yongji-submitter").get("/api/reporting-calendar?period=25").status()).isEqualTo(400);
    }

    @Test
    void aCountyReportIsDueWithEqiAndOnTimeOnTheFirstOfApril() {
        clock.setToday(FIRST_OF_APRIL);
        ApiClient jiaohe = as("jiaohe-submitter");
        String id = create(jiaohe, "220281", "2025", values(9, 10));
        JsonNode draft = awaitReport(jiaohe, id, s -> s.path("values").size() == 13);
        assertThat(draft.path("deadline").asText()).isEqualTo("2026-06-30");
        assertThat(jiaohe.get("/api/submissions?period=2025").json().get(0).path("deadline").asText())
                .isEqualTo("2026-06-30");

        assertThat(act(jiaohe, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status())
                .isEqualTo(200);
        assertThat(awaitStatus(jiaohe, id, "SUBMITTED").path("late").asBoolean()).isFalse();

        JsonNode reporting = as("sthj-approver").get("/api/submissions/reporting?period=2025").json();
        Map<String, String> deadlines = new HashMap<>();
        reporting.path("units").forEach(u -> deadlines.put(u.path("orgUnitId").asText(), u.path("deadline").asText()));
        assertThat(deadlines).containsEntry("220281", "2026-06-30").containsEntry("220200-sthj", "2026-01-31")
                .containsEntry("220200-fgw", "2026-03-31");
    }

    @Test
    void energyFiguresAreDueOnTheLastOfMarchSoTheFirstOfAprilIsLate() {
        clock.setToday(FIRST_OF_APRIL);
        ApiClient fgw = as("fgw-submitter");
        String id = create(fgw, "220200-fgw", "2025", """
                [{"indicator":"220200-I09","value":3.4,"explanation":"能耗统计快报"},
                 {"indicator":"220200-I10","value":16,"explanation":"能耗统计快报"}]""");
        JsonNode draft = awaitReport(fgw, id, s -> s.path("values").size() == 2);
        assertThat(draft.path("deadline").asText()).isEqualTo("2026-03-31");
        assertThat(act(fgw, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status()).isEqualTo(200);
        assertThat(awaitStatus(fgw, id, "SUBMITTED").path("late").asBoolean()).isTrue();
    }

    @Test
    void theBureausAirFiguresAreDueOnTheLastOfJanuarySoTheFirstOfAprilIsLate() {
        ApiClient bureau = bureauSubmitter();
        clock.setToday(FIRST_OF_APRIL);
        String id = create(bureau, "220200-sthj", "2025", """
                [{"indicator":"220200-I01","value":89.2,"explanation":"监测站年报"},
                 {"indicator":"220200-I02","value":31,"explanation":"监测站年报"}]""");
        JsonNode draft = awaitReport(bureau, id, s -> s.path("values").size() == 2);
        assertThat(draft.path("deadline").asText()).isEqualTo("2026-01-31");
        assertThat(act(bureau, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status())
                .isEqualTo(200);
        assertThat(awaitStatus(bureau, id, "SUBMITTED").path("late").asBoolean()).isTrue();
    }

    /** A draft made once the year opened cannot be submitted on a day before it (a clock put back, a bad client). */
    @Test
    void aDraftIsNotSubmittedBeforeItsPeriodOpens() {
        clock.setToday(FIRST_OF_APRIL);
        ApiClient yongji = as("yongji-submitter");
        String id = create(yongji, "220221", "2025", values(9, 10));
        JsonNode draft = awaitReport(yongji, id, s -> s.path("values").size() == 13);
        clock.setToday(LocalDate.of(2025, 12, 31));
        ApiClient.Response early = act(yongji, id, "submit", "{\"expectedVersion\":" + version(draft) + "}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.message()).isEqualTo("2025年的数据自2026年1月1日起方可填报");
        assertThat(awaitReport(yongji, id, s -> true).path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void theBureauSetsAnIndicatorsCalendarAndReportsFollowIt() {
        ApiClient approver = as("sthj-approver");
        long version = indicator(approver, AIR).path("version").asLong();
        ApiClient.Response changed = approver.put("/api/indicators/" + AIR + "/calendar",
                "{\"calendar\":{\"openDaysEarly\":0,\"dueMonthsAfterEnd\":2,\"dueDay\":31},\"expectedVersion\":"
                        + version + "}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try {
            JsonNode withCalendar = eventually(() -> indicator(approver, AIR), i -> !i.path("calendar").isNull());
            assertThat(withCalendar.path("calendar").path("dueMonthsAfterEnd").asInt()).isEqualTo(2);
            JsonNode calendar = approver.get("/api/reporting-calendar?period=2024").json();
            JsonNode air = null;
            for (JsonNode i : calendar.path("indicators")) {
                if (i.path("indicatorId").asText().equals(AIR)) {
                    air = i;
                }
            }
            assertThat(air).isNotNull();
            assertThat(air.path("due").asText()).as("February is clamped: 2025 is not a leap year")
                    .isEqualTo("2025-02-28");
            assertThat(air.path("custom").asBoolean()).isTrue();
        } finally {
            long current = eventually(() -> indicator(approver, AIR), i -> !i.path("calendar").isNull())
                    .path("version").asLong();
            ApiClient.Response back = approver.put("/api/indicators/" + AIR + "/calendar",
                    "{\"calendar\":null,\"expectedVersion\":" + current + "}");
            assertThat(back.status()).as(back.toString()).isEqualTo(200);
            eventually(() -> indicator(approver, AIR), i -> i.path("calendar").isNull());
        }
    }

    @Test
    void aBadCalendarIsRefusedAndOnlyTheCityBureauChangesIt() {
        ApiClient approver = as("sthj-approver");
        long version = indicator(approver, AIR).path("version").asLong();
        ApiClient.Response outOfRange = approver.put("/api/indicators/" + AIR + "/calendar",
                "{\"calendar\":{\"openDaysEarly\":40,\"dueMonthsAfterEnd\":13,\"dueDay\":0},\"expectedVersion\":"
                        + version + "}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().path("fieldErrors").size()).as("all errors at once").isEqualTo(3);

        ApiClient.Response beforeOpening = approver.put("/api/indicators/" + AIR + "/calendar",
                "{\"calendar\":{\"openDaysEarly\":0,\"dueMonthsAfterEnd\":0,\"dueDay\":31},\"expectedVersion\":"
                        + version + "}");
        assertThat(beforeOpening.status()).isEqualTo(422);
        assertThat(beforeOpening.code()).isEqualTo("BAD_CALENDAR");

        String body = "{\"calendar\":{\"openDaysEarly\":0,\"dueMonthsAfterEnd\":2,\"dueDay\":28},\"expectedVersion\":"
                + version + "}";
        assertThat(as("yongji-submitter").put("/api/indicators/" + AIR + "/calendar", body).status())
                .isEqualTo(403);
        assertThat(approver.put("/api/indicators/220100-I01/calendar", body).status()).isEqualTo(404);
        assertThat(indicator(approver, AIR).path("version").asLong()).isEqualTo(version);
    }

    private ApiClient bureauSubmitter() {
        String username = uniqueId("sthj-clerk").toLowerCase();
        ApiClient.Response created = as("admin").post("/api/admin/users", """
                {"username":"%s","displayName":"生态环境局填报员","password":"Clerk2026x","roles":["SUBMITTER"],"orgUnitId":"220200-sthj"}
                """.formatted(username));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        eventually(() -> count("select count(*) from user_account_view where username = ?", username), n -> n == 1);
        choosesOwnPassword(username, "Clerk2026x");
        return ApiClient.basic(port, username, "Clerk2026x");
    }

    private static JsonNode indicator(ApiClient client, String id) {
        for (JsonNode indicator : client.get("/api/indicators").json()) {
            if (indicator.path("id").asText().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id);
    }
}
