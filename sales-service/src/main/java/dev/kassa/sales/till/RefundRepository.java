package dev.kassa.sales.till;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** Refunds of the store's sales and their lines ({@code refunds}, {@code refund_lines}), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class RefundRepository {

    private final JdbcClient sql;

    RefundRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Whether a refund of the sale was made by the keyed request {@code requestKey}. */
    boolean refundedBy(long saleId, String requestKey) {
        return sql.sql("select exists (select 1 from refunds where sale_id = :sale and request_ref = :ref)")
                .param("sale", saleId)
                .param("ref", requestKey)
                .query(Boolean.class)
                .single();
    }

    BigDecimal refundedAmount(long itemId) {
        return sql.sql("select coalesce(sum(amount), 0) from refund_lines where sale_item_id = :item")
                .param("item", itemId)
                .query(BigDecimal.class)
                .single();
    }

    /** A refund as stored: what it gave back and how, by whom, on which business day, for which keyed request. */
    record NewRefund(
            long saleId,
            long sessionId,
            BigDecimal amount,
            String method,
            BigDecimal creditAmount,
            BigDecimal bonusAmount,
            String reason,
            long performedBy,
            LocalDate businessDate,
            String requestKey) {}

    long addRefund(NewRefund r) {
        return sql.sql(
                        """
                        insert into refunds (sale_id, session_id, amount, method, credit_amount, bonus_amount, reason, performed_by, business_date,
                                             request_ref)
                        values (:sale, :session, :amount, :method, :credit, :bonus, :reason, :by, :date, :ref) returning id
                        """)
                .param("sale", r.saleId())
                .param("session", r.sessionId())
                .param("amount", r.amount())
                .param("method", r.method())
                .param("credit", r.creditAmount())
                .param("bonus", r.bonusAmount())
                .param("reason", r.reason())
                .param("by", r.performedBy())
                .param("date", r.businessDate())
                .param("ref", r.requestKey())
                .query(Long.class)
                .single();
    }

    /** What the sale's earlier refunds gave back as {@code credit_amount} or {@code bonus_amount}. */
    BigDecimal refundedAs(long saleId, String column) {
        if (!Set.of("credit_amount", "bonus_amount").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return sql.sql("select coalesce(sum(" + column + "), 0) from refunds where sale_id = :sale")
                .param("sale", saleId)
                .query(BigDecimal.class)
                .single();
    }

    void addRefundLine(long refundId, long itemId, BigDecimal quantity, BigDecimal amount) {
        sql.sql(
                        "insert into refund_lines (refund_id, sale_item_id, quantity, amount) values (:refund, :item, :quantity, :amount)")
                .param("refund", refundId)
                .param("item", itemId)
                .param("quantity", quantity)
                .param("amount", amount)
                .update();
    }
}
