package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tenders of the store's sales ({@code payments}): written by checkout, read by sales and for reconciliation. */
@Repository
class PaymentRepository {

    /** A payment in the payments list: the payment as a sale shows it, and the sale's receipt number. */
    record PaymentRow(@JsonUnwrapped SaleView.PaymentView payment, String receiptNumber) {}

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    record Payment(
            long id,
            long saleId,
            long sessionId,
            String method,
            BigDecimal amount,
            BigDecimal receivedAmount,
            BigDecimal changeAmount,
            String cardLast4,
            String transactionId,
            Instant createdAt) {}

    private static final RowMapper<Payment> PAYMENT = (rs, i) -> new Payment(
            rs.getLong("id"),
            rs.getLong("sale_id"),
            rs.getLong("session_id"),
            rs.getString("payment_method"),
            rs.getBigDecimal("amount"),
            rs.getBigDecimal("received_amount"),
            rs.getBigDecimal("change_amount"),
            rs.getString("card_last4"),
            rs.getString("transaction_id"),
            rs.getTimestamp("created_at").toInstant());

    private static final RowMapper<PaymentRow> ROW =
            (rs, i) -> new PaymentRow(SaleView.payment(PAYMENT.mapRow(rs, i)), rs.getString("receipt_number"));

    /** Payments of many sales in one query (for lists), keyed by sale id. */
    Map<Long, List<Payment>> ofSales(List<Long> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select * from payments where sale_id in (:sales) order by id")
                .param("sales", saleIds)
                .query(PAYMENT)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Payment::saleId));
    }

    /** A sale's tenders, in the order they were given. */
    List<Payment> ofSale(long saleId) {
        return jdbc.sql("select * from payments where sale_id = :sale order by id")
                .param("sale", saleId)
                .query(PAYMENT)
                .list();
    }

    /** Records a tender of the sale and answers it as stored. */
    Payment add(SaleRepository.Sale sale, Settlement.Applied tender) {
        return jdbc.sql(
                        """
                        insert into payments (sale_id, session_id, payment_method, amount, received_amount, change_amount, card_last4, transaction_id)
                        values (:sale, :session, :method, :amount, :received, :change, :cardLast4, :transaction) returning *
                        """)
                .param("sale", sale.id())
                .param("session", sale.sessionId())
                .param("method", tender.method())
                .param("amount", tender.amount())
                .param("received", tender.received())
                .param("change", tender.change())
                .param("cardLast4", tender.cardLast4())
                .param("transaction", tender.transactionId())
                .query(PAYMENT)
                .single();
    }

    /** What the sale's tenders of one method paid ({@code credit}: what the buyer owes for it; {@code bonus}: paid with points). */
    BigDecimal paidBy(long saleId, String method) {
        return jdbc.sql(
                        "select coalesce(sum(amount), 0) from payments where sale_id = :sale and payment_method = :method")
                .param("sale", saleId)
                .param("method", method)
                .query(BigDecimal.class)
                .single();
    }
}
