package dev.kassa.sales.floor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/** The store's café settings ({@code cafe_settings}, one row), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CafeSettingsRepository {

    /** {@code guestOrdering}: guests may order from their table's menu (a waiter confirms their lines). */
    record CafeSettings(boolean guestOrdering, Instant updatedAt) {}

    private final JdbcClient sql;

    CafeSettingsRepository(JdbcClient sql) {
        this.sql = sql;
    }

    CafeSettings get() {
        return sql.sql("select guest_ordering, updated_at from cafe_settings where id = 1")
                .query(CafeSettings.class)
                .single();
    }

    void update(boolean guestOrdering) {
        sql.sql("update cafe_settings set guest_ordering = :guests, updated_at = now() where id = 1")
                .param("guests", guestOrdering)
                .update();
    }
}
