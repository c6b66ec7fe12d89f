package cn.jiangcheng.tracker.query.rectification;

import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.rectification.RectificationTypes.Milestone;
import cn.jiangcheng.tracker.query.common.JsonColumns;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.List;

/** The jsonb columns of the case ledger: milestones and evidence. */
final class CaseJson {
    private static final TypeReference<List<Milestone>> MILESTONES = new TypeReference<>() {
    };
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private CaseJson() {
    }

    static String write(Object value) {
        return JsonColumns.write(value);
    }

    static List<Milestone> milestones(String json) {
        return json == null ? List.of() : JsonColumns.read(json, MILESTONES);
    }

    static List<Evidence> evidence(String json) {
        return json == null ? List.of() : JsonColumns.read(json, EVIDENCE);
    }
}
