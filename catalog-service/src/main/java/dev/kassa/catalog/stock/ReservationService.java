package dev.kassa.catalog.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.modifier.ModifierChoice;
import dev.kassa.catalog.modifier.ModifierService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

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
    private final BatchRepository batches;
    private final StockLevelRepository stock;
    private final StockEvents events;
    private final CatalogProperties properties;
    private final HoldSweeper sweeper;
    private final ModifierService modifiers;

    ReservationService(
            ReservationRepository holds,
            BatchRepository batches,
            StockLevelRepository stock,
            StockEvents events,
            CatalogProperties properties,
            HoldSweeper sweeper,
            ModifierService modifiers) {
        this.modifiers = modifiers;
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
            throw FieldErrors.missing("product");
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
        return hold(
                        List.of(new Line(
                                r,
                                requested,
                                claimed.claim(),
                                claimed.locked(),
                                r.batchId() != null ? r.batchId() : claimed.scannedBatch())),
                        i -> "modifiers")
                .get(0);
    }

    /**
     * Holds every line of a sale in one transaction (a sale the till kept itself and sends whole): all lines are held, or
     * none when one is refused (its refusal is the answer, with the line's {@code product_id}). Each line names its product
     * by id. The lines' requests are claimed in one statement, in the order of their references (as a release takes them),
     * and their products locked in one more, in id order (as every other sale sent whole locks them), so neither a release
     * nor another such sale ever waits on this one in a circle; then each line takes its batches. Each line is idempotent
     * per its request ref as in {@link #reserve}, so a repeated call answers the same holds.
     */
    @Transactional
    public List<Reservation> reserveAll(List<ReserveRequest> lines) {
        Set<String> refs = new HashSet<>();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < lines.size(); i++) {
            if (!refs.add(lines.get(i).requestRef())) {
                errors.add("lines." + i + ".request_ref", "validation.invalid");
            }
            if (lines.get(i).productId() == null) {
                errors.required("lines." + i + ".product_id");
            }
        }
        errors.throwIfAny();
        ReservationRepository.ClaimedLines claimed = holds.claimAndLock(
                refs, lines.stream().map(ReserveRequest::productId).collect(Collectors.toCollection(TreeSet::new)));
        Map<String, ReservationRepository.Claim> claims = claimed.claims();
        Map<Long, ReservationRepository.Locked> products = claimed.products();
        List<Line> asked = new ArrayList<>();
        for (ReserveRequest r : lines) {
            ReservationRepository.Locked locked = products.get(r.productId());
            if (locked == null) {
                throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
            }
            asked.add(new Line(
                    r,
                    r.quantity().setScale(3, RoundingMode.UNNECESSARY),
                    claims.get(r.requestRef()),
                    locked,
                    r.batchId()));
        }
        return hold(asked, i -> "lines." + i + ".modifiers");
    }

    /** A claimed request's hold of its locked product, to make: FEFO from the batches ({@code batchId}'s only, when given). */
    private record Line(
            ReserveRequest request,
            BigDecimal requested,
            ReservationRepository.Claim claim,
            ReservationRepository.Locked locked,
            Long batchId) {

        ReservationRepository.Ask ask() {
            return new ReservationRepository.Ask(
                    locked.product().id(), batchId, requested, request.allowsShort(), request.requestRef(), saleRef());
        }

        /** The sale the hold is for, as the holds record it ("" when none is named). */
        String saleRef() {
            return request.saleRef() == null ? "" : request.saleRef();
        }
    }

    /**
     * The lines' holds, in their order; the first line refused refuses them all (the caller's transaction takes back what
     * the others held). A line retried under its reference answers the holds it has; a product without stock tracking is
     * held without a batch; every other line takes its batches FEFO, all such lines of different products in one statement
     * (a product's second line in a statement after the first's, so it sees what the first took).
     */
    private List<Reservation> hold(List<Line> lines, IntFunction<String> modifiersField) {
        // what each line chose of its product's modifier groups, checked first (an offline sale that happened is not
        // refused for a group made a must since; the options it named still are)
        List<List<ModifierChoice>> chosen = modifiers.choose(
                lines.stream()
                        .map(l -> new ModifierService.Wanted(
                                l.locked().product().id(),
                                l.request().chosen(),
                                l.locked().needsModifiers() && !l.request().allowsShort()))
                        .toList(),
                modifiersField);
        Reservation[] held = new Reservation[lines.size()];
        Timestamp until = Timestamp.from(Instant.now().plus(properties.reservationTtl()));
        // a product's k-th line goes in the k-th statement
        List<List<Integer>> rounds = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.claim().released()) {
                throw CatalogErrors.HOLD_RELEASED.exception();
            }
            if (!line.locked().active()) {
                throw CatalogErrors.PRODUCT_INACTIVE.exception();
            }
            String ref = line.request().requestRef();
            // only a retried reference can have holds already (a till's every scan has a new one)
            List<Reservation.Allocation> existing = line.claim().repeated() ? holds.allocations(ref) : List.of();
            if (!existing.isEmpty()) {
                held[i] = new Reservation(ref, line.locked().product(), existing);
            } else if (!line.locked().product().trackInventory()) {
                long id =
                        holds.insert(line.locked().product().id(), null, line.requested(), ref, line.saleRef(), until);
                held[i] = new Reservation(
                        ref,
                        line.locked().product(),
                        List.of(new Reservation.Allocation(
                                id, null, null, line.requested(), line.locked().costPrice())));
            } else {
                int round = seen.merge(line.locked().product().id(), 1, Integer::sum) - 1;
                if (rounds.size() == round) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(i);
            }
        }
        Map<Integer, List<ReservationRepository.Candidate>> candidates = new HashMap<>();
        for (List<Integer> round : rounds) {
            holds.allocate(round.stream().map(i -> lines.get(i).ask()).toList(), until)
                    .forEach((n, batches) -> candidates.put(round.get(n), batches));
        }
        // in the lines' order: the first line refused is the answer
        for (int i = 0; i < held.length; i++) {
            if (held[i] == null) {
                held[i] = allocated(lines.get(i), candidates.getOrDefault(i, List.of()), until);
            }
            held[i] = held[i].with(chosen.get(i));
        }
        sweeper.holdPlaced();
        return List.of(held);
    }

    /**
     * A line's hold from the batches it was offered ({@code candidates}, FEFO), refused when they had less than it asked
     * for, unless it allows a shortfall.
     */
    private Reservation allocated(Line line, List<ReservationRepository.Candidate> candidates, Timestamp until) {
        ReserveRequest r = line.request();
        BigDecimal requested = line.requested();
        long productId = line.locked().product().id();
        if (line.batchId() != null && candidates.isEmpty()) {
            // a batch pending a check or blocked is there but not to be sold: say so, with its reason
            batches.find(line.batchId(), TenantContext.require().today())
                    .filter(b -> b.product() == productId && !"approved".equals(b.status()))
                    .ifPresent(b -> {
                        throw CatalogErrors.BATCH_UNAVAILABLE.exception(
                                Map.of("batch_status", b.status()),
                                Messages.get("batch.status." + b.status()),
                                b.statusReason());
                    });
            throw CatalogErrors.BATCH_NOT_FOUND.exception();
        }
        BigDecimal available =
                candidates.stream().map(ReservationRepository.Candidate::free).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(requested) < 0 && !r.allowsShort()) {
            throw CatalogErrors.INSUFFICIENT_STOCK.exception(
                    Map.of(
                            "available",
                            available.setScale(3).toPlainString(),
                            "requested",
                            requested.toPlainString(),
                            "product_id",
                            productId),
                    available.setScale(3).toPlainString(),
                    requested.toPlainString());
        }
        List<Reservation.Allocation> allocations = new ArrayList<>();
        BigDecimal remaining = requested;
        for (ReservationRepository.Candidate b : candidates) {
            if (b.holdId() != null) {
                allocations.add(
                        new Reservation.Allocation(b.holdId(), b.id(), b.number(), b.take(), b.purchasePrice()));
                remaining = remaining.subtract(b.take());
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
            long id = holds.insert(productId, null, remaining, r.requestRef(), line.saleRef(), until);
            allocations.add(new Reservation.Allocation(
                    id, null, null, remaining, line.locked().costPrice()));
        }
        return new Reservation(r.requestRef(), line.locked().product(), allocations);
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
        Map<Long, BigDecimal> perBatch = new TreeMap<>();
        fromBatches
                .values()
                .forEach(held -> held.forEach(h -> perBatch.merge(h.batchId(), h.quantity(), BigDecimal::add)));
        // what a batch that lacked had, handed to the sales in turn
        Map<Long, BigDecimal> lacking = new HashMap<>();
        batches.takeFromBatches(perBatch)
                .forEach(batch -> lacking.put(batch, batches.emptyBatch(batch).max(BigDecimal.ZERO)));
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
        stock.recordMovements(movements, "sale", references, null);
        events.taken(taken, "sale");
    }

    /** Puts refunded goods back into the batches they were sold from (once per refund; the inbox guarantees it). */
    @Transactional
    public void restock(String receiptNumber, List<Returned> lines) {
        Map<Long, StockLevelRepository.Level> before = events.before(lines.stream()
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
