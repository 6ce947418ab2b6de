package dev.kassa.catalog.stock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/** Turns completed sales into stock movements, refunds back into stock and abandoned holds into released ones, exactly once per event. */
@Component
class SaleEventsConsumer {

    /** The part of the SaleCompleted contract (brief §5) that catalog reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleCompleted(String saleId, String receiptNumber, List<Line> lines) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Line(Long productId, String reservationRef) { }
    }

    /** The part of the SaleRefunded contract that catalog reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleRefunded(String receiptNumber, List<ReservationService.Returned> lines) { }

    /** The HoldsReleased contract: holds sales gave up without reaching catalog. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoldsReleased(List<String> requestRefs) { }

    private final Inbox inbox;
    private final EventHandlers handlers;

    SaleEventsConsumer(Inbox inbox, ReservationService reservations) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(SaleCompleted.class, sale -> reservations.commit(sale.saleId(), sale.receiptNumber(),
                        sale.lines().stream().map(SaleCompleted.Line::reservationRef).filter(Objects::nonNull).distinct().toList()))
                .on(SaleRefunded.class, refund -> reservations.restock(refund.receiptNumber(), refund.lines()))
                .on(HoldsReleased.class, released -> reservations.release(released.requestRefs()));
    }

    @KafkaListener(topics = Topics.SALES)
    void on(String message) {
        inbox.handle(message, "catalog-stock", handlers);
    }
}
