package dev.kassa.task.task;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;


/** Announces tasks past their deadline and not done, once each (in the current store's transaction). */
@Component
public class OverdueTasks {

    private final JdbcClient sql;
    private final OutboxPublisher outbox;

    OverdueTasks(JdbcClient sql, OutboxPublisher outbox) {
        this.sql = sql;
        this.outbox = outbox;
    }

    /** Publishes {@code TaskOverdue} for up to 500 newly overdue tasks of the current store; how many it announced. */
    @Transactional
    public int announce() {
        var due = sql.sql("""
                        select id, title, assigned_to, created_by, status, due_date from tasks
                         where not overdue_announced and due_date < now() and status in ('pending', 'in_progress', 'on_review')
                         order by due_date limit 500 for update skip locked
                        """)
                .query((rs, i) -> new TaskOverdue(rs.getLong(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        for (TaskOverdue t : due) {
            outbox.publish(TenantContext.require().key(), t);
            sql.sql("update tasks set overdue_announced = true where id = :id").param("id", t.taskId()).update();
        }
        return due.size();
    }
}
