package dev.kassa.customer.credit;

import dev.kassa.customer.CustomerErrors;
import dev.kassa.customer.card.Customer;
import dev.kassa.customer.card.CustomerCounters;
import dev.kassa.customer.card.CustomerRepository;
import dev.kassa.customer.ledger.BalanceEntry;
import dev.kassa.customer.ledger.LedgerService;
import dev.kassa.customer.loyalty.LoyaltyService;
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
public class CreditService {

    /** A hold's answer to the till. */
    record HoldView(
            String requestRef,
            long customerId,
            String saleId,
            BigDecimal amount,
            String status,
            BigDecimal availableCredit,
            BigDecimal overLimit) {}

    /** A bonus hold's answer to the till: the points the amount takes and what the customer has left. */
    record BonusHoldView(
            String requestRef,
            long customerId,
            String saleId,
            BigDecimal amount,
            int points,
            String status,
            Integer availablePoints) {}

    static final Duration HOLD_LIFETIME = Duration.ofMinutes(30);

    /** A sale's debt is the sale's, whatever the balance comes to (the hold checked the limit). */
    private static final BigDecimal NO_LIMIT = new BigDecimal("1e15");

    private final CustomerRepository customers;
    private final CreditHoldRepository holds;
    private final LedgerService entries;
    private final LoyaltyService loyalty;

    CreditService(
            CustomerRepository customers, CreditHoldRepository holds, LedgerService entries, LoyaltyService loyalty) {
        this.loyalty = loyalty;
        this.customers = customers;
        this.holds = holds;
        this.entries = entries;
    }

    /**
     * Holds credit for a sale; beyond the customer's available credit it is refused, unless {@code overLimit} allows it (a
     * sale that already happened at an offline till: the debt is real, the answer's {@code over_limit} says by how much),
     * and then only as far as the store's {@code offline_credit_over_limit} (none by default).
     */
    @Transactional
    HoldView hold(String requestRef, Long customerId, BigDecimal amount, String saleId, boolean overLimit) {
        var earlier = holds.find(requestRef.trim());
        if (earlier.isPresent()) {
            var h = earlier.get();
            return new HoldView(h.requestRef(), h.customerId(), h.saleId(), h.amount(), h.status(), null, null);
        }
        Customer customer =
                customers.lockLive(customerId).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        BigDecimal available = customer.isActive()
                ? customer.availableCredit()
                        .subtract(holds.held(customerId))
                        .max(BigDecimal.ZERO)
                        .setScale(2)
                : BigDecimal.ZERO.setScale(2);
        BigDecimal requested = amount.setScale(2);
        // a sale made offline may go beyond the limit only as far as the owner allows (none by default)
        BigDecimal beyond = overLimit ? loyalty.settings().offlineCreditOverLimit() : BigDecimal.ZERO;
        if (requested.compareTo(available.add(beyond)) > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("available", available.toPlainString());
            details.put("requested", requested.toPlainString());
            if (overLimit) {
                details.put("over_limit_allowed", beyond.setScale(2).toPlainString());
            }
            throw CustomerErrors.CREDIT_LIMIT_EXCEEDED.exception(
                    details, available.toPlainString(), requested.toPlainString());
        }
        holds.insert(requestRef.trim(), customerId, saleId.trim(), requested, HOLD_LIFETIME);
        BigDecimal over = requested.subtract(available).max(BigDecimal.ZERO).setScale(2);
        return new HoldView(
                requestRef.trim(),
                customerId,
                saleId.trim(),
                requested,
                "active",
                available.subtract(requested).max(BigDecimal.ZERO).setScale(2),
                over);
    }

    /**
     * Holds the customer's points for the bonus tender: {@code amount} is what they pay (a whole number of points at the
     * store's point value); never more than the customer holds less what their other sales in progress hold.
     */
    @Transactional
    BonusHoldView holdBonus(String requestRef, Long customerId, BigDecimal amount, String saleId) {
        var earlier = holds.find(requestRef.trim());
        if (earlier.isPresent()) {
            var h = earlier.get();
            return new BonusHoldView(
                    h.requestRef(),
                    h.customerId(),
                    h.saleId(),
                    h.amount(),
                    h.points() == null ? 0 : h.points(),
                    h.status(),
                    null);
        }
        int points = loyalty.pointsFor(amount);
        Customer customer =
                customers.lockLive(customerId).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        int available = customer.isActive() ? Math.max(0, customer.loyaltyPoints() - holds.heldPoints(customerId)) : 0;
        if (points > available) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("available_points", available);
            details.put("requested_points", points);
            throw CustomerErrors.INSUFFICIENT_POINTS.exception(details, available, points);
        }
        holds.insertBonus(requestRef.trim(), customerId, saleId.trim(), amount.setScale(2), points, HOLD_LIFETIME);
        return new BonusHoldView(
                requestRef.trim(), customerId, saleId.trim(), amount.setScale(2), points, "active", available - points);
    }

    @Transactional
    int release(List<String> requestRefs) {
        return holds.release(requestRefs);
    }

    /**
     * A completed sale (inside the inbox's transaction): its holds are spent, the credit part enters the ledger as debt; answers
     * the points its bonus holds took (what the bonus tender spent).
     */
    public int settle(String saleId, long customerId, String receiptNumber, BigDecimal credit) {
        int points = holds.salePoints(saleId);
        holds.settle(saleId);
        if (credit.signum() > 0) {
            change(customerId, "charge", credit.negate(), saleId, receiptNumber);
        }
        return points;
    }

    /** A refund of a credit sale: the credit part goes back to the balance (the debt shrinks) before any money leaves the till. */
    public void refund(String saleId, long customerId, String receiptNumber, BigDecimal credit) {
        change(customerId, "refund", credit, saleId, receiptNumber);
    }

    private void change(long customerId, String type, BigDecimal amount, String saleId, String receiptNumber) {
        // a customer deleted since the sale still owes it: the ledger follows the sale, not the list
        CustomerCounters.BalanceMoved moved =
                customers.moveBalance(customerId, amount.setScale(2), NO_LIMIT).orElse(null);
        if (moved == null) {
            return;
        }
        entries.record(new BalanceEntry(
                customerId,
                type,
                amount.setScale(2),
                moved.before(),
                moved.after(),
                saleId,
                "credit",
                receiptNumber,
                null,
                moved.points()));
    }
}
