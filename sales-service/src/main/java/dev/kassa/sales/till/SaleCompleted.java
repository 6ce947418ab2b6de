package dev.kassa.sales.till;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Contract of {@code SaleCompleted} on {@code sales.events} (brief §5). Money and quantities travel as
 * decimal strings. Consumers: catalog (stock), analytics (reports), customer (history).
 */
@KassaEvent(topic = Topics.SALES)
public record SaleCompleted(
        String saleId,
        String receiptNumber,
        long sessionId,
        long registerId,
        long cashierId,
        Long customerId,
        Instant completedAt,
        LocalDate businessDate,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        List<Line> lines,
        List<Payment> payments) {

    public record Line(
            long productId,
            String productName,
            Long batchId,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal lineTotal,
            BigDecimal unitCost,
            String reservationRef) {}

    public record Payment(String method, BigDecimal amount, BigDecimal received, BigDecimal change) {}
}
