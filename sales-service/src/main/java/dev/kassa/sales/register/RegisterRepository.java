package dev.kassa.sales.register;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Cash registers of the current store (spec §4, CashRegister), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class RegisterRepository {

    record Register(
            long id,
            String name,
            String code,
            String location,
            boolean isActive,
            String notes,
            BigDecimal startingFloat,
            int activeSessionsCount,
            Instant createdAt,
            Instant updatedAt) {}

    private static final String SELECT =
            """
            select r.*, (select count(*) from sessions s where s.cash_register_id = r.id and s.status in ('open', 'suspended')) as active_sessions
              from cash_registers r
            """;
    private static final RowMapper<Register> ROW = (rs, i) -> new Register(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("code"),
            rs.getString("location"),
            rs.getBoolean("is_active"),
            rs.getString("notes"),
            rs.getBigDecimal("starting_float"),
            rs.getInt("active_sessions"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    /** The seed's ordering names, mapped to columns; anything else is refused by the controller. */
    static final SqlOrdering ORDERING =
            SqlOrdering.of("name", "r.id", Map.of("name", "r.name", "created_at", "r.created_at"));

    private final JdbcClient sql;

    RegisterRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Whether the store has this register (active or not). */
    public boolean exists(long id) {
        return sql.sql("select count(*) from cash_registers where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<Register> find(long id) {
        return sql.sql(SELECT + " where r.id = :id").param("id", id).query(ROW).optional();
    }

    /** A page of the registers, active or not when {@code active} is given, matching {@code search} in name, code or location. */
    Page<Register> page(Boolean active, String search, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from cash_registers r",
                """
                         where (cast(:active as boolean) is null or r.is_active = :active)
                           and (cast(:like as text) is null or r.name ilike :like or r.code ilike :like or r.location ilike :like)
                        """,
                orderBy,
                q -> q.param("active", active).param("like", LikePatterns.contains(search)),
                ROW,
                page);
    }

    /** What a register's form sets: its name, code, place, active flag, notes and the cash a shift starts with. */
    record Fields(String name, String code, String location, boolean active, String notes, BigDecimal startingFloat) {}

    long create(Fields f) {
        return fields(
                        sql.sql(
                                """
                        insert into cash_registers (name, code, location, is_active, notes, starting_float)
                        values (:name, :code, :location, :active, :notes, :startingFloat) returning id
                        """),
                        f)
                .query(Long.class)
                .single();
    }

    void update(long id, Fields f) {
        fields(
                        sql.sql(
                                """
                        update cash_registers set name = :name, code = :code, location = :location, is_active = :active, notes = :notes,
                                                  starting_float = :startingFloat, updated_at = now()
                         where id = :id
                        """),
                        f)
                .param("id", id)
                .update();
    }

    boolean hasSessions(long id) {
        return Boolean.TRUE.equals(sql.sql("select exists (select 1 from sessions where cash_register_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single());
    }

    void delete(long id) {
        sql.sql("delete from cash_registers where id = :id").param("id", id).update();
    }

    /** An active register by id, for opening a shift on it. */
    public Optional<Long> activeRegister(long id) {
        return sql.sql("select id from cash_registers where id = :id and is_active")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /** The cash a shift on this register starts with when the cashier gives no amount. */
    public BigDecimal startingFloat(long registerId) {
        return sql.sql("select starting_float from cash_registers where id = :id")
                .param("id", registerId)
                .query(BigDecimal.class)
                .single();
    }

    /** The store's main register, created on first use ("Главная касса", code MAIN). */
    public long mainRegister() {
        sql.sql(
                        "insert into cash_registers (name, code, location) values (:name, 'MAIN', :location) on conflict (code) do nothing")
                .param("name", Messages.get("register.main.name"))
                .param("location", Messages.get("register.main.location"))
                .update();
        return sql.sql("select id from cash_registers where code = 'MAIN'")
                .query(Long.class)
                .single();
    }

    /** A register's fields, bound by name as both the insert and the update spell them. */
    private static JdbcClient.StatementSpec fields(JdbcClient.StatementSpec statement, Fields f) {
        return statement
                .param("name", f.name())
                .param("code", f.code())
                .param("location", f.location())
                .param("active", f.active())
                .param("notes", f.notes())
                .param("startingFloat", f.startingFloat());
    }
}
