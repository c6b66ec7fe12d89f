package cn.jiangcheng.tracker.app.org;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which org units: a county only itself, city roles their whole city, never another city. */
class TenantIsolationHttpTest extends HttpTestBase {
    private static final String JIAOHE = "220281";
    private static final String YONGJI = "220221";
    private static final String CHANGCHUN = "220100";
    private static final String NANGUAN = "220102";

    @Test
    void aCountySubmitterSeesOnlyItsOwnUnit() {
        JsonNode tree = as("yongji-submitter").get("/api/org-units").json();
        assertThat(ids(tree)).containsExactly(YONGJI);
        assertThat(as("yongji-submitter").get("/api/org-units/" + YONGJI).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {JIAOHE, CHANGCHUN, NANGUAN, "220000", "no-such-unit"})
    void otherUnitsAndOtherCitiesAreNotFoundForACounty(String unitId) {
        ApiClient.Response response = as("yongji-submitter").get("/api/org-units/" + unitId);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
        assertThat(response.message()).isEqualTo("未找到该单位");
    }

    @Test
    void cityRolesSeeTheirWholeCityAndNothingOfAnother() {
        for (String user : List.of("sthj-approver", "sthj-inspector", "auditor", "admin")) {
            List<String> ids = ids(as(user).get("/api/org-units").json());
            assertThat(ids).as(user).contains("220200", YONGJI, JIAOHE, "220200-sthj", "220271", "220272", "220273")
                    .doesNotContain(CHANGCHUN, NANGUAN, "220000");
            assertThat(as(user).get("/api/org-units/" + NANGUAN).status()).as(user).isEqualTo(404);
        }
        JsonNode root = as("auditor").get("/api/org-units").json();
        assertThat(root).hasSize(1);
        assertThat(root.get(0).path("name").asText()).isEqualTo("吉林市");
        List<String> children = new ArrayList<>();
        root.get(0).path("children").forEach(c -> children.add(c.path("name").asText()));
        assertThat(children).contains("昌邑区", "龙潭区", "船营区", "丰满区", "蛟河市", "桦甸市", "舒兰市", "磐石市",
                "永吉县", "吉林经济技术开发区", "吉林高新技术产业开发区", "吉林中新食品区", "吉林市生态环境局", "吉林市发展和改革委员会",
                "吉林市工业和信息化局", "吉林市住房和城乡建设局", "吉林市交通运输局", "吉林市农业农村局", "吉林市水利局",
                "吉林市林业局", "吉林市自然资源局", "吉林市城市管理局");
    }

    @Test
    void changchunSeesOnlyChangchun() {
        assertThat(ids(as("cc-submitter").get("/api/org-units").json())).containsExactly(NANGUAN);
        assertThat(as("cc-submitter").get("/api/org-units/" + YONGJI).status()).isEqualTo(404);
    }

    @Test
    void anAdminCannotTouchAnotherCitysUnitsOrUsers() {
        ApiClient admin = as("admin");
        long before = eventCount();
        ApiClient.Response rename = admin.put("/api/admin/org-units/" + NANGUAN,
                "{\"name\":\"改名\",\"expectedVersion\":0}");
        assertThat(rename.status()).isEqualTo(404);
        ApiClient.Response create = admin.post("/api/admin/org-units",
                "{\"id\":\"" + uniqueId("x") + "\",\"name\":\"新单位\",\"type\":\"DEPARTMENT\",\"parentId\":\"" + CHANGCHUN + "\"}");
        assertThat(create.status()).isEqualTo(404);
        ApiClient.Response user = admin.post("/api/admin/users", """
                {"username":"%s","displayName":"越权","password":"Abc12345","roles":["SUBMITTER"],"orgUnitId":"%s"}
                """.formatted(uniqueId("u"), NANGUAN));
        assertThat(user.status()).isEqualTo(404);
        ApiClient.Response roles = admin.put("/api/admin/users/cc-submitter/roles",
                "{\"roles\":[\"APPROVER\"],\"expectedVersion\":0}");
        assertThat(roles.status()).isEqualTo(404);
        ApiClient.Response disable = admin.post("/api/admin/users/cc-submitter/disable", "{\"expectedVersion\":0}");
        assertThat(disable.status()).isEqualTo(404);
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);

        List<String> users = new ArrayList<>();
        admin.get("/api/admin/users").json().forEach(u -> users.add(u.path("username").asText()));
        assertThat(users).contains("yongji-submitter", "admin").doesNotContain("cc-submitter");
    }

    private static List<String> ids(JsonNode tree) {
        List<String> ids = new ArrayList<>();
        tree.forEach(node -> {
            ids.add(node.path("id").asText());
            ids.addAll(ids(node.path("children")));
        });
        return ids;
    }
}
