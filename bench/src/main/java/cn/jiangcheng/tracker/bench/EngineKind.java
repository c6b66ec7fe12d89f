package cn.jiangcheng.tracker.bench;

/** The storage engines compared; each gets its own schema, dropped and recreated on every run. */
enum EngineKind {
    JDBC("JDBC", "JdbcEventStorageEngine", "bench_jdbc"),
    JPA("JPA", "JpaEventStorageEngine (Hibernate 6, bytea + sequence step 1)", "bench_jpa");

    final String label;
    final String description;
    final String schema;

    EngineKind(String label, String description, String schema) {
        this.label = label;
        this.description = description;
        this.schema = schema;
    }
}
