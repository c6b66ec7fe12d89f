package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import static cn.jiangcheng.tracker.app.project.ProjectFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Milestone evidence files: the lead unit uploads them to the project (bytes in PostgreSQL, SHA-256 in the event),
 * a report names them as the proof of a milestone, and only those who see the project download them.
 */
class ProjectEvidenceHttpTest extends HttpTestBase {

    private static byte[] pdf() {
        // unique bytes per call: the aggregate refuses the same content twice on one project
        return ("%PDF-1.4\n1 0 obj <<>> endobj\n% " + UUID.randomUUID() + "\ntrailer <<>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static String evidencePath(String id, JsonNode project) {
        return "/api/projects/" + id + "/evidence?expectedVersion=" + version(project);
    }

    @Test
    void aFileIsStoredWithItsHashAndProvesTheMilestoneOnceApproved() throws Exception {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        String id = createProject(approver, "220221", "[\"220200-fgw\"]");
        JsonNode project = awaitProject(yongji, id, p -> true);
        byte[] pdf = pdf();
        String expectedSha = sha256(pdf);

        ApiClient.Response uploaded = yongji.upload(evidencePath(id, project), "初步设计批复.pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().path("sha256").asText()).isEqualTo(expectedSha);
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("application/pdf");
        String fileId = uploaded.json().path("fileId").asText();
        assertThat(count("""
                select count(*) from domainevententry where aggregateidentifier = ?
                and payloadtype like '%ProjectEvidenceAttached' and convert_from(payload, 'UTF8') like ?""",
                id, "%" + expectedSha + "%")).as("the event carries the hash").isEqualTo(1L);
        assertThat(count("select count(*) from evidence_file where submission_id = ? and sha256 = ?", id, expectedSha))
                .isEqualTo(1L);

        // the file list and the project row are written apart: wait for the row's version to move too
        JsonNode withFile = awaitProject(yongji, id, p -> p.path("evidenceFiles").size() == 1
                && version(p) > version(project));
        assertThat(withFile.path("evidenceFiles").get(0).path("fileName").asText()).isEqualTo("初步设计批复.pdf");
        ApiClient.Response download = yongji.get("/api/projects/" + id + "/evidence/" + fileId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF-1.4");
        assertThat(download.raw().headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        for (String reader : new String[]{"fgw-submitter", "sthj-approver", "auditor"}) {
            assertThat(as(reader).get("/api/projects/" + id + "/evidence/" + fileId).status()).as(reader)
                    .isEqualTo(200);
        }

        String m1 = withFile.path("milestones").get(0).path("milestoneId").asText();
        ApiClient.Response report = yongji.post("/api/projects/" + id + "/updates", update(thisMonth(), "20", "100",
                "\"milestonesReached\":[{\"milestoneId\":\"" + m1 + "\",\"reachedOn\":\"" + today()
                        + "\",\"evidenceFileIds\":[\"" + fileId + "\"]}]", version(withFile)));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        JsonNode pending = awaitProject(approver, id, p -> !p.path("summary").path("pendingUpdateId").isNull());
        assertThat(pending.path("updates").get(0).path("content").path("milestonesReached").get(0)
                .path("evidenceFileIds").get(0).asText()).isEqualTo(fileId);
        assertThat(approver.post("/api/projects/" + id + "/updates/" + thisMonth() + "/approve",
                "{\"expectedVersion\":" + version(pending) + "}").status()).isEqualTo(200);
        JsonNode approved = awaitProject(approver, id, p -> !p.path("milestones").get(0).path("reachedOn").isNull());
        JsonNode proof = approved.path("milestones").get(0).path("evidenceFiles");
        assertThat(proof.size()).isEqualTo(1);
        assertThat(proof.get(0).path("fileId").asText()).isEqualTo(fileId);
        assertThat(proof.get(0).path("sha256").asText()).isEqualTo(expectedSha);
    }

    @Test
    void wrongTypesOversizedFilesAndUnknownFilesAreRefusedAndStoreNothing() throws Exception {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        String id = createProject(approver, "220221", "[]");
        JsonNode project = awaitProject(yongji, id, p -> true);
        long before = eventCount();
        long files = count("select count(*) from evidence_file");

        ApiClient.Response fake = yongji.upload(evidencePath(id, project), "伪装.pdf",
                "MZ not a pdf".getBytes(StandardCharsets.US_ASCII));
        assertThat(fake.status()).isEqualTo(422);
        assertThat(fake.code()).isEqualTo("FILE_TYPE");
        assertThat(fake.message()).contains("只能上传 PDF");
        ApiClient.Response exe = yongji.upload(evidencePath(id, project), "setup.exe", pdf());
        assertThat(exe.code()).as("the name's type counts too").isEqualTo("FILE_TYPE");
        byte[] big = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);
        ApiClient.Response oversized = yongji.upload(evidencePath(id, project), "扫描件.pdf", big);
        assertThat(oversized.status()).isEqualTo(422);
        assertThat(oversized.code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(oversized.message()).contains("10 MB");
        ApiClient.Response empty = yongji.upload(evidencePath(id, project), "空.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        ApiClient.Response stale = yongji.upload("/api/projects/" + id + "/evidence?expectedVersion="
                + (version(project) + 3), "旧版本.pdf", pdf());
        assertThat(stale.status()).isIn(409, 422);
        ApiClient.Response noVersion = yongji.upload("/api/projects/" + id + "/evidence", "无版本.pdf", pdf());
        assertThat(noVersion.status()).isEqualTo(400);

        String m1 = project.path("milestones").get(0).path("milestoneId").asText();
        ApiClient.Response unknownFile = yongji.post("/api/projects/" + id + "/updates", update(thisMonth(), "20",
                "100", "\"milestonesReached\":[{\"milestoneId\":\"" + m1 + "\",\"reachedOn\":\"" + today()
                        + "\",\"evidenceFileIds\":[\"" + UUID.randomUUID() + "\"]}]", version(project)));
        assertThat(unknownFile.status()).isEqualTo(422);
        assertThat(unknownFile.code()).isEqualTo("UNKNOWN_FILE");
        ApiClient.Response noProof = yongji.post("/api/projects/" + id + "/updates", update(thisMonth(), "20",
                "100", "\"milestonesReached\":[{\"milestoneId\":\"" + m1 + "\",\"reachedOn\":\"" + today()
                        + "\"}]", version(project)));
        assertThat(noProof.code()).isEqualTo("EVIDENCE_REQUIRED");
        assertThat(noProof.message()).contains("须填写完成证明或上传证明文件");

        assertThat(eventCount()).isEqualTo(before);
        assertThat(count("select count(*) from evidence_file")).as("no orphan file rows").isEqualTo(files);
    }

    @Test
    void otherCountiesCitiesAndCooperatingUnitsCannotUploadAndOutsidersCannotDownload() throws Exception {
        ApiClient approver = as("sthj-approver");
        ApiClient yongji = as("yongji-submitter");
        String id = createProject(approver, "220221", "[\"220200-fgw\"]");
        JsonNode project = awaitProject(yongji, id, p -> true);
        ApiClient.Response uploaded = yongji.upload(evidencePath(id, project), "验收报告.pdf", pdf());
        assertThat(uploaded.status()).isEqualTo(201);
        String fileId = uploaded.json().path("fileId").asText();
        JsonNode withFile = awaitProject(yongji, id, p -> p.path("evidenceFiles").size() == 1);

        long before = eventCount();
        long files = count("select count(*) from evidence_file");
        for (String outsider : new String[]{"jiaohe-submitter", "cc-submitter"}) {
            ApiClient other = as(outsider);
            assertThat(other.upload(evidencePath(id, withFile), "越权.pdf", pdf()).status()).as(outsider)
                    .isEqualTo(404);
            assertThat(other.get("/api/projects/" + id + "/evidence/" + fileId).status()).as(outsider)
                    .isEqualTo(404);
        }
        ApiClient.Response cooperating = as("fgw-submitter").upload(evidencePath(id, withFile), "配合单位.pdf", pdf());
        assertThat(cooperating.status()).isEqualTo(422);
        assertThat(cooperating.code()).isEqualTo("NOT_LEAD_UNIT");
        assertThat(approver.upload(evidencePath(id, withFile), "审核员.pdf", pdf()).status())
                .as("the bureau does not prove a county's milestones").isEqualTo(403);
        assertThat(yongji.get("/api/projects/" + id + "/evidence/" + UUID.randomUUID()).status()).isEqualTo(404);

        // a file of another project is not served through this one, even to a reader of both
        String other = createProject(approver, "220221", "[]");
        assertThat(yongji.get("/api/projects/" + other + "/evidence/" + fileId).status()).isEqualTo(404);
        assertThat(eventCount()).as("only the other project's creation").isEqualTo(before + 1);
        assertThat(count("select count(*) from evidence_file")).isEqualTo(files);
    }
}
