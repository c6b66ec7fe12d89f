package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseCursor;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseFilter;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Channel;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Outcome;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.ProblemClass;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Source;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Status;
import cn.jiangcheng.tracker.app.web.BadRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * What the 督察整改 endpoints of {@link RectificationController} read and answer, with the checks on each field,
 * and the ledger's filter and cursor as read from the query string.
 */
public final class CaseRequests {
    private static final String VERSION = "缺少版本号";

    public record RegisterRequest(@NotNull(message = "请选择问题来源") Source source,
                                  @Size(max = 40, message = "督察轮次不能超过40个字符") String round,
                                  @Size(max = 40, message = "批次不能超过40个字符") String batch,
                                  @Size(max = 40, message = "问题编号不能超过40个字符") String problemNumber,
                                  @Size(max = 30, message = "信访件编号不能超过30个字符") String complaintNumber,
                                  Channel channel,
                                  @NotNull(message = "请选择问题类别") ProblemClass problemClass,
                                  @NotBlank(message = "请填写问题描述") @Size(max = 2000, message = "问题描述不能超过2000个字符")
                                  String description,
                                  @NotBlank(message = "请填写问题地点") @Size(max = 200, message = "问题地点不能超过200个字符")
                                  String location,
                                  @NotBlank(message = "请选择责任单位") @Size(max = 40) String responsibleUnitId,
                                  @Size(max = 10, message = "配合单位最多10个")
                                  List<@NotBlank @Size(max = 40) String> cooperatingUnitIds,
                                  @NotNull(message = "请填写整改时限") LocalDate deadline,
                                  @NotBlank(message = "请填写整改要求") @Size(max = 2000, message = "整改要求不能超过2000个字符")
                                  String requirements) {
    }

    public record CaseMilestoneInput(@NotNull(message = "请填写节点日期") LocalDate dueOn,
                                 @NotBlank(message = "请填写节点内容") @Size(max = 200, message = "节点内容不能超过200个字符")
                                 String description) {
    }

    public record PlanRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                              @NotBlank(message = "请填写整改措施") @Size(max = 2000, message = "整改措施不能超过2000个字符")
                              String measures,
                              @Size(max = 20, message = "整改节点最多20个") List<@Valid @NotNull CaseMilestoneInput> milestones,
                              @NotBlank(message = "请填写整改责任人") @Size(max = 60, message = "责任人不能超过60个字符")
                              String responsiblePerson) {
    }

    public record CaseReasonRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                @NotBlank(message = "请填写原因") @Size(max = 500, message = "原因不能超过500个字符")
                                String reason) {
    }

    public record ProgressRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                  @NotBlank(message = "请填写整改进展") @Size(max = 1000, message = "整改进展不能超过1000个字符")
                                  String progress,
                                  @Min(value = 0, message = "完成比例应在0到100之间")
                                  @Max(value = 100, message = "完成比例应在0到100之间") Integer percent) {
    }

    public record AcceptanceRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                    @NotBlank(message = "请填写自查情况") @Size(max = 2000, message = "自查情况不能超过2000个字符")
                                    String selfCheck,
                                    Outcome outcome) {
    }

    public record AcceptRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                @NotBlank(message = "请填写现场核查情况") @Size(max = 1000, message = "现场核查情况不能超过1000个字符")
                                String siteCheck,
                                @Min(value = 0, message = "公示天数应在0到30天之间")
                                @Max(value = 30, message = "公示天数应在0到30天之间") Integer publicityDays) {
    }

    public record RejectRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                @Size(max = 1000, message = "现场核查情况不能超过1000个字符") String siteCheck,
                                @NotBlank(message = "请填写退回原因") @Size(max = 500, message = "退回原因不能超过500个字符")
                                String reason) {
    }

    public record CaseCloseRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                               @Size(max = 500, message = "销号意见不能超过500个字符") String comment) {
    }

    public record CaseReopenRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                @NotBlank(message = "请填写重新打开原因") @Size(max = 500, message = "原因不能超过500个字符")
                                String reason,
                                @NotNull(message = "请填写新的整改时限") LocalDate newDeadline) {
    }

    public record ExtensionRequest(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                   @NotBlank(message = "请填写延期理由") @Size(max = 500, message = "延期理由不能超过500个字符")
                                   String reason,
                                   @NotNull(message = "请填写申请延至的日期") LocalDate newDeadline) {
    }

    public record ExtensionDecision(@NotNull(message = VERSION) @PositiveOrZero Long expectedVersion,
                                  @Size(max = 500, message = "意见不能超过500个字符") String comment) {
    }

    public record CaseCreated(String id, long version) {
    }

    public record ExtensionCreated(String id, String requestId) {
    }

    private CaseRequests() {
    }

    /**
     * The cursor only positions the page inside the caller's own filtered scope (the query still applies city and
     * units), so a cursor made up or taken from someone else reveals nothing.
     */
    static CaseCursor cursor(String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        try {
            return CaseCursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("after", "翻页游标 after 无效，请从第一页重新查询");
        }
    }

    static CaseFilter filter(Source source, String round, String batch, String unit, Status status,
                             ProblemClass problemClass, Boolean overdue, String q) {
        if (q != null && q.length() > 100) {
            throw new BadRequest("q", "搜索内容不能超过100个字符");
        }
        return new CaseFilter(source, blankToNull(round), blankToNull(batch), blankToNull(unit), status, problemClass,
                overdue, blankToNull(q));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
