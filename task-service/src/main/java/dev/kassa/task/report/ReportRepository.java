package dev.kassa.task.report;

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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reports on tasks and their photos (the photos' bytes are the file store's), newest report first. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ReportRepository {

    record Report(
            long id,
            long task,
            Long submittedBy,
            long submittedByUser,
            String description,
            BigDecimal actualHours,
            Instant submittedAt) {}

    record Photo(long id, long report, UUID file, String caption, Instant uploadedAt) {}

    private static final RowMapper<Report> ROW = (rs, i) -> new Report(
            rs.getLong("id"),
            rs.getLong("task_id"),
            (Long) rs.getObject("submitted_by"),
            rs.getLong("submitted_by_user"),
            rs.getString("description"),
            rs.getBigDecimal("actual_hours"),
            rs.getTimestamp("submitted_at").toInstant());

    private static final RowMapper<Photo> PHOTO = (rs, i) -> new Photo(
            rs.getLong("id"),
            rs.getLong("report_id"),
            rs.getObject("file_id", UUID.class),
            rs.getString("caption"),
            rs.getTimestamp("uploaded_at").toInstant());

    private final JdbcClient sql;

    ReportRepository(JdbcClient sql) {
        this.sql = sql;
    }

    long add(long task, Long submittedBy, long user, String description, BigDecimal hours) {
        return sql.sql(
                        """
                        insert into task_reports (task_id, submitted_by, submitted_by_user, description, actual_hours)
                        values (:task, :by, :user, :description, :hours) returning id""")
                .param("task", task)
                .param("by", submittedBy)
                .param("user", user)
                .param("description", description)
                .param("hours", hours)
                .query(Long.class)
                .single();
    }

    void addPhoto(long report, UUID file, String caption) {
        sql.sql("insert into task_report_photos (report_id, file_id, caption) values (:report, :file, :caption)")
                .param("report", report)
                .param("file", file)
                .param("caption", caption)
                .update();
    }

    Optional<Report> find(long id) {
        return sql.sql("select * from task_reports where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** Reports of the tasks {@code viewer} may see (null: every task), of one task when given, newest first. */
    Page<Report> page(Long task, Long viewer, Pageable page) {
        String where =
                """
                where (cast(:task as bigint) is null or r.task_id = :task)
                  and (cast(:viewer as bigint) is null or t.assigned_user = :viewer or t.created_by_user = :viewer)
                """;
        return JdbcPages.page(
                sql,
                "select r.* from task_reports r join tasks t on t.id = r.task_id",
                "from task_reports r join tasks t on t.id = r.task_id",
                where,
                "r.submitted_at desc, r.id desc",
                q -> q.param("task", task).param("viewer", viewer),
                ROW,
                page);
    }

    List<Report> of(long task) {
        return sql.sql("select * from task_reports where task_id = :task order by submitted_at desc, id desc")
                .param("task", task)
                .query(ROW)
                .list();
    }

    /** The photos of these reports, by report, in the order they were sent. */
    Map<Long, List<Photo>> photos(Collection<Long> reports) {
        if (reports.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql("select * from task_report_photos where report_id in (:reports) order by id")
                .param("reports", reports)
                .query(PHOTO)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Photo::report));
    }

    void edit(long id, String description, BigDecimal hours) {
        sql.sql("update task_reports set description = :description, actual_hours = :hours where id = :id")
                .param("id", id)
                .param("description", description)
                .param("hours", hours)
                .update();
    }

    /** Deletes the report and its photo rows; answers the files they pointed at. */
    List<UUID> delete(long id) {
        List<UUID> files = sql.sql("select file_id from task_report_photos where report_id = :id")
                .param("id", id)
                .query(UUID.class)
                .list();
        sql.sql("delete from task_reports where id = :id").param("id", id).update();
        return files;
    }

    /** The files of every photo of a task's reports (a task deleted takes its reports with it). */
    List<UUID> filesOfTask(long task) {
        return sql.sql(
                        "select p.file_id from task_report_photos p join task_reports r on r.id = p.report_id where r.task_id = :task")
                .param("task", task)
                .query(UUID.class)
                .list();
    }
}
