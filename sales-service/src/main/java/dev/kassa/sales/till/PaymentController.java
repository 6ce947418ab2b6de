package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Payments of completed sales for reconciliation and integrations (spec S31, read-only: payments are written
 * only by checkout, refunds by the refund action).
 */
@RestController
class PaymentController {

    record PaymentRow(long id, long sale, String receiptNumber, long session, String paymentMethod, String paymentMethodDisplay,
                      BigDecimal amount, BigDecimal receivedAmount, BigDecimal changeAmount, String cardLast4, String transactionId,
                      Instant createdAt) { }

    private static final SqlOrdering ORDERING = SqlOrdering.of("-created_at", "p.id", Map.of("created_at", "p.created_at", "amount", "p.amount"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    PaymentController(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Operation(summary = "Payments, newest first: filters sale, session, payment_method; ordering created_at, amount (manager or owner)")
    @GetMapping("/api/sales/payments")
    @PreAuthorize(Access.MANAGE_SALES)
    PageResponse<PaymentRow> list(@RequestParam(required = false) Long sale, @RequestParam(required = false) Long session,
                                  @RequestParam(name = "payment_method", required = false) String method,
                                  @RequestParam(required = false) String ordering, @RequestParam(required = false) String page,
                                  @RequestParam(name = "page_size", required = false) String pageSize) {
        String orderBy = ORDERING.orderBy(ordering);
        FieldErrors errors = new FieldErrors();
        if (method != null && !Settlement.METHODS.contains(method)) {
            errors.add("payment_method", "sales.payment_method_unknown");
        }
        errors.throwIfAny();
        String where = """
                where s.status <> 'pending' and (?::bigint is null or p.sale_id = ?) and (?::bigint is null or p.session_id = ?)
                  and (?::text is null or p.payment_method = ?)
                """;
        Object[] args = {sale, sale, session, session, method, method};
        return tx.execute(x -> PageResponse.of(JdbcPages.page(jdbc, "select p.*, s.receipt_number from payments p join sales s on s.id = p.sale_id",
                "from payments p join sales s on s.id = p.sale_id", where, orderBy, args,
                (rs, i) -> new PaymentRow(rs.getLong("id"), rs.getLong("sale_id"), rs.getString("receipt_number"), rs.getLong("session_id"),
                        rs.getString("payment_method"), Messages.get("payment.method." + rs.getString("payment_method")), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("received_amount"), rs.getBigDecimal("change_amount"), rs.getString("card_last4"),
                        rs.getString("transaction_id"), rs.getTimestamp("created_at").toInstant()),
                PageRequests.of(page, pageSize, Sort.unsorted())), v -> v));
    }
}
