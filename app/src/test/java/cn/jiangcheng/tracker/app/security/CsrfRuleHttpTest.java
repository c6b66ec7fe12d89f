package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a request with HTTP Basic credentials and no session skips the CSRF check; a session cookie never does. */
class CsrfRuleHttpTest extends HttpTestBase {

    @Test
    void aSessionCookiePlusAnyAuthorizationHeaderStillNeedsTheToken() {
        ApiClient browser = ApiClient.browser(port);
        assertThat(browser.login("admin", DEMO_PASSWORD).status()).isEqualTo(200);
        for (String authorization : new String[]{"x", "Bearer forged", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:Demo@2026".getBytes(java.nio.charset.StandardCharsets.UTF_8))}) {
            String id = uniqueId("csrf");
            ApiClient.Response forged = browser.header("Authorization", authorization)
                    .postWithoutCsrf("/api/admin/org-units", unit(id));
            assertThat(forged.status()).as(authorization + ": " + forged).isEqualTo(403);
            assertThat(forged.code()).isEqualTo("CSRF_REJECTED");
            assertThat(count("select count(*) from domainevententry where aggregateidentifier = ?", id)).isZero();
        }
    }

    @Test
    void aBasicOnlyApiClientNeedsNoToken() {
        String id = uniqueId("basic");
        ApiClient.Response created = as("admin").postWithoutCsrf("/api/admin/org-units", unit(id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Set-Cookie").orElse(""))
                .as("Basic calls do not open a session").doesNotContain("JSESSIONID");
    }

    private static String unit(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"令牌测试部门\",\"type\":\"DEPARTMENT\",\"parentId\":\"220200\"}";
    }
}
