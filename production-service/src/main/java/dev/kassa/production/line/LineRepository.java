package dev.kassa.production.line;

import dev.kassa.platform.web.JdbcPages;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's lines, their calendars and their status history (tables {@code lines}, {@code line_*}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class LineRepository {

    /** A line as stored, its calendar apart. */
    record Row(
            long id,
            String code,
            String name,
            String kind,
            String stockStore,
            BigDecimal costPerHour,
            LineStatus status,
            String statusReason,
            Instant statusSince,
            boolean isActive,
            Instant createdAt) {}

    /** What a line's form sets (its status apart). */
    record Fields(String code, String name, String kind, String stockStore, BigDecimal costPerHour, boolean isActive) {}

    /** One entry of a line's history. */
    @Schema(name = "LineStatusChange")
    record Change(long id, String status, String reason, Long changedBy, Instant changedAt) {}

    private static final String COLUMNS =
            "id, code, name, kind, stock_store, cost_per_hour, status, status_reason, status_since, is_active, created_at";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("kind"),
            rs.getString("stock_store"),
            rs.getBigDecimal("cost_per_hour"),
            LineStatus.of(rs.getString("status")),
            rs.getString("status_reason"),
            rs.getTimestamp("status_since").toInstant(),
            rs.getBoolean("is_active"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    LineRepository(JdbcClient sql) {
        this.sql = sql;
    }

    List<Row> list(LineStatus status, String kind, Boolean active, String search) {
        return sql.sql("select " + COLUMNS + " from lines where (cast(:status as text) is null or status = :status)"
                        + " and (cast(:kind as text) is null or lower(kind) = lower(:kind))"
                        + " and (cast(:active as boolean) is null or is_active = :active)"
                        + " and (cast(:search as text) is null or code ilike '%' || :search || '%'"
                        + " or name ilike '%' || :search || '%')"
                        + " order by code, id")
                .param("status", status == null ? null : status.code())
                .param("kind", kind)
                .param("active", active)
                .param("search", search)
                .query(ROW)
                .list();
    }

    Optional<Row> find(long id) {
        return sql.sql("select " + COLUMNS + " from lines where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** The line under its lock: the only way to one whose status is about to change. */
    Optional<Row> lock(long id) {
        return sql.sql("select " + COLUMNS + " from lines where id = :id for update")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    boolean codeTaken(String code, Long other) {
        return sql.sql("select exists (select 1 from lines where lower(code) = lower(:code)"
                        + " and (cast(:other as bigint) is null or id <> :other))")
                .param("code", code)
                .param("other", other)
                .query(Boolean.class)
                .single();
    }

    long insert(Fields f) {
        return sql.sql("insert into lines (code, name, kind, stock_store, cost_per_hour, is_active)"
                        + " values (:code, :name, :kind, :store, :cost, :active) returning id")
                .param("code", f.code())
                .param("name", f.name())
                .param("kind", f.kind())
                .param("store", f.stockStore())
                .param("cost", f.costPerHour())
                .param("active", f.isActive())
                .query(Long.class)
                .single();
    }

    void update(long id, Fields f) {
        sql.sql("update lines set code = :code, name = :name, kind = :kind, stock_store = :store,"
                        + " cost_per_hour = :cost, is_active = :active where id = :id")
                .param("id", id)
                .param("code", f.code())
                .param("name", f.name())
                .param("kind", f.kind())
                .param("store", f.stockStore())
                .param("cost", f.costPerHour())
                .param("active", f.isActive())
                .update();
    }

    /** The line's calendar replaced by {@code calendar}. */
    void calendar(long id, Calendar calendar) {
        sql.sql("delete from line_hours where line_id = :id").param("id", id).update();
        sql.sql("delete from line_closed_days where line_id = :id")
                .param("id", id)
                .update();
        for (Calendar.Shift s : calendar.hours()) {
            sql.sql("insert into line_hours (line_id, weekday, opens, closes) values (:id, :day, :opens, :closes)")
                    .param("id", id)
                    .param("day", s.weekday())
                    .param("opens", Time.valueOf(s.from()))
                    .param("closes", Time.valueOf(s.to()))
                    .update();
        }
        for (Calendar.ClosedDay d : calendar.closedDays()) {
            sql.sql("insert into line_closed_days (line_id, day, reason) values (:id, :day, :reason)")
                    .param("id", id)
                    .param("day", d.day())
                    .param("reason", d.reason())
                    .update();
        }
    }

    /** The calendars of {@code ids}, by line (always open when a line has none). */
    Map<Long, Calendar> calendars(List<Long> ids) {
        Map<Long, List<Calendar.Shift>> hours = new LinkedHashMap<>();
        Map<Long, List<Calendar.ClosedDay>> closed = new LinkedHashMap<>();
        Long[] lines = ids.toArray(Long[]::new);
        sql.sql("select line_id, weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes"
                        + " from line_hours where line_id = any(:ids) order by line_id, weekday, opens")
                .param("ids", lines)
                .query((rs, i) -> hours.computeIfAbsent(rs.getLong("line_id"), k -> new ArrayList<>())
                        .add(new Calendar.Shift(rs.getInt("weekday"), rs.getString("opens"), rs.getString("closes"))))
                .list();
        sql.sql("select line_id, day, reason from line_closed_days where line_id = any(:ids) order by line_id, day")
                .param("ids", lines)
                .query((rs, i) -> closed.computeIfAbsent(rs.getLong("line_id"), k -> new ArrayList<>())
                        .add(new Calendar.ClosedDay(
                                rs.getObject("day", LocalDate.class).toString(), rs.getString("reason"))))
                .list();
        Map<Long, Calendar> calendars = new LinkedHashMap<>();
        for (long id : ids) {
            calendars.put(id, new Calendar(hours.getOrDefault(id, List.of()), closed.getOrDefault(id, List.of())));
        }
        return calendars;
    }

    /** The line's new status, and the entry of its history that keeps it. */
    void status(long id, LineStatus status, String reason, Long by, Instant at) {
        sql.sql("update lines set status = :status, status_reason = :reason, status_since = :at where id = :id")
                .param("id", id)
                .param("status", status.code())
                .param("reason", reason)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        history(id, status, reason, by, at);
    }

    void history(long id, LineStatus status, String reason, Long by, Instant at) {
        sql.sql("insert into line_status_history (line_id, status, reason, changed_by, changed_at)"
                        + " values (:id, :status, :reason, :by, :at)")
                .param("id", id)
                .param("status", status.code())
                .param("reason", reason)
                .param("by", by)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** A page of the line's history, latest first. */
    Page<Change> history(long id, Pageable page) {
        return JdbcPages.page(
                sql,
                "select id, status, reason, changed_by, changed_at from line_status_history",
                "from line_status_history",
                "where line_id = :id",
                "changed_at desc, id desc",
                q -> q.param("id", id),
                (rs, i) -> new Change(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getString("reason"),
                        (Long) rs.getObject("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()),
                page);
    }
}
