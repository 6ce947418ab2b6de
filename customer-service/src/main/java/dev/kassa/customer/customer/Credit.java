package dev.kassa.customer.customer;

import dev.kassa.customer.CustomerErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credit sales ("nasiya", issue 11), in the manner of catalog's stock holds: the till holds the credit part of a sale before
 * completing it ({@link #hold}, idempotent per request reference, the customer row locked so two tills never exceed the
 * limit together), releases it when the checkout fails, and {@code SaleCompleted} turns the hold into debt in the ledger.
 * A refund of a credit sale gives the credit part back to the balance first ({@code SaleRefunded.credit_amount}).
 */
@Service
class Credit {

    /** A hold's answer to the till. */
    record HoldView(String requestRef, long customerId, String saleId, BigDecimal amount, String status, BigDecimal availableCredit) { }

    static final Duration HOLD_LIFETIME = Duration.ofMinutes(30);

    private final CustomerRepository customers;
    private final CreditHolds holds;
    private final Ledger ledger;
    private final OutboxPublisher outbox;

    Credit(CustomerRepository customers, CreditHolds holds, Ledger ledger, OutboxPublisher outbox) {
        this.customers = customers;
        this.holds = holds;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    @Transactional
    HoldView hold(String requestRef, Long customerId, BigDecimal amount, String saleId) {
        FieldErrors errors = new FieldErrors();
        errors.required("request_ref", requestRef, 100);
        errors.required("sale_id", saleId, 64);
        if (customerId == null || customerId <= 0) {
            errors.add("customer_id", "validation.required");
        }
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(new BigDecimal("9999999999.99")) > 0) {
            errors.add("amount", "customer.amount_positive");
        }
        errors.throwIfAny();
        var earlier = holds.find(requestRef.trim());
        if (earlier.isPresent()) {
            var h = earlier.get();
            return new HoldView(h.requestRef(), h.customerId(), h.saleId(), h.amount(), h.status(), null);
        }
        Customer customer = customers.lockLive(customerId).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        BigDecimal available = customer.isActive ? customer.availableCredit().subtract(holds.held(customerId)).max(BigDecimal.ZERO).setScale(2)
                : BigDecimal.ZERO.setScale(2);
        BigDecimal requested = amount.setScale(2);
        if (requested.compareTo(available) > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("available", available.toPlainString());
            details.put("requested", requested.toPlainString());
            throw CustomerErrors.CREDIT_LIMIT_EXCEEDED.exception(details, available.toPlainString(), requested.toPlainString());
        }
        holds.insert(requestRef.trim(), customerId, saleId.trim(), requested, HOLD_LIFETIME);
        return new HoldView(requestRef.trim(), customerId, saleId.trim(), requested, "active", available.subtract(requested));
    }

    @Transactional
    int release(List<String> requestRefs) {
        if (requestRefs == null || requestRefs.isEmpty() || requestRefs.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw FieldErrors.single("request_refs", "validation.required");
        }
        return holds.release(requestRefs);
    }

    /** A completed sale with a credit tender: the hold is spent and the debt enters the ledger (inside the inbox's transaction). */
    void settle(String saleId, long customerId, String receiptNumber, BigDecimal credit) {
        holds.settle(saleId);
        change(customerId, "sale", credit.negate(), saleId, receiptNumber);
    }

    /** A refund of a credit sale: the credit part goes back to the balance (the debt shrinks) before any money leaves the till. */
    void refund(String saleId, long customerId, String receiptNumber, BigDecimal credit) {
        change(customerId, "refund", credit, saleId, receiptNumber);
    }

    private void change(long customerId, String type, BigDecimal amount, String saleId, String receiptNumber) {
        // a customer deleted since the sale still owes it: the ledger follows the sale, not the list
        Customer customer = customers.lockLive(customerId).or(() -> customers.findById(customerId)).orElse(null);
        if (customer == null) {
            return;
        }
        BigDecimal before = customer.balance;
        BigDecimal after = before.add(amount).setScale(2);
        customer.balance = after;
        customer.updatedAt = java.time.Instant.now();
        customers.saveAndFlush(customer);
        long entry = ledger.append(customerId, type, amount.setScale(2), before, after, saleId, "credit", receiptNumber, null);
        outbox.publish(TenantContext.require().key(), new CustomerBalanceChanged(customerId, entry, type, amount.setScale(2), before, after, saleId));
    }
}
