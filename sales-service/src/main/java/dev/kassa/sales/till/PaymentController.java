package dev.kassa.sales.till;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.NotServed;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.payment.PaymentMethodService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Payments of completed sales for reconciliation and integrations (spec S31, read-only: payments are written
 * only by checkout, refunds by the refund action).
 */
@RestController
class PaymentController {

    private static final SqlOrdering ORDERING =
            SqlOrdering.of("-created_at", "p.id", Map.of("created_at", "p.created_at", "amount", "p.amount"));

    private final PaymentRepository payments;
    private final PaymentMethodService methods;

    PaymentController(PaymentRepository payments, PaymentMethodService methods) {
        this.payments = payments;
        this.methods = methods;
    }

    @Operation(
            summary =
                    "Payments, newest first: filters sale, session, payment_method; ordering created_at, amount (manager or owner)")
    @GetMapping("/api/sales/payments")
    @PreAuthorize(Access.MANAGE_SALES)
    PageResponse<PaymentRepository.PaymentRow> list(
            @RequestParam(required = false) Long sale,
            @RequestParam(required = false) Long session,
            @RequestParam(name = "payment_method", required = false) String method,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        String orderBy = ORDERING.orderBy(ordering);
        methods.requireKnown("payment_method", method);
        return PageResponse.of(payments.page(sale, session, method, orderBy, page), v -> v);
    }

    @Operation(summary = "One payment of a completed (or refunded) sale (manager or owner)")
    @GetMapping("/api/sales/payments/{id}")
    @PreAuthorize(Access.MANAGE_SALES)
    PaymentRepository.PaymentRow get(@PathVariable long id) {
        return payments.find(id).orElseThrow(() -> SalesErrors.PAYMENT_NOT_FOUND.exception());
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(value = "/api/sales/payments", method = RequestMethod.POST)
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void create(HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.PAYMENTS_READ_ONLY, "GET");
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(
            value = "/api/sales/payments/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void change(@PathVariable String id, HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.PAYMENTS_READ_ONLY, "GET");
    }
}
