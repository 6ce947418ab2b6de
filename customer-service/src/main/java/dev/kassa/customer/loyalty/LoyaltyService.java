package dev.kassa.customer.loyalty;

import dev.kassa.customer.card.CustomerCounters;
import dev.kassa.customer.card.CustomerRepository;
import dev.kassa.customer.ledger.CustomerBalanceChanged;
import dev.kassa.customer.ledger.LedgerRepository;
import dev.kassa.customer.purchase.PurchaseHistoryRepository;
import dev.kassa.customer.purchase.SaleCompleted;
import dev.kassa.customer.purchase.SaleRefunded;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Loyalty points (issue 11): earned on net purchases (one point per full {@code amount_per_point}, what was paid with points
 * earns nothing), spent at the till as the {@code bonus} tender ({@code point_value} each, never more than the customer
 * holds), taken back by refunds down to what the rest of the purchase earns (a whole refund undoes it exactly). Every change is a row of the customer's ledger with the points before and after.
 */
@Service
public class LoyaltyService {

    /** The store's loyalty rules. */
    record SettingsRequest(
            Boolean loyaltyEnabled,
            @Money(positive = true, message = "customer.amount_positive") BigDecimal loyaltyAmountPerPoint,
            @Money(positive = true, message = "customer.amount_positive") BigDecimal loyaltyPointValue,
            @Money BigDecimal offlineCreditOverLimit) {}

    private final LoyaltyRepository rows;
    private final CustomerRepository customers;
    private final PurchaseHistoryRepository purchases;
    private final LedgerRepository ledger;
    private final OutboxPublisher outbox;

