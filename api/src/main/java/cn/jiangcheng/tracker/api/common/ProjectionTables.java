package cn.jiangcheng.tracker.api.common;

import java.util.List;

/**
 * A projection as the audit tools see it: the processing group that feeds it and the tables it alone writes. The
 * read side declares one next to each projection; rebuilds and the as-of view take it instead of names of their own.
 */
public record ProjectionTables(String processingGroup, List<String> tables) {
    public ProjectionTables {
        if (processingGroup == null || processingGroup.isBlank()) {
            throw new IllegalArgumentException("a projection needs its processing group");
        }
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException(processingGroup + " declares no table");
        }
        tables = List.copyOf(tables);
    }
}
