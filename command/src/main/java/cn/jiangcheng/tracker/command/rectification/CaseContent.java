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
import cn.jiangcheng.tracker.command.common.Check;

import java.time.LocalDate;
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
    static CaseRegistered registration(RegisterCase command, LocalDate today) {
        Check.that(command.source() != null, "REQUIRED", "问题来源不能为空");
        Check.that(command.problemClass() != null, "REQUIRED", "问题类别不能为空");
        String round = Check.optionalText(command.round(), 40, "督察轮次");
        String batch = Check.optionalText(command.batch(), 40, "批次");
        String problemNumber = Check.optionalText(command.problemNumber(), 40, "问题编号");
        String complaintNumber = Check.optionalText(command.complaintNumber(), 30, "信访件编号");
        if (command.source().isInspection()) {
            Check.that(round != null, "REQUIRED", "督察反馈问题须填写督察轮次");
            Check.that(problemNumber != null, "REQUIRED", "督察反馈问题须填写问题编号");
        }
        if (command.source() == Source.COMPLAINT) {
            Check.that(complaintNumber != null, "REQUIRED", "信访举报案件须填写信访件编号");
            Check.that(COMPLAINT_NUMBER.matcher(complaintNumber).matches(), "BAD_NUMBER",
                    "信访件编号只能由大写字母和数字组成（6—30位），如 D3SX202505280018");
            Check.that(command.channel() != null, "REQUIRED", "信访举报案件须填写举报方式");
        } else {
            Check.that(complaintNumber == null && command.channel() == null, "NOT_A_COMPLAINT",
                    "只有信访举报案件填写信访件编号和举报方式");
        }
        String description = Check.text(command.description(), 2000, "问题描述");
        String location = Check.text(command.location(), 200, "问题地点");
        String requirements = Check.text(command.requirements(), 2000, "整改要求");
        Check.that(command.responsibleUnitId() != null, "REQUIRED", "责任单位不能为空");
        List<String> cooperating = cooperatingUnits(command);
        CaseDeadlines.requireValid(command.deadline(), today, null);
        return new CaseRegistered(command.caseId(), command.cityId(), command.source(), round, batch,
                problemNumber, complaintNumber, command.channel(), command.problemClass(), description, location,
                command.responsibleUnitId(), cooperating, command.deadline(), requirements, today);
    }

    private static List<String> cooperatingUnits(RegisterCase command) {
        List<String> units = command.cooperatingUnitIds() == null ? List.of() : command.cooperatingUnitIds();
        Check.that(units.size() <= MAX_COOPERATING, "TOO_MANY", "配合单位最多" + MAX_COOPERATING + "个");
        Check.that(units.stream().allMatch(Objects::nonNull) && new HashSet<>(units).size() == units.size(),
                "DUPLICATE_UNIT", "配合单位不能重复");
        Check.that(!units.contains(command.responsibleUnitId()), "DUPLICATE_UNIT", "责任单位不能同时是配合单位");
        return List.copyOf(units);
    }

    static PlanSubmitted plan(String caseId, SubmitPlan command) {
        String measures = Check.text(command.measures(), 2000, "整改措施");
        String person = Check.text(command.responsiblePerson(), 60, "整改责任人");
        List<Milestone> milestones = command.milestones() == null ? List.of() : command.milestones();
        Check.that(milestones.size() <= MAX_MILESTONES, "TOO_MANY", "整改节点最多" + MAX_MILESTONES + "个");
        List<Milestone> clean = new ArrayList<>();
        for (Milestone m : milestones) {
            Check.that(m != null && m.dueOn() != null, "REQUIRED", "整改节点须填写完成日期");
            clean.add(new Milestone(m.dueOn(), Check.text(m.description(), 200, "整改节点内容")));
        }
        return new PlanSubmitted(caseId, measures, List.copyOf(clean), person);
    }

    /** The unit's self-check; a complaint also says how it was handled (已办结 / 阶段性办结 / 正在办理). */
    static AcceptanceRequested acceptanceRequest(String caseId, Source source, RequestAcceptance command) {
        String selfCheck = Check.text(command.selfCheck(), 2000, "自查情况");
        Outcome outcome = command.outcome();
        if (source == Source.COMPLAINT) {
            Check.that(outcome != null, "REQUIRED", "信访举报案件须填写办理结果");
        } else {
            Check.that(outcome == null, "NOT_A_COMPLAINT", "只有信访举报案件填写办理结果");
        }
        return new AcceptanceRequested(caseId, selfCheck, outcome);
    }
}
