package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.data.SqlArrays;
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
                        "select p.*, s.receipt_number, " + METHOD_NAME
                                + " from payments p join sales s on s.id = p.sale_id where p.id = :id and s.status <> 'pending'")
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
                "select p.*, s.receipt_number, " + METHOD_NAME + " from payments p join sales s on s.id = p.sale_id",
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
            Instant createdAt,
            String methodName) {}

    /** The name the store gave the payment's method (null for a built-in one it never named: the API names it). */
    private static final String METHOD_NAME =
            "(select m.name from payment_methods m where m.code = p.payment_method) as method_name";

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
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("method_name"));

    private static final RowMapper<PaymentRow> ROW =
            (rs, i) -> new PaymentRow(SaleView.payment(PAYMENT.mapRow(rs, i)), rs.getString("receipt_number"));

    /** Payments of many sales in one query (for lists), keyed by sale id. */
    Map<Long, List<Payment>> ofSales(List<Long> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select p.*, " + METHOD_NAME + " from payments p where p.sale_id in (:sales) order by p.id")
                .param("sales", saleIds)
                .query(PAYMENT)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Payment::saleId));
    }

    /** A sale's tenders, in the order they were given. */
    List<Payment> ofSale(long saleId) {
        return jdbc.sql("select p.*, " + METHOD_NAME + " from payments p where p.sale_id = :sale order by p.id")
                .param("sale", saleId)
                .query(PAYMENT)
                .list();
    }

    /**
     * Records the sale's tenders in one statement and answers them as stored, in their order: only those paid by a method the
     * store has enabled ({@code offline}: one it has at all, a sale that already happened at an offline till keeps a method
     * switched off since). Fewer answered than given means a method was refused: the caller fails the sale.
     */
    List<Payment> add(SaleRepository.Sale sale, List<Settlement.Applied> tenders, boolean offline) {
        return jdbc.sql(
                        """
                        with m as (select code, name from payment_methods
                                    where code = any(cast(:methods as text[])) and (is_active or :offline)),
                        ins as (
                            insert into payments (sale_id, session_id, payment_method, amount, received_amount, change_amount,
                                                  card_last4, transaction_id)
                            select :sale, :session, t.method, t.amount, t.received, t.change, t.last4, t.tx
                              from unnest(cast(:methods as text[]), cast(:amounts as numeric[]), cast(:received as numeric[]),
                                          cast(:changes as numeric[]), cast(:last4 as text[]), cast(:transactions as text[]))
                                   with ordinality as t(method, amount, received, change, last4, tx, n)
                              join m on m.code = t.method
                             order by t.n
                            returning *)
                        select ins.*, m.name as method_name from ins join m on m.code = ins.payment_method order by ins.id
                        """)
                .param("sale", sale.id())
                .param("session", sale.sessionId())
                .param("offline", offline)
                .param("methods", SqlArrays.texts(tenders, Settlement.Applied::method))
                .param("amounts", SqlArrays.texts(tenders, Settlement.Applied::amount))
                .param("received", SqlArrays.texts(tenders, Settlement.Applied::received))
                .param("changes", SqlArrays.texts(tenders, Settlement.Applied::change))
                .param("last4", SqlArrays.texts(tenders, Settlement.Applied::cardLast4))
                .param("transactions", SqlArrays.texts(tenders, Settlement.Applied::transactionId))
                .query(PAYMENT)
                .list();
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
