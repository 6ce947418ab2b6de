package dev.kassa.customer.card;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@link CustomerCounters}' statements (Spring Data finds this fragment of {@link CustomerRepository} by its name). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CustomerCountersImpl implements CustomerCounters {

    private final JdbcClient sql;

    CustomerCountersImpl(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public Optional<BalanceMoved> moveBalance(long customer, BigDecimal amount, BigDecimal limit) {
        return sql.sql(
                        """
                        update customers set balance = balance + :amount, updated_at = now()
                         where id = :customer and abs(balance + :amount) <= :limit
                        returning balance - :amount, balance, loyalty_points
                        """)
                .param("amount", amount)
                .param("customer", customer)
                .param("limit", limit)
                .query((rs, i) -> new BalanceMoved(
                        rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2), rs.getInt(3)))
                .optional();
    }

    @Override
    public Optional<PointsMoved> movePoints(long customer, int delta) {
        return sql.sql(
                        """
                        update customers set loyalty_points = loyalty_points + :delta, updated_at = now() where id = :customer
                        returning loyalty_points, balance
                        """)
                .param("delta", delta)
                .param("customer", customer)
                .query((rs, i) -> new PointsMoved(rs.getInt(1), rs.getBigDecimal(2)))
                .optional();
    }

    @Override
    public void addPurchase(long customer, BigDecimal total, Instant at) {
        sql.sql(
                        """
                        update customers set total_purchases = total_purchases + :total, total_purchases_count = total_purchases_count + 1,
                               last_purchase_at = greatest(coalesce(last_purchase_at, :at), :at), updated_at = now() where id = :customer
                        """)
                .param("total", total)
                .param("at", Timestamp.from(at))
                .param("customer", customer)
                .update();
    }

    @Override
    public void removePurchase(long customer, BigDecimal amount) {
        sql.sql(
                        "update customers set total_purchases = greatest(total_purchases - :amount, 0), updated_at = now() where id = :customer")
                .param("amount", amount)
                .param("customer", customer)
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean stored(long customer) {
        return sql.sql("select count(*) from customers where id = :id")
                        .param("id", customer)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Override
    public void ungroup(long group) {
        sql.sql("update customers set group_id = null where group_id = :id")
                .param("id", group)
                .update();
    }
}
