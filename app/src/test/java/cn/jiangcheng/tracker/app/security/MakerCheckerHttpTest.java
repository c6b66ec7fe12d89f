package cn.jiangcheng.tracker.app.security;

import cn.jiangcheng.tracker.app.project.ProjectFixtures;
import cn.jiangcheng.tracker.app.rectification.Cases;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static cn.jiangcheng.tracker.app.submission.ReportFixtures.act;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitReport;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.awaitStatus;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.create;
import static cn.jiangcheng.tracker.app.submission.ReportFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maker-checker over HTTP: nobody approves, accepts or closes what they submitted or reported, whatever roles
 * their account holds, and an account gets 填报 together with 审核 or 督察 only with a recorded reason.
 */
class MakerCheckerHttpTest extends HttpTestBase {
    private static final String PASSWORD = "Both2026x";
    private static final String SELF_REVIEW_MESSAGE = "不能审核自己提交的材料，请由其他审核人员处理";
    private static final String REASON = "科室编制不足，由其兼任；其本人材料由其他人员审核";

    /** The finding: one user given SUBMITTER+APPROVER in the bureau submitted and approved its own report (200). */
    @Test
    void oneAccountWithSubmitterAndApproverDoesNotApproveItsOwnReport() {
        ApiClient both = userWith("220200-sthj", "[\"SUBMITTER\",\"APPROVER\"]");
        String id = bureauReportSubmittedBy(both, "2008");
        JsonNode submitted = awaitStatus(both, id, "SUBMITTED");
        long events = eventsOf(id);

        ApiClient.Response own = act(both, id, "approve", "{\"expectedVersion\":" + version(submitted) + "}");

        assertSelfReview(own);
        ApiClient.Response ownReturn = act(both, id, "return",
                "{\"expectedVersion\":" + version(submitted) + ",\"reason\":\"自己退回\"}");
        assertSelfReview(ownReturn);
        assertThat(eventsOf(id)).as("nothing stored").isEqualTo(events);
        assertThat(both.get("/api/submissions/" + id).json().path("status").asText()).isEqualTo("SUBMITTED");

        ApiClient.Response other = act(as("sthj-approver"), id, "approve",
                "{\"expectedVersion\":" + version(submitted) + "}");
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        awaitStatus(both, id, "APPROVED");
    }

    /**
     * The reviewer's attack: the SUBMITTER+APPROVER account withdraws a colleague's report, saves its own values,
     * lets the plain submitter submit them and approves (was 200). Whoever wrote the revision is its maker.
     */
    @Test
    void whoSavedTheDraftDoesNotApproveItWhenAColleagueSubmitsIt() {
        ApiClient both = userWith("220200-sthj", "[\"SUBMITTER\",\"APPROVER\"]");
        ApiClient clerk = userWith("220200-sthj", "[\"SUBMITTER\"]");
        String id = bureauReportSubmittedBy(clerk, "2007");
        JsonNode submitted = awaitStatus(both, id, "SUBMITTED");
        assertThat(act(both, id, "withdraw", "{\"expectedVersion\":" + version(submitted) + "}").status())
                .isEqualTo(200);
        JsonNode withdrawn = awaitStatus(both, id, "DRAFT");
        ApiClient.Response saved = both.put("/api/submissions/" + id, """
                {"values":[{"indicator":"220200-I01","value":95.5,"explanation":"监测站年报"},
                 {"indicator":"220200-I02","value":28,"explanation":"监测站年报"}],"expectedVersion":%d}"""
                .formatted(version(withdrawn)));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode changed = awaitReport(clerk, id, s -> version(s) > version(withdrawn));
        assertThat(act(clerk, id, "submit", "{\"expectedVersion\":" + version(changed) + "}").status())
                .isEqualTo(200);
        JsonNode resubmitted = awaitStatus(both, id, "SUBMITTED");
        long events = eventsOf(id);

        assertSelfReview(act(both, id, "approve", "{\"expectedVersion\":" + version(resubmitted) + "}"));
        assertThat(eventsOf(id)).as("nothing stored").isEqualTo(events);

        ApiClient.Response other = act(as("sthj-approver"), id, "approve",
                "{\"expectedVersion\":" + version(resubmitted) + "}");
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        awaitStatus(both, id, "APPROVED");
    }

