package dev.kassa.customer.card;

import dev.kassa.platform.sync.ChangeFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The customers' change feed ({@code customer_changes}, kept by triggers on {@code customers} and {@code customer_groups},
 * tenant migration V7), read as the platform's {@link ChangeFeed}.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CustomerChangeRepository {

    private final JdbcClient sql;

    CustomerChangeRepository(JdbcClient sql) {
        this.sql = sql;
    }

    ChangeFeed.Page after(ChangeFeed.Cursor after, int limit) {
        return ChangeFeed.after(sql, "customer_changes", "customer_id", after, limit);
    }

    /**
     * The credit each of these customers' sales in progress hold now ({@code credit_holds}; expired holds no longer count),
     * which the feed takes off their available credit: a hold moves a customer in the feed (tenant migration V9).
     */
    Map<Long, BigDecimal> heldCredit(Collection<Long> customerIds) {
        Map<Long, BigDecimal> held = new HashMap<>();
        sql.sql(
                        """
                        select customer_id, sum(amount) from credit_holds
                         where customer_id = any(cast(:ids as bigint[])) and kind = 'credit' and status = 'active'
                           and expires_at > now()
                         group by customer_id""")
                .param("ids", customerIds.toArray(Long[]::new))
                .query(rs -> {
                    held.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return held;
    }
}
