package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateRootOrgUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Seeds the province and Jilin City's units on first start, in every profile. */
@Component
@Order(1)
class OrgUnitSeeder implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(OrgUnitSeeder.class);
    private final SeedSupport seed;

    OrgUnitSeeder(SeedSupport seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = seedUnits(JilinOrgUnits.UNITS);
        if (created > 0) {
            LOG.info("Seeded {} org units of 吉林市", created);
        }
    }

    int seedUnits(List<JilinOrgUnits.Unit> units) {
        int created = 0;
        for (JilinOrgUnits.Unit unit : units) {
            Object command = unit.parentId() == null
                    ? new CreateRootOrgUnit(unit.id(), unit.name(), unit.type())
                    : new CreateOrgUnit(unit.id(), unit.name(), unit.type(), unit.parentId());
            if (seed.createIfMissing(unit.id(), command)) {
                created++;
            }
        }
        return created;
    }
}
