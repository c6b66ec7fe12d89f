package cn.jiangcheng.tracker.app.org;

import cn.jiangcheng.tracker.api.org.OrgUnitQueries.FindOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.FindOrgUnitsOfCity;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitList;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.user.DataScope;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Answers which org units a person may see, from the org read model. */
@Component
public class OrgDirectory {
    private final QueryGateway queryGateway;

    public OrgDirectory(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public Optional<OrgUnitView> find(String orgUnitId) {
        if (orgUnitId == null) {
            return Optional.empty();
        }
        return queryGateway.query(new FindOrgUnit(orgUnitId), ResponseTypes.optionalInstanceOf(OrgUnitView.class))
                .join();
    }

    public List<OrgUnitView> unitsOfCity(String cityId) {
        return queryGateway.query(new FindOrgUnitsOfCity(cityId), OrgUnitList.class).join().units();
    }

    /** The units a person of this unit, city and scope may see, in id order. */
    public List<OrgUnitView> visibleUnits(String orgUnitId, String cityId, DataScope scope) {
        if (cityId == null) {
            return List.of();
        }
        List<OrgUnitView> city = unitsOfCity(cityId);
        Set<String> visible = visibleIds(city, orgUnitId, scope);
        return city.stream().filter(u -> visible.contains(u.id())).toList();
    }

    /** Checked on every command and most reads, so the common scopes avoid loading the whole city. */
    public boolean isVisible(String targetId, String orgUnitId, String cityId, DataScope scope) {
        if (targetId == null || cityId == null) {
            return false;
        }
        return switch (scope) {
            case OWN_UNIT -> targetId.equals(orgUnitId) && find(targetId).isPresent();
            case CITY -> find(targetId).map(u -> cityId.equals(u.cityId())).orElse(false);
            case OWN_UNIT_AND_BELOW -> visibleUnits(orgUnitId, cityId, scope).stream()
                    .anyMatch(u -> u.id().equals(targetId));
        };
    }

    private static Set<String> visibleIds(List<OrgUnitView> city, String orgUnitId, DataScope scope) {
        return switch (scope) {
            case CITY -> city.stream().map(OrgUnitView::id).collect(Collectors.toSet());
            case OWN_UNIT -> Set.of(orgUnitId);
            case OWN_UNIT_AND_BELOW -> descendantsAndSelf(city, orgUnitId);
        };
    }

    private static Set<String> descendantsAndSelf(List<OrgUnitView> units, String rootId) {
        Map<String, List<String>> children = units.stream().filter(u -> u.parentId() != null)
                .collect(Collectors.groupingBy(OrgUnitView::parentId,
                        Collectors.mapping(OrgUnitView::id, Collectors.toList())));
        Set<String> result = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(rootId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (result.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }
}
