package cn.jiangcheng.tracker.api.common;

/**
 * A command aimed at one org unit. The command bus refuses it before any aggregate sees it
 * when that unit lies outside the caller's data scope.
 */
public interface OrgUnitScoped {
    String targetOrgUnitId();
}
