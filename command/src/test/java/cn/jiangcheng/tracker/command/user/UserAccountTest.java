package cn.jiangcheng.tracker.command.user;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserPassword;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserRoles;
import cn.jiangcheng.tracker.api.user.UserCommands.DisableUser;
import cn.jiangcheng.tracker.api.user.UserCommands.EnableUser;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.api.user.UserEvents.UserDisabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserEnabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserPasswordChanged;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRegistered;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRolesChanged;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static cn.jiangcheng.tracker.command.Callers.adminOf;
import static cn.jiangcheng.tracker.command.Callers.system;
import static cn.jiangcheng.tracker.command.Callers.userOf;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;

class UserAccountTest {
    private static final String CITY_ID = "220200";
    private static final String OTHER_CITY_ID = "220100";
    private static final String UNIT_ID = "220221";
    private static final String USERNAME = "zhang.san";
    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv";
    private static final String NEW_HASH = "{bcrypt}$2a$10$zyxwvutsrqponmlkjihgfe";

    private static final UserRegistered SUBMITTER_REGISTERED =
            new UserRegistered(USERNAME, "张三", HASH, Set.of(Role.SUBMITTER), UNIT_ID, CITY_ID);

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    private static RegisterUser register(String username, String displayName, String hash, Set<Role> roles) {
        return new RegisterUser(username, displayName, hash, roles, UNIT_ID, CITY_ID);
    }

    private static RegisterUser registerSubmitter() {
        return register(USERNAME, "张三", HASH, Set.of(Role.SUBMITTER));
    }

    private static Set<Role> rolesWithNull(Role... roles) {
        Set<Role> set = new HashSet<>(Arrays.asList(roles));
        set.add(null);
        return set;
    }

    @Nested
    class Registering {

        @Test
        void registeringRecordsHashRolesUnitAndCity() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(USERNAME, "张三", HASH, Set.of(Role.SUBMITTER, Role.AUDITOR),
                            UNIT_ID, CITY_ID), adminOf(CITY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserRegistered(USERNAME, "张三", HASH, Set.of(Role.SUBMITTER, Role.AUDITOR),
                            UNIT_ID, CITY_ID));
        }

