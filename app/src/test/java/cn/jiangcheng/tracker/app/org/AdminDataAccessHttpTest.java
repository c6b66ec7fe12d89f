package cn.jiangcheng.tracker.app.org;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.values;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system administrator manages accounts and org units and sees no business data: every read of reports, their
 * evidence, projects, cases, rollups and the indicator catalog's targets is refused, while the admin screens work.
 */
class AdminDataAccessHttpTest extends HttpTestBase {
    private static final String FILE = "00000000-0000-0000-0000-000000000001";
    private static final byte[] PDF = "%PDF-1.4\n监测报告\n%%EOF".getBytes(StandardCharsets.UTF_8);

    @Test
    void theAdministratorReadsNoBusinessData() {
        ApiClient submitter = as("jiaohe-submitter");
        String report = create(submitter, "220281", "2010", values(9, 10));
        ApiClient.Response uploaded = submitter.upload("/api/submissions/" + report + "/evidence?expectedVersion="
                + version(submitter.get("/api/submissions/" + report).json()), "监测报告.pdf", PDF);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String evidence = "/api/submissions/" + report + "/evidence/" + uploaded.json().path("fileId").asText();
        eventually(() -> submitter.download(evidence).statusCode(), status -> status == 200); // the owner can

        List<String> business = List.of(
                "/api/submissions",
                "/api/submissions?orgUnit=220281",
                "/api/submissions/" + report,
                evidence,
                "/api/submissions/reporting?period=2022",
                "/api/submissions/template?orgUnitId=220281&period=2022",
                "/api/not-applicable",
                "/api/indicators",
                "/api/indicators/assigned?orgUnitId=220281&period=2022",
                "/api/indicators/target-proposals",
                "/api/indicators/220200-I03/target-history",
                "/api/reporting-calendar?period=2022",
                "/api/projects",
                "/api/projects/stats",
                "/api/projects/export",
                "/api/projects/any-project",
                "/api/projects/any-project/evidence/" + FILE,
                "/api/cases",
                "/api/cases/stats",
                "/api/cases/export",
                "/api/cases/any-case",
                "/api/cases/any-case/evidence/" + FILE,
                "/api/rollups/city?period=2022",
                "/api/rollups/city/export?period=2022",
                "/api/audit/events",
                "/api/audit/aggregates/Submission/" + report + "/timeline",
                "/api/audit/projections");
        ApiClient admin = as("admin");
        List<String> answered = new ArrayList<>();
        for (String path : business) {
            ApiClient.Response response = admin.get(path);
            if (response.status() != 403 || !"FORBIDDEN".equals(response.code())) {
                answered.add(path + " → " + response.status());
            }
        }
        ApiClient.Response upload = admin.upload("/api/submissions/upload?orgUnitId=220281&period=2010",
                "填报表.xlsx", new byte[]{0x50, 0x4B, 0x03, 0x04});
        if (upload.status() != 403) {
            answered.add("POST /api/submissions/upload → " + upload.status());
        }
        assertThat(answered).as("business reads the administrator was not refused").isEmpty();
    }

    @Test
    void theAdministratorStillManagesAccountsAndUnits() {
        ApiClient admin = as("admin");
        for (String path : List.of("/api/me", "/api/org-units", "/api/org-units/220221", "/api/admin/users",
                "/actuator/health")) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void businessRolesStillReadWhatTheyReadBefore() {
        String report = create(as("jiaohe-submitter"), "220281", "2013", values(8, 10));
        assertThat(as("jiaohe-submitter").get("/api/submissions/" + report).status()).isEqualTo(200);
        assertThat(as("sthj-approver").get("/api/submissions/" + report).status()).isEqualTo(200);
        assertThat(as("sthj-inspector").get("/api/indicators").status()).isEqualTo(200);
        assertThat(as("auditor").get("/api/not-applicable").status()).isEqualTo(200);
        assertThat(as("yongji-submitter").get("/api/reporting-calendar?period=2022").status()).isEqualTo(200);
    }
}
