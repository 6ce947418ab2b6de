package dev.kassa.platform.events;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a consumer collects while the inbox's transaction handles a poll's events ({@link Inbox#handleAll}: one store's
 * events of a poll in one transaction), and does once just before that transaction commits: a poll's sales written with
 * one statement each instead of one each per sale (analytics' daily figures, catalog's stock taken by sales). Inside the
 * transaction, so a failure rolls the events back with it and they come again.
 */
public final class InboxTransaction {

    private InboxTransaction() {}

    /** {@code owner}'s collection in the current transaction: created on first use, with {@code beforeCommit} to finish it. */
    public static <T> T collected(Object owner, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(
                    owner.getClass().getSimpleName() + " collects inside the inbox's transaction");
        }
        T current = current(owner);
        if (current != null) {
            return current;
        }
        T created = create.get();
        TransactionSynchronizationManager.bindResource(owner, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                beforeCommit.accept(created);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(owner);
            }
        });
        return created;
    }

    /** {@code owner}'s collection in the current transaction, or null when it has collected nothing yet. */
    @SuppressWarnings("unchecked")
    public static <T> T current(Object owner) {
        return (T) TransactionSynchronizationManager.getResource(owner);
    }
}
