package dev.kassa.sales.till;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Contract of {@code SaleRefunded} on {@code sales.events}: a whole sale or some of its lines given back.
 * Consumers: catalog (restock the batches), analytics (net sales of the refund's business date), customer (history; the credit part
 * pays back the buyer's debt, the bonus part gives back the points it was paid with).
 */
@KassaEvent(topic = Topics.SALES)
public record SaleRefunded(
        String saleId,
        String refundId,
        String receiptNumber,
        Long customerId,
        LocalDate businessDate,
        BigDecimal amount,
        BigDecimal creditAmount,
        BigDecimal bonusAmount,
        String method,
        boolean fullyRefunded,
        List<Line> lines) {

    /** A line given back, with the options it was sold with (as {@code SaleCompleted} named them). */
    public record Line(
            long productId,
            Long batchId,
            BigDecimal quantity,
            BigDecimal amount,
            String reservationRef,
            List<SaleCompleted.LineModifier> modifiers) {}
}
