package cn.jiangcheng.tracker.command.user;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.ChangeUserRoles;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRegistered;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRolesChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static cn.jiangcheng.tracker.command.Callers.adminOf;
import static cn.jiangcheng.tracker.command.Callers.userOf;
import static cn.jiangcheng.tracker.command.RuleViolations.violationOf;

/**
 * What no administrator does alone: give its own account other roles (an administrator turning itself into an
 * auditor would read everything without anyone else's say), or take a name the audit trail uses for no person.
 */
class UserAccountSelfProtectionTest {
    private static final String CITY_ID = "220200";
    private static final String UNIT_ID = "220200-sthj";
    private static final String ADMIN = "wang.admin";
    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv";
    private static final UserRegistered ADMIN_REGISTERED =
            new UserRegistered(ADMIN, "王五", HASH, Set.of(Role.ADMIN), UNIT_ID, CITY_ID);

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    @Test
    void anAdministratorDoesNotChangeItsOwnRoles() {
        fixture.given(ADMIN_REGISTERED)
                .when(new ChangeUserRoles(ADMIN, Set.of(Role.AUDITOR), null), userOf(CITY_ID, ADMIN))
                .expectException(violationOf("CANNOT_CHANGE_OWN_ROLES"))
                .expectExceptionMessage("不能修改自己的角色，请由其他管理员操作")
                .expectNoEvents();
    }

    @Test
    void anotherAdministratorChangesThem() {
        fixture.given(ADMIN_REGISTERED)
                .when(new ChangeUserRoles(ADMIN, Set.of(Role.AUDITOR), null), adminOf(CITY_ID))
                .expectEvents(new UserRolesChanged(ADMIN, Set.of(Role.ADMIN), Set.of(Role.AUDITOR)));
    }

    @Test
    void theAnonymousUsernameIsReserved() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(AuditKeys.ANONYMOUS_USER, "匿名", HASH, Set.of(Role.AUDITOR), UNIT_ID, CITY_ID),
                        adminOf(CITY_ID))
                .expectException(violationOf("RESERVED_USERNAME"))
                .expectExceptionMessage("该用户名为系统保留，不能使用")
                .expectNoEvents();
    }
}
