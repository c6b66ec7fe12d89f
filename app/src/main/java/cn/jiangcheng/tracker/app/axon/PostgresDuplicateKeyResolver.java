package cn.jiangcheng.tracker.app.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Axon's default JDBC resolver only recognises SQLIntegrityConstraintViolationException, which the PostgreSQL
 * driver never throws. Without this, two concurrent changes to one record would surface as a storage failure
 * instead of a conflict the user can resolve by reloading.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
