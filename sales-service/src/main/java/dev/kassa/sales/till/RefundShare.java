package dev.kassa.sales.till;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a refund gives back (pure money arithmetic, no I/O). Each line's value is its total with the sale-level discount
 * shared out in proportion; part of a line gives back its share of that value, and the last units of a line give back
 * whatever of it earlier refunds left, so that refunding a line piece by piece never returns a cent more or less than
 * refunding it at once. Of the total, what was bought on credit comes back first (it reduces the customer's debt), then
 * what was paid with points (the points return); neither leaves the till, only the rest is paid back by the chosen method.
 *
 * @param amounts  what each refunded item gives back, by item id, in the order asked
 * @param total    the sum of {@code amounts}
 * @param credit   the part that reduces the customer's debt
 * @param bonus    the part returned as points
 * @param paidBack how the refund is recorded: {@code credit} or {@code bonus} when those cover all of it, else the method asked
 */
record RefundShare(
        Map<Long, BigDecimal> amounts, BigDecimal total, BigDecimal credit, BigDecimal bonus, String paidBack) {

    /** A line of the sale: what it sold, what it cost the buyer, and how much of it earlier refunds took back. */
    record Line(long itemId, BigDecimal quantity, BigDecimal refundedQuantity, BigDecimal lineTotal) {
        BigDecimal left() {
            return quantity.subtract(refundedQuantity);
        }
    }

    /**
     * @param subtotal       the sale's lines before its sale-level discount
     * @param saleTotal      what the buyer paid
     * @param wanted         the quantity to give back per item id (each at most what is left of its line)
     * @param refundedAmount what earlier refunds gave back for an item (asked only for lines refunded to their last unit)
     * @param creditLeft     the credit tender not yet refunded
     * @param bonusLeft      the points tender not yet refunded
     */
    static RefundShare of(
            BigDecimal subtotal,
            BigDecimal saleTotal,
            List<Line> lines,
            Map<Long, BigDecimal> wanted,
            Function<Long, BigDecimal> refundedAmount,
            BigDecimal creditLeft,
            BigDecimal bonusLeft,
            String method) {
        BigDecimal factor =
                subtotal.signum() == 0 ? BigDecimal.ONE : saleTotal.divide(subtotal, 10, RoundingMode.HALF_UP);
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<Long, BigDecimal> e : wanted.entrySet()) {
            Line line = lines.stream()
                    .filter(l -> l.itemId() == e.getKey())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no line " + e.getKey()));
            if (e.getValue().signum() <= 0 || e.getValue().compareTo(line.left()) > 0) {
                throw new IllegalArgumentException(
                        "line " + line.itemId() + " has " + line.left() + " to give back, not " + e.getValue());
            }
            BigDecimal value = line.lineTotal().multiply(factor).setScale(2, RoundingMode.HALF_UP);
            BigDecimal amount = e.getValue().compareTo(line.left()) == 0
                    ? value.subtract(refundedAmount.apply(line.itemId()))
                    : value.multiply(e.getValue()).divide(line.quantity(), 2, RoundingMode.HALF_UP);
            amounts.put(line.itemId(), amount);
            total = total.add(amount);
        }
        BigDecimal credit = total.min(creditLeft).max(BigDecimal.ZERO).setScale(2);
        BigDecimal bonus =
                total.subtract(credit).min(bonusLeft).max(BigDecimal.ZERO).setScale(2);
        String paidBack = total.signum() > 0 && credit.add(bonus).compareTo(total) == 0
                ? (credit.signum() > 0 ? "credit" : "bonus")
                : method;
        return new RefundShare(amounts, total, credit, bonus, paidBack);
    }
}
