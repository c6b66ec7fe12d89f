package cn.jiangcheng.tracker.query;

import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** A projection without a replay test could break rebuilds and the as-of view with nothing noticing. */
    @Test
    void everyDeclaredProjectionHasATestThatReplaysAndResetsIt() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Projections?Test")));
        Set<ProjectionTables> replayed = new HashSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("cn.jiangcheng.tracker.query")) {
            Class<?> test = Class.forName(bean.getBeanClassName());
            boolean replays = Arrays.stream(test.getDeclaredMethods())
                    .anyMatch(m -> m.isAnnotationPresent(Test.class) && m.getName().contains("Replayed"));
            for (Field field : test.getDeclaredFields()) {
                if (replays && hasDeclaration(field.getType())) {
                    replayed.add((ProjectionTables) field.getType().getField("TABLES").get(null));
                }
            }
        }
        assertThat(replayed).containsAll(Projections.CATALOG.projections());
    }

    private static boolean hasDeclaration(Class<?> type) {
        return Arrays.stream(type.getFields()).anyMatch(f -> f.getName().equals("TABLES")
                && f.getType() == ProjectionTables.class && Modifier.isStatic(f.getModifiers()));
    }
}
