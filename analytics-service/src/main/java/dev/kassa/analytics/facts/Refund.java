package dev.kassa.analytics.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A refund of a sale, whole or by line, on its own business date. */
public record Refund(
        String refundId,
        String saleId,
        String receiptNumber,
        LocalDate businessDate,
        BigDecimal amount,
        BigDecimal creditAmount,
        String method,
        List<Line> lines) {

    public record Line(long productId, BigDecimal quantity, BigDecimal amount) {}
}
