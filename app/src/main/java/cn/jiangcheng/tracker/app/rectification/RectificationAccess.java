package cn.jiangcheng.tracker.app.rectification;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.CaseDetail;
import cn.jiangcheng.tracker.api.rectification.RectificationQueries.FindCase;
import cn.jiangcheng.tracker.api.user.DataScope;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees which case. Inspectors and auditors see the cases of their data scope (the whole city for the city
 * bureau); a submitter sees the cases its unit answers for or cooperates on. Approvers and administrators have no
 * part in 督察整改 and are refused by the controller before they get here. Another city's case does not exist.
 */
@Component
public class RectificationAccess {
    static final String NOT_FOUND = "未找到该整改案件";

    private final QueryGateway queryGateway;
    private final OrgDirectory orgDirectory;

    public RectificationAccess(QueryGateway queryGateway, OrgDirectory orgDirectory) {
        this.queryGateway = queryGateway;
        this.orgDirectory = orgDirectory;
    }

    /** The units whose cases the user sees, or null for every unit of the user's city. */
    public Set<String> unitScope(TrackerUser user) {
        boolean supervising = user.hasRole(Role.INSPECTOR) || user.hasRole(Role.AUDITOR);
        if (supervising && user.dataScope() == DataScope.CITY) {
            return null;
        }
        if (supervising) {
            return orgDirectory.visibleUnits(user.orgUnitId(), user.cityId(), user.dataScope()).stream()
                    .map(OrgUnitView::id).collect(Collectors.toSet());
        }
        return Set.of(user.orgUnitId());
    }

    public CaseDetail visible(String caseId, TrackerUser user, LocalDate today) {
        CaseDetail detail = queryGateway.query(new FindCase(caseId, today),
                ResponseTypes.optionalInstanceOf(CaseDetail.class)).join()
                .orElseThrow(() -> new NotFoundInScope(NOT_FOUND));
        if (!Objects.equals(detail.summary().cityId(), user.cityId())) {
            throw new NotFoundInScope(NOT_FOUND);
        }
        Set<String> scope = unitScope(user);
        if (scope != null && !scope.contains(detail.summary().responsibleUnitId())
                && detail.summary().cooperatingUnitIds().stream().noneMatch(scope::contains)) {
            throw new NotFoundInScope(NOT_FOUND);
        }
        return detail;
    }
}