    LoyaltyService(
            LoyaltyRepository rows,
            CustomerRepository customers,
            PurchaseHistoryRepository purchases,
            LedgerRepository ledger,
            OutboxPublisher outbox) {
        this.purchases = purchases;
        this.rows = rows;
        this.customers = customers;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    @Transactional(readOnly = true)
    public LoyaltySettings settings() {
        return current();
    }

    /** PUT or PATCH of the rules (only what is given changes). */
    @Transactional
    LoyaltySettings update(SettingsRequest r) {
        LoyaltySettings now = current();
        BigDecimal perPoint =
                r.loyaltyAmountPerPoint() == null ? now.loyaltyAmountPerPoint() : r.loyaltyAmountPerPoint();
        BigDecimal value = r.loyaltyPointValue() == null ? now.loyaltyPointValue() : r.loyaltyPointValue();
        rows.updateSettings(
                r.loyaltyEnabled() == null ? now.loyaltyEnabled() : r.loyaltyEnabled(),
                perPoint,
                value,
                r.offlineCreditOverLimit() == null ? now.offlineCreditOverLimit() : r.offlineCreditOverLimit());
        return current();
    }

    /** How many points pay {@code amount} at the till: refused unless loyalty is on and the amount is a whole number of points. */
    public int pointsFor(BigDecimal amount) {
        LoyaltySettings s = current();
        if (!s.loyaltyEnabled()) {
            throw FieldErrors.single("payment_method", "customer.loyalty_disabled");
        }
        BigDecimal points = amount.divide(s.loyaltyPointValue(), 6, RoundingMode.HALF_UP);
        if (points.stripTrailingZeros().scale() > 0
                || points.signum() <= 0
                || points.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw FieldErrors.single(
                    "amount",
                    "customer.bonus_whole_points",
                    s.loyaltyPointValue().toPlainString());
        }
        return points.intValueExact();
    }

    /**
     * A completed purchase (inside the inbox's transaction, after its history row): the points spent on it leave the balance,
     * the points it earns arrive.
     */
    public void purchase(SaleCompleted sale, int spentPoints) {
        BigDecimal bonus = sale.bonus();
        if (bonus.signum() > 0 && spentPoints > 0) {
            purchases.pointsSpentOn(sale.saleId(), bonus, spentPoints);
            change(sale.customerId(), "bonus_redemption", bonus, -spentPoints, sale.saleId(), sale.receiptNumber());
        }
        LoyaltySettings s = current();
        if (!s.loyaltyEnabled()) {
            return;
        }
        BigDecimal base = sale.total().subtract(bonus).max(BigDecimal.ZERO);
        int earned =
                base.divide(s.loyaltyAmountPerPoint(), 0, RoundingMode.DOWN).intValue();
        purchases.pointsEarnedOn(sale.saleId(), base, earned, s.loyaltyAmountPerPoint());
        if (earned > 0) {
            change(sale.customerId(), "bonus_accrual", base, earned, sale.saleId(), sale.receiptNumber());
        }
    }

    /**
     * A refund (inside the inbox's transaction, after the history row counts it): the points paid for what comes back return,
     * and the points earned on it are taken back in proportion; a whole refund undoes both exactly.
     */
    public void refund(SaleRefunded refund) {
        LoyaltyRepository.PointsOfPurchase row =
                rows.lockPoints(refund.saleId()).orElse(null);
        if (row == null) {
            return;
        }
        BigDecimal refunded = row.refunded();
        BigDecimal base = row.base();
        int earned = row.earned();
        int reversed = row.reversed();
        BigDecimal bonusAmount = row.bonusAmount();
        int bonusPoints = row.bonusPoints();
        BigDecimal bonusBefore = row.bonusRefunded();
        BigDecimal per = row.per();
        BigDecimal bonusNow = bonusBefore.add(refund.bonus()).min(bonusAmount);
        if (bonusNow.compareTo(bonusBefore) > 0 && bonusAmount.signum() > 0) {
            int back = share(bonusPoints, bonusNow, bonusAmount) - share(bonusPoints, bonusBefore, bonusAmount);
            purchases.bonusRefunded(refund.saleId(), bonusNow);
            if (back > 0) {
                change(
                        refund.customerId(),
                        "bonus_return",
                        bonusNow.subtract(bonusBefore),
                        back,
                        refund.saleId(),
                        refund.receiptNumber());
            }
        }
        if (earned > 0 && per != null) {
            // what is still bought (not refunded) of what earned the points, at the rule of the day of purchase
            BigDecimal kept = base.subtract(refunded.subtract(bonusNow)).max(BigDecimal.ZERO);
            int stillEarned =
                    Math.min(earned, kept.divide(per, 0, RoundingMode.DOWN).intValue());
            int takeBack = earned - reversed - stillEarned;
            if (takeBack > 0) {
                purchases.pointsReversed(refund.saleId(), takeBack);
                change(
                        refund.customerId(),
                        "bonus_reversal",
                        refund.amount(),
                        -takeBack,
                        refund.saleId(),
                        refund.receiptNumber());
            }
        }
    }

    private static int share(int points, BigDecimal part, BigDecimal whole) {
        return BigDecimal.valueOf(points)
                .multiply(part)
                .divide(whole, 0, RoundingMode.HALF_UP)
                .intValue();
    }

    /** A customer's points brought from another system (an import): an {@code opening} entry of the points ledger. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void opening(long customerId, int points) {
        change(customerId, "opening", BigDecimal.ZERO, points, null, null);
    }

    /** Moves the customer's points by {@code delta} and writes the ledger row and its event (the balance itself is unchanged). */
    private void change(
            long customerId, String type, BigDecimal amount, int delta, String saleId, String receiptNumber) {
        CustomerCounters.PointsMoved after =
                customers.movePoints(customerId, delta).orElse(null);
        if (after == null) {
            return;
        }
        int pointsAfter = after.after();
        BigDecimal balance = after.balance();
        long entry = ledger.appendPoints(
                customerId,
                type,
                amount.setScale(2, RoundingMode.HALF_UP),
                balance,
                delta,
                pointsAfter - delta,
                pointsAfter,
                saleId,
                receiptNumber);
        outbox.publish(
                TenantContext.require().key(),
                new CustomerBalanceChanged(
                        customerId,
                        entry,
                        type,
                        BigDecimal.ZERO.setScale(2),
                        balance,
                        balance,
                        saleId,
                        null,
                        null,
                        delta,
                        pointsAfter));
    }

    private LoyaltySettings current() {
        return rows.settings();
    }
}
