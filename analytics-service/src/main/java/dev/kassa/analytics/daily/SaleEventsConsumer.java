package dev.kassa.analytics.daily;

import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Updates the store's daily report for the sale's local business date, exactly once per sale. */
@Component
class SaleEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    SaleEventsConsumer(Inbox inbox, DailySalesRepository reports) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(SaleCompleted.class, sale -> {
                    if (reports.recordSale(sale)) {
                        reports.recompute(sale.businessDate());
                    }
                })
                .on(SaleRefunded.class, refund -> {
                    if (reports.recordRefund(refund)) {
                        reports.recompute(refund.businessDate());
                    }
                });
    }

    @KafkaListener(topics = Topics.SALES)
    void on(String message) {
        inbox.handle(message, "analytics-daily", handlers);
    }
}
