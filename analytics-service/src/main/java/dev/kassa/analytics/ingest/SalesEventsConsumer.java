package dev.kassa.analytics.ingest;

import dev.kassa.analytics.customer.CustomerAnalytics;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.facts.Affected;
import dev.kassa.analytics.facts.SaleFacts;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import dev.kassa.analytics.product.Products;
import dev.kassa.analytics.shift.OpenShifts;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Sales' events into analytics, exactly once each: a sale or refund becomes facts, then the daily report and the
 * product rows of every business date it touched are recomputed from the facts (so an offline sale uploaded days later
 * lands on its own date, and a refund that came before its sale gets its cost when the sale arrives). Shifts are kept
 * for the dashboard; a customer's RFM row follows each of their sales and refunds.
 */
@Component
class SalesEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    SalesEventsConsumer(Inbox inbox, SaleFacts facts, DailySalesRepository daily, ProductPerformanceRepository performance, Products products,
                        OpenShifts shifts, CustomerAnalytics customers) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(SalesEvents.SaleCompleted.class, sale -> {
                    sale.lines().forEach(l -> products.seen(l.productId(), l.productName()));
                    recompute(facts.record(sale.toFact()), daily, performance);
                    if (sale.customerId() != null) {
                        customers.purchased(sale.customerId());
                    }
                })
                .on(SalesEvents.SaleRefunded.class, refund -> {
                    recompute(facts.record(refund.toFact()), daily, performance);
                    customers.customerOf(refund.saleId()).ifPresent(customers::purchased);
                })
                .on(SalesEvents.SessionOpened.class, s -> shifts.opened(s.sessionId(), s.registerId(), s.cashierId(), s.openedAt(), s.businessDate()))
                .on(SalesEvents.SessionClosed.class, s -> shifts.closed(s.sessionId(), s.registerId(), s.cashierId(), s.closedAt(), s.businessDate()));
    }

    private static void recompute(Affected affected, DailySalesRepository daily, ProductPerformanceRepository performance) {
        affected.productsByDate().forEach((date, productIds) -> {
            daily.recompute(date);
            performance.recompute(date, productIds);
        });
    }

    @KafkaListener(topics = Topics.SALES)
    void on(String message) {
        inbox.handle(message, "analytics-daily", handlers);
    }
}
