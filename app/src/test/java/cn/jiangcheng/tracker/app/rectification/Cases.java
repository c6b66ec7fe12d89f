package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.app.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Case bodies as the web UI sends them, and waiting for the ledger to follow. */
public final class Cases {
    public static final byte[] PDF = "%PDF-1.4\n整改前后对比照片\n%%EOF".getBytes(StandardCharsets.UTF_8);

    private Cases() {
    }

    public static LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    /** A central-inspection problem for the unit, due on the given day; 蛟河市 cooperates. */
    public static String inspectionCase(String unitId, LocalDate deadline, String description) {
        return """
                {"source":"CENTRAL_INSPECTION","round":"第二轮","batch":"第三批","problemNumber":"JL-2-017",
                 "problemClass":"WATER","description":"%s","location":"永吉县岔路河",
                 "responsibleUnitId":"%s","cooperatingUnitIds":["220281"],"deadline":"%s",
                 "requirements":"立即停止超标排放，完成排污口规范化整治"}""".formatted(description, unitId, deadline);
    }

    public static String register(ApiClient inspector, String body) {
        ApiClient.Response created = inspector.post("/api/cases", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        awaitCase(inspector, id, c -> c.path("summary").path("id").asText().equals(id));
        return id;
    }

    public static JsonNode awaitCase(ApiClient client, String id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/api/cases/" + id).json(), condition);
    }

    public static JsonNode awaitStatus(ApiClient client, String id, String status) {
        return awaitCase(client, id, c -> status.equals(c.path("summary").path("status").asText()));
    }

    public static long version(JsonNode detail) {
        return detail.path("summary").path("version").asLong();
    }

    /**
     * Acts on the case's current version, as a user would; the deadline manager may change the case in between (a
     * 临期预警 firing, which the ledger shows a moment later), and then, like the user told 请刷新后重试, this waits,
     * reloads and tries again.
     */
    public static ApiClient.Response act(ApiClient client, String id, String action, String fields) {
        ApiClient.Response response = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            if (attempt > 0) {
                pause(Duration.ofMillis(200L * attempt));
            }
            JsonNode before = client.get("/api/cases/" + id).json();
            String body = "{\"expectedVersion\":" + version(before) + (fields.isEmpty() ? "" : "," + fields) + "}";
            response = client.post("/api/cases/" + id + "/" + action, body);
            if (response.status() / 100 == 2) {
                awaitCase(client, id, c -> version(c) > version(before));
            }
            if (response.status() != 409) {
                return response;
            }
        }
        return response;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    public static ApiClient.Response upload(ApiClient client, String id) {
        long version = version(client.get("/api/cases/" + id).json());
        ApiClient.Response response = client.upload("/api/cases/" + id + "/evidence?expectedVersion=" + version,
                "整改前后对比照片.pdf", PDF);
        if (response.status() == 201) {
            awaitCase(client, id, c -> version(c) > version);
        }
        return response;
    }
}
