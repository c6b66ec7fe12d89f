package cn.jiangcheng.tracker.app.seed;

import cn.jiangcheng.tracker.api.user.Role;
import cn.jiangcheng.tracker.api.user.UserCommands.RegisterUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Outside the demo, nobody could log in to a fresh system: the first administrator is created from a password
 * the operator passes in the environment (TRACKER_BOOTSTRAP_ADMIN_PASSWORD), never from a file in git.
 */
@Component
@Profile("!demo")
@Order(2)
class AdminBootstrap implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final SeedSupport seed;
    private final PasswordEncoder passwordEncoder;
    private final String password;

    AdminBootstrap(SeedSupport seed, PasswordEncoder passwordEncoder,
                   @Value("${tracker.bootstrap.admin-password:}") String password) {
        this.seed = seed;
        this.passwordEncoder = passwordEncoder;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password == null || password.isBlank()) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("TRACKER_BOOTSTRAP_ADMIN_PASSWORD must have at least 12 characters");
        }
        boolean created = seed.createIfMissing("admin", new RegisterUser("admin", "系统管理员",
                passwordEncoder.encode(password), Set.of(Role.ADMIN), JilinOrgUnits.ECOLOGY_BUREAU,
                JilinOrgUnits.JILIN_CITY));
        if (created) {
            LOG.info("Created the first administrator 'admin'; remove TRACKER_BOOTSTRAP_ADMIN_PASSWORD now");
        }
    }
}
