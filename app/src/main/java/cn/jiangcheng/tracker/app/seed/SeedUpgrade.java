package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.org.OrgUnitCommands.RenameOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.project.ProjectCommands.ReassignProject;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCancelled;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCreated;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectReassigned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateApproved;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateReturned;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectUpdateSubmitted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.ECOLOGY_BUREAU;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.ECONOMIC_ZONE;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.HIGH_TECH_ZONE;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.JILIN_CITY;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.SINO_SINGAPORE_FOOD_ZONE;

/**
 * Carries databases seeded by earlier versions forward to the current seed, at every start after the seeders (which
 * already add units and projects that are missing, such as 220273 吉林中新食品区). Stored events are never edited:
 * each correction is a command sent as the system, applied only while the record is exactly as the earlier seed left
 * it (never renamed, never reassigned), so a second start, another node or any change by the bureau is left alone.
 */
@Component
@Order(5)
class SeedUpgrade implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SeedUpgrade.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A seeded unit whose name was wrong: renamed only while it carries oldName and was never renamed. */
    record UnitRename(String orgUnitId, String oldName, String newName) {
    }

    /** A seeded project whose lead unit was wrong: reassigned only while seeded with fromLeadUnitId, never reassigned. */
    record ProjectMove(String projectId, String fromLeadUnitId, String toLeadUnitId, String reason) {
    }

    /** Earlier seeds swapped the 统计用区划代码 of the two zones (220271 is 经开区, 220272 高新区). */
    static final List<UnitRename> RENAMES = List.of(
            new UnitRename(ECONOMIC_ZONE, "吉林高新技术产业开发区", "吉林经济技术开发区"),
            new UnitRename(HIGH_TECH_ZONE, "吉林经济技术开发区", "吉林高新技术产业开发区"));

    /** Earlier seeds had no 220273, and gave the 经开区 project to 220272 under the swapped names. */
    static final List<ProjectMove> MOVES = List.of(
            new ProjectMove(JilinProjectCatalog.projectId(JILIN_CITY, 6, 0, 5), ECOLOGY_BUREAU,
                    SINO_SINGAPORE_FOOD_ZONE, "系统升级：按统计用区划代码由吉林中新食品区（220273）牵头"),
            new ProjectMove(JilinProjectCatalog.projectId(JILIN_CITY, 4, 3, 5), HIGH_TECH_ZONE, ECONOMIC_ZONE,
                    "系统升级：按统计用区划代码由吉林经济技术开发区（220271）牵头"));

    private final SeedSupport seed;

    SeedUpgrade(SeedSupport seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        upgrade();
    }

    /** Returns the number of corrections sent; 0 once the database is up to date. */
    int upgrade() {
        int sent = 0;
        for (UnitRename rename : RENAMES) {
            if (rename(rename)) {
                sent++;
            }
        }
        for (ProjectMove move : MOVES) {
            if (move(move)) {
                sent++;
            }
        }
        if (sent > 0) {
            LOG.info("Seed upgrade: {} corrections of units and projects seeded by an earlier version", sent);
        }
        return sent;
    }

    private boolean rename(UnitRename rename) {
        List<DomainEventMessage<?>> history = seed.history(rename.orgUnitId());
        String seededName = null;
        for (DomainEventMessage<?> event : history) {
            if (event.getPayload() instanceof OrgUnitCreated created) {
                seededName = created.name();
            } else if (event.getPayload() instanceof OrgUnitRenamed) {
                return false;
            }
        }
        if (!rename.oldName().equals(seededName)) {
            return false;
        }
        return seed.sendAsSystem(new RenameOrgUnit(rename.orgUnitId(), rename.newName(), lastSequence(history)));
    }

    private boolean move(ProjectMove move) {
        List<DomainEventMessage<?>> history = seed.history(move.projectId());
        String seededLead = null;
        List<String> cooperating = List.of();
        boolean open = true;
        String pendingUpdate = null;
        for (DomainEventMessage<?> event : history) {
            Object payload = event.getPayload();
            if (payload instanceof ProjectCreated created) {
                seededLead = created.leadUnitId();
                cooperating = created.cooperatingUnitIds();
            } else if (payload instanceof ProjectReassigned) {
                return false;
            } else if (payload instanceof ProjectCancelled) {
                open = false;
            } else if (payload instanceof ProjectUpdateSubmitted submitted) {
                pendingUpdate = submitted.updateId();
            } else if (payload instanceof ProjectUpdateApproved approved) {
                pendingUpdate = null;
                open = open && approved.content().progress().compareTo(HUNDRED) < 0;
            } else if (payload instanceof ProjectUpdateReturned) {
                pendingUpdate = null;
            }
        }
        // a cancelled or completed project keeps its history as it was
        if (!move.fromLeadUnitId().equals(seededLead) || !open) {
            return false;
        }
        if (pendingUpdate != null) {
            // the report belongs to the unit that wrote it: the bureau decides on it, a later start moves the project
            LOG.warn("Seed upgrade: {} awaits a decision on report {}; it moves to {} on a later start",
                    move.projectId(), pendingUpdate, move.toLeadUnitId());
            return false;
        }
        List<String> stillCooperating = cooperating.stream().filter(u -> !u.equals(move.toLeadUnitId())).toList();
        return seed.sendAsSystem(new ReassignProject(move.projectId(), move.toLeadUnitId(), stillCooperating,
                move.reason(), lastSequence(history)));
    }

    private static long lastSequence(List<DomainEventMessage<?>> history) {
        return history.get(history.size() - 1).getSequenceNumber();
    }
}
