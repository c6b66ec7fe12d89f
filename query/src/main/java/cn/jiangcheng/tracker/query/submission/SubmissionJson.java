package cn.jiangcheng.tracker.query.submission;

import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.query.common.JsonColumns;
import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The jsonb columns of the submission read model: value lists, comments, evidence, components. */
final class SubmissionJson {
    private static final TypeReference<List<ReportedValue>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> COMMENTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, BigDecimal>> COMPONENTS = new TypeReference<>() {
    };

    private SubmissionJson() {
    }

    static String write(Object value) {
        return JsonColumns.write(value);
    }

    static List<ReportedValue> values(String json) {
        return json == null ? null : JsonColumns.read(json, VALUES);
    }

    static List<Evidence> evidence(String json) {
        return json == null ? List.of() : JsonColumns.read(json, EVIDENCE);
    }

    static Map<String, String> comments(String json) {
        return json == null ? Map.of() : JsonColumns.read(json, COMMENTS);
    }

    static Map<String, BigDecimal> components(String json) {
        return json == null ? Map.of() : JsonColumns.read(json, COMPONENTS);
    }
}
