package cn.jiangcheng.tracker.app.audit;

/** A read refused because the projection that answers it is being rebuilt: 503 with Retry-After. */
public class ProjectionRebuilding extends RuntimeException {
    public static final String CODE = "PROJECTION_REBUILDING";
    /** A rebuild of the demo data takes seconds; the client's retry is cheap. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public ProjectionRebuilding(int progressPercent) {
        super("数据正在重建（约 " + Math.max(0, Math.min(99, progressPercent)) + "%），请稍后再试");
    }
}
