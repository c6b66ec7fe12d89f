package cn.jiangcheng.tracker.api.project;

import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;

import java.util.List;

/** An update is named by its period (2026-03); revision counts its submissions (+1 after each return). */
public final class ProjectEvents {
    private ProjectEvents() {
    }

    public record ProjectCreated(String projectId, String cityId, String approvalUnitId, String leadUnitId,
                                 List<String> cooperatingUnitIds, ProjectPlan plan) {
    }

    public record ProjectEdited(String projectId, ProjectPlan plan) {
    }

    public record ProjectReassigned(String projectId, String previousLeadUnitId, String leadUnitId,
                                    List<String> cooperatingUnitIds, String reason) {
    }

    public record ProjectCancelled(String projectId, String reason) {
    }

    /** leadUnitId is the unit that attached the file (the lead unit at the time). */
    public record ProjectEvidenceAttached(String projectId, String leadUnitId, Evidence file) {
    }

    public record ProjectUpdateSubmitted(String projectId, String updateId, int revision, String leadUnitId,
                                         UpdateContent content) {
    }

    /** Carries the approved content, so the official figures need nothing but this event. */
    public record ProjectUpdateApproved(String projectId, String updateId, int revision, UpdateContent content,
                                        String comment) {
    }

    public record ProjectUpdateReturned(String projectId, String updateId, int revision, String reason) {
    }
}
