package dev.kassa.task.board;

import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's tasks. {@code visibleTo}: a user id to see only their own (assigned or created), null to see all. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TaskRepository {

    record Fields(
            String title,
            String description,
            long assignedTo,
            long assignedUser,
            String priority,
            String category,
            Instant dueDate,
            BigDecimal estimatedHours,
            Long stockCount) {}

    /** The tasks {@code :viewer} may see: all of them when null (a manager), else those assigned to or created by that user. */
    private static final String VISIBLE =
            "(cast(:viewer as bigint) is null or t.assigned_user = :viewer or t.created_by_user = :viewer)";

    private static final String UNFINISHED = "t.status in ('pending', 'in_progress', 'on_review')";
    private static final RowMapper<Task> ROW = (rs, i) -> new Task(
            rs.getLong("id"),
            rs.getString("title"),
            rs.getString("description"),
            rs.getLong("assigned_to"),
            rs.getLong("assigned_user"),
            (Long) rs.getObject("created_by"),
            rs.getLong("created_by_user"),
            rs.getString("priority"),
            rs.getString("status"),
            rs.getString("category"),
            rs.getTimestamp("due_date").toInstant(),
            rs.getBigDecimal("estimated_hours"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(),
            instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("completed_at")),
            rs.getString("rejection_reason"),
            (Long) rs.getObject("stock_count"));

    private final JdbcClient sql;

    TaskRepository(JdbcClient sql) {
        this.sql = sql;
    }

    long insert(Fields f, Long createdBy, long createdByUser) {
        return sql.sql(
                        """
                        insert into tasks (title, description, assigned_to, assigned_user, created_by, created_by_user, priority, category,
                                           due_date, estimated_hours, stock_count)
                        values (:title, :description, :assignedTo, :assignedUser, :createdBy, :createdByUser, :priority, :category, :due, :hours,
                                :stockCount)
                        returning id
                        """)
                .param("title", f.title())
                .param("description", f.description())
                .param("assignedTo", f.assignedTo())
                .param("assignedUser", f.assignedUser())
                .param("createdBy", createdBy)
                .param("createdByUser", createdByUser)
                .param("priority", f.priority())
                .param("category", f.category())
                .param("due", Timestamp.from(f.dueDate()))
                .param("hours", f.estimatedHours())
                .param("stockCount", f.stockCount())
                .query(Long.class)
                .single();
    }

    void update(long id, Fields f) {
        sql.sql(
                        """
                        update tasks set title = :title, description = :description, assigned_to = :assignedTo, assigned_user = :assignedUser,
                               priority = :priority, category = :category, estimated_hours = :hours, stock_count = :stockCount,
                               updated_at = now(),
                               overdue_announced = overdue_announced and due_date = :due, due_date = :due
                         where id = :id
                        """)
                .param("id", id)
                .param("title", f.title())
                .param("description", f.description())
                .param("assignedTo", f.assignedTo())
                .param("assignedUser", f.assignedUser())
                .param("priority", f.priority())
                .param("category", f.category())
                .param("due", Timestamp.from(f.dueDate()))
                .param("hours", f.estimatedHours())
                .param("stockCount", f.stockCount())
                .update();
    }

    void move(long id, TaskStatus to, String rejectionReason) {
        sql.sql(
                        """
                        update tasks set status = :status, updated_at = now(),
                               started_at = case when :status = 'in_progress' then now() else started_at end,
                               completed_at = case when :status = 'completed' then now() else completed_at end,
                               rejection_reason = case when :status = 'rejected' then :reason
                                                       when :status = 'in_progress' then rejection_reason else rejection_reason end
                         where id = :id
                        """)
                .param("id", id)
                .param("status", to.code())
                .param("reason", rejectionReason == null ? "" : rejectionReason)
                .update();
    }

    void delete(long id) {
        sql.sql("delete from tasks where id = :id").param("id", id).update();
    }

    Optional<Task> lock(long id) {
        return sql.sql("select * from tasks where id = :id for update")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    Optional<Task> find(long id, Long visibleTo) {
        return sql.sql("select * from tasks t where t.id = :id and " + VISIBLE)
                .param("id", id)
                .param("viewer", visibleTo)
                .query(ROW)
                .optional();
    }

    Page<Task> page(Long visibleTo, TaskFilter filter, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                "select * from tasks t",
                "from tasks t",
                "where " + VISIBLE
                        + """
                         and (cast(:status as text) is null or t.status = :status) and (cast(:priority as text) is null or t.priority = :priority)
                         and (cast(:assignee as bigint) is null or t.assigned_to = :assignee)
                         and (cast(:creator as bigint) is null or t.created_by = :creator)
                         and (cast(:category as text) is null or t.category = :category)
                         and (cast(:like as text) is null or lower(t.title) like :like or lower(t.description) like :like)
                        """,
                orderBy,
                q -> q.param("viewer", visibleTo)
                        .param("status", filter.status())
                        .param("priority", filter.priority())
                        .param("assignee", filter.assignedTo())
                        .param("creator", filter.createdBy())
                        .param("category", filter.category())
                        .param("like", filter.like()),
                ROW,
                page);
    }

    /** Visible tasks assigned to {@code user}, by due date. */
    List<Task> assignedTo(Long visibleTo, long user) {
        return list(visibleTo, "t.assigned_user = :user", Map.of("user", user));
    }

    /** Visible tasks {@code user} created, by due date. */
    List<Task> createdBy(Long visibleTo, long user) {
        return list(visibleTo, "t.created_by_user = :user", Map.of("user", user));
    }

    /** Visible unfinished tasks past their due time, by due date. */
    List<Task> overdue(Long visibleTo) {
        return list(visibleTo, "t.due_date < now() and " + UNFINISHED, Map.of());
    }

    /** Visible tasks due from {@code from} (inclusive) to {@code to} (exclusive), by due date. */
    List<Task> due(Long visibleTo, Instant from, Instant to) {
        return list(
                visibleTo,
                "t.due_date >= :from and t.due_date < :to",
                Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)));
    }

    private List<Task> list(Long visibleTo, String where, Map<String, ?> params) {
        return sql.sql("select * from tasks t where " + VISIBLE + " and " + where + " order by t.due_date, t.id")
                .param("viewer", visibleTo)
                .params(params)
                .query(ROW)
                .list();
    }

    /** How many tasks the viewer sees, by status and priority (every status and priority listed, 0 included), and overdue. */
    TaskStats stats(Long visibleTo) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s.code(), 0);
        }
        // low to urgent (a Map.of copied here had no order)
        Map<String, Integer> byPriority = new LinkedHashMap<>();
        for (TaskPriority p : TaskPriority.values()) {
            byPriority.put(p.code(), 0);
        }
        sql.sql("select status, count(*) from tasks t where " + VISIBLE + " group by status")
                .param("viewer", visibleTo)
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getInt(2));
                });
        sql.sql("select priority, count(*) from tasks t where " + VISIBLE + " group by priority")
                .param("viewer", visibleTo)
                .query(rs -> {
                    byPriority.put(rs.getString(1), rs.getInt(2));
                });
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int overdue = sql.sql(
                        "select count(*) from tasks t where " + VISIBLE + " and t.due_date < now() and " + UNFINISHED)
                .param("viewer", visibleTo)
                .query(Integer.class)
                .single();
        return new TaskStats(total, byStatus, byPriority, overdue);
    }

    /** Up to {@code limit} tasks past their deadline, not done and not announced yet, locked (others' are skipped), oldest first. */
    List<TaskOverdue> newlyOverdue(int limit) {
        return sql.sql(
                        """
                        select id, title, assigned_to, created_by, status, due_date from tasks
                         where not overdue_announced and due_date < now() and status in ('pending', 'in_progress', 'on_review')
                         order by due_date limit :limit for update skip locked
                        """)
                .param("limit", limit)
                .query((rs, i) -> new TaskOverdue(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The earliest deadline of the store's unfinished tasks not yet announced overdue, if any. */
    Optional<Instant> nextDeadline() {
        return sql.sql(
                        "select min(due_date) from tasks where not overdue_announced and status in ('pending', 'in_progress', 'on_review')")
                .query((rs, i) -> instant(rs.getTimestamp(1)))
                .optional();
    }

    void markOverdueAnnounced(long id) {
        sql.sql("update tasks set overdue_announced = true where id = :id")
                .param("id", id)
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
