package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A sale's money from its lines (spec §5.3.4, rewrite), pure arithmetic: a line is its quantity × price rounded half-up
 * to cents less its discount; the subtotal is the sum of the lines; a sale percent is re-applied to the subtotal (half-up
 * to cents), a sale amount never exceeds it; VAT is included in prices, so the tax is the VAT part of what is paid (each
 * line's VAT share, scaled by the sale discount, rounded once) and never changes the total.
 */
record SaleTotals(BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {

    /** What a line contributes: its total (after its own discount) and its VAT rate in percent. */
    record Line(BigDecimal lineTotal, BigDecimal taxRate) {}

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    /**
     * Adds to {@code errors}, under {@code field}, that the amount a line ({@code sales.line_total_too_large}) or a whole
     * sale ({@code sales.sale_total_too_large}) would come to is more than Kassa stores ({@link FieldErrors#MAX_AMOUNT},
     * named in the message); answers whether it is.
     */
    static boolean beyondBound(FieldErrors errors, String field, BigDecimal amount, boolean wholeSale) {
        if (amount.compareTo(FieldErrors.MAX_AMOUNT) <= 0) {
            return false;
        }
        errors.add(
                field,
                wholeSale ? "sales.sale_total_too_large" : "sales.line_total_too_large",
                FieldErrors.MAX_AMOUNT.toPlainString());
        return true;
    }

    /** A line's total: quantity × unit price rounded half-up to cents, less the line's discount. */
    static BigDecimal lineTotal(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
        return quantity.multiply(unitPrice)
                .setScale(2, RoundingMode.HALF_UP)
                .subtract(discount)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * The totals of {@code lines} under the sale's discount: {@code discountPercent} when above zero, otherwise
     * {@code discountAmount} (at most the subtotal).
     */
    static SaleTotals of(List<Line> lines, BigDecimal discountPercent, BigDecimal discountAmount) {
        BigDecimal subtotal = NO_MONEY;
        BigDecimal vat = BigDecimal.ZERO;
        for (Line line : lines) {
            subtotal = subtotal.add(line.lineTotal());
            vat = vat.add(line.lineTotal()
                    .multiply(line.taxRate())
                    .divide(HUNDRED.add(line.taxRate()), MathContext.DECIMAL128));
        }
        subtotal = subtotal.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal off = discountPercent != null && discountPercent.signum() > 0
                ? subtotal.multiply(discountPercent).divide(HUNDRED, 2, RoundingMode.HALF_UP)
                : (discountAmount == null
                        ? NO_MONEY
                        : discountAmount.min(subtotal).setScale(2, RoundingMode.HALF_UP));
        BigDecimal paid = subtotal.subtract(off);
        BigDecimal tax = subtotal.signum() == 0
                ? NO_MONEY
                : vat.multiply(paid).divide(subtotal, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
        return new SaleTotals(subtotal, off, tax, paid);
    }
}
