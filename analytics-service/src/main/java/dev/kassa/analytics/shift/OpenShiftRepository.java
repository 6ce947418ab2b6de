package dev.kassa.analytics.shift;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Shifts as sales announced them: which are open now (a close that arrives before its opening still closes it). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class OpenShiftRepository {

    public record Shift(long sessionId, long registerId, long cashierId, Instant openedAt) {}

    private final JdbcClient jdbc;

    OpenShiftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void opened(long session, long register, long cashier, Instant at, LocalDate businessDate) {
        write(
                """
                insert into shifts (session_id, register_id, cashier_id, opened_at, business_date) values (:s, :r, :c, :at, :date)
                on conflict (session_id) do nothing
                """,
                session,
                register,
                cashier,
                at,
                businessDate);
    }

    public void closed(long session, long register, long cashier, Instant at, LocalDate businessDate) {
        write(
                """
                insert into shifts (session_id, register_id, cashier_id, opened_at, business_date, closed_at)
                values (:s, :r, :c, :at, :date, :at)
                on conflict (session_id) do update set closed_at = excluded.closed_at
                """,
                session,
                register,
                cashier,
                at,
                businessDate);
    }

    private void write(String sql, long session, long register, long cashier, Instant at, LocalDate businessDate) {
        jdbc.sql(sql)
                .param("s", session)
                .param("r", register)
                .param("c", cashier)
                .param("at", Timestamp.from(at))
                .param("date", businessDate)
                .update();
    }

    @Transactional(readOnly = true)
    public List<Shift> open() {
        return jdbc.sql(
                        "select session_id, register_id, cashier_id, opened_at from shifts where closed_at is null order by opened_at")
                .query((rs, i) -> new Shift(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
