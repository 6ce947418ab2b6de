package dev.kassa.customer.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.money.PaymentMethod;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps each customer's purchase history and totals from sales events, exactly once per event: a completed
 * sale adds a purchase (total, count, last purchase), a refund takes its amount back; loyalty points are earned, spent
 * and reversed by {@link Loyalty}; the credit part of a sale becomes the customer's debt, and the credit part of
 * its refund pays it back ({@link Credit}). Sales without a customer are not this service's business.
 */
@Component
class PurchaseEventsConsumer {

    /** The part of the SaleCompleted contract that customer-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleCompleted(
            String saleId,
            String receiptNumber,
            Long customerId,
            Instant completedAt,
            LocalDate businessDate,
            BigDecimal total,
            List<Line> lines,
            List<Payment> payments) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Line(BigDecimal quantity) {}

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Payment(String method, BigDecimal amount) {}

        /** The part of the sale bought on credit (the customer's new debt). */
        BigDecimal credit() {
            return paid(PaymentMethod.CREDIT);
        }

        /** The part of the sale paid with loyalty points. */
        BigDecimal bonus() {
            return paid(PaymentMethod.BONUS);
        }

        private BigDecimal paid(PaymentMethod method) {
            return method.paidIn(payments, Payment::method, Payment::amount);
        }

        BigDecimal itemsQuantity() {
            return lines == null
                    ? BigDecimal.ZERO
                    : lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The part of the SaleRefunded contract that customer-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleRefunded(
            String saleId,
            String receiptNumber,
            Long customerId,
            BigDecimal amount,
            BigDecimal creditAmount,
            BigDecimal bonusAmount) {
        /** The part of the refund that reduces the customer's debt instead of leaving the till. */
        BigDecimal credit() {
            return creditAmount == null ? BigDecimal.ZERO : creditAmount;
        }

        /** The part of the refund given back as the loyalty points it was paid with. */
        BigDecimal bonus() {
            return bonusAmount == null ? BigDecimal.ZERO : bonusAmount;
        }
    }

    private final Inbox inbox;
    private final EventHandlers handlers;

    PurchaseEventsConsumer(Inbox inbox, PurchaseHistory history, Credit credit, Loyalty loyalty) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(SaleCompleted.class, sale -> sale.customerId() != null, sale -> {
                    if (history.recordPurchase(sale)) {
                        int spent =
                                credit.settle(sale.saleId(), sale.customerId(), sale.receiptNumber(), sale.credit());
                        loyalty.purchase(sale, spent);
                    }
                })
                .on(SaleRefunded.class, refund -> refund.customerId() != null, refund -> {
                    if (history.recordRefund(refund)) {
                        if (refund.credit().signum() > 0) {
                            credit.refund(
                                    refund.saleId(), refund.customerId(), refund.receiptNumber(), refund.credit());
                        }
                        loyalty.refund(refund);
                    }
                });
    }

    @KafkaListener(
            topics = Topics.SALES,
            properties = {Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(String message) {
        inbox.handle(message, "customer-history", handlers);
    }
}
