package dev.kassa.catalog.inventory.stock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What sales did to the stock: completed sales turn their till holds into sale movements (a product made of others: its
 * components'), refunds put the goods back into the batches they were sold from; each once (the inbox guarantees it).
 */
@Service
public class SoldStockService {

    private static final Logger log = LoggerFactory.getLogger(SoldStockService.class);

    private final ReservationRepository holds;
    private final BatchRepository batches;
    private final StockLedger ledger;

    SoldStockService(ReservationRepository holds, BatchRepository batches, StockLedger ledger) {
        this.holds = holds;
        this.batches = batches;
        this.ledger = ledger;
    }

    /** A completed sale as catalog commits it: its reference, its receipt number and the requests its lines held under. */
    /** A completed sale: its id, receipt number, buyer (null: anonymous) and the holds it took. */
    public record Sold(
            String saleRef,
            String receiptNumber,
            Long customerId,
            String customerName,
            String customerPhone,
            List<String> requestRefs) {}

    /**
     * Turns completed sales' holds into sale movements, in the order the sales came; once per sale (the inbox guarantees
     * it). A poll's sales are committed together: one statement each completes their holds (locked in id order), takes
     * from the batches, records the movements, reads the stock after and publishes the events, however many sales. A hold
     * that lapsed in the meantime is still committed, because the goods left the store. A batch that no longer has what
     * the sales took out of it (counted down by hand meanwhile) gives what it had, to the sales in their order, and stays
     * at zero. Each sale's {@code StockChanged} tells the stock as it stood after that sale ({@link StockEvents#taken}).
     */
    @Transactional
    public void commit(List<Sold> sales) {
        Map<String, ReservationRepository.Completion> saleOfRequest = saleOfRequest(sales);
        if (saleOfRequest.isEmpty()) {
            return;
        }
        Map<String, List<ReservationRepository.Held>> fromBatches = new HashMap<>();
        holds.completeHolds(saleOfRequest).stream()
                .filter(h -> h.batchId() != null)
                .forEach(h -> fromBatches
                        .computeIfAbsent(saleOfRequest.get(h.requestRef()).sale(), k -> new ArrayList<>())
                        .add(h));
        if (fromBatches.isEmpty()) {
            return;
        }
        // what a batch that lacked had, handed to the sales in turn
        Map<Long, BigDecimal> lacking = takeFromBatches(fromBatches);
        List<StockLevelRepository.Movement> movements = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<StockEvents.Taken> taken = new ArrayList<>();
        for (Sold sale : sales) {
            List<ReservationRepository.Held> held = fromBatches.remove(sale.saleRef());
            if (held == null) {
                continue;
            }
            Map<Long, BigDecimal> out = new TreeMap<>();
            for (ReservationRepository.Held h : held) {
                BigDecimal quantity = h.quantity();
                BigDecimal had = lacking.get(h.batchId());
                if (had != null) {
                    quantity = quantity.min(had);
                    lacking.put(h.batchId(), had.subtract(quantity));
                    if (quantity.compareTo(h.quantity()) < 0) {
                        log.error(
                                "Sale {} sold {} of batch {} beyond its on-hand quantity; stock clamped at zero",
                                sale.receiptNumber(),
                                h.quantity(),
                                h.batchId());
                    }
                }
                out.merge(h.productId(), quantity, BigDecimal::add);
                movements.add(new StockLevelRepository.Movement(
                        h.productId(), h.batchId(), h.quantity().negate()));
                references.add(sale.receiptNumber());
            }
            taken.add(new StockEvents.Taken(sale.receiptNumber(), out));
        }
        ledger.sold(movements, references, taken);
    }

    /** The sale each held request is completed by, in the order the sales came (a request's first sale). */
    private static Map<String, ReservationRepository.Completion> saleOfRequest(List<Sold> sales) {
        Map<String, ReservationRepository.Completion> saleOfRequest = new LinkedHashMap<>();
        sales.forEach(sale -> sale.requestRefs()
                .forEach(ref -> saleOfRequest.putIfAbsent(
                        ref,
                        new ReservationRepository.Completion(
                                sale.saleRef(),
                                sale.receiptNumber(),
                                sale.customerId(),
                                sale.customerName(),
                                sale.customerPhone()))));
        return saleOfRequest;
    }

    /**
     * Takes what the sales' holds had of each batch from it, in one statement; what each batch that had less than that
     * still had (zero or more), which it then gives.
     */
    private Map<Long, BigDecimal> takeFromBatches(Map<String, List<ReservationRepository.Held>> fromBatches) {
        Map<Long, BigDecimal> perBatch = new TreeMap<>();
        fromBatches
                .values()
                .forEach(held -> held.forEach(h -> perBatch.merge(h.batchId(), h.quantity(), BigDecimal::add)));
        Map<Long, BigDecimal> lacking = new HashMap<>();
        batches.takeFromBatches(perBatch)
                .forEach(batch -> lacking.put(batch, batches.emptyBatch(batch).max(BigDecimal.ZERO)));
        return lacking;
    }

    /**
     * Puts refunded goods back into the batches they were sold from (once per refund; the inbox guarantees it); the
     * products are not locked (as before the ledger): the poll's sales locked their batches first.
     */
    @Transactional
    public void restock(String receiptNumber, List<Returned> lines) {
        StockLedger.Entry entry = ledger.openUnlocked(
                lines.stream().map(Returned::productId).filter(Objects::nonNull).toList(),
                StockReason.REFUND,
                receiptNumber,
                null);
        for (Returned line : lines) {
            if (line.batchId() != null
                    && line.quantity() != null
                    && line.quantity().signum() > 0
                    && !entry.putBack(line.productId(), line.batchId(), line.quantity())) {
                log.error(
                        "Refund of {} names batch {} that product {} does not have; not restocked",
                        receiptNumber,
                        line.batchId(),
                        line.productId());
            }
        }
        // the movements in one statement after every batch, as a sale's are: the units sold by day
        // (product_sales_days, counted by the movements' trigger) are the last rows the refund locks, in product order
        entry.post();
    }

    /** A refunded line as catalog needs it. */
    public record Returned(Long productId, Long batchId, BigDecimal quantity) {}
}
