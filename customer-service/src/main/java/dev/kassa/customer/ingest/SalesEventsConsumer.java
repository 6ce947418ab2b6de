package dev.kassa.customer.ingest;

import dev.kassa.customer.credit.CreditService;
import dev.kassa.customer.loyalty.LoyaltyService;
import dev.kassa.customer.purchase.PurchaseHistoryRepository;
import dev.kassa.customer.purchase.SaleCompleted;
import dev.kassa.customer.purchase.SaleRefunded;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each customer's purchase history and totals from sales events, exactly once per event: a completed
 * sale adds a purchase (total, count, last purchase), a refund takes its amount back; loyalty points are earned, spent
 * and reversed by {@link LoyaltyService}; the credit part of a sale becomes the customer's debt, and the credit part of
 * its refund pays it back ({@link CreditService}). Sales without a customer are not this service's business.
 */
@Component
class SalesEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    SalesEventsConsumer(Inbox inbox, PurchaseHistoryRepository history, CreditService credit, LoyaltyService loyalty) {
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
