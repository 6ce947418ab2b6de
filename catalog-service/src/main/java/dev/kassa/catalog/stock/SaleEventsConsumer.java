package dev.kassa.catalog.stock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.events.EventEnvelope;
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
    private final ReservationService reservations;

    SaleEventsConsumer(Inbox inbox, ReservationService reservations) {
        this.inbox = inbox;
        this.reservations = reservations;
    }

    @KafkaListener(topics = Topics.SALES)
    void on(String message) {
        EventEnvelope envelope = inbox.read(message);
        if ("SaleCompleted".equals(envelope.type())) {
            SaleCompleted sale = inbox.payload(envelope, SaleCompleted.class);
            inbox.process(envelope, "catalog-stock", tenant -> reservations.commit(sale.saleId(), sale.receiptNumber(),
                    sale.lines().stream().map(SaleCompleted.Line::reservationRef).filter(Objects::nonNull).distinct().toList()));
        } else if ("SaleRefunded".equals(envelope.type())) {
            SaleRefunded refund = inbox.payload(envelope, SaleRefunded.class);
            inbox.process(envelope, "catalog-stock", tenant -> reservations.restock(refund.receiptNumber(), refund.lines()));
        } else if ("HoldsReleased".equals(envelope.type())) {
            HoldsReleased released = inbox.payload(envelope, HoldsReleased.class);
            inbox.process(envelope, "catalog-stock", tenant -> reservations.release(released.requestRefs()));
        }
    }
}
