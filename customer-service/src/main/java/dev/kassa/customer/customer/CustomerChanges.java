package dev.kassa.customer.customer;

import dev.kassa.platform.sync.ChangeFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers' change feed ({@code customer_changes}, kept by triggers on {@code customers} and {@code customer_groups},
 * tenant migration V7), read as the platform's {@link ChangeFeed}.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CustomerChanges {

    private final JdbcClient sql;

    CustomerChanges(JdbcClient sql) {
        this.sql = sql;
    }

    ChangeFeed.Page after(ChangeFeed.Cursor after, int limit) {
        return ChangeFeed.after(sql, "customer_changes", "customer_id", after, limit);
    }
}
