package cn.jiangcheng.tracker.command.user;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserRoles;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.api.user.UserEvents.ConflictingRolesGranted;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRegistered;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRolesChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static cn.jiangcheng.tracker.command.Callers.adminOf;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;

/**
 * 填报 with 审核 or 督察 in one account is a conflicting pair: the administrator grants it only with a reason, which
 * a ConflictingRolesGranted event records besides the usual registration or role change.
 */
class UserAccountConflictingRolesTest {
    private static final String CITY_ID = "220200";
    private static final String UNIT_ID = "220200-sthj";
    private static final String USERNAME = "li.si";
    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv";
    private static final String REASON = "编制不足，由科长兼任填报与审核，其本人材料由其他审核员审核";
    private static final Set<Role> SUBMITTER_APPROVER = Set.of(Role.SUBMITTER, Role.APPROVER);
    private static final Set<Role> SUBMITTER_INSPECTOR = Set.of(Role.SUBMITTER, Role.INSPECTOR);
    private static final UserRegistered SUBMITTER_REGISTERED =
            new UserRegistered(USERNAME, "李四", HASH, Set.of(Role.SUBMITTER), UNIT_ID, CITY_ID);

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    private static RegisterUser register(Set<Role> roles, String reason) {
        return new RegisterUser(USERNAME, "李四", HASH, roles, UNIT_ID, CITY_ID, reason);
    }

    @Test
    void submitterAndApproverWithoutAReasonAreRefused() {
        fixture.givenNoPriorActivity()
                .when(register(SUBMITTER_APPROVER, null), adminOf(CITY_ID))
                .expectException(violationOf("CONFLICTING_ROLES"))
                .expectExceptionMessage("同一账户同时担任填报与审核角色须填写理由")
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void submitterAndInspectorWithoutAReasonAreRefused(String reason) {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.SUBMITTER, Role.INSPECTOR, Role.AUDITOR), reason), adminOf(CITY_ID))
                .expectException(violationOf("CONFLICTING_ROLES"))
                .expectNoEvents();
    }

    @Test
    void withAReasonTheAccountIsRegisteredAndTheReasonRecorded() {
        fixture.givenNoPriorActivity()
                .when(register(SUBMITTER_APPROVER, "  " + REASON + " "), adminOf(CITY_ID))
                .expectEvents(new UserRegistered(USERNAME, "李四", HASH, SUBMITTER_APPROVER, UNIT_ID, CITY_ID),
                        new ConflictingRolesGranted(USERNAME, SUBMITTER_APPROVER, REASON));
    }

    @Test
    void theReasonHasAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(register(SUBMITTER_APPROVER, "理".repeat(200)), adminOf(CITY_ID))
                .expectEvents(new UserRegistered(USERNAME, "李四", HASH, SUBMITTER_APPROVER, UNIT_ID, CITY_ID),
                        new ConflictingRolesGranted(USERNAME, SUBMITTER_APPROVER, "理".repeat(200)));
        fixture.givenNoPriorActivity()
                .when(register(SUBMITTER_APPROVER, "理".repeat(201)), adminOf(CITY_ID))
                .expectException(violationOf("TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void rolesThatDoNotConflictNeedNoReasonAndRecordNone() {
        fixture.givenNoPriorActivity()
                .when(register(Set.of(Role.APPROVER, Role.INSPECTOR), REASON), adminOf(CITY_ID))
                .expectEvents(new UserRegistered(USERNAME, "李四", HASH, Set.of(Role.APPROVER, Role.INSPECTOR),
                        UNIT_ID, CITY_ID));
    }

    @Test
    void changingToAConflictingPairWithoutAReasonIsRefused() {
        fixture.given(SUBMITTER_REGISTERED)
                .when(new ChangeUserRoles(USERNAME, SUBMITTER_INSPECTOR, null), adminOf(CITY_ID))
                .expectException(violationOf("CONFLICTING_ROLES"))
                .expectNoEvents();
    }

    @Test
    void changingToAConflictingPairWithAReasonRecordsIt() {
        fixture.given(SUBMITTER_REGISTERED)
                .when(new ChangeUserRoles(USERNAME, SUBMITTER_INSPECTOR, null, REASON), adminOf(CITY_ID))
                .expectEvents(new UserRolesChanged(USERNAME, Set.of(Role.SUBMITTER), SUBMITTER_INSPECTOR),
                        new ConflictingRolesGranted(USERNAME, SUBMITTER_INSPECTOR, REASON));
    }

    @Test
    void aConflictingAccountChangedAgainToAConflictingSetNeedsANewReason() {
        fixture.given(new UserRegistered(USERNAME, "李四", HASH, SUBMITTER_APPROVER, UNIT_ID, CITY_ID),
                        new ConflictingRolesGranted(USERNAME, SUBMITTER_APPROVER, REASON))
                .when(new ChangeUserRoles(USERNAME, Set.of(Role.SUBMITTER, Role.APPROVER, Role.INSPECTOR), null),
                        adminOf(CITY_ID))
                .expectException(violationOf("CONFLICTING_ROLES"))
                .expectNoEvents();
    }

    @Test
    void droppingOneRoleOfThePairNeedsNoReason() {
        fixture.given(new UserRegistered(USERNAME, "李四", HASH, SUBMITTER_APPROVER, UNIT_ID, CITY_ID),
                        new ConflictingRolesGranted(USERNAME, SUBMITTER_APPROVER, REASON))
                .when(new ChangeUserRoles(USERNAME, Set.of(Role.APPROVER), null), adminOf(CITY_ID))
                .expectEvents(new UserRolesChanged(USERNAME, SUBMITTER_APPROVER, Set.of(Role.APPROVER)));
    }
}
