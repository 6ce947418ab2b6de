package dev.kassa.catalog.inventory.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.catalog.inventory.stock.ReservationService;
import dev.kassa.catalog.inventory.stock.SoldStockService;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.InboxTransaction;
import dev.kassa.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns completed sales into stock movements, refunds back into stock and abandoned holds into released ones, exactly
 * once per event.
 */
@Component
class SalesEventsConsumer {

    /** The part of the SaleCompleted contract (brief §5) that catalog reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleCompleted(
            String saleId,
            String receiptNumber,
            Long customerId,
            String customerName,
            String customerPhone,
            List<Line> lines) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Line(Long productId, String reservationRef) {}
    }

    /** The part of the SaleRefunded contract that catalog reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleRefunded(String receiptNumber, List<SoldStockService.Returned> lines) {}

    /** The HoldsReleased contract: holds sales gave up without reaching catalog. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoldsReleased(List<String> requestRefs) {}

    private final Inbox inbox;
    private final EventHandlers handlers;
    private final SoldStockService sold;
    private final ReservationService reservations;

    SalesEventsConsumer(Inbox inbox, SoldStockService sold, ReservationService reservations) {
        this.inbox = inbox;
        this.sold = sold;
        this.reservations = reservations;
        this.handlers = new EventHandlers()
                .on(SaleCompleted.class, sale -> InboxTransaction.collected(
                                this, ArrayList<SoldStockService.Sold>::new, this::commit)
                        .add(new SoldStockService.Sold(
                                sale.saleId(),
                                sale.receiptNumber(),
                                sale.customerId(),
                                sale.customerName(),
                                sale.customerPhone(),
                                sale.lines().stream()
                                        .map(SaleCompleted.Line::reservationRef)
                                        .filter(Objects::nonNull)
                                        .distinct()
                                        .toList())))
                .on(SaleRefunded.class, refund -> {
                    commitCollected();
                    sold.restock(refund.receiptNumber(), refund.lines());
                })
                .on(HoldsReleased.class, released -> {
                    commitCollected();
                    reservations.release(released.requestRefs());
                });
    }

    /**
     * The completed sales collected so far in this transaction, committed together ({@link SoldStockService#commit}):
     * before the transaction commits, and before any other event of the poll runs, so that each runs after the sales that
     * came before it.
     */
    private void commitCollected() {
        List<SoldStockService.Sold> collected = InboxTransaction.current(this);
        if (collected != null) {
            commit(collected);
        }
    }

    private void commit(List<SoldStockService.Sold> sales) {
        if (!sales.isEmpty()) {
            sold.commit(List.copyOf(sales));
            sales.clear();
        }
    }

    /**
     * A poll's events of one store in one transaction (one commit for up to 50 sales, not one each: the single consumer
     * thread fell minutes behind a saturated till before). Fifty bound how long a transaction keeps its sales' holds and
     * batch rows locked; a till's hold does not wait for them (it locks the product, and its reference to a batch takes a
     * key-share lock that a stock update does not block).
     */
    @KafkaListener(
            topics = Topics.SALES,
            batch = "true",
            properties = {"max.poll.records=50", Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.handleAll(records, "catalog-stock", handlers);
    }
}
