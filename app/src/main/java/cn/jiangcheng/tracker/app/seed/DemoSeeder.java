package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.CHANGCHUN;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.DEVELOPMENT_REFORM;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.ECOLOGY_BUREAU;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.JIAOHE;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.JILIN_CITY;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.NANGUAN;
import static cn.jiangcheng.tracker.app.seed.JilinOrgUnits.YONGJI;

/** Demo users and the second city; only in the demo profile, never in production. */
@Component
@Profile("demo")
@Order(2)
class DemoSeeder implements ApplicationRunner {
    /** Published in README.md; the demo profile is for trying the system out, not for real data. */
    static final String DEMO_PASSWORD = "Demo@2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    record DemoUser(String username, String displayName, Set<Role> roles, String orgUnitId, String cityId) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "系统管理员", Set.of(Role.ADMIN), ECOLOGY_BUREAU, JILIN_CITY),
            new DemoUser("sthj-approver", "王审核", Set.of(Role.APPROVER), ECOLOGY_BUREAU, JILIN_CITY),
            new DemoUser("sthj-inspector", "李督察", Set.of(Role.INSPECTOR), ECOLOGY_BUREAU, JILIN_CITY),
            new DemoUser("auditor", "赵审计", Set.of(Role.AUDITOR), ECOLOGY_BUREAU, JILIN_CITY),
            new DemoUser("yongji-submitter", "永吉县填报员", Set.of(Role.SUBMITTER), YONGJI, JILIN_CITY),
            new DemoUser("jiaohe-submitter", "蛟河市填报员", Set.of(Role.SUBMITTER), JIAOHE, JILIN_CITY),
            new DemoUser("fgw-submitter", "市发改委填报员", Set.of(Role.SUBMITTER), DEVELOPMENT_REFORM, JILIN_CITY),
            new DemoUser("cc-submitter", "南关区填报员", Set.of(Role.SUBMITTER), NANGUAN, CHANGCHUN));

    private final OrgUnitSeeder orgUnitSeeder;
    private final SeedSupport seed;
    private final PasswordEncoder passwordEncoder;

    DemoSeeder(OrgUnitSeeder orgUnitSeeder, SeedSupport seed, PasswordEncoder passwordEncoder) {
        this.orgUnitSeeder = orgUnitSeeder;
        this.seed = seed;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        orgUnitSeeder.seedUnits(JilinOrgUnits.DEMO_SECOND_CITY);
        int created = 0;
        for (DemoUser user : USERS) {
            RegisterUser command = new RegisterUser(user.username(), user.displayName(),
                    passwordEncoder.encode(DEMO_PASSWORD), user.roles(), user.orgUnitId(), user.cityId());
            if (seed.createIfMissing(user.username(), command)) {
                created++;
            }
        }
        if (created > 0) {
            LOG.info("Seeded {} demo users (password in README.md)", created);
        }
    }
}
