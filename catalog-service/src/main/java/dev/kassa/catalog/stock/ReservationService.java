package dev.kassa.catalog.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holds stock for till carts (brief §6). A hold locks the product row, so two tills can never take the
 * same last unit: available = on hand of unexpired active batches − active holds, allocated FEFO
 * (earliest expiry first, no expiry last), possibly across batches. Holds are idempotent per request_ref, and a hold and
 * its release are ordered by that reference ({@code hold_requests}), so a release never leaves a later-committing hold behind.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final ReservationRepository holds;
    private final Batches batches;
    private final StockLevels stock;
    private final StockEvents events;
    private final CatalogProperties properties;
    private final HoldSweeper sweeper;

    ReservationService(
            ReservationRepository holds,
            Batches batches,
            StockLevels stock,
            StockEvents events,
            CatalogProperties properties,
            HoldSweeper sweeper) {
        this.sweeper = sweeper;
        this.holds = holds;
        this.batches = batches;
        this.stock = stock;
        this.events = events;
        this.properties = properties;
    }

    @Transactional
    public Reservation reserve(ReserveRequest r) {
        boolean byCode =
                r.productId() == null && r.barcode() != null && !r.barcode().isBlank();
        if (r.productId() == null && !byCode) {
            throw FieldErrors.single("product", "validation.required");
        }
        BigDecimal requested = r.quantity().setScale(3, RoundingMode.UNNECESSARY);
        // a scanned code names the product (and, for a batch code, the batch) in the statement that claims the hold;
        // the hold request's own row first (a release of the same reference that arrives meanwhile waits for this
        // transaction), then the product
        String code = byCode ? r.barcode().trim() : null;
        ReservationRepository.Claimed claimed = holds.claimAndLock(r.requestRef(), r.productId(), code)
                .orElseThrow(() -> byCode
                        ? CatalogErrors.PRODUCT_NOT_FOUND_BY_BARCODE.exception(Map.of("barcode", code), code)
                        : CatalogErrors.PRODUCT_NOT_FOUND.exception());
        long productId = claimed.locked().product().id();
        Long batchId = r.batchId() != null ? r.batchId() : claimed.scannedBatch();
        ReservationRepository.Claim claim = claimed.claim();
        if (claim.released()) {
            throw CatalogErrors.HOLD_RELEASED.exception();
        }
        ReservationRepository.Locked locked = claimed.locked();
        if (!locked.active()) {
            throw CatalogErrors.PRODUCT_INACTIVE.exception();
        }
        // only a retried reference can have holds already (a till's every scan has a new one)
        List<Reservation.Allocation> existing = claim.repeated() ? holds.allocations(r.requestRef()) : List.of();
        if (!existing.isEmpty()) {
            return new Reservation(r.requestRef(), locked.product(), existing);
        }
        Timestamp until = Timestamp.from(Instant.now().plus(properties.reservationTtl()));
        String saleRef = r.saleRef() == null ? "" : r.saleRef();
        if (!locked.product().trackInventory()) {
            long id = holds.insert(locked.product().id(), null, requested, r.requestRef(), saleRef, until);
            sweeper.holdPlaced();
            return new Reservation(
                    r.requestRef(),
                    locked.product(),
                    List.of(new Reservation.Allocation(id, null, null, requested, locked.costPrice())));
        }
        List<ReservationRepository.Candidate> candidates = holds.candidates(productId, batchId);
        if (batchId != null && candidates.isEmpty()) {
            throw CatalogErrors.BATCH_NOT_FOUND.exception();
        }
        BigDecimal available = candidates.stream()
                .map(b -> b.quantity().subtract(b.held()).max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(requested) < 0 && !r.allowsShort()) {
            throw CatalogErrors.INSUFFICIENT_STOCK.exception(
                    Map.of("available", available.setScale(3).toPlainString(), "requested", requested.toPlainString()),
                    available.setScale(3).toPlainString(),
                    requested.toPlainString());
        }
        List<Reservation.Allocation> allocations = new ArrayList<>();
        BigDecimal remaining = requested;
        for (ReservationRepository.Candidate b : candidates) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take =
                    b.quantity().subtract(b.held()).max(BigDecimal.ZERO).min(remaining);
            if (take.signum() > 0) {
                long id = holds.insert(locked.product().id(), b.id(), take, r.requestRef(), saleRef, until);
                allocations.add(new Reservation.Allocation(id, b.id(), b.number(), take, b.purchasePrice()));
                remaining = remaining.subtract(take);
            }
        }
        if (remaining.signum() > 0) {
            // an offline sale that already happened: the goods left although no batch had them; held without a batch,
            // so
            // the sale is whole and its completion takes nothing more from the batches (which never go below zero)
            log.warn(
                    "Offline sale line {} sold {} of product {} beyond its stock of {}",
                    r.requestRef(),
                    remaining,
                    productId,
                    available.setScale(3));
            long id = holds.insert(productId, null, remaining, r.requestRef(), saleRef, until);
            allocations.add(new Reservation.Allocation(id, null, null, remaining, locked.costPrice()));
        }
        sweeper.holdPlaced();
        return new Reservation(r.requestRef(), locked.product(), allocations);
    }

    /** Releases the active holds of the given requests (a removed line, a cancelled draft). */
    @Transactional
    public int release(List<String> requestRefs) {
        if (requestRefs == null || requestRefs.isEmpty()) {
            return 0;
        }
        // waits for a hold of the same reference still in flight (its row is locked until it commits), then cancels it;
        // a reference not held yet is marked released, so its hold is refused when it arrives
        List<String> refs = requestRefs.stream()
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        return refs.isEmpty() ? 0 : holds.release(refs);
    }

    /**
     * Turns a completed sale's holds into sale movements. Runs once per sale (the inbox guarantees it);
     * a hold that lapsed in the meantime is still committed, because the goods left the store. The holds are completed
     * first (one statement that locks and answers them), then the batches give what they held; the stock events compare
     * each product's stock now with what it was before the goods left (now plus what they took: no second read).
     */
    @Transactional
    public void commit(String saleRef, String receiptNumber, List<String> requestRefs) {
        if (requestRefs.isEmpty()) {
            return;
        }
        List<ReservationRepository.Held> held = holds.completeHolds(requestRefs, saleRef);
        if (held.isEmpty()) {
            return;
        }
        List<ReservationRepository.Held> fromBatches =
                held.stream().filter(h -> h.batchId() != null).toList();
        if (fromBatches.isEmpty()) {
            return;
        }
        Map<Long, BigDecimal> perBatch = new TreeMap<>();
        Map<Long, Long> productOf = new TreeMap<>();
        fromBatches.forEach(h -> {
            perBatch.merge(h.batchId(), h.quantity(), BigDecimal::add);
            productOf.put(h.batchId(), h.productId());
        });
        Map<Long, BigDecimal> taken = new TreeMap<>();
        Set<Long> lacking = batches.takeFromBatches(perBatch);
        perBatch.forEach((batch, quantity) -> {
            BigDecimal out = quantity;
            if (lacking.contains(batch)) {
                log.error(
                        "Sale {} sold {} of batch {} beyond its on-hand quantity; stock clamped at zero",
                        receiptNumber,
                        quantity,
                        batch);
                out = batches.emptyBatch(batch).max(BigDecimal.ZERO);
            }
            taken.merge(productOf.get(batch), out, BigDecimal::add);
        });
        stock.recordMovements(
                fromBatches.stream()
                        .map(h -> new StockLevels.Movement(
                                h.productId(), h.batchId(), h.quantity().negate()))
                        .toList(),
                "sale",
                receiptNumber);
        events.taken(taken, "sale", receiptNumber);
    }

    /** Puts refunded goods back into the batches they were sold from (once per refund; the inbox guarantees it). */
    @Transactional
    public void restock(String receiptNumber, List<Returned> lines) {
        Map<Long, StockLevels.Level> before = events.before(lines.stream()
                .map(Returned::productId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        for (Returned line : lines) {
            if (line.batchId() != null
                    && line.quantity() != null
                    && line.quantity().signum() > 0) {
                if (batches.returnToBatch(line.productId(), line.batchId(), line.quantity())) {
                    stock.recordMovement(line.productId(), line.batchId(), line.quantity(), "refund", receiptNumber);
                } else {
                    log.error(
                            "Refund of {} names batch {} that product {} does not have; not restocked",
                            receiptNumber,
                            line.batchId(),
                            line.productId());
                }
            }
        }
        events.changed(before, "refund", receiptNumber);
    }

    /** A refunded line as catalog needs it. */
    public record Returned(Long productId, Long batchId, BigDecimal quantity) {}
}
