package cn.jiangcheng.tracker.bench;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * A thread-bound JDBC transaction, doing what Spring's DataSourceTransactionManager plus Axon's
 * SpringTransactionManager and SpringDataSourceConnectionProvider do in the app: the outermost transaction takes a
 * pooled connection and turns auto-commit off, nested ones join it, and the engine gets that connection wrapped so
 * its close() is a no-op.
 */
final class JdbcTransactions implements TransactionManager, ConnectionProvider {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return Participating.INSTANCE;
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            current.set(connection);
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        connection.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException("commit failed", e);
                    } finally {
                        release(connection);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        connection.rollback();
                    } catch (SQLException e) {
                        throw new IllegalStateException("rollback failed", e);
                    } finally {
                        release(connection);
                    }
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot begin a JDBC transaction", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection bound = current.get();
        if (bound == null) {
            // outside a transaction the engine gets an auto-commit connection and closes it itself
            return dataSource.getConnection();
        }
        return ConnectionWrapperFactory.wrap(bound, new ConnectionWrapperFactory.NoOpCloseHandler());
    }

    private void release(Connection connection) {
        current.remove();
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot return the connection to the pool", e);
        }
    }

    /** A transaction that joined an outer one: the outer one commits or rolls back. */
    enum Participating implements Transaction {
        INSTANCE;

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    }
}
