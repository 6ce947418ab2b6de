package dev.kassa.customer.credit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Credit and points held for sales in progress (V4__credit_holds.sql, V5__loyalty_till_customers.sql). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CreditHoldRepository {

    record Hold(
            String requestRef,
            long customerId,
            String saleId,
            BigDecimal amount,
            String status,
            Instant expiresAt,
            String kind,
            Integer points) {}

    private final JdbcClient sql;

    CreditHoldRepository(JdbcClient sql) {
        this.sql = sql;
    }

    Optional<Hold> find(String requestRef) {
        return sql.sql(
                        "select request_ref, customer_id, sale_id, amount, status, expires_at, kind, points from credit_holds where request_ref = :ref")
                .param("ref", requestRef)
                .query((rs, i) -> new Hold(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        (Integer) rs.getObject(8)))
                .optional();
    }

    /** The credit the customer's sales in progress hold now (expired holds no longer count). */
    BigDecimal held(long customerId) {
        return sql.sql(
                        """
                        select coalesce(sum(amount), 0) from credit_holds
                         where customer_id = :customer and kind = 'credit' and status = 'active' and expires_at > now()
                        """)
                .param("customer", customerId)
                .query(BigDecimal.class)
                .single();
    }

    /** The points the customer's sales in progress hold now. */
    int heldPoints(long customerId) {
        return sql.sql(
                        """
                        select coalesce(sum(points), 0) from credit_holds
                         where customer_id = :customer and kind = 'bonus' and status = 'active' and expires_at > now()
                        """)
                .param("customer", customerId)
                .query(Integer.class)
                .single();
    }

    /** The points a sale's active bonus holds took (spent when the sale completes). */
    int salePoints(String saleId) {
        return sql.sql(
                        "select coalesce(sum(points), 0) from credit_holds where sale_id = :sale and kind = 'bonus' and status = 'active'")
                .param("sale", saleId)
                .query(Integer.class)
                .single();
    }

    void insertBonus(
            String requestRef, long customerId, String saleId, BigDecimal amount, int points, Duration lifetime) {
        sql.sql(
                        """
                        insert into credit_holds (request_ref, customer_id, sale_id, amount, kind, points, expires_at)
                        values (:ref, :customer, :sale, :amount, 'bonus', :points, now() + make_interval(secs => :seconds))
                        """)
                .param("ref", requestRef)
                .param("customer", customerId)
                .param("sale", saleId)
                .param("amount", amount)
                .param("points", points)
                .param("seconds", lifetime.toSeconds())
                .update();
    }

    void insert(String requestRef, long customerId, String saleId, BigDecimal amount, Duration lifetime) {
        sql.sql(
                        """
                        insert into credit_holds (request_ref, customer_id, sale_id, amount, expires_at)
                        values (:ref, :customer, :sale, :amount, now() + make_interval(secs => :seconds))
                        """)
                .param("ref", requestRef)
                .param("customer", customerId)
                .param("sale", saleId)
                .param("amount", amount)
                .param("seconds", lifetime.toSeconds())
                .update();
    }

    int release(List<String> requestRefs) {
        return sql.sql(
                        "update credit_holds set status = 'released', settled_at = now() where request_ref in (:refs) and status = 'active'")
                .param("refs", requestRefs)
                .update();
    }

    /** The sale completed: its holds are spent (the debt is in the ledger now). */
    int settle(String saleId) {
        return sql.sql(
                        "update credit_holds set status = 'final', settled_at = now() where sale_id = :sale and status = 'active'")
                .param("sale", saleId)
                .update();
    }
}
