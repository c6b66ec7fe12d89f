package cn.jiangcheng.tracker.api.audit;

import java.util.Map;

/** What auditors themselves do is recorded in the same log they read. */
public final class AuditEvents {
    private AuditEvents() {
    }

    /** An auditor read part of the record: which view, with which filters, how many rows came back. */
    public record AuditTrailRead(String view, Map<String, String> filters, int resultCount) {
    }

    public record ProjectionRebuildRequested(String projection) {
    }
}
