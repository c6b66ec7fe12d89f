package cn.jiangcheng.tracker.query.submission;

import cn.jiangcheng.tracker.api.common.Evidence;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The jsonb columns of the submission read model: value lists, comments, evidence, components. */
final class SubmissionJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
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
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a submission read model column", e);
        }
    }

    static List<ReportedValue> values(String json) {
        return json == null ? null : read(json, VALUES);
    }

    static List<Evidence> evidence(String json) {
        return json == null ? List.of() : read(json, EVIDENCE);
    }

    static Map<String, String> comments(String json) {
        return json == null ? Map.of() : read(json, COMMENTS);
    }

    static Map<String, BigDecimal> components(String json) {
        return json == null ? Map.of() : read(json, COMPONENTS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a submission read model column", e);
        }
    }
}
