package dev.kassa.task.board;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Announces tasks past their deadline and not done, once each (in the current store's transaction), and keeps, per
 * store, the earliest deadline still to announce as far as this instance knows: learnt from every store by the job's
 * hourly pass and from each announcement, and from the tasks this instance creates, reschedules or moves. The job's
 * minute pass visits only the stores whose deadline has come ({@link #storesDue}), not every store.
 */
@Component
public class OverdueTasks {

    private final TaskRepository tasks;
    private final OutboxPublisher outbox;
    private final Map<String, Instant> nextDeadline = new ConcurrentHashMap<>();

    OverdueTasks(TaskRepository tasks, OutboxPublisher outbox) {
        this.tasks = tasks;
        this.outbox = outbox;
    }

    /**
     * Publishes {@code TaskOverdue} for up to 500 newly overdue tasks of the current store; how many it announced. Then
     * learns the store's next deadline (a transaction that fails leaves the store due, so the next pass comes back).
     */
    @Transactional
    public int announce() {
        String store = TenantContext.require().key();
        // forgotten first: a task another request commits from now on is either seen by the query below or noted after
        // it
        nextDeadline.remove(store);
        // if this transaction fails, the store stays due: the next pass comes back
        Instant[] next = {Instant.EPOCH};
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                note(store, status == STATUS_COMMITTED ? next[0] : Instant.EPOCH);
            }
        });
        List<TaskOverdue> due = tasks.newlyOverdue(500);
        for (TaskOverdue t : due) {
            outbox.publish(store, t);
            tasks.markOverdueAnnounced(t.taskId());
        }
        next[0] = tasks.nextDeadline().orElse(null);
        return due.size();
    }

    /** The stores with a deadline that has come by {@code now}, as far as this instance knows. */
    public List<String> storesDue(Instant now) {
        return nextDeadline.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * A task of the current store may fall overdue at {@code deadline} (created, rescheduled, moved back to work): noted
     * once its transaction commits, so that the store's next announcement, which reads only committed tasks, sees it.
     */
    void mayFallDue(Instant deadline) {
        String store = TenantContext.require().key();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    note(store, deadline);
                }
            });
        } else {
            note(store, deadline);
        }
    }

    private void note(String store, Instant deadline) {
        if (deadline != null) {
            nextDeadline.merge(store, deadline, (a, b) -> a.isBefore(b) ? a : b);
        }
    }
}
