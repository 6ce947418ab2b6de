package dev.kassa.analytics.ingest;

import dev.kassa.analytics.customer.CustomerAnalyticsService;
import dev.kassa.analytics.facts.Refund;
import dev.kassa.analytics.facts.SaleFactRepository;
import dev.kassa.analytics.shift.OpenShiftRepository;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sales' events into analytics, exactly once each: a sale or refund becomes facts, then the daily report and the
 * product rows of every business date it touched are recomputed from the facts (so an offline sale uploaded days later
 * lands on its own date, and a refund that came before its sale gets its cost when the sale arrives). Shifts are kept
 * for the dashboard; a customer's RFM row follows each of their sales and refunds. A poll's events are handled store by
 * store in one transaction each, and what they touched is recomputed once at its end ({@link Recomputes}): a busy
 * store's hundred sales of one day cost one recompute of that day, not a hundred.
 */
@Component
class SalesEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    SalesEventsConsumer(
            Inbox inbox,
            SaleFactRepository facts,
            Recomputes recomputes,
            OpenShiftRepository shifts,
            CustomerAnalyticsService customers) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(SalesEvents.SaleCompleted.class, sale -> {
                    Map<Long, String> names = new LinkedHashMap<>();
                    sale.lines().forEach(l -> names.putIfAbsent(l.productId(), l.productName()));
                    recomputes.named(names);
                    recomputes.recorded(facts.record(sale.toFact()));
                    if (sale.customerId() != null) {
                        recomputes.customer(sale.customerId());
                    }
                })
                .on("SaleRefunded", Refund.class, refund -> {
                    recomputes.recorded(facts.record(refund));
                    customers.customerOf(refund.saleId()).ifPresent(recomputes::customer);
                })
                .on(
                        SalesEvents.SessionOpened.class,
                        s -> shifts.opened(
                                s.sessionId(), s.registerId(), s.cashierId(), s.openedAt(), s.businessDate()))
                .on(
                        SalesEvents.SessionClosed.class,
                        s -> shifts.closed(
                                s.sessionId(), s.registerId(), s.cashierId(), s.closedAt(), s.businessDate()));
    }

    @KafkaListener(
            topics = Topics.SALES,
            batch = "true",
            properties = {Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.handleAll(records, "analytics-daily", handlers);
    }
}
