package dev.kassa.task.template;

import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Task templates, by category and title. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TemplateRepository {

    record Template(
            long id,
            String title,
            String description,
            String category,
            String priority,
            BigDecimal estimatedHours,
            Long createdBy,
            long createdByUser,
            boolean isActive,
            Instant createdAt) {}

    record Fields(
            String title,
            String description,
            String category,
            String priority,
            BigDecimal estimatedHours,
            boolean isActive) {}

    private static final RowMapper<Template> ROW = (rs, i) -> new Template(
            rs.getLong("id"),
            rs.getString("title"),
            rs.getString("description"),
            rs.getString("category"),
            rs.getString("priority"),
            rs.getBigDecimal("estimated_hours"),
            (Long) rs.getObject("created_by"),
            rs.getLong("created_by_user"),
            rs.getBoolean("is_active"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    TemplateRepository(JdbcClient sql) {
        this.sql = sql;
    }

    long insert(Fields f, Long createdBy, long createdByUser) {
        return fields(
                        sql.sql(
                                """
                        insert into task_templates (title, description, category, priority, estimated_hours, is_active, created_by, created_by_user)
                        values (:title, :description, :category, :priority, :hours, :active, :by, :byUser) returning id
                        """),
                        f)
                .param("by", createdBy)
                .param("byUser", createdByUser)
                .query(Long.class)
                .single();
    }

    void update(long id, Fields f) {
        fields(
                        sql.sql(
                                """
                        update task_templates set title = :title, description = :description, category = :category, priority = :priority,
                               estimated_hours = :hours, is_active = :active where id = :id
                        """),
                        f)
                .param("id", id)
                .update();
    }

    boolean delete(long id) {
        return sql.sql("delete from task_templates where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Template> find(long id) {
        return sql.sql("select * from task_templates where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    Page<Template> page(String category, Boolean active, String like, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                "select * from task_templates t",
                "from task_templates t",
                """
                        where (cast(:category as text) is null or t.category = :category)
                          and (cast(:active as boolean) is null or t.is_active = :active)
                          and (cast(:like as text) is null or lower(t.title) like :like or lower(t.description) like :like
                               or lower(t.category) like :like)
                        """,
                orderBy,
                q -> q.param("category", category).param("active", active).param("like", like),
                ROW,
                page);
    }

    /** A template's fields, bound by name as both the insert and the update spell them. */
    private static JdbcClient.StatementSpec fields(JdbcClient.StatementSpec statement, Fields f) {
        return statement
                .param("title", f.title())
                .param("description", f.description())
                .param("category", f.category())
                .param("priority", f.priority())
                .param("hours", f.estimatedHours())
                .param("active", f.isActive());
    }
}
