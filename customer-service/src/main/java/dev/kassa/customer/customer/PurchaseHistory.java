package dev.kassa.customer.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The purchases recorded for customers of the current store (inside the caller's transaction). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PurchaseHistory {

    record Purchase(String saleId, String receiptNumber, BigDecimal total, BigDecimal refunded, BigDecimal itemsQuantity, Instant completedAt,
                    LocalDate businessDate) { }

    private final JdbcTemplate jdbc;

    PurchaseHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Purchase> of(long customerId, int limit, long offset) {
        return jdbc.query("""
                select sale_id, receipt_number, total, refunded, items_quantity, completed_at, business_date from customer_purchases
                 where customer_id = ? order by completed_at desc, sale_id desc limit ? offset ?
                """, (rs, i) -> new Purchase(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                rs.getTimestamp(6).toInstant(), rs.getObject(7, LocalDate.class)), customerId, limit, offset);
    }

    long count(long customerId) {
        return jdbc.queryForObject("select count(*) from customer_purchases where customer_id = ?", Long.class, customerId);
    }
}
