package cn.jiangcheng.tracker.api.project;

import cn.jiangcheng.tracker.api.common.OrgUnitScoped;
import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * Major projects (重大工程) of 专栏2–9: planned and assigned by the city bureau, reported on by their lead unit,
 * each report approved or returned by the bureau.
 */
public final class ProjectCommands {
    private ProjectCommands() {
    }

    /** cityId and approvalUnitId are filled in by the server from the lead unit; the client cannot choose them. */
    public record CreateProject(@TargetAggregateIdentifier String projectId, String cityId, String approvalUnitId,
                                String leadUnitId, List<String> cooperatingUnitIds, ProjectPlan plan)
            implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return leadUnitId;
        }
    }

    public record EditProject(@TargetAggregateIdentifier String projectId, ProjectPlan plan,
                              @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReassignProject(@TargetAggregateIdentifier String projectId, String leadUnitId,
                                  List<String> cooperatingUnitIds, String reason,
                                  @TargetAggregateVersion Long expectedVersion) implements OrgUnitScoped {
        @Override
        public String targetOrgUnitId() {
            return leadUnitId;
        }
    }

    public record CancelProject(@TargetAggregateIdentifier String projectId, String reason,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    /** The file is already stored (same transaction); the aggregate decides whether it may be attached. */
    public record AttachProjectEvidence(@TargetAggregateIdentifier String projectId, Evidence file,
                                        @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * The lead unit's monthly report. The server's date (no report for a future month, no milestone reached
     * tomorrow) and the share one report may add without a note are the aggregate's to look up.
     */
    public record SubmitProjectUpdate(@TargetAggregateIdentifier String projectId, UpdateContent content,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record ApproveProjectUpdate(@TargetAggregateIdentifier String projectId, String updateId, String comment,
                                       @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReturnProjectUpdate(@TargetAggregateIdentifier String projectId, String updateId, String reason,
                                      @TargetAggregateVersion Long expectedVersion) {
    }
}