        @Test
        void theDisplayNameIsStoredWithoutSurroundingBlanks() {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, "  张三 ", HASH, Set.of(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectEvents(SUBMITTER_REGISTERED);
        }

        @Test
        void theSystemMayRegisterUsersInAnyCity() {
            fixture.givenNoPriorActivity()
                    .when(registerSubmitter(), system())
                    .expectEvents(SUBMITTER_REGISTERED);
        }

        @Test
        void anAdministratorMayHoldOnlyTheAdministratorRole() {
            fixture.givenNoPriorActivity()
                    .when(register("li.si", "李四", HASH, Set.of(Role.ADMIN)), system())
                    .expectEvents(new UserRegistered("li.si", "李四", HASH, Set.of(Role.ADMIN), UNIT_ID, CITY_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab", "Zhang", "zhang san", "-zhang", ".zhang", "_zhang", "张三", "zhang@city",
                "a1234567890123456789012345678901234567890"})
        void badUsernamesAreRefused(String username) {
            fixture.givenNoPriorActivity()
                    .when(register(username, "张三", HASH, Set.of(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectException(violationOf("BAD_USERNAME"))
                    .expectNoEvents();
        }

        @Test
        void aMissingUsernameIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(null, "张三", HASH, Set.of(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectException(violationOf("BAD_USERNAME"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "a1234567890123456789012345678901234567.9", "0_zhang-san.2"})
        void usernamesOfThreeToFortyAllowedCharactersAreAccepted(String username) {
            fixture.givenNoPriorActivity()
                    .when(register(username, "张三", HASH, Set.of(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectEvents(new UserRegistered(username, "张三", HASH, Set.of(Role.SUBMITTER), UNIT_ID, CITY_ID));
        }

        @Test
        void theSystemUsernameIsReserved() {
            fixture.givenNoPriorActivity()
                    .when(register(AuditKeys.SYSTEM_USER, "系统", HASH, Set.of(Role.ADMIN)), adminOf(CITY_ID))
                    .expectException(violationOf("RESERVED_USERNAME"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\t"})
        void aBlankDisplayNameIsRefused(String blank) {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, blank, HASH, Set.of(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("姓名不能为空")
                    .expectNoEvents();
        }

        @Test
        void aDisplayNameLongerThanFortyCharactersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, "张".repeat(41), HASH, Set.of(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectException(violationOf("TOO_LONG"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void aBlankPasswordHashIsRefused(String blank) {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, "张三", blank, Set.of(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("密码不能为空")
                    .expectNoEvents();
        }

        @Test
        void noRolesAtAllIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, "张三", HASH, Set.of()), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("至少选择一个角色")
                    .expectNoEvents();
        }

        @Test
        void aMissingRoleSetIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, "张三", HASH, null), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void rolesContainingNullAreRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, "张三", HASH, rolesWithNull(Role.SUBMITTER)), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
        void theAdministratorRoleCombinedWithABusinessRoleIsRefused(Role businessRole) {
            fixture.givenNoPriorActivity()
                    .when(register(USERNAME, "张三", HASH, Set.of(Role.ADMIN, businessRole)), adminOf(CITY_ID))
                    .expectException(violationOf("ADMIN_EXCLUSIVE"))
                    .expectExceptionMessage("系统管理员不能同时担任业务角色")
                    .expectNoEvents();
        }

        @Test
        void aUserWithoutUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(USERNAME, "张三", HASH, Set.of(Role.SUBMITTER), null, CITY_ID),
                            adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("所属单位不能为空")
                    .expectNoEvents();
        }

        @Test
        void aUserOutsideAnyCityIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(USERNAME, "张三", HASH, Set.of(Role.SUBMITTER), "22", null), system())
                    .expectException(violationOf("UNIT_NOT_IN_CITY"))
                    .expectNoEvents();
        }

        @Test
        void registeringInAnotherCityThanTheCallersIsAnsweredAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(registerSubmitter(), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage("未找到所属单位")
                    .expectNoEvents();
        }

        @Test
        void aCallerWithoutCityCannotRegisterAnyone() {
            fixture.givenNoPriorActivity()
                    .when(registerSubmitter(), Map.of(AuditKeys.USER_ID, "someone"))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingRoles {

        @Test
        void changingRolesRecordsTheOldAndTheNewRoles() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.APPROVER, Role.AUDITOR), null), adminOf(CITY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserRolesChanged(USERNAME, Set.of(Role.SUBMITTER),
                            Set.of(Role.APPROVER, Role.AUDITOR)));
        }

        @Test
        void aSecondChangeStartsFromTheRolesOfTheFirst() {
            fixture.given(SUBMITTER_REGISTERED,
                            new UserRolesChanged(USERNAME, Set.of(Role.SUBMITTER), Set.of(Role.APPROVER)))
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.INSPECTOR), null), adminOf(CITY_ID))
                    .expectEvents(new UserRolesChanged(USERNAME, Set.of(Role.APPROVER), Set.of(Role.INSPECTOR)));
        }

        @Test
        void unchangedRolesAreRefused() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.SUBMITTER), null), adminOf(CITY_ID))
                    .expectException(violationOf("ROLES_UNCHANGED"))
                    .expectExceptionMessage("角色没有变化")
                    .expectNoEvents();
        }

        @Test
        void changingBackToTheRolesBeforeTheLastChangeIsAllowed() {
            fixture.given(SUBMITTER_REGISTERED,
                            new UserRolesChanged(USERNAME, Set.of(Role.SUBMITTER), Set.of(Role.APPROVER)))
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.SUBMITTER), null), adminOf(CITY_ID))
                    .expectEvents(new UserRolesChanged(USERNAME, Set.of(Role.APPROVER), Set.of(Role.SUBMITTER)));
        }

