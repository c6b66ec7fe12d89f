package cn.jiangcheng.tracker.app.web;

/**
 * Who reads business data (reports and their evidence, the catalog's targets and forms, applicability, projects,
 * cases, rollups): every role but the system administrator, who manages accounts and org units only. ADMIN is
 * exclusive, so an administrator's account has none of these roles.
 */
public final class BusinessReaders {
    /** For a controller's class-level {@code @PreAuthorize}; a method's own rule replaces it. */
    public static final String ONLY = "hasAnyRole('SUBMITTER', 'APPROVER', 'INSPECTOR', 'AUDITOR')";

    private BusinessReaders() {
    }
}
