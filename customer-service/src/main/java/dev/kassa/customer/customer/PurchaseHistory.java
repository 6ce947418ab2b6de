package dev.kassa.customer.customer;

import dev.kassa.customer.CustomerErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The purchases recorded for customers of the current store and the totals derived from them, always inside the caller's
 * transaction (a request's, or the inbox's for a sales event).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PurchaseHistory {

    record Purchase(String saleId, String receiptNumber, BigDecimal total, BigDecimal refunded, BigDecimal itemsQuantity, Instant completedAt,
                    LocalDate businessDate) { }

    private static final Logger log = LoggerFactory.getLogger(PurchaseHistory.class);

    private final JdbcClient jdbc;

    PurchaseHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the customer's purchases, newest first; 404 for a customer the store does not have. */
    @Transactional(readOnly = true)
    Page<Purchase> page(long customerId, Pageable page) {
        if (jdbc.sql("select count(*) from customers where id = :id").param("id", customerId).query(Integer.class).single() == 0) {
            throw CustomerErrors.CUSTOMER_NOT_FOUND.exception();
        }
        return new PageImpl<>(of(customerId, page.getPageSize(), page.getOffset()), page, count(customerId));
    }

    private List<Purchase> of(long customerId, int limit, long offset) {
        return jdbc.sql("""
                        select sale_id, receipt_number, total, refunded, items_quantity, completed_at, business_date from customer_purchases
                         where customer_id = :customer order by completed_at desc, sale_id desc limit :limit offset :offset
                        """)
                .param("customer", customerId).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new Purchase(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getTimestamp(6).toInstant(), rs.getObject(7, LocalDate.class)))
                .list();
    }

    private long count(long customerId) {
        return jdbc.sql("select count(*) from customer_purchases where customer_id = :customer").param("customer", customerId)
                .query(Long.class).single();
    }

    void recordPurchase(PurchaseEventsConsumer.SaleCompleted sale) {
        if (!known(sale.customerId(), sale.receiptNumber())) {
            return;
        }
        Timestamp at = Timestamp.from(sale.completedAt());
        int added = jdbc.sql("""
                        insert into customer_purchases (sale_id, customer_id, receipt_number, total, items_quantity, completed_at, business_date)
                        values (:sale, :customer, :receipt, :total, :quantity, :at, :date) on conflict (sale_id) do nothing
                        """)
                .param("sale", sale.saleId()).param("customer", sale.customerId()).param("receipt", sale.receiptNumber())
                .param("total", sale.total()).param("quantity", sale.itemsQuantity()).param("at", at).param("date", sale.businessDate())
                .update();
        if (added == 1) {
            jdbc.sql("""
                            update customers set total_purchases = total_purchases + :total, total_purchases_count = total_purchases_count + 1,
                                   last_purchase_at = greatest(coalesce(last_purchase_at, :at), :at), updated_at = now() where id = :customer
                            """)
                    .param("total", sale.total()).param("at", at).param("customer", sale.customerId()).update();
        }
        updatePoints(sale.customerId());
    }

    void recordRefund(PurchaseEventsConsumer.SaleRefunded refund) {
        if (!known(refund.customerId(), refund.receiptNumber())) {
            return;
        }
        jdbc.sql("update customer_purchases set refunded = refunded + :amount where sale_id = :sale")
                .param("amount", refund.amount()).param("sale", refund.saleId()).update();
        jdbc.sql("update customers set total_purchases = greatest(total_purchases - :amount, 0), updated_at = now() where id = :customer")
                .param("amount", refund.amount()).param("customer", refund.customerId()).update();
        updatePoints(refund.customerId());
    }

    private boolean known(long customerId, String receipt) {
        boolean known = jdbc.sql("select count(*) from customers where id = :id").param("id", customerId).query(Integer.class).single() > 0;
        if (!known) {
            log.warn("Sale {} names customer {} that this store does not have; history not recorded", receipt, customerId);
        }
        return known;
    }

    private void updatePoints(long customerId) {
        jdbc.sql("update customers set loyalty_points = floor(total_purchases / 100) where id = :id").param("id", customerId).update();
    }
}
