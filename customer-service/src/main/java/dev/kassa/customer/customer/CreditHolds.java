package dev.kassa.customer.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Credit held for sales in progress (V4__credit_holds.sql). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CreditHolds {

    record Hold(String requestRef, long customerId, String saleId, BigDecimal amount, String status, Instant expiresAt) { }

    private final JdbcClient sql;

    CreditHolds(JdbcClient sql) {
        this.sql = sql;
    }

    Optional<Hold> find(String requestRef) {
        return sql.sql("select request_ref, customer_id, sale_id, amount, status, expires_at from credit_holds where request_ref = :ref")
                .param("ref", requestRef)
                .query((rs, i) -> new Hold(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** What the customer's sales in progress hold now (expired holds no longer count). */
    BigDecimal held(long customerId) {
        return sql.sql("select coalesce(sum(amount), 0) from credit_holds where customer_id = :customer and status = 'active' and expires_at > now()")
                .param("customer", customerId).query(BigDecimal.class).single();
    }

    void insert(String requestRef, long customerId, String saleId, BigDecimal amount, Duration lifetime) {
        sql.sql("""
                        insert into credit_holds (request_ref, customer_id, sale_id, amount, expires_at)
                        values (:ref, :customer, :sale, :amount, now() + make_interval(secs => :seconds))
                        """)
                .param("ref", requestRef).param("customer", customerId).param("sale", saleId).param("amount", amount)
                .param("seconds", lifetime.toSeconds()).update();
    }

    int release(List<String> requestRefs) {
        return sql.sql("update credit_holds set status = 'released', settled_at = now() where request_ref in (:refs) and status = 'active'")
                .param("refs", requestRefs).update();
    }

    /** The sale completed: its holds are spent (the debt is in the ledger now). */
    int settle(String saleId) {
        return sql.sql("update credit_holds set status = 'final', settled_at = now() where sale_id = :sale and status = 'active'")
                .param("sale", saleId).update();
    }
}
