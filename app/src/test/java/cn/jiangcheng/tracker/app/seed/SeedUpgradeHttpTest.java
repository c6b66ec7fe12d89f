package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateRootOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitCreated;
import cn.jiangcheng.tracker.api.org.OrgUnitEvents.OrgUnitRenamed;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.api.project.ProjectCommands.CreateProject;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectCreated;
import cn.jiangcheng.tracker.api.project.ProjectEvents.ProjectReassigned;
import cn.jiangcheng.tracker.api.project.ProjectTypes.ProjectPlan;
import cn.jiangcheng.tracker.app.security.SystemActor;
import cn.jiangcheng.tracker.app.support.ApiClient;
import cn.jiangcheng.tracker.app.support.HttpTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database seeded by the version before the fix (220271/220272 named the other way round, no 220273, P6005 with
 * the bureau, P4305 with 220272) is carried forward on start: new events, the old ones untouched, and nothing more
 * on the next start. Its own application context, so the old seed runs on an empty database.
 */
@Import(SeedUpgradeHttpTest.OldSeed.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedUpgradeHttpTest extends HttpTestBase {
    private static final String P6005 = "220200-P6005";
    private static final String P4305 = "220200-P4305";

    /** What the old OrgUnitSeeder and ProjectSeeder stored for the records the upgrade corrects; runs first. */
    @Order(0)
    static class OldSeed implements ApplicationRunner {
        private final CommandGateway commands;

        OldSeed(CommandGateway commands) {
            this.commands = commands;
        }

        @Override
        public void run(ApplicationArguments args) {
            SystemActor.run(() -> {
                commands.sendAndWait(new CreateRootOrgUnit("220000", "吉林省", OrgUnitType.PROVINCE));
                commands.sendAndWait(new CreateOrgUnit("220200", "吉林市", OrgUnitType.CITY, "220000"));
                commands.sendAndWait(new CreateOrgUnit("220271", "吉林高新技术产业开发区", OrgUnitType.DEV_ZONE, "220200"));
                commands.sendAndWait(new CreateOrgUnit("220272", "吉林经济技术开发区", OrgUnitType.DEV_ZONE, "220200"));
                commands.sendAndWait(new CreateOrgUnit("220200-sthj", "吉林市生态环境局", OrgUnitType.DEPARTMENT,
                        "220200"));
                commands.sendAndWait(new CreateProject(P6005, "220200", "220200-sthj", "220200-sthj", List.of(),
                        new ProjectPlan("吉林中新食品区流域可持续发展工程项目", 6, null, null, null, null, List.of())));
                commands.sendAndWait(new CreateProject(P4305, "220200", "220200-sthj", "220272", List.of(),
                        new ProjectPlan("吉林经开区地下水环境状况详细调查评估项目", 4, "沃野千里建设工程", null, null, null,
                                List.of())));
            });
        }
    }

    @Autowired
    SeedUpgrade upgrade;

    @Autowired
    EventStore eventStore;

    @Test
    @org.junit.jupiter.api.Order(1)
    void theStartRenamesTheZonesAddsTheFoodZoneAndMovesItsProjects() {
        List<DomainEventMessage<?>> economic = history("220271");
        assertThat(payloads(economic)).containsExactly(
                new OrgUnitCreated("220271", "吉林高新技术产业开发区", OrgUnitType.DEV_ZONE, "220200", "220200"),
                new OrgUnitRenamed("220271", "吉林高新技术产业开发区", "吉林经济技术开发区"));
        assertThat(payloads(history("220272"))).last()
                .isEqualTo(new OrgUnitRenamed("220272", "吉林经济技术开发区", "吉林高新技术产业开发区"));
        assertThat(payloads(history("220273"))).containsExactly(
                new OrgUnitCreated("220273", "吉林中新食品区", OrgUnitType.DEV_ZONE, "220200", "220200"));

        List<DomainEventMessage<?>> food = history(P6005);
        assertThat(food).hasSize(2);
        assertThat(food.get(0).getPayload()).isInstanceOf(ProjectCreated.class);
        ProjectReassigned moved = (ProjectReassigned) food.get(1).getPayload();
        assertThat(moved.previousLeadUnitId()).isEqualTo("220200-sthj");
        assertThat(moved.leadUnitId()).isEqualTo("220273");
        assertThat(moved.reason()).contains("220273");
        assertThat(payloads(history(P4305))).last()
                .isEqualTo(new ProjectReassigned(P4305, "220272", "220271", List.of(),
                        "系统升级：按统计用区划代码由吉林经济技术开发区（220271）牵头"));
        for (DomainEventMessage<?> event : List.of(economic.get(1), food.get(1))) {
            assertThat(event.getMetaData().get(AuditKeys.USER_ID)).isEqualTo(AuditKeys.SYSTEM_USER);
        }

        ApiClient approver = as("sthj-approver");
        JsonNode project = eventually(() -> approver.get("/api/projects/" + P6005).json().path("summary"),
                p -> p.path("leadUnitId").asText().equals("220273"));
        assertThat(project.path("leadUnitName").asText()).isEqualTo("吉林中新食品区");
        JsonNode zone = eventually(() -> approver.get("/api/org-units/220271").json(),
                u -> u.path("name").asText().equals("吉林经济技术开发区"));
        assertThat(zone.path("type").asText()).isEqualTo("DEV_ZONE");
        assertThat(eventually(() -> approver.get("/api/org-units/220272").json().path("name").asText(),
                "吉林高新技术产业开发区"::equals)).isNotNull();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aSecondRunChangesNothing() {
        long before = eventCount();
        assertThat(upgrade.upgrade()).isZero();
        assertThat(eventCount()).isEqualTo(before);
        assertThat(history("220271")).hasSize(2);
        assertThat(history(P6005)).hasSize(2);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void theBureauMayGiveTheProjectBackAndTheUpgradeLeavesItThere() {
        ApiClient approver = as("sthj-approver");
        ApiClient.Response back = approver.post("/api/projects/" + P6005 + "/reassign",
                "{\"leadUnitId\":\"220200-sthj\",\"cooperatingUnitIds\":[\"220273\"],\"reason\":\"由市局统筹\","
                        + "\"expectedVersion\":" + (history(P6005).size() - 1) + "}");
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        long before = eventCount();
        assertThat(upgrade.upgrade()).isZero();
        assertThat(eventCount()).isEqualTo(before);
        assertThat(((ProjectReassigned) history(P6005).get(2).getPayload()).leadUnitId()).isEqualTo("220200-sthj");
    }

    private static List<Object> payloads(List<DomainEventMessage<?>> events) {
        return events.stream().map(e -> (Object) e.getPayload()).toList();
    }

    private List<DomainEventMessage<?>> history(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }
}
