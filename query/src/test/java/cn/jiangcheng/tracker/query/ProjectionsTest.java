package cn.jiangcheng.tracker.query;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The declaration of the projections agrees with the classes and with the schema this module's migrations build. */
class ProjectionsTest {
    /** Created by V2 next to the org and user read models, written by the app's log-in (LoginLockout). */
    private static final List<String> NOT_A_READ_MODEL = List.of("login_lockout", "flyway_schema_history");

    @Test
    void everyTableTheMigrationsCreateIsDeclaredByOneProjectionAndEveryDeclaredTableExists() {
        List<String> schema = ReadModelDatabase.publicTables();
        assertThat(schema.stream().filter(t -> !NOT_A_READ_MODEL.contains(t)))
                .containsExactlyInAnyOrderElementsOf(Projections.CATALOG.tables());
        assertThat(schema).containsAll(NOT_A_READ_MODEL);
    }

    @Test
    void everyProcessingGroupOfTheReadSideIsDeclaredUnderItsOwnName() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Map<String, ProjectionTables> found = new HashMap<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("cn.jiangcheng.tracker.query")) {
            Class<?> projection = Class.forName(bean.getBeanClassName());
            ProjectionTables declared = (ProjectionTables) projection.getField("TABLES").get(null);
            assertThat(declared.processingGroup()).as(projection.getSimpleName())
                    .isEqualTo(projection.getAnnotation(ProcessingGroup.class).value());
            found.put(declared.processingGroup(), declared);
        }
        assertThat(found.values()).containsExactlyInAnyOrderElementsOf(Projections.CATALOG.projections());
    }
}
