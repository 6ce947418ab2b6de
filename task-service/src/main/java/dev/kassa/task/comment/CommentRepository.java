package dev.kassa.task.comment;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Comments on tasks, oldest first. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CommentRepository {

    record Comment(
            long id, long task, Long author, long authorUser, String text, Instant createdAt, Instant updatedAt) {}

    private static final RowMapper<Comment> ROW = (rs, i) -> new Comment(
            rs.getLong("id"),
            rs.getLong("task_id"),
            (Long) rs.getObject("author"),
            rs.getLong("author_user"),
            rs.getString("text"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;

    CommentRepository(JdbcClient sql) {
        this.sql = sql;
    }

    long add(long task, Long author, long authorUser, String text) {
        return sql.sql(
                        "insert into task_comments (task_id, author, author_user, text) values (:task, :author, :user, :text) returning id")
                .param("task", task)
                .param("author", author)
                .param("user", authorUser)
                .param("text", text)
                .query(Long.class)
                .single();
    }

    List<Comment> of(long task) {
        return sql.sql("select * from task_comments where task_id = :task order by created_at, id")
                .param("task", task)
                .query(ROW)
                .list();
    }

    /** How many comments each of these tasks has (tasks without any are absent). */
    Map<Long, Integer> counts(Collection<Long> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new HashMap<>();
        sql.sql("select task_id, count(*) from task_comments where task_id in (:tasks) group by task_id")
                .param("tasks", tasks)
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    Optional<Comment> find(long id) {
        return sql.sql("select * from task_comments where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    void edit(long id, String text) {
        sql.sql("update task_comments set text = :text, updated_at = now() where id = :id")
                .param("id", id)
                .param("text", text)
                .update();
    }

    void delete(long id) {
        sql.sql("delete from task_comments where id = :id").param("id", id).update();
    }
}
