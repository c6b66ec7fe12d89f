package cn.jiangcheng.tracker.app.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure for want of the database from any other. Axon and Spring wrap the driver's error in their own
 * exceptions (CommandExecutionException, EventStoreException, JdbcException, CompletionException, ServletException,
 * …), so the whole cause chain is looked at.
 */
public final class DatabaseUnavailable {
    private static final int MAX_CAUSES = 32;
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseUnavailable() {
    }

    /** Whether e happened because no connection to the database could be had or the one in use broke. */
    public static boolean causes(Throwable e) {
        Throwable t = e;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof ConnectException) {
                return true;
            }
            // class 08: connection exception; 57P01–57P03: the server shuts down, crashed or is starting up
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // Hikari's stand-in for a connection it found broken earlier in the same transaction (no SQL state)
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