    @Test
    void theSubmitterOfAProjectReportDoesNotApproveIt() {
        ApiClient approver = as("sthj-approver");
        ApiClient both = userWith("220200-sthj", "[\"SUBMITTER\",\"APPROVER\"]");
        String id = ProjectFixtures.createProject(approver, "220200-sthj", "[]");
        JsonNode created = ProjectFixtures.awaitProject(both, id, p -> true);
        String month = ProjectFixtures.thisMonth();
        ApiClient.Response submitted = both.post("/api/projects/" + id + "/updates",
                ProjectFixtures.update(month, "20", "250", null, ProjectFixtures.version(created)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode pending = ProjectFixtures.awaitProject(both, id,
                p -> !p.path("summary").path("pendingUpdateId").isNull());
        long events = eventsOf(id);

        ApiClient.Response own = both.post("/api/projects/" + id + "/updates/" + month + "/approve",
                "{\"expectedVersion\":" + ProjectFixtures.version(pending) + "}");

        assertSelfReview(own);
        assertThat(eventsOf(id)).as("nothing stored").isEqualTo(events);
        ApiClient.Response other = approver.post("/api/projects/" + id + "/updates/" + month + "/approve",
                "{\"expectedVersion\":" + ProjectFixtures.version(pending) + "}");
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        JsonNode approved = ProjectFixtures.awaitProject(both, id,
                p -> p.path("summary").path("pendingUpdateId").isNull());
        assertThat(approved.path("updates").get(0).path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void whoRequestedAcceptanceOfACaseDoesNotAcceptOrCloseIt() {
        ApiClient inspector = as("sthj-inspector");
        ApiClient both = userWith("220221", "[\"SUBMITTER\",\"INSPECTOR\"]");
        String id = Cases.register(inspector, Cases.inspectionCase("220221", Cases.today().plusDays(30),
                "排污口超标排放 " + uniqueId("maker")));
        Cases.ok(Cases.act(both, id, "acknowledge", ""));
        Cases.ok(Cases.act(both, id, "plan", "\"measures\":\"封堵排污口\",\"responsiblePerson\":\"张建国\""));
        assertThat(Cases.upload(both, id).status()).isEqualTo(201);
        Cases.ok(Cases.act(both, id, "request-acceptance", "\"selfCheck\":\"已完成全部整改措施\""));
        Cases.awaitStatus(both, id, "ACCEPTANCE_REQUESTED");
        long events = eventsOf(id);

        assertSelfReview(Cases.act(both, id, "accept", "\"siteCheck\":\"自查属实\",\"publicityDays\":0"));
        assertThat(eventsOf(id)).as("nothing stored").isEqualTo(events);

        Cases.ok(Cases.act(inspector, id, "accept", "\"siteCheck\":\"现场核查属实\",\"publicityDays\":0"));
        Cases.awaitStatus(both, id, "PUBLICITY");
        long accepted = eventsOf(id);
        assertSelfReview(Cases.act(both, id, "close", "\"comment\":\"同意销号\""));
        assertThat(eventsOf(id)).as("nothing stored").isEqualTo(accepted);
        Cases.ok(Cases.act(inspector, id, "close", "\"comment\":\"同意销号\""));
        Cases.awaitStatus(both, id, "CLOSED");
    }

    @Test
    void aConflictingPairNeedsAReasonWhichTheEventRecords() {
        ApiClient admin = as("admin");
        String username = uniqueId("sthj-pair").toLowerCase();
        long events = eventCount();
        ApiClient.Response refused = admin.post("/api/admin/users", createBody(username, "220200-sthj",
                "[\"SUBMITTER\",\"APPROVER\"]", null));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CONFLICTING_ROLES");
        assertThat(refused.message()).isEqualTo("同一账户同时担任填报与审核角色须填写理由");
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
        ApiClient.Response tooLong = admin.post("/api/admin/users", createBody(username, "220200-sthj",
                "[\"SUBMITTER\",\"APPROVER\"]", "理".repeat(201)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);

        ApiClient.Response created = admin.post("/api/admin/users", createBody(username, "220200-sthj",
                "[\"SUBMITTER\",\"APPROVER\"]", REASON));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(grantedReasons(username)).containsExactly(REASON);

        long version = eventually(() -> userRow(admin, username), u -> u != null).path("version").asLong();
        ApiClient.Response noReason = admin.put("/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"SUBMITTER\",\"INSPECTOR\"],\"expectedVersion\":" + version + "}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(422);
        assertThat(noReason.code()).isEqualTo("CONFLICTING_ROLES");
        ApiClient.Response changed = admin.put("/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"SUBMITTER\",\"INSPECTOR\"],\"expectedVersion\":" + version
                        + ",\"conflictReason\":\"兼任督察联络员\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(grantedReasons(username)).containsExactly(REASON, "兼任督察联络员");
    }

    /** An administrator giving itself AUDITOR would read everything alone: its own roles are another's to change. */
    @Test
    void anAdministratorDoesNotChangeItsOwnRoles() {
        String username = uniqueId("admin-self").toLowerCase();
        adminCreatesUser(username, createBody(username, "220200-sthj", "[\"ADMIN\"]", null));
        ApiClient self = ApiClient.basic(port, username, PASSWORD);
        long version = eventually(() -> userRow(self, username), u -> u != null).path("version").asLong();
        long events = eventsOf(username);

        ApiClient.Response refused = self.put("/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"AUDITOR\"],\"expectedVersion\":" + version + "}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CANNOT_CHANGE_OWN_ROLES");
        assertThat(refused.message()).isEqualTo("不能修改自己的角色，请由其他管理员操作");
        assertThat(eventsOf(username)).as("nothing stored").isEqualTo(events);
        assertThat(userRow(self, username).path("roles").toString()).isEqualTo("[\"ADMIN\"]");
    }

    /** Security events record a sign-in under an unknown name as "anonymous": no person may own that name. */
    @Test
    void theAnonymousNameIsReserved() {
        long events = eventCount();
        ApiClient.Response refused = as("admin").post("/api/admin/users",
                createBody("anonymous", "220200-sthj", "[\"AUDITOR\"]", null));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("RESERVED_USERNAME");
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
    }

    @Test
    void rolesThatDoNotConflictNeedNoReasonAndUnknownFieldsStayRefused() {
        ApiClient admin = as("admin");
        String username = uniqueId("sthj-plain").toLowerCase();
        ApiClient.Response unknown = admin.post("/api/admin/users", createBody(username, "220200-sthj",
                "[\"APPROVER\"]", null).replace("}", ",\"reason\":\"x\"}"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        ApiClient.Response plain = admin.post("/api/admin/users", createBody(username, "220200-sthj",
                "[\"APPROVER\",\"INSPECTOR\"]", null));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(grantedReasons(username)).isEmpty();
    }

    /** The bureau's own report for the year, created and submitted by the given account. */
    private static String bureauReportSubmittedBy(ApiClient submitter, String year) {
        String id = create(submitter, "220200-sthj", year, """
                [{"indicator":"220200-I01","value":89.2,"explanation":"监测站年报"},
                 {"indicator":"220200-I02","value":31,"explanation":"监测站年报"}]""");
        JsonNode draft = awaitReport(submitter, id, s -> s.path("values").size() == 2);
        assertThat(act(submitter, id, "submit", "{\"expectedVersion\":" + version(draft) + "}").status())
                .isEqualTo(200);
        return id;
    }

    private static void assertSelfReview(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("SELF_REVIEW");
        assertThat(response.message()).isEqualTo(SELF_REVIEW_MESSAGE);
    }

    private static String createBody(String username, String unitId, String roles, String reason) {
        return """
                {"username":"%s","displayName":"兼职人员","password":"%s","roles":%s,"orgUnitId":"%s"%s}"""
                .formatted(username, PASSWORD, roles, unitId,
                        reason == null ? "" : ",\"conflictReason\":\"" + reason + "\"");
    }

    /** An account of the unit with the roles, created by the administrator (with a reason where they conflict). */
    private ApiClient userWith(String unitId, String roles) {
        String username = uniqueId("both").toLowerCase();
        adminCreatesUser(username, createBody(username, unitId, roles, REASON));
        return ApiClient.basic(port, username, PASSWORD);
    }

    private static JsonNode userRow(ApiClient admin, String username) {
        for (JsonNode user : admin.get("/api/admin/users").json()) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        return null;
    }

    private java.util.List<String> grantedReasons(String username) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'reason' from domainevententry
                where aggregateidentifier = ? and payloadtype like '%ConflictingRolesGranted'
                order by sequencenumber""", String.class, username);
    }

    private long eventsOf(String aggregateId) {
        return count("select count(*) from domainevententry where aggregateidentifier = ?", aggregateId);
    }
}
