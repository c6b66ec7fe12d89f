package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.jiangcheng.tracker.app.rectification.Cases.act;
import static cn.jiangcheng.tracker.app.rectification.Cases.awaitStatus;
import static cn.jiangcheng.tracker.app.rectification.Cases.inspectionCase;
import static cn.jiangcheng.tracker.app.rectification.Cases.ok;
import static cn.jiangcheng.tracker.app.rectification.Cases.register;
import static cn.jiangcheng.tracker.app.rectification.Cases.today;
import static cn.jiangcheng.tracker.app.rectification.Cases.version;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenant isolation, roles and bad input on cases: each refused, each leaving the event store untouched. */
class CaseGuardsHttpTest extends HttpTestBase {
    private ApiClient inspector;
    private String id;
    private JsonNode assigned;

    @BeforeEach
    void aCaseOfYongji() {
        inspector = as("sthj-inspector");
        id = register(inspector, inspectionCase("220221", today().plusDays(30), "隔离测试 " + uniqueId("guard")));
        assigned = awaitStatus(inspector, id, "ASSIGNED");
    }

    private ApiClient.Response post(ApiClient client, String action, String fields) {
        return client.post("/api/cases/" + id + "/" + action,
                "{\"expectedVersion\":" + version(assigned) + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    @Test
    void otherCountiesAndOtherCitiesDoNotSeeTheCase() {
        long before = eventCount();
        for (String outsider : new String[]{"fgw-submitter", "cc-submitter"}) {
            ApiClient other = as(outsider);
            assertThat(other.get("/api/cases/" + id).status()).as(outsider).isEqualTo(404);
            assertThat(post(other, "acknowledge", "").status()).as(outsider).isEqualTo(404);
            assertThat(post(other, "extension-requests", "\"reason\":\"x\",\"newDeadline\":\"" + today().plusDays(50)
                    + "\"").status()).as(outsider).isEqualTo(404);
            assertThat(other.get("/api/cases?limit=200").json().path("items").findValuesAsText("id"))
                    .as(outsider).doesNotContain(id);
        }
        assertThat(as("cc-submitter").get("/api/cases/stats").json().path("byUnit").size())
                .as("another city sees none of Jilin's units").isZero();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theCooperatingUnitSeesButDoesNotAct() {
        ApiClient jiaohe = as("jiaohe-submitter");
        long before = eventCount();
        assertThat(jiaohe.get("/api/cases/" + id).status()).isEqualTo(200);
        ApiClient.Response acknowledge = post(jiaohe, "acknowledge", "");
        assertThat(acknowledge.status()).isEqualTo(422);
        assertThat(acknowledge.code()).isEqualTo("NOT_RESPONSIBLE_UNIT");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void rolesAreEnforced() {
        long before = eventCount();
        ApiClient yongji = as("yongji-submitter");
        assertThat(yongji.post("/api/cases", inspectionCase("220221", today().plusDays(5), "自己交办")).status())
                .as("a unit does not assign cases").isEqualTo(403);
        assertThat(post(yongji, "accept", "\"siteCheck\":\"自查合格\"").status()).isEqualTo(403);
        assertThat(post(yongji, "close", "").status()).isEqualTo(403);
        assertThat(post(inspector, "acknowledge", "").status()).as("the inspector does not sign for the unit")
                .isEqualTo(403);
        ApiClient auditor = as("auditor");
        assertThat(auditor.get("/api/cases/" + id).status()).as("auditors read the whole city").isEqualTo(200);
        assertThat(post(auditor, "return-plan", "\"reason\":\"x\"").status()).isEqualTo(403);
        assertThat(post(auditor, "acknowledge", "").status()).isEqualTo(403);
        for (String outsider : new String[]{"admin", "sthj-approver"}) {
            assertThat(as(outsider).get("/api/cases/" + id).status()).as(outsider).isEqualTo(403);
            assertThat(as(outsider).get("/api/cases").status()).as(outsider).isEqualTo(403);
            assertThat(post(as(outsider), "close", "").status()).as(outsider).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/cases").status()).isEqualTo(401);
        ApiClient.Response closeTooEarly = post(inspector, "close", "");
        assertThat(closeTooEarly.status()).isEqualTo(422);
        assertThat(closeTooEarly.code()).as("closing without acceptance").isEqualTo("WRONG_STATUS");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aStaleVersionIsAConflict() {
        ApiClient yongji = as("yongji-submitter");
        ok(act(yongji, id, "acknowledge", ""));
        long before = eventCount();
        ApiClient.Response stale = post(yongji, "plan", "\"measures\":\"m\",\"responsiblePerson\":\"p\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAReasonAndStoresNothing() {
        long before = eventCount();
        long cases = count("select count(*) from rectification_case");
        String valid = inspectionCase("220221", today().plusDays(10), "坏输入");

        ApiClient.Response unknownField = inspector.post("/api/cases", valid.replace("{", "{\"status\":\"CLOSED\","));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("UNKNOWN_FIELD");

        ApiClient.Response wrongType = inspector.post("/api/cases", valid.replace("\"problemClass\":\"WATER\"",
                "\"problemClass\":7"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.code()).isEqualTo("BAD_TYPE");

        ApiClient.Response badDate = inspector.post("/api/cases", valid.replace(today().plusDays(10).toString(),
                "明年五月"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.message()).contains("deadline");

        ApiClient.Response badSource = inspector.post("/api/cases", valid.replace("CENTRAL_INSPECTION", "RUMOUR"));
        assertThat(badSource.status()).isEqualTo(400);

        ApiClient.Response missing = inspector.post("/api/cases", valid.replace("\"description\":\"坏输入\",", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("请填写问题描述");

        ApiClient.Response oversized = inspector.post("/api/cases", valid.replace("坏输入", "污".repeat(2001)));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.message()).contains("问题描述不能超过2000个字符");

        ApiClient.Response past = inspector.post("/api/cases", valid.replace(today().plusDays(10).toString(),
                today().minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.code()).isEqualTo("DEADLINE_IN_PAST");

        ApiClient.Response farAway = inspector.post("/api/cases", valid.replace(today().plusDays(10).toString(),
                today().plusYears(10).toString()));
        assertThat(farAway.status()).isEqualTo(422);
        assertThat(farAway.code()).isEqualTo("OUT_OF_RANGE");

        ApiClient.Response noRound = inspector.post("/api/cases", valid.replace("\"round\":\"第二轮\",", ""));
        assertThat(noRound.status()).isEqualTo(422);
        assertThat(noRound.message()).isEqualTo("督察反馈问题须填写督察轮次");

        ApiClient.Response otherCityUnit = inspector.post("/api/cases", valid.replace("\"220221\"", "\"220102\""));
        assertThat(otherCityUnit.status()).isEqualTo(404);

        ApiClient.Response unknownCooperator = inspector.post("/api/cases", valid.replace("\"220281\"", "\"220102\""));
        assertThat(unknownCooperator.status()).isEqualTo(422);
        assertThat(unknownCooperator.code()).isEqualTo("UNKNOWN_UNIT");

        ApiClient.Response percent = post(as("yongji-submitter"), "progress", "\"progress\":\"x\",\"percent\":150");
        assertThat(percent.status()).isEqualTo(400);
        assertThat(percent.message()).contains("完成比例应在0到100之间");

        assertThat(inspector.get("/api/cases?limit=1000").status()).isEqualTo(400);
        assertThat(inspector.get("/api/cases?status=DONE").status()).isEqualTo(400);

        assertThat(eventCount()).isEqualTo(before);
        assertThat(count("select count(*) from rectification_case")).isEqualTo(cases);
    }
}
