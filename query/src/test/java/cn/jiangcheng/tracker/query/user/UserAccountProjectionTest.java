package cn.jiangcheng.tracker.query.user;

import cn.jiangcheng.tracker.api.common.AuditKeys;
import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserEvents.ConflictingRolesGranted;
import cn.jiangcheng.tracker.api.user.UserEvents.UserDisabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserEnabled;
import cn.jiangcheng.tracker.api.user.UserEvents.UserPasswordChanged;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRegistered;
import cn.jiangcheng.tracker.api.user.UserEvents.UserRolesChanged;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUserAccount;
import cn.jiangcheng.tracker.api.user.UserQueries.FindUsersOfCity;
import cn.jiangcheng.tracker.api.user.UserQueries.UserAccountView;
import cn.jiangcheng.tracker.query.support.ReadModelDatabase;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UserAccountProjectionTest {
    private final UserAccountProjection projection = new UserAccountProjection(ReadModelDatabase.jdbc());

    @BeforeEach
    void empty() {
        ReadModelDatabase.emptyAll();
    }

    private void events() {
        projection.on(new UserRegistered("yongji-submitter", "永吉填报员", "{bcrypt}a", Set.of(Role.SUBMITTER),
                "220221", "220200"), 0, by("admin"));
        projection.on(new UserRolesChanged("yongji-submitter", Set.of(Role.SUBMITTER),
                Set.of(Role.SUBMITTER, Role.APPROVER)), 1);
        projection.on(new UserPasswordChanged("yongji-submitter", "{bcrypt}b"), 2, by("yongji-submitter"));
        projection.on(new UserDisabled("yongji-submitter"), 3);
        projection.on(new UserEnabled("yongji-submitter"), 4);
        projection.on(new UserRegistered("auditor", "审计员", "{bcrypt}c", Set.of(Role.AUDITOR), "220200-sthj",
                "220200"), 0, by("admin"));
        projection.on(new UserDisabled("auditor"), 1);
        projection.on(new UserRegistered("sthj-both", "兼职人员", "{bcrypt}d", Set.of(Role.SUBMITTER, Role.APPROVER),
                "220200-sthj", "220200"), 0, by(AuditKeys.SYSTEM_USER));
        projection.on(new ConflictingRolesGranted("sthj-both", Set.of(Role.SUBMITTER, Role.APPROVER), "兼任"), 1);
    }

    @Test
    void accountsAsTheEventsLeftThem() {
        ReadModelDatabase.asOwner(UserAccountProjection.TABLES, this::events);

        UserAccountView user = projection.handle(new FindUserAccount("yongji-submitter")).orElseThrow();
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.SUBMITTER, Role.APPROVER);
        assertThat(user.passwordHash()).isEqualTo("{bcrypt}b");
        assertThat(user.enabled()).isTrue();
        assertThat(user.version()).isEqualTo(4);
        assertThat(projection.handle(new FindUserAccount("auditor")).orElseThrow().enabled()).isFalse();
        assertThat(projection.handle(new FindUsersOfCity("220200")).users()).extracting(UserAccountView::username)
                .containsExactly("auditor", "sthj-both", "yongji-submitter");
        assertThat(projection.handle(new FindUserAccount("sthj-both")).orElseThrow().version())
                .as("the granting event is the account's last").isEqualTo(1);
    }

    @Test
    void aPasswordSetBySomeoneElseMustBeChangedByTheAccount() {
        ReadModelDatabase.asOwner(UserAccountProjection.TABLES, () -> {
            events();
            projection.on(new UserPasswordChanged("sthj-both", "{bcrypt}e"), 2, by("admin"));
        });

        assertThat(projection.handle(new FindUserAccount("auditor")).orElseThrow().passwordChangeRequired())
                .as("created by the administrator").isTrue();
        assertThat(projection.handle(new FindUserAccount("yongji-submitter")).orElseThrow()
                .passwordChangeRequired()).as("then changed by the account itself").isFalse();
        assertThat(projection.handle(new FindUserAccount("sthj-both")).orElseThrow().passwordChangeRequired())
                .as("seeded by the system, then reset by the administrator").isTrue();
    }

    @Test
    void theSystemsPasswordsAreNotOneTime() {
        ReadModelDatabase.asOwner(UserAccountProjection.TABLES, this::events);

        assertThat(projection.handle(new FindUserAccount("sthj-both")).orElseThrow().passwordChangeRequired())
                .isFalse();
    }

    private static MetaData by(String userId) {
        return MetaData.with(AuditKeys.USER_ID, userId);
    }

    @Test
    void replayedTwiceAndResetAndReplayed() {
        ReadModelDatabase.assertReplayable(projection, this::events);
    }
}
