package cn.jiangcheng.tracker.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * A thread-bound resource-local JPA transaction, doing what Spring's JpaTransactionManager plus Axon's
 * SpringTransactionManager and ContainerManagedEntityManagerProvider would: the outermost transaction opens an
 * EntityManager and begins its transaction, nested ones join it, and commit closes the EntityManager.
 */
final class JpaTransactions implements TransactionManager, EntityManagerProvider {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    JpaTransactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JdbcTransactions.Participating.INSTANCE;
        }
        EntityManager entityManager = factory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        transaction.begin();
        current.set(entityManager);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    release(entityManager);
                }
            }

            @Override
            public void rollback() {
                try {
                    if (transaction.isActive()) {
                        transaction.rollback();
                    }
                } finally {
                    release(entityManager);
                }
            }
        };
    }

    @Override
    public EntityManager getEntityManager() {
        EntityManager bound = current.get();
        if (bound == null) {
            // the benchmark only calls engine methods that run inside a transaction; fail loudly if that changes
            throw new IllegalStateException("JPA engine used outside a transaction");
        }
        return bound;
    }

    private void release(EntityManager entityManager) {
        current.remove();
        entityManager.close();
    }
}
