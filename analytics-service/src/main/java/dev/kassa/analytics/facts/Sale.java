package dev.kassa.analytics.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A completed sale as analytics records it: totals by tender, and its lines with the batch cost of what was sold. */
public record Sale(
        String saleId,
        String receiptNumber,
        LocalDate businessDate,
        Instant completedAt,
        Long customerId,
        Long cashierId,
        BigDecimal total,
        BigDecimal discount,
        BigDecimal tax,
        Tenders tenders,
        List<Line> lines) {

    /** A line as sales' {@code SaleCompleted} carries it, with the options of modifier groups it chose. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(
            long productId,
            String productName,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal lineTotal,
            BigDecimal unitCost,
            List<Modifier> modifiers) {

        public Line {
            modifiers = modifiers == null ? List.of() : modifiers;
        }
    }

    /** An option a line chose and what it added to one unit's price. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Modifier(long optionId, String group, String name, BigDecimal price) {}

    /**
     * What the buyer paid for each line: its total with its share of the sale's own discount (the sale's total over the
     * lines' totals), rounded to the cent, the last line taking what rounding left so that the lines add up to the sale.
     */
    public List<BigDecimal> paidLineTotals() {
        BigDecimal lineSum = lines.stream().map(Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (lines.isEmpty() || lineSum.signum() == 0 || lineSum.compareTo(total) == 0) {
            return lines.stream().map(Line::lineTotal).toList();
        }
        List<BigDecimal> paid = new ArrayList<>(lines.size());
        BigDecimal left = total;
        for (int i = 0; i < lines.size() - 1; i++) {
            BigDecimal share = lines.get(i).lineTotal().multiply(total).divide(lineSum, 2, RoundingMode.HALF_UP);
            paid.add(share);
            left = left.subtract(share);
        }
        paid.add(left);
        return paid;
    }

    public BigDecimal itemsQuantity() {
        return lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
