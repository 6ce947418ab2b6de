package dev.kassa.analytics.daily;

import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Updates the store's daily report for the sale's local business date, exactly once per sale. */
@Component
class SaleEventsConsumer {

    private final Inbox inbox;
    private final DailySalesRepository reports;

    SaleEventsConsumer(Inbox inbox, DailySalesRepository reports) {
        this.inbox = inbox;
        this.reports = reports;
    }

    @KafkaListener(topics = Topics.SALES)
    void on(String message) {
        EventEnvelope envelope = inbox.read(message);
        if ("SaleCompleted".equals(envelope.type())) {
            SaleCompleted sale = inbox.payload(envelope, SaleCompleted.class);
            inbox.process(envelope, "analytics-daily", tenant -> {
                if (reports.recordSale(sale)) {
                    reports.recompute(sale.businessDate());
                }
            });
        } else if ("SaleRefunded".equals(envelope.type())) {
            SaleRefunded refund = inbox.payload(envelope, SaleRefunded.class);
            inbox.process(envelope, "analytics-daily", tenant -> {
                if (reports.recordRefund(refund)) {
                    reports.recompute(refund.businessDate());
                }
            });
        }
    }
}
