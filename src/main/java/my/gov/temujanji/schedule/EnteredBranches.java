package my.gov.temujanji.schedule;

import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The branches whose schedule lock the current transaction holds already, so that it is asked of
 * PostgreSQL once per transaction (a hold enters its branch and then takes a place there, which enters
 * it again). Only a note of what PostgreSQL granted: a transaction-scoped advisory lock is held until
 * the transaction ends, and the note goes with it, and is set aside while the transaction is suspended.
 */
final class EnteredBranches {

    private static final Object KEY = EnteredBranches.class;

    private EnteredBranches() {
    }

    static boolean holds(String branchCode) {
        Set<?> entered = (Set<?>) TransactionSynchronizationManager.getResource(KEY);
        return entered != null && entered.contains(branchCode);
    }

    @SuppressWarnings("unchecked")
    static void add(String branchCode) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // nothing to tie the note to: the lock is simply asked for again
        }
        Set<String> entered = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
        if (entered == null) {
            Set<String> branches = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, branches);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(KEY);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(KEY, branches);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            entered = branches;
        }
        entered.add(branchCode);
    }
}
