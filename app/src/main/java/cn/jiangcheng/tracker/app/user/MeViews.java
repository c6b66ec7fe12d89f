package cn.jiangcheng.tracker.app.user;

import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
public class MeViews {
    private final OrgDirectory orgDirectory;

    public MeViews(OrgDirectory orgDirectory) {
        this.orgDirectory = orgDirectory;
    }

    public MeView of(TrackerUser user) {
        OrgUnitView unit = orgDirectory.find(user.orgUnitId()).orElse(null);
        OrgUnitView city = orgDirectory.find(user.cityId()).orElse(null);
        return new MeView(user.getUsername(), user.displayName(), List.copyOf(user.roles()),
                unit == null ? null : new MeView.Unit(unit.id(), unit.name(), unit.type()),
                city == null ? null : new MeView.City(city.id(), city.name()),
                user.dataScope(), user.passwordChangeRequired());
    }
}
