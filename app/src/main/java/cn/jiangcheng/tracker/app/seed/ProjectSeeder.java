package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.project.ProjectCommands.CreateProject;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Seeds the major projects of 专栏2–9 for 吉林市 on first start, in every profile. Dates, investment and milestones
 * are not in the plan text: the city bureau fills them in by editing each project.
 */
@Component
@Order(4)
class ProjectSeeder implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectSeeder.class);
    private final SeedSupport seed;

    ProjectSeeder(SeedSupport seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (JilinProjectCatalog.SeedProject p : JilinProjectCatalog.forJilinCity()) {
            ProjectPlan plan = new ProjectPlan(p.name(), p.column(), p.groupName(), null, null, null, List.of());
            if (seed.createIfMissing(p.id(), new CreateProject(p.id(), JilinOrgUnits.JILIN_CITY,
                    JilinOrgUnits.ECOLOGY_BUREAU, p.leadUnitId(), p.cooperatingUnitIds(), plan))) {
                created++;
            }
        }
        if (created > 0) {
            LOG.info("Seeded {} major projects of 专栏2–9", created);
        }
    }
}
