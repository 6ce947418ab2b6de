package dev.kassa.analytics.housekeeping;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/** The store's last closed day ({@code analytics_jobs}) and the lock that lets one instance close it. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ClosedDayRepository {

    private final JdbcClient sql;

    ClosedDayRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * Holds the store's day-closing lock until the transaction ends: every instance runs the hourly job at the same minute,
     * and the second to come waits for the first and then finds the day closed, instead of closing it again over the first.
     */
    void lockClosing() {
        sql.sql("select pg_advisory_xact_lock(hashtextextended('kassa.analytics.close-day:' || current_schema(), 0))")
                .query((rs, i) -> 1)
                .list();
    }

    Optional<LocalDate> lastClosed() {
        return sql.sql("select last_closed from analytics_jobs where id = 1")
                .query(LocalDate.class)
                .optional();
    }

    void closed(LocalDate today) {
        sql.sql(
                        "insert into analytics_jobs (id, last_closed) values (1, :today) on conflict (id) do update set last_closed = :today")
                .param("today", today)
                .update();
    }
}
