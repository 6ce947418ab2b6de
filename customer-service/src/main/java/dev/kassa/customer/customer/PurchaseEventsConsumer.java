package dev.kassa.customer.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps each customer's purchase history and totals from sales events, exactly once per event: a completed
 * sale adds a purchase (total, count, last purchase), a refund takes its amount back; loyalty points are
 * 1 per full 100 of net purchases (spec §6.2). Sales without a customer are not this service's business.
 */
@Component
class PurchaseEventsConsumer {

    /** The part of the SaleCompleted contract that customer-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleCompleted(String saleId, String receiptNumber, Long customerId, Instant completedAt, LocalDate businessDate, BigDecimal total,
                         List<Line> lines) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Line(BigDecimal quantity) { }

        BigDecimal itemsQuantity() {
            return lines == null ? BigDecimal.ZERO : lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The part of the SaleRefunded contract that customer-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleRefunded(String saleId, String receiptNumber, Long customerId, BigDecimal amount) { }

    private final Inbox inbox;
    private final EventHandlers handlers;

    PurchaseEventsConsumer(Inbox inbox, PurchaseHistory history) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(SaleCompleted.class, sale -> sale.customerId() != null, history::recordPurchase)
                .on(SaleRefunded.class, refund -> refund.customerId() != null, history::recordRefund);
    }

    @KafkaListener(topics = Topics.SALES)
    void on(String message) {
        inbox.handle(message, "customer-history", handlers);
    }
}
