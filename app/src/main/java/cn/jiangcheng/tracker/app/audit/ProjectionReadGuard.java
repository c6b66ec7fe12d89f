package cn.jiangcheng.tracker.app.audit;

import cn.jiangcheng.tracker.api.common.ProjectionCatalog;
import cn.jiangcheng.tracker.api.common.ProjectionTables;
import cn.jiangcheng.tracker.api.rollup.RollupQueries.FindCityRollup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.DispatcherServlet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Refuses a request's query while the projection whose tables answer it is being rebuilt, on whichever node the
 * rebuild runs ({@link ProjectionRebuilds}): half-filled tables must not look like the truth. The projection of a
 * query is that of its handler: a projection's own @QueryHandler reads its own tables, a handler beside the
 * projections of its feature package reads theirs, and the city rollup reads the sources the catalog names.
 * Only what a controller asks is refused. Queries sent while a command is handled, or outside an HTTP request
 * (deadlines, seeding), go through: they decide as they did before, and refusing them would fail work nobody can
 * retry by hand. So does the log-in's account lookup in the security filters: refusing it would lock everybody
 * out, the auditor watching the rebuild's progress included, while the user or org-unit projection is rebuilt.
 */
@Component
public class ProjectionReadGuard implements MessageDispatchInterceptor<QueryMessage<?, ?>> {
    private final QueryHandlerOrigins origins;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionCatalog catalog;
    private final ApplicationContext context;
    private final Map<Class<?>, Set<String>> projectionsOfQuery = new ConcurrentHashMap<>();
    private volatile Map<String, Set<String>> projectionsOfPackage;

    public ProjectionReadGuard(QueryHandlerOrigins origins, ProjectionRebuilds rebuilds, ProjectionCatalog catalog,
                               ApplicationContext context) {
        this.origins = origins;
        this.rebuilds = rebuilds;
        this.catalog = catalog;
        this.context = context;
    }

    @Override
    public BiFunction<Integer, QueryMessage<?, ?>, QueryMessage<?, ?>> handle(
            List<? extends QueryMessage<?, ?>> messages) {
        return (index, query) -> {
            if (askedByAController() && !CurrentUnitOfWork.isStarted()) {
                refuseWhileRebuilding(query.getPayloadType());
            }
            return query;
        };
    }

    /** The DispatcherServlet marks the requests it handles; the security filters run before it. */
    private static boolean askedByAController() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST) != null;
    }

    private void refuseWhileRebuilding(Class<?> queryType) {
        Map<String, Integer> inProgress = rebuilds.inProgress();
        if (inProgress.isEmpty()) {
            return;
        }
        projectionsOf(queryType).stream().filter(inProgress::containsKey).map(inProgress::get)
                .min(Integer::compare).ifPresent(progress -> {
                    throw new ProjectionRebuilding(progress);
                });
    }

    /** The processing groups whose tables answer the query; none for a query no projection handles. */
    Set<String> projectionsOf(Class<?> queryType) {
        return projectionsOfQuery.computeIfAbsent(queryType, type -> {
            if (type == FindCityRollup.class) {
                return catalog.cityRollupSources().stream().map(ProjectionTables::processingGroup)
                        .collect(Collectors.toSet());
            }
            return origins.handlerOf(type).map(this::projectionsOfHandler).orElse(Set.of());
        });
    }

    private Set<String> projectionsOfHandler(Class<?> handler) {
        ProcessingGroup own = AnnotationUtils.findAnnotation(handler, ProcessingGroup.class);
        if (own != null) {
            return Set.of(own.value());
        }
        return Optional.ofNullable(packages().get(handler.getPackageName())).orElse(Set.of());
    }

    /** Package → the declared projections in it, from the projection beans themselves. */
    private Map<String, Set<String>> packages() {
        Map<String, Set<String>> found = projectionsOfPackage;
        if (found == null) {
            found = new HashMap<>();
            for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
                Class<?> type = ClassUtils.getUserClass(bean);
                String group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class).value();
                if (catalog.named(group).isPresent()) {
                    found.computeIfAbsent(type.getPackageName(), p -> new java.util.TreeSet<>()).add(group);
                }
            }
            projectionsOfPackage = found;
        }
        return found;
    }
}
