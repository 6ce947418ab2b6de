package dev.kassa.task.task;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;


/** Announces tasks past their deadline and not done, once each (in the current store's transaction). */
@Component
public class OverdueTasks {

    private final TaskRepository tasks;
    private final OutboxPublisher outbox;

    OverdueTasks(TaskRepository tasks, OutboxPublisher outbox) {
        this.tasks = tasks;
        this.outbox = outbox;
    }

    /** Publishes {@code TaskOverdue} for up to 500 newly overdue tasks of the current store; how many it announced. */
    @Transactional
    public int announce() {
        List<TaskOverdue> due = tasks.newlyOverdue(500);
        for (TaskOverdue t : due) {
            outbox.publish(TenantContext.require().key(), t);
            tasks.markOverdueAnnounced(t.taskId());
        }
        return due.size();
    }
}