        @Test
        void noRolesAtAllIsRefused() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserRoles(USERNAME, Set.of(), null), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void rolesContainingNullAreRefused() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserRoles(USERNAME, rolesWithNull(Role.APPROVER), null), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void addingTheAdministratorRoleToABusinessRoleIsRefused() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.SUBMITTER, Role.ADMIN), null), adminOf(CITY_ID))
                    .expectException(violationOf("ADMIN_EXCLUSIVE"))
                    .expectNoEvents();
        }

        @Test
        void anAdministratorOfAnotherCityIsToldTheUserDoesNotExist() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.APPROVER), null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(UserAccount.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void theSystemMayChangeRolesInAnyCity() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.APPROVER), null), system())
                    .expectEvents(new UserRolesChanged(USERNAME, Set.of(Role.SUBMITTER), Set.of(Role.APPROVER)));
        }

        @Test
        void aChangeBasedOnAStaleVersionIsRefused() {
            fixture.given(SUBMITTER_REGISTERED,
                            new UserRolesChanged(USERNAME, Set.of(Role.SUBMITTER), Set.of(Role.APPROVER)))
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.INSPECTOR), 0L), adminOf(CITY_ID))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aChangeBasedOnTheCurrentVersionSucceeds() {
            fixture.given(SUBMITTER_REGISTERED,
                            new UserRolesChanged(USERNAME, Set.of(Role.SUBMITTER), Set.of(Role.APPROVER)))
                    .when(new ChangeUserRoles(USERNAME, Set.of(Role.INSPECTOR), 1L), adminOf(CITY_ID))
                    .expectEvents(new UserRolesChanged(USERNAME, Set.of(Role.APPROVER), Set.of(Role.INSPECTOR)));
        }
    }

    @Nested
    class ChangingThePassword {

        @Test
        void changingThePasswordRecordsTheNewHash() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserPassword(USERNAME, NEW_HASH, null), adminOf(CITY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserPasswordChanged(USERNAME, NEW_HASH));
        }

        @Test
        void aDisabledUsersPasswordMayStillBeReset() {
            fixture.given(SUBMITTER_REGISTERED, new UserDisabled(USERNAME))
                    .when(new ChangeUserPassword(USERNAME, NEW_HASH, null), adminOf(CITY_ID))
                    .expectEvents(new UserPasswordChanged(USERNAME, NEW_HASH));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void aBlankHashIsRefused(String blank) {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserPassword(USERNAME, blank, null), adminOf(CITY_ID))
                    .expectException(violationOf("REQUIRED"))
                    .expectExceptionMessage("密码不能为空")
                    .expectNoEvents();
        }

        @Test
        void anAdministratorOfAnotherCityIsToldTheUserDoesNotExist() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new ChangeUserPassword(USERNAME, NEW_HASH, null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void aChangeBasedOnAStaleVersionIsRefused() {
            fixture.given(SUBMITTER_REGISTERED, new UserPasswordChanged(USERNAME, NEW_HASH))
                    .when(new ChangeUserPassword(USERNAME, HASH, 0L), adminOf(CITY_ID))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Disabling {

        @Test
        void disablingAnEnabledUserEmitsUserDisabled() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new DisableUser(USERNAME, null), adminOf(CITY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserDisabled(USERNAME));
        }

        @Test
        void disablingYourselfIsRefused() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new DisableUser(USERNAME, null), userOf(CITY_ID, USERNAME))
                    .expectException(violationOf("CANNOT_DISABLE_SELF"))
                    .expectExceptionMessage("不能停用自己的账户")
                    .expectNoEvents();
        }

        @Test
        void disablingAnAlreadyDisabledUserIsRefused() {
            fixture.given(SUBMITTER_REGISTERED, new UserDisabled(USERNAME))
                    .when(new DisableUser(USERNAME, null), adminOf(CITY_ID))
                    .expectException(violationOf("ALREADY_DISABLED"))
                    .expectExceptionMessage("该用户已经停用")
                    .expectNoEvents();
        }

        @Test
        void aUserEnabledAgainMayBeDisabledAgain() {
            fixture.given(SUBMITTER_REGISTERED, new UserDisabled(USERNAME), new UserEnabled(USERNAME))
                    .when(new DisableUser(USERNAME, null), adminOf(CITY_ID))
                    .expectEvents(new UserDisabled(USERNAME));
        }

        @Test
        void anAdministratorOfAnotherCityIsToldTheUserDoesNotExist() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new DisableUser(USERNAME, null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectExceptionMessage(UserAccount.NOT_FOUND)
                    .expectNoEvents();
        }

        @Test
        void theSystemMayDisableUsersOfAnyCity() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new DisableUser(USERNAME, null), system())
                    .expectEvents(new UserDisabled(USERNAME));
        }

        @Test
        void aDisableBasedOnAStaleVersionIsRefused() {
            fixture.given(SUBMITTER_REGISTERED, new UserPasswordChanged(USERNAME, NEW_HASH))
                    .when(new DisableUser(USERNAME, 0L), adminOf(CITY_ID))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Enabling {

        @Test
        void enablingADisabledUserEmitsUserEnabled() {
            fixture.given(SUBMITTER_REGISTERED, new UserDisabled(USERNAME))
                    .when(new EnableUser(USERNAME, null), adminOf(CITY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserEnabled(USERNAME));
        }

        @Test
        void enablingAnEnabledUserIsRefused() {
            fixture.given(SUBMITTER_REGISTERED)
                    .when(new EnableUser(USERNAME, null), adminOf(CITY_ID))
                    .expectException(violationOf("ALREADY_ENABLED"))
                    .expectExceptionMessage("该用户已经启用")
                    .expectNoEvents();
        }

        @Test
        void enablingAUserEnabledAgainIsRefused() {
            fixture.given(SUBMITTER_REGISTERED, new UserDisabled(USERNAME), new UserEnabled(USERNAME))
                    .when(new EnableUser(USERNAME, null), adminOf(CITY_ID))
                    .expectException(violationOf("ALREADY_ENABLED"))
                    .expectNoEvents();
        }

        @Test
        void anAdministratorOfAnotherCityIsToldTheUserDoesNotExist() {
            fixture.given(SUBMITTER_REGISTERED, new UserDisabled(USERNAME))
                    .when(new EnableUser(USERNAME, null), adminOf(OTHER_CITY_ID))
                    .expectException(NotFoundInScope.class)
                    .expectNoEvents();
        }

        @Test
        void anEnableBasedOnAStaleVersionIsRefused() {
            fixture.given(SUBMITTER_REGISTERED, new UserDisabled(USERNAME))
                    .when(new EnableUser(USERNAME, 0L), adminOf(CITY_ID))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }
}
