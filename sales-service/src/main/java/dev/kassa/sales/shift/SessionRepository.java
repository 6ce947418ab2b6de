package dev.kassa.sales.shift;

import dev.kassa.platform.error.Messages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Optional;

/** Shifts and registers of the current store (runs inside the caller's transaction, on the store's schema). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class SessionRepository {

    private static final String SELECT = """
            select s.id, r.id, r.code, r.name, s.cashier_user_id, s.cashier_name, s.status, s.opening_cash, s.expected_cash,
                   s.actual_cash, s.cash_difference, s.opened_at, s.closed_at
              from sessions s join cash_registers r on r.id = s.cash_register_id
            """;
    private static final RowMapper<Session> ROW = (rs, i) -> new Session(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
            rs.getBigDecimal(11), rs.getTimestamp(12).toInstant(), ts(rs.getTimestamp(13)));

    private final JdbcTemplate jdbc;

    SessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The store's main register, created on first use ("Главная касса", code MAIN). */
    public long mainRegister() {
        jdbc.update("insert into cash_registers (name, code, location) values (?, 'MAIN', ?) on conflict (code) do nothing",
                Messages.get("register.main.name"), Messages.get("register.main.location"));
        return jdbc.queryForObject("select id from cash_registers where code = 'MAIN'", Long.class);
    }

    public Optional<Session> find(long id) {
        return jdbc.query(SELECT + " where s.id = ?", ROW, id).stream().findFirst();
    }

    public Optional<Session> lock(long id) {
        return jdbc.query(SELECT + " where s.id = ? for update of s", ROW, id).stream().findFirst();
    }

    public Optional<Session> currentOf(long cashierUserId) {
        return jdbc.query(SELECT + " where s.cashier_user_id = ? and s.status in ('open', 'suspended') order by s.opened_at desc limit 1",
                ROW, cashierUserId).stream().findFirst();
    }

    public long open(long registerId, long cashierUserId, String cashierName, BigDecimal openingCash) {
        return jdbc.queryForObject("""
                insert into sessions (cash_register_id, cashier_user_id, cashier_name, opening_cash) values (?, ?, ?, ?) returning id
                """, Long.class, registerId, cashierUserId, cashierName, openingCash);
    }

    private static java.time.Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
