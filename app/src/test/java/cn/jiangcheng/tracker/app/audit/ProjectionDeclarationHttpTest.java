package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.ProjectionCatalog;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side's declaration of its projections agrees with the running app: the schema Flyway built from both
 * modules' migrations, the event processors Axon runs, and what the rebuild and the as-of view take.
 */
class ProjectionDeclarationHttpTest extends HttpTestBase {
    /** The app's own tables: the event store, tokens and sagas, the chain, deadlines, files, log-in lockouts, rebuilds. */
    private static final List<String> INFRASTRUCTURE = List.of("domainevententry", "snapshotevententry",
            "tokenentry", "sagaentry", "associationvalueentry", "event_chain", "scheduled_tasks", "evidence_file",
            "login_lockout", "projection_rebuild", "flyway_schema_history");

    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PointInTime pointInTime;
    @Autowired
    ProjectionAdmin admin;

    @Test
    void everyTableIsInfrastructureOrDeclaredByExactlyOneProjectionAndEveryDeclaredTableExists() {
        List<String> schema = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE'", String.class);
        assertThat(schema).containsAll(INFRASTRUCTURE);
        assertThat(schema.stream().filter(t -> !INFRASTRUCTURE.contains(t)))
                .containsExactlyInAnyOrderElementsOf(catalog.tables());
        assertThat(catalog.tables()).doesNotHaveDuplicates();
    }

    @Test
    void everyDeclaredProcessingGroupIsARunningStreamingProcessorAndEveryProcessorIsDeclared() {
        List<String> groups = catalog.projections().stream().map(ProjectionTables::processingGroup).toList();
        assertThat(processing.eventProcessors().keySet()).containsExactlyInAnyOrderElementsOf(groups);
        for (String group : groups) {
            assertThat(processing.eventProcessor(group, StreamingEventProcessor.class)).as(group).isPresent();
        }
        assertThat(admin.statuses()).extracting(ProjectionAdmin.ProjectionStatus::name)
                .containsExactlyInAnyOrderElementsOf(groups);
        assertThat(admin.status("submissions").orElseThrow().tables())
                .containsExactly("submission_view", "submission_history", "submission_value");
        assertThat(admin.status("no-such-projection")).isEmpty();
    }

    @Test
    void theAsOfViewShadowsEveryTableOfEveryProjectionItReplays() {
        assertThat(pointInTime.replayed()).isNotEmpty().isSubsetOf(catalog.projections());
        for (ProjectionTables replayed : pointInTime.replayed()) {
            assertThat(processing.eventProcessor(replayed.processingGroup(), StreamingEventProcessor.class))
                    .as(replayed.processingGroup()).isPresent();
            assertThat(pointInTime.shadowedTables()).containsAll(replayed.tables());
        }
        Map<String, Long> live = rows(pointInTime.shadowedTables());
        assertThat(live).containsKey("org_unit_view");
        assertThat(live.get("org_unit_view")).isPositive();

        // before the first event every shadow is empty, however full the live table
        Map<String, Long> before = pointInTime.query("220200", Instant.parse("2000-01-01T00:00:00Z"),
                () -> rows(pointInTime.shadowedTables()));
        assertThat(before.values()).containsOnly(0L);
        // the shadows are dropped with the transaction: the live tables are read again
        assertThat(count("select count(*) from org_unit_view")).isEqualTo(live.get("org_unit_view"));
    }

    private Map<String, Long> rows(List<String> tables) {
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach(t -> rows.put(t, count("select count(*) from " + t)));
        return rows;
    }
}
