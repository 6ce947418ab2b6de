package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.money.PaymentMethod;
import dev.kassa.sales.SalesErrors;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Split-payment rules (spec §5.3.5, rewrite): known methods only, positive amounts (declared on {@link PaymentRequest});
 * money received only in cash, and not less than the tender; non-cash tenders
 * never exceed the total; the tenders cover the total; anything above the total can only be cash and
 * is handed back as change. Each cash tender records what was applied, what was received and its change.
 */
record Settlement(List<Applied> payments, BigDecimal change) {

    record Applied(
            String method,
            BigDecimal amount,
            BigDecimal received,
            BigDecimal change,
            String cardLast4,
            String transactionId) {}

    static Settlement of(BigDecimal total, List<PaymentRequest> requests) {
        check(requests);
        // cash beyond what is due is change: applied cash amounts are reduced, last tender first
        BigDecimal excess = overpaid(total, requests);
        List<Applied> applied = new ArrayList<>();
        BigDecimal totalChange = BigDecimal.ZERO.setScale(2);
        for (int i = requests.size() - 1; i >= 0; i--) {
            PaymentRequest p = requests.get(i);
            BigDecimal amount = scaled(p.amount());
            BigDecimal received = p.receivedAmount() == null ? null : scaled(p.receivedAmount());
            if ("cash".equals(p.paymentMethod())) {
                BigDecimal tendered = received != null ? received : amount;
                BigDecimal reduce = excess.min(amount);
                amount = amount.subtract(reduce);
                excess = excess.subtract(reduce);
                BigDecimal change = tendered.subtract(amount);
                totalChange = totalChange.add(change);
                if (amount.signum() > 0) {
                    applied.add(0, new Applied("cash", amount, tendered, change, null, null));
                }
            } else {
                applied.add(
                        0,
                        new Applied(
                                p.paymentMethod(),
                                amount,
                                null,
                                BigDecimal.ZERO.setScale(2),
                                p.cardLast4(),
                                p.transactionId()));
            }
        }
        return new Settlement(applied, totalChange);
    }

    /** Refuses a payment without tenders, money received on a non-cash tender, or less than a cash tender received. */
    private static void check(List<PaymentRequest> requests) {
        FieldErrors errors = new FieldErrors();
        if (requests == null || requests.isEmpty()) {
            errors.required("payments");
            errors.throwIfAny();
        }
        // each tender's own fields are declared on PaymentRequest and checked with the request; here what joins two
        // fields
        for (int i = 0; i < requests.size(); i++) {
            PaymentRequest p = requests.get(i);
            if (p == null) {
                errors.add("payments." + i + ".payment_method", "sales.payment_method_unknown");
                continue;
            }
            if (p.receivedAmount() == null) {
                continue;
            }
            if (!PaymentMethod.CASH.code().equals(p.paymentMethod())) {
                errors.add("payments." + i + ".received_amount", "validation.invalid");
            } else if (p.receivedAmount().compareTo(p.amount()) < 0) {
                errors.add("payments." + i + ".received_amount", "sales.received_below_amount");
            }
        }
        errors.throwIfAny();
    }

    /**
     * What the tenders pay beyond the total (cash to hand back); refuses non-cash tenders over the total and tenders
     * that do not cover it.
     */
    private static BigDecimal overpaid(BigDecimal total, List<PaymentRequest> requests) {
        BigDecimal nonCash = sum(requests.stream()
                .filter(p -> !"cash".equals(p.paymentMethod()))
                .map(PaymentRequest::amount)
                .toList());
        BigDecimal cash = sum(requests.stream()
                .filter(p -> "cash".equals(p.paymentMethod()))
                .map(PaymentRequest::amount)
                .toList());
        BigDecimal paid = nonCash.add(cash);
        if (nonCash.compareTo(total) > 0) {
            throw SalesErrors.NON_CASH_OVERPAID.exception();
        }
        if (paid.compareTo(total) < 0) {
            throw SalesErrors.INSUFFICIENT_PAYMENT.exception(total.toPlainString(), paid.toPlainString());
        }
        return paid.subtract(total);
    }

    /** The part of the sale bought on credit. */
    BigDecimal credit() {
        return paidBy(PaymentMethod.CREDIT);
    }

    /** The part of the sale paid with loyalty points. */
    BigDecimal bonus() {
        return paidBy(PaymentMethod.BONUS);
    }

    /** {@code credit} and {@code bonus} need a customer and are held in customer-service first. */
    private BigDecimal paidBy(PaymentMethod method) {
        return method.paidIn(payments, Applied::method, Applied::amount).setScale(2);
    }

    private static BigDecimal scaled(BigDecimal v) {
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().map(Settlement::scaled).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
