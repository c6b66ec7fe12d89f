package cn.jiangcheng.tracker.api.common;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every projection of the read side, each table owned by exactly one of them, and the projections the city rollup
 * reads (the ones the as-of view must replay to answer it for a past moment).
 */
public record ProjectionCatalog(List<ProjectionTables> projections, List<ProjectionTables> cityRollupSources) {
    public ProjectionCatalog {
        projections = List.copyOf(projections);
        cityRollupSources = List.copyOf(cityRollupSources);
        Set<String> groups = new HashSet<>();
        Set<String> tables = new HashSet<>();
        for (ProjectionTables p : projections) {
            if (!groups.add(p.processingGroup())) {
                throw new IllegalArgumentException(p.processingGroup() + " is declared twice");
            }
            for (String table : p.tables()) {
                if (!tables.add(table)) {
                    throw new IllegalArgumentException(table + " is declared by two projections");
                }
            }
        }
        for (ProjectionTables source : cityRollupSources) {
            if (!projections.contains(source)) {
                throw new IllegalArgumentException(source.processingGroup() + " is read but not declared");
            }
        }
    }

    public Optional<ProjectionTables> named(String processingGroup) {
        return projections.stream().filter(p -> p.processingGroup().equals(processingGroup)).findFirst();
    }

    /** Every declared table, in declaration order. */
    public List<String> tables() {
        return projections.stream().flatMap(p -> p.tables().stream()).toList();
    }
}
