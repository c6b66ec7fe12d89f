package cn.jiangcheng.tracker.app.web;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status of the error contract, each produced by a real bad request, and each leaving the event store
 * exactly as it was.
 */
class ApiErrorsHttpTest extends HttpTestBase {
    private ApiClient admin;
    private long eventsBefore;

    @BeforeEach
    void setUp() {
        admin = as("admin");
        eventsBefore = eventCount();
    }

    private void nothingStored() {
        assertThat(eventCount()).as("a failed request stores nothing").isEqualTo(eventsBefore);
    }

    @Test
    void malformedJsonIs400() {
        ApiClient.Response r = admin.post("/api/admin/org-units", "{\"id\": \"abc\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("BAD_JSON");
        assertThat(r.message()).isEqualTo("请求内容不是有效的 JSON");
        nothingStored();
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        ApiClient.Response r = admin.post("/api/admin/org-units",
                "{\"id\":\"" + uniqueId("u") + "\",\"name\":\"甲\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\",\"cityId\":\"220100\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(r.message()).contains("cityId");
        assertThat(r.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("cityId");
        nothingStored();
    }

    @Test
    void wrongTypesAre400() {
        ApiClient.Response version = admin.put("/api/admin/org-units/220200-cgj",
                "{\"name\":\"城管局\",\"expectedVersion\":\"最新\"}");
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.code()).isEqualTo("BAD_TYPE");
        assertThat(version.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("expectedVersion");

        ApiClient.Response enumValue = admin.post("/api/admin/org-units",
                "{\"id\":\"" + uniqueId("t") + "\",\"name\":\"甲\",\"type\":\"VILLAGE\",\"parentId\":\"220200\"}");
        assertThat(enumValue.status()).isEqualTo(400);
        assertThat(enumValue.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("type");

        ApiClient.Response numberAsName = admin.put("/api/admin/org-units/220200-cgj",
                "{\"name\":12,\"expectedVersion\":0}");
        assertThat(numberAsName.status()).isEqualTo(400);

        ApiClient.Response array = admin.post("/api/admin/org-units", "[1,2]");
        assertThat(array.status()).isEqualTo(400);
        nothingStored();
    }

    @Test
    void invalidAndOutOfRangeValuesAre400WithFieldErrorsInChinese() {
        ApiClient.Response r = admin.post("/api/admin/users",
                "{\"username\":\"A\",\"displayName\":\"\",\"password\":\"short\",\"roles\":[],\"orgUnitId\":\"\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().path("fieldErrors").findValuesAsText("field"))
                .contains("username", "displayName", "password", "roles", "orgUnitId");
        assertThat(r.json().path("fieldErrors").findValuesAsText("message")).contains("至少选择一个角色");

        ApiClient.Response negativeVersion = admin.put("/api/admin/org-units/220200-cgj",
                "{\"name\":\"城管局\",\"expectedVersion\":-1}");
        assertThat(negativeVersion.status()).isEqualTo(400);
        assertThat(negativeVersion.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("expectedVersion");

        ApiClient.Response longName = admin.put("/api/admin/org-units/220200-cgj",
                "{\"name\":\"" + "长".repeat(61) + "\",\"expectedVersion\":0}");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.message()).contains("不能超过60个字符");
        nothingStored();
    }

    @Test
    void missingAuthenticationIs401AndMissingRoleIs403() {
        assertThat(anonymous().get("/api/org-units").status()).isEqualTo(401);
        ApiClient.Response forbidden = as("sthj-approver").post("/api/admin/org-units/220200-cgj/deactivate",
                "{\"expectedVersion\":0}");
        assertThat(forbidden.status()).isEqualTo(403);
        nothingStored();
    }

    @Test
    void unknownRecordsAndPathsAre404() {
        ApiClient.Response unit = admin.put("/api/admin/org-units/no-such-unit", "{\"name\":\"甲\",\"expectedVersion\":0}");
        assertThat(unit.status()).isEqualTo(404);
        assertThat(unit.code()).isEqualTo("NOT_FOUND");
        ApiClient.Response user = admin.post("/api/admin/users/no-such-user/disable", "{\"expectedVersion\":0}");
        assertThat(user.status()).isEqualTo(404);
        ApiClient.Response path = admin.get("/api/does-not-exist");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.code()).isEqualTo("NOT_FOUND");
        nothingStored();
    }

    @Test
    void staleVersionIs409AndNothingChanges() {
        String id = createDepartment();
        long current = eventually(() -> version(id), v -> v >= 0);
        assertThat(admin.put("/api/admin/org-units/" + id, "{\"name\":\"第一次改名\",\"expectedVersion\":" + current + "}")
                .status()).isEqualTo(200);
        long afterRename = eventCount();
        ApiClient.Response stale = admin.put("/api/admin/org-units/" + id,
                "{\"name\":\"用旧版本改名\",\"expectedVersion\":" + current + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("CONFLICT");
        assertThat(stale.message()).contains("已被他人修改");
        assertThat(eventCount()).isEqualTo(afterRename);
    }

    @Test
    void concurrentChangesToOneRecordLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = createDepartment();
            long v = eventually(() -> version(id), x -> x >= 0);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (String name : List.of("并发改名甲", "并发改名乙")) {
                results.add(pool.submit(() -> {
                    start.await();
                    return as("admin").put("/api/admin/org-units/" + id,
                            "{\"name\":\"" + name + "\",\"expectedVersion\":" + v + "}").status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var result : results) {
                statuses.add(result.get());
            }
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(count("select count(*) from domainevententry where aggregateidentifier = ?", id))
                    .as("one creation and exactly one rename").isEqualTo(2);
        }
    }

    @Test
    void creatingAnExistingIdIs409() {
        ApiClient.Response r = admin.post("/api/admin/org-units",
                "{\"id\":\"220221\",\"name\":\"第二个永吉县\",\"type\":\"COUNTY\",\"parentId\":\"220200\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("ALREADY_EXISTS");
        nothingStored();
    }

    /** Tomcat decodes %61 to "a" for routing, so the limit must see the same path. */
    @Test
    void anOversizedBodyToAPercentEncodedApiPathIs413() {
        String huge = "{\"orgUnitId\":\"220221\",\"period\":\"2073\",\"note\":\"" + "x".repeat(400_000) + "\"}";
        ApiClient.Response refused = as("yongji-submitter").post("/%61pi/submissions", huge);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        nothingStored();
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutDeclaredLength() {
        String huge = "{\"name\":\"" + "长".repeat(200_000) + "\",\"expectedVersion\":0}";
        ApiClient.Response declared = admin.put("/api/admin/org-units/220200-cgj", huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(declared.message()).contains("请求内容过大");

        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/admin/org-units/220200-cgj"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", admin.basicAuthHeader())
                .PUT(unknownLength(bytes))
                .build();
        ApiClient.Response streamed = admin.execute(chunked);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        nothingStored();
    }

    @Test
    void brokenBusinessRulesAre422WithTheReason() {
        String id = createDepartment();
        long v = eventually(() -> version(id), x -> x >= 0);
        ApiClient.Response sameName = admin.put("/api/admin/org-units/" + id,
                "{\"name\":\"测试部门\",\"expectedVersion\":" + v + "}");
        assertThat(sameName.status()).isEqualTo(422);
        assertThat(sameName.code()).isEqualTo("NAME_UNCHANGED");
        assertThat(sameName.message()).isEqualTo("新名称与原名称相同");

        ApiClient.Response countyUnderCounty = admin.post("/api/admin/org-units",
                "{\"id\":\"" + uniqueId("c") + "\",\"name\":\"县下之县\",\"type\":\"COUNTY\",\"parentId\":\"220221\"}");
        assertThat(countyUnderCounty.status()).isEqualTo(422);
        assertThat(countyUnderCounty.code()).isEqualTo("BAD_HIERARCHY");

        ApiClient.Response adminPlusBusiness = admin.post("/api/admin/users", """
                {"username":"%s","displayName":"混合","password":"Abc12345","roles":["ADMIN","APPROVER"],"orgUnitId":"220221"}
                """.formatted(uniqueId("m")));
        assertThat(adminPlusBusiness.status()).isEqualTo(422);
        assertThat(adminPlusBusiness.code()).isEqualTo("ADMIN_EXCLUSIVE");
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);
    }

    @Test
    void wrongContentTypeIs415() {
        ApiClient.Response r = admin.send("POST", "/api/admin/org-units", "id=1", "text/plain", true);
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.message()).contains("application/json");
        nothingStored();
    }

    private String createDepartment() {
        String id = uniqueId("dept");
        ApiClient.Response r = admin.post("/api/admin/org-units",
                "{\"id\":\"" + id + "\",\"name\":\"测试部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    private long version(String id) {
        return jdbc.query("select version from org_unit_view where id = ?", rs -> rs.next() ? rs.getLong(1) : -1L, id);
    }

    private static HttpRequest.BodyPublisher unknownLength(byte[] bytes) {
        HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
    }
}
