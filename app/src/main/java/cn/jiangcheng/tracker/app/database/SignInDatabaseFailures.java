package cn.jiangcheng.tracker.app.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The sign-in reads the account from the database, and Spring Security turns any failure there into 401. Every
 * UserDetailsService is therefore wrapped so that such a failure is noticed by {@link DatabaseAvailability}, which
 * lets the web layer answer 503 instead.
 */
@Component
public class SignInDatabaseFailures implements BeanPostProcessor {
    private final ObjectProvider<DatabaseAvailability> availability;

    public SignInDatabaseFailures(ObjectProvider<DatabaseAvailability> availability) {
        this.availability = availability;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof UserDetailsService users)) {
            return bean;
        }
        return (UserDetailsService) username -> load(users, username);
    }

    private UserDetails load(UserDetailsService users, String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causes(e)) {
                availability.getObject().markDown("the sign-in could not read the account");
            }
            throw e;
        }
    }
}
