package dev.kassa.analytics.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A completed sale as analytics records it: totals by tender, and its lines with the batch cost of what was sold. */
public record Sale(
        String saleId,
        String receiptNumber,
        LocalDate businessDate,
        Instant completedAt,
        Long customerId,
        BigDecimal total,
        BigDecimal discount,
        BigDecimal tax,
        Tenders tenders,
        List<Line> lines) {

    /** A line as sales' {@code SaleCompleted} carries it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(
            long productId,
            String productName,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal lineTotal,
            BigDecimal unitCost) {}

    public BigDecimal itemsQuantity() {
        return lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
