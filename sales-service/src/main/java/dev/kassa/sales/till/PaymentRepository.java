package dev.kassa.sales.till;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Payments of completed sales, read for reconciliation (written only by checkout and refunds). */
@Repository
class PaymentRepository {

    record PaymentRow(
            long id,
            long sale,
            String receiptNumber,
            long session,
            String paymentMethod,
            String paymentMethodDisplay,
            BigDecimal amount,
            BigDecimal receivedAmount,
            BigDecimal changeAmount,
            String cardLast4,
            String transactionId,
            Instant createdAt) {}

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<PaymentRow> ROW = (rs, i) -> new PaymentRow(
            rs.getLong("id"),
            rs.getLong("sale_id"),
            rs.getString("receipt_number"),
            rs.getLong("session_id"),
            rs.getString("payment_method"),
            Messages.get("payment.method." + rs.getString("payment_method")),
            rs.getBigDecimal("amount"),
            rs.getBigDecimal("received_amount"),
            rs.getBigDecimal("change_amount"),
            rs.getString("card_last4"),
            rs.getString("transaction_id"),
            rs.getTimestamp("created_at").toInstant());

    /** One payment of a sale that is not pending. */
    @Transactional(readOnly = true)
    Optional<PaymentRow> find(long id) {
        return jdbc.sql(
                        "select p.*, s.receipt_number from payments p join sales s on s.id = p.sale_id where p.id = :id and s.status <> 'pending'")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** Payments of sales that are not pending, filtered by sale, shift and method when given, in {@code orderBy} order. */
    @Transactional(readOnly = true)
    Page<PaymentRow> page(Long sale, Long session, String method, String orderBy, Pageable page) {
        String where =
                """
                where s.status <> 'pending' and (cast(:sale as bigint) is null or p.sale_id = :sale)
                  and (cast(:session as bigint) is null or p.session_id = :session)
                  and (cast(:method as text) is null or p.payment_method = :method)
                """;
        return JdbcPages.page(
                jdbc,
                "select p.*, s.receipt_number from payments p join sales s on s.id = p.sale_id",
                "from payments p join sales s on s.id = p.sale_id",
                where,
                orderBy,
                q -> q.param("sale", sale).param("session", session).param("method", method),
                ROW,
                page);
    }
}
