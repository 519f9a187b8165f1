package dev.payments.platform.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a cache eviction now and again once the current transaction has ended, so that no concurrent request can
 * re-cache the state the transaction is replacing.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry registry;

    public void run(Runnable action) {
        action.run();
        if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        }
    }
}
