package cn.jiangcheng.tracker.query.project;

import cn.jiangcheng.tracker.api.project.ProjectTypes.UpdateContent;
import cn.jiangcheng.tracker.query.common.JsonColumns;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.List;

/** The jsonb columns of the project read model: unit lists and report contents. */
final class ProjectJson {
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private ProjectJson() {
    }

    static String write(Object value) {
        return JsonColumns.write(value);
    }

    static List<String> ids(String json) {
        return json == null ? List.of() : JsonColumns.read(json, IDS);
    }

    static UpdateContent content(String json) {
        return JsonColumns.read(json, UpdateContent.class);
    }
}
