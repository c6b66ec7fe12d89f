package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.common.BusinessTime;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.Callers;
import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RegisterCase;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAccepted;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseAcknowledged;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseClosed;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseEvidenceAttached;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseRegistered;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanSubmitted;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Test data for {@link RectificationCase}: a problem fed back by the second round of the central inspection,
 * assigned by the city bureau's inspector to 永吉县 with 蛟河市 cooperating, due on 30 April 2026. The fixture's
 * clock stands at 9 o'clock on 2 March 2026 (China).
 */
final class CaseFixtures {
    static final String CITY_ID = "220200";
    static final String OTHER_CITY_ID = "220100";
    static final String UNIT_ID = "220221";            // 永吉县, responsible
    static final String COOPERATING_ID = "220281";     // 蛟河市, cooperating
    static final String INSPECTION_UNIT = "220200-sthj";
    static final String CASE_ID = "RC-0001";

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant NOW = TODAY.atTime(LocalTime.of(9, 0)).atZone(BusinessTime.ZONE).toInstant();
    static final LocalDate DEADLINE = LocalDate.of(2026, 4, 30);
    static final String DESCRIPTION = "松花江某排污口超标排放，群众反映强烈";

    private CaseFixtures() {
    }

    static Map<String, Object> inspector() {
        return Callers.person("sthj-inspector", INSPECTION_UNIT, CITY_ID, Role.INSPECTOR);
    }

    static Map<String, Object> otherCityInspector() {
        return Callers.person("cc-inspector", "220100-sthj", OTHER_CITY_ID, Role.INSPECTOR);
    }

    static Map<String, Object> unit() {
        return Callers.person("yongji-submitter", UNIT_ID, CITY_ID, Role.SUBMITTER);
    }

    static Map<String, Object> cooperatingUnit() {
        return Callers.person("jiaohe-submitter", COOPERATING_ID, CITY_ID, Role.SUBMITTER);
    }

    static Map<String, Object> auditor() {
        return Callers.person("auditor", INSPECTION_UNIT, CITY_ID, Role.AUDITOR);
    }

    static Map<String, Object> admin() {
        return Callers.person("admin", INSPECTION_UNIT, CITY_ID, Role.ADMIN);
    }

    static Map<String, Object> approver() {
        return Callers.person("sthj-approver", INSPECTION_UNIT, CITY_ID, Role.APPROVER);
    }

    static RegisterCase register() {
        return new RegisterCase(CASE_ID, CITY_ID, Source.CENTRAL_INSPECTION, "第二轮", "第三批", "JL-2-017", null,
                null, ProblemClass.WATER, DESCRIPTION, "永吉县岔路河", UNIT_ID, List.of(COOPERATING_ID), DEADLINE,
                "立即停止超标排放，完成排污口规范化整治");
    }

    static RegisterCase registerComplaint(String number, Channel channel) {
        return new RegisterCase(CASE_ID, CITY_ID, Source.COMPLAINT, null, null, null, number, channel,
                ProblemClass.NOISE, "夜间施工噪声扰民", "永吉县口前镇", UNIT_ID, List.of(), DEADLINE,
                "限期整改并回复举报人");
    }

    static RegisterCase registerDueOn(LocalDate deadline) {
        RegisterCase c = register();
        return new RegisterCase(c.caseId(), c.cityId(), c.source(), c.round(), c.batch(), c.problemNumber(),
                c.complaintNumber(), c.channel(), c.problemClass(), c.description(), c.location(),
                c.responsibleUnitId(), c.cooperatingUnitIds(), deadline, c.requirements());
    }

    static CaseRegistered registered() {
        return registeredDueOn(DEADLINE);
    }

    static CaseRegistered registeredDueOn(LocalDate deadline) {
        return new CaseRegistered(CASE_ID, CITY_ID, Source.CENTRAL_INSPECTION, "第二轮", "第三批", "JL-2-017", null,
                null, ProblemClass.WATER, DESCRIPTION, "永吉县岔路河", UNIT_ID, List.of(COOPERATING_ID), deadline,
                "立即停止超标排放，完成排污口规范化整治", TODAY);
    }

    static CaseRegistered complaintRegistered() {
        return new CaseRegistered(CASE_ID, CITY_ID, Source.COMPLAINT, null, null, null, "D3SX202505280018",
                Channel.PHONE, ProblemClass.NOISE, "夜间施工噪声扰民", "永吉县口前镇", UNIT_ID, List.of(), DEADLINE,
                "限期整改并回复举报人", TODAY);
    }

    static List<Milestone> milestones() {
        return List.of(new Milestone(LocalDate.of(2026, 3, 31), "完成排污口封堵"),
                new Milestone(LocalDate.of(2026, 4, 25), "完成规范化整治并监测"));
    }

    static Evidence evidence() {
        return new Evidence("f-1", "整改前后对比照片.pdf", "application/pdf", 204_800L, "b".repeat(64));
    }

    static List<Object> assigned() {
        return List.of(registered());
    }

    static List<Object> acknowledged() {
        return plus(assigned(), new CaseAcknowledged(CASE_ID));
    }

    static List<Object> inProgress() {
        return plus(acknowledged(), new PlanSubmitted(CASE_ID, "封堵排污口，建设截污管网", milestones(), "张建国"));
    }

    static List<Object> withEvidence() {
        return plus(inProgress(), new CaseEvidenceAttached(CASE_ID, evidence()));
    }

    static List<Object> acceptanceRequested() {
        return plus(withEvidence(), new AcceptanceRequested(CASE_ID, "已完成全部整改措施，监测达标", null));
    }

    static List<Object> inPublicity(LocalDate acceptedOn, int days) {
        return plus(acceptanceRequested(), new CaseAccepted(CASE_ID, "现场核查属实", acceptedOn, days,
                acceptedOn.plusDays(days), !acceptedOn.isAfter(DEADLINE)));
    }

    static List<Object> closed() {
        return plus(inPublicity(TODAY, 0), new CaseClosed(CASE_ID, null, TODAY, true));
    }

    static List<Object> complaintAcceptanceRequested() {
        return List.of(complaintRegistered(), new CaseAcknowledged(CASE_ID),
                new PlanSubmitted(CASE_ID, "调整施工时间", List.of(), "李明"),
                new CaseEvidenceAttached(CASE_ID, evidence()),
                new AcceptanceRequested(CASE_ID, "已停止夜间施工", Outcome.CONCLUDED));
    }

    static List<Object> plus(List<Object> events, Object... more) {
        List<Object> result = new ArrayList<>(events);
        result.addAll(Arrays.asList(more));
        return result;
    }
}
