package cn.jiangcheng.tracker.app.project;

import cn.jiangcheng.tracker.api.org.EcologyBureau;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.project.ProjectQueries.FindProject;
import cn.jiangcheng.tracker.api.project.ProjectQueries.ProjectDetail;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.BusinessCalendar;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who sees which project: the city-level roles of its city see all of them; everyone else sees the projects
 * their units lead or cooperate on. Anything else is answered as if it did not exist.
 */
@Component
public class ProjectAccess {
    static final String NOT_FOUND = "未找到该项目";

    private final QueryGateway queryGateway;
    private final OrgDirectory orgDirectory;
    private final BusinessCalendar calendar;
    private final BigDecimal marginPoints;

    public ProjectAccess(QueryGateway queryGateway, OrgDirectory orgDirectory, BusinessCalendar calendar,
                         @Value("${tracker.projects.delay-margin-points}") BigDecimal marginPoints) {
        this.queryGateway = queryGateway;
        this.orgDirectory = orgDirectory;
        this.calendar = calendar;
        this.marginPoints = marginPoints;
    }

    public LocalDate today() {
        return calendar.today();
    }

    public BigDecimal marginPoints() {
        return marginPoints;
    }

    public ProjectDetail visible(String projectId, TrackerUser user) {
        return find(projectId).filter(p -> canSee(p, user)).orElseThrow(() -> new NotFoundInScope(NOT_FOUND));
    }

    public Optional<ProjectDetail> find(String projectId) {
        return queryGateway.query(new FindProject(projectId, today(), marginPoints),
                ResponseTypes.optionalInstanceOf(ProjectDetail.class)).join();
    }

    /** null for the whole city; otherwise the units whose projects the user sees. */
    public Set<String> unitScope(TrackerUser user) {
        if (user.dataScope() == DataScope.CITY) {
            return null;
        }
        return orgDirectory.visibleUnits(user.orgUnitId(), user.cityId(), user.dataScope()).stream()
                .map(OrgUnitView::id).collect(Collectors.toSet());
    }

    private boolean canSee(ProjectDetail project, TrackerUser user) {
        if (!Objects.equals(project.summary().cityId(), user.cityId())) {
            return false;
        }
        Set<String> scope = unitScope(user);
        return scope == null || Stream.concat(Stream.of(project.summary().leadUnitId()),
                project.summary().cooperatingUnitIds().stream()).anyMatch(scope::contains);
    }

    /** A unit of the caller's city, active; anything else is not found. */
    public OrgUnitView unitOfCity(String unitId, TrackerUser user) {
        return orgDirectory.find(unitId).filter(u -> Objects.equals(u.cityId(), user.cityId()) && u.active())
                .orElseThrow(() -> new NotFoundInScope("未找到单位“" + unitId + "”"));
    }

    /** The city bureau decides; found by EcologyBureau's convention. */
    public Optional<String> approvalUnitOf(String cityId) {
        return orgDirectory.find(EcologyBureau.unitIdOf(cityId)).filter(OrgUnitView::active).map(OrgUnitView::id);
    }
}
