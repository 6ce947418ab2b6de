package dev.kassa.sales.register;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cash registers of the current store (spec §4, CashRegister), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class RegisterRepository {

    record Register(long id, String name, String code, String location, boolean isActive, String notes,
                    java.math.BigDecimal startingFloat, int activeSessionsCount, Instant createdAt, Instant updatedAt) { }

    private static final String SELECT = """
            select r.*, (select count(*) from sessions s where s.cash_register_id = r.id and s.status in ('open', 'suspended')) as active_sessions
              from cash_registers r
            """;
    private static final RowMapper<Register> ROW = (rs, i) -> new Register(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
            rs.getString("location"), rs.getBoolean("is_active"), rs.getString("notes"), rs.getBigDecimal("starting_float"), rs.getInt("active_sessions"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    /** The seed's ordering names, mapped to columns; anything else is refused by the controller. */
    static final SqlOrdering ORDERING = SqlOrdering.of("name", "r.id", Map.of("name", "r.name", "created_at", "r.created_at"));

    private final JdbcTemplate jdbc;

    RegisterRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Register> find(long id) {
        return jdbc.query(SELECT + " where r.id = ?", ROW, id).stream().findFirst();
    }

    List<Register> list(Boolean active, String search, String orderBy, int limit, long offset) {
        String like = LikePatterns.contains(search);
        return jdbc.query(SELECT + WHERE + " order by " + orderBy + " limit ? offset ?", ROW,
                active, active, like, like, like, like, limit, offset);
    }

    long count(Boolean active, String search) {
        String like = LikePatterns.contains(search);
        return jdbc.queryForObject("select count(*) from cash_registers r" + WHERE, Long.class, active, active, like, like, like, like);
    }

    long create(String name, String code, String location, boolean active, String notes, java.math.BigDecimal startingFloat) {
        return jdbc.queryForObject("""
                insert into cash_registers (name, code, location, is_active, notes, starting_float) values (?, ?, ?, ?, ?, ?) returning id
                """, Long.class, name, code, location, active, notes, startingFloat);
    }

    void update(long id, String name, String code, String location, boolean active, String notes, java.math.BigDecimal startingFloat) {
        jdbc.update("""
                update cash_registers set name = ?, code = ?, location = ?, is_active = ?, notes = ?, starting_float = ?, updated_at = now()
                 where id = ?
                """, name, code, location, active, notes, startingFloat, id);
    }

    boolean hasSessions(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from sessions where cash_register_id = ?)", Boolean.class, id));
    }

    void delete(long id) {
        jdbc.update("delete from cash_registers where id = ?", id);
    }

    private static final String WHERE = """
             where (?::boolean is null or r.is_active = ?)
               and (?::text is null or r.name ilike ? or r.code ilike ? or r.location ilike ?)
            """;

}
