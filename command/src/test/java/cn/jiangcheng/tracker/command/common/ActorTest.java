package cn.jiangcheng.tracker.command.common;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.command.Callers;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorTest {

    @Test
    void aPersonIsReadFromTheMetadataTheWebLayerStamps() {
        Actor actor = Actor.of(MetaData.from(Callers.person("yongji-lead", "220221", "220200", Role.APPROVER,
                Role.SUBMITTER)));
        assertEquals("yongji-lead", actor.userId());
        assertEquals(Set.of(Role.APPROVER, Role.SUBMITTER), actor.roles());
        assertTrue(actor.actsAs(Role.SUBMITTER, "220221"));
        assertFalse(actor.actsAs(Role.SUBMITTER, "220281"));
        assertFalse(actor.actsAs(Role.INSPECTOR, "220221"));
        assertTrue(actor.inCity("220200"));
        assertFalse(actor.inCity("220100"));
        assertFalse(actor.isSystem());
    }

    @Test
    void theSystemHasNoRolesNoUnitAndNoCity() {
        Actor system = Actor.of(MetaData.from(Callers.system()));
        assertTrue(system.isSystem());
        assertEquals(Set.of(), system.roles());
        assertFalse(system.inUnit(null));
        assertFalse(system.inCity(null));
    }

    @Test
    void unknownRoleNamesGiveNoRole() {
        Actor actor = Actor.of(MetaData.from(Map.of(AuditKeys.USER_ID, "x", AuditKeys.ROLES, "APPROVERS, SUBMITTER,")));
        assertEquals(Set.of(Role.SUBMITTER), actor.roles());
    }

    @Test
    void aMissingUnitIsNoUnit() {
        Actor actor = Actor.of(MetaData.from(Callers.person("x", null, "220200", Role.APPROVER)));
        assertFalse(actor.actsAs(Role.APPROVER, null));
    }

    @Test
    void theSystemActsWhereAPersonNeedsTheRoleInTheUnit() {
        Actor system = Actor.of(MetaData.from(Callers.system()));
        Actor approver = Actor.of(MetaData.from(Callers.approverOf("220200-sthj", "220200")));
        assertTrue(system.isSystemOrActsAs(Role.APPROVER, "220200-sthj"));
        assertTrue(system.isSystemOrHas(Role.INSPECTOR));
        assertTrue(approver.isSystemOrActsAs(Role.APPROVER, "220200-sthj"));
        assertFalse(approver.isSystemOrActsAs(Role.APPROVER, "220221"));
        assertFalse(approver.isSystemOrActsAs(Role.SUBMITTER, "220200-sthj"));
        assertFalse(approver.isSystemOrHas(Role.INSPECTOR));
    }
}
