package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.SalesProperties;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Discounts (spec §5.3.4, rewrite): a line discount is an amount off the line (or a percent of it); a sale
 * discount is a percent of the subtotal or an amount off it. Discounts never exceed what they apply to.
 * Cashiers may give up to {@code kassa.sales.cashier-max-discount-percent}; managers and owners any discount.
 */
@Component
class Discounts {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** What the client asked for: a percent or an amount (not both). */
    record Requested(BigDecimal percent, BigDecimal amount) {
        boolean isEmpty() {
            return percent == null && amount == null;
        }
    }

    private final BigDecimal cashierLimit;

    Discounts(SalesProperties properties) {
        this.cashierLimit = properties.cashierMaxDiscountPercent();
    }

    /** Checks a request against what it applies to ({@code base}); field errors are reported under {@code prefix}. */
    void validate(FieldErrors errors, String prefix, Requested r, BigDecimal base) {
        if (r.percent() != null && r.amount() != null) {
            errors.add(prefix + "discount_percent", "sales.discount_one_of");
            return;
        }
        if (r.percent() != null
                && (r.percent().signum() < 0
                        || r.percent().compareTo(HUNDRED) > 0
                        || r.percent().stripTrailingZeros().scale() > 2)) {
            errors.add(prefix + "discount_percent", "sales.discount_percent_invalid");
        }
        if (r.amount() != null) {
            if (r.amount().signum() < 0 || r.amount().stripTrailingZeros().scale() > 2) {
                errors.add(prefix + "discount_amount", "validation.not_negative");
            } else if (r.amount().compareTo(base) > 0) {
                errors.add(prefix + "discount_amount", "sales.discount_exceeds", base.toPlainString());
            }
        }
    }

    /** The amount off {@code base} that a valid request gives, rounded half-up to cents. */
    static BigDecimal amountOff(Requested r, BigDecimal base) {
        if (r.percent() != null) {
            return base.multiply(r.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        }
        return r.amount() == null ? BigDecimal.ZERO.setScale(2) : r.amount().setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * The amount off {@code base} that {@code r} gives {@code caller}: the request checked (400 with its field errors), then
     * the caller's limit (403).
     */
    BigDecimal allowedOff(Caller caller, Requested r, BigDecimal base) {
        FieldErrors errors = new FieldErrors();
        validate(errors, "", r, base);
        errors.throwIfAny();
        BigDecimal off = amountOff(r, base);
        authorize(caller, off, base);
        return off;
    }

    /** Refuses a cashier's discount above the limit (403 {@code discount_needs_manager}). */
    void authorize(Caller caller, BigDecimal off, BigDecimal base) {
        if (caller.managesStore() || off.signum() == 0 || base.signum() == 0) {
            return;
        }
        BigDecimal percent = off.multiply(HUNDRED).divide(base, 2, RoundingMode.HALF_UP);
        if (percent.compareTo(cashierLimit) > 0) {
            throw SalesErrors.DISCOUNT_NEEDS_MANAGER.exception(
                    cashierLimit.stripTrailingZeros().toPlainString());
        }
    }
}
