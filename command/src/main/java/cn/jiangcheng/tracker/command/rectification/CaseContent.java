package cn.jiangcheng.tracker.command.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RegisterCase;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.RequestAcceptance;
import cn.jiangcheng.tracker.api.rectification.RectificationCommands.SubmitPlan;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.AcceptanceRequested;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.CaseRegistered;
import cn.jiangcheng.tracker.api.rectification.RectificationEvents.PlanSubmitted;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.command.common.Rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a case, its plan and its application for acceptance must say, by the kind of problem: inspection feedback
 * names its round and number, a complaint its 信访件编号, channel and outcome. Who may say it is the aggregate's.
 */
final class CaseContent {
    static final int MAX_COOPERATING = 10;
    static final int MAX_MILESTONES = 20;
    private static final Pattern COMPLAINT_NUMBER = Pattern.compile("[A-Z0-9]{6,30}");

    private CaseContent() {
    }

    /** The case as it is assigned, checked field by field in the order of the 交办 form. */
    static CaseRegistered registration(RegisterCase command) {
        Rules.require(command.source() != null, "REQUIRED", "问题来源不能为空");
        Rules.require(command.problemClass() != null, "REQUIRED", "问题类别不能为空");
        String round = Rules.optionalText(command.round(), 40, "督察轮次");
        String batch = Rules.optionalText(command.batch(), 40, "批次");
        String problemNumber = Rules.optionalText(command.problemNumber(), 40, "问题编号");
        String complaintNumber = Rules.optionalText(command.complaintNumber(), 30, "信访件编号");
        if (command.source().isInspection()) {
            Rules.require(round != null, "REQUIRED", "督察反馈问题须填写督察轮次");
            Rules.require(problemNumber != null, "REQUIRED", "督察反馈问题须填写问题编号");
        }
        if (command.source() == Source.COMPLAINT) {
            Rules.require(complaintNumber != null, "REQUIRED", "信访举报案件须填写信访件编号");
            Rules.require(COMPLAINT_NUMBER.matcher(complaintNumber).matches(), "BAD_NUMBER",
                    "信访件编号只能由大写字母和数字组成（6—30位），如 D3SX202505280018");
            Rules.require(command.channel() != null, "REQUIRED", "信访举报案件须填写举报方式");
        } else {
            Rules.require(complaintNumber == null && command.channel() == null, "NOT_A_COMPLAINT",
                    "只有信访举报案件填写信访件编号和举报方式");
        }
        String description = Rules.requireText(command.description(), 2000, "问题描述");
        String location = Rules.requireText(command.location(), 200, "问题地点");
        String requirements = Rules.requireText(command.requirements(), 2000, "整改要求");
        Rules.require(command.responsibleUnitId() != null, "REQUIRED", "责任单位不能为空");
        List<String> cooperating = cooperatingUnits(command);
        Rules.require(command.today() != null, "NO_DATE", "缺少当前日期");
        CaseDeadlines.requireValid(command.deadline(), command.today(), null);
        return new CaseRegistered(command.caseId(), command.cityId(), command.source(), round, batch,
                problemNumber, complaintNumber, command.channel(), command.problemClass(), description, location,
                command.responsibleUnitId(), cooperating, command.deadline(), requirements, command.today());
    }

    private static List<String> cooperatingUnits(RegisterCase command) {
        List<String> units = command.cooperatingUnitIds() == null ? List.of() : command.cooperatingUnitIds();
        Rules.require(units.size() <= MAX_COOPERATING, "TOO_MANY", "配合单位最多" + MAX_COOPERATING + "个");
        Rules.require(units.stream().allMatch(Objects::nonNull) && new HashSet<>(units).size() == units.size(),
                "DUPLICATE_UNIT", "配合单位不能重复");
        Rules.require(!units.contains(command.responsibleUnitId()), "DUPLICATE_UNIT", "责任单位不能同时是配合单位");
        return List.copyOf(units);
    }

    static PlanSubmitted plan(String caseId, SubmitPlan command) {
        String measures = Rules.requireText(command.measures(), 2000, "整改措施");
        String person = Rules.requireText(command.responsiblePerson(), 60, "整改责任人");
        List<Milestone> milestones = command.milestones() == null ? List.of() : command.milestones();
        Rules.require(milestones.size() <= MAX_MILESTONES, "TOO_MANY", "整改节点最多" + MAX_MILESTONES + "个");
        List<Milestone> clean = new ArrayList<>();
        for (Milestone m : milestones) {
            Rules.require(m != null && m.dueOn() != null, "REQUIRED", "整改节点须填写完成日期");
            clean.add(new Milestone(m.dueOn(), Rules.requireText(m.description(), 200, "整改节点内容")));
        }
        return new PlanSubmitted(caseId, measures, List.copyOf(clean), person);
    }

    /** The unit's self-check; a complaint also says how it was handled (已办结 / 阶段性办结 / 正在办理). */
    static AcceptanceRequested acceptanceRequest(String caseId, Source source, RequestAcceptance command) {
        String selfCheck = Rules.requireText(command.selfCheck(), 2000, "自查情况");
        Outcome outcome = command.outcome();
        if (source == Source.COMPLAINT) {
            Rules.require(outcome != null, "REQUIRED", "信访举报案件须填写办理结果");
        } else {
            Rules.require(outcome == null, "NOT_A_COMPLAINT", "只有信访举报案件填写办理结果");
        }
        return new AcceptanceRequested(caseId, selfCheck, outcome);
    }
}
