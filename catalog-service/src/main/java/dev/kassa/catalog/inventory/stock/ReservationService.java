package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.modifier.ModifierChoice;
import dev.kassa.catalog.catalogue.modifier.ModifierService;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final CatalogProperties properties;
    private final HoldSweeper sweeper;
    private final ModifierService modifiers;

    ReservationService(
            ReservationRepository holds,
            BatchRepository batches,
            CatalogProperties properties,
            HoldSweeper sweeper,
            ModifierService modifiers) {
        this.modifiers = modifiers;
        this.sweeper = sweeper;
        this.holds = holds;
        this.batches = batches;
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
                                r.batchId() != null ? r.batchId() : claimed.scannedBatch(),
                                null)),
                        i -> "modifiers",
                        claimed.locked().composite()
                                ? holds.lockComponents(
                                        claimed.locked().product().id(), r.chosen())
                                : Map.of())
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
                refs,
                lines.stream().map(ReserveRequest::productId).collect(Collectors.toCollection(TreeSet::new)),
                lines.stream()
                        .flatMap(l -> l.chosen().stream())
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
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
                    r.batchId(),
                    null));
        }
        return hold(asked, i -> "lines." + i + ".modifiers", products);
    }

    /**
     * A claimed request's hold of its locked product, to make: FEFO from the batches ({@code batchId}'s only, when given);
     * {@code madeFor}: the product made of others this one is a component of (null for a line of its own).
     */
    private record Line(
            ReserveRequest request,
            BigDecimal requested,
            ReservationRepository.Claim claim,
            ReservationRepository.Locked locked,
            Long batchId,
            ReservationRepository.Locked madeFor) {

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
     * the others held). A line retried under its reference answers the holds it has; a product made of others holds its
     * components instead ({@link Recipes}: each a line of its own under the same reference, {@code components} locked
     * already); a product without stock tracking is held without a batch; every other line takes its batches FEFO, all
     * such lines of different products in one statement (a product's second line in a statement after the first's, so it
     * sees what the first took).
     */
    private List<Reservation> hold(
            List<Line> lines, IntFunction<String> modifiersField, Map<Long, ReservationRepository.Locked> components) {
        // what each line chose of its product's modifier groups, checked first (an offline sale that happened is not
        // refused for a group made a must since; the options it named still are)
        List<List<ModifierChoice>> chosen = modifiers.choose(
                lines.stream()
                        .map(l -> new ModifierService.Wanted(
                                l.locked().product().id(),
                                l.request().chosen(),
                                l.locked().needsModifiers() && !l.request().allowsShort(),
                                l.request().allowsShort()))
                        .toList(),
                modifiersField);
        Reservation[] held = new Reservation[lines.size()];
        Timestamp until = Timestamp.from(Instant.now().plus(properties.reservationTtl()));
        List<Long> composites = lines.stream()
                .filter(l -> l.locked().composite())
                .map(l -> l.locked().product().id())
                .toList();
        Map<Long, List<ReservationRepository.Part>> recipes =
                composites.isEmpty() ? Map.of() : holds.recipes(composites);
        // the lines to hold from the batches: each line, or each component of a line made of others (its owner)
        List<Line> parts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
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
                held[i] = line.locked().composite()
                        ? Recipes.combined(ref, line.locked().product(), line.requested(), existing, null)
                        : new Reservation(ref, line.locked().product(), existing);
            } else if (line.locked().composite()) {
                for (ReservationRepository.Part part : Recipes.parts(
                        recipes.getOrDefault(line.locked().product().id(), List.of()), chosen.get(i))) {
                    if (!components.containsKey(part.component())) {
                        // the recipe or an option changed between the lock and now: the till asks again
                        throw CatalogErrors.RECIPE_CHANGED.exception();
                    }
                    parts.add(new Line(
                            line.request(),
                            Recipes.quantity(line.requested(), part.quantity()),
                            line.claim(),
                            components.get(part.component()),
                            null,
                            line.locked()));
                    owners.add(i);
                }
            } else {
                parts.add(line);
                owners.add(i);
            }
        }
        Reservation[] partHeld = holdParts(parts, until);
        // in the lines' order: the first line refused is the answer
        Map<Integer, List<Reservation.Allocation>> ofComposite = new HashMap<>();
        Map<Integer, BigDecimal> madeShort = new HashMap<>();
        for (int n = 0; n < partHeld.length; n++) {
            int i = owners.get(n);
            Line owner = lines.get(i);
            if (!owner.locked().composite()) {
                held[i] = partHeld[n];
            } else {
                ofComposite.computeIfAbsent(i, k -> new ArrayList<>()).addAll(partHeld[n].allocations());
                // a component short (an offline sale's): the units of the line it could not make, the most of any
                BigDecimal units = partHeld[n]
                        .shortfall()
                        .multiply(owner.requested())
                        .divide(parts.get(n).requested(), 3, RoundingMode.CEILING)
                        .min(owner.requested());
                madeShort.merge(i, units, BigDecimal::max);
            }
        }
        for (int i = 0; i < held.length; i++) {
            Line line = lines.get(i);
            if (held[i] == null) {
                held[i] = Recipes.combined(
                        line.request().requestRef(),
                        line.locked().product(),
                        line.requested(),
                        ofComposite.getOrDefault(i, List.of()),
                        madeShort.getOrDefault(i, BigDecimal.ZERO.setScale(3)));
            }
            held[i] = held[i].with(chosen.get(i));
        }
        sweeper.holdPlaced();
        return List.of(held);
    }

    /**
     * Holds each part (a line, or a component of a line made of others): without a batch when its stock is not tracked,
     * else FEFO from its batches, a product's k-th part in the k-th statement; a component that runs short refuses its line
     * naming both.
     */
    private Reservation[] holdParts(List<Line> parts, Timestamp until) {
        Reservation[] held = new Reservation[parts.size()];
        List<List<Integer>> rounds = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (int n = 0; n < parts.size(); n++) {
            Line part = parts.get(n);
            String ref = part.request().requestRef();
            if (!part.locked().product().trackInventory()) {
                long id =
                        holds.insert(part.locked().product().id(), null, part.requested(), ref, part.saleRef(), until);
                held[n] = new Reservation(
                        ref,
                        part.locked().product(),
                        List.of(new Reservation.Allocation(
                                id, null, null, part.requested(), part.locked().costPrice())));
            } else {
                int round = seen.merge(part.locked().product().id(), 1, Integer::sum) - 1;
                if (rounds.size() == round) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(n);
            }
        }
        Map<Integer, List<ReservationRepository.Candidate>> candidates = new HashMap<>();
        for (List<Integer> round : rounds) {
            holds.allocate(round.stream().map(n -> parts.get(n).ask()).toList(), until)
                    .forEach((k, batches) -> candidates.put(round.get(k), batches));
        }
        for (int n = 0; n < held.length; n++) {
            if (held[n] == null) {
                held[n] = allocated(parts.get(n), candidates.getOrDefault(n, List.of()), until);
            }
        }
        return held;
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
        if (available.compareTo(requested) < 0 && !r.allowsShort() && line.madeFor() != null) {
            throw CatalogErrors.COMPONENT_SHORT.exception(
                    Map.of(
                            "available",
                            available.setScale(3).toPlainString(),
                            "requested",
                            requested.toPlainString(),
                            "product_id",
                            line.madeFor().product().id(),
                            "component_id",
                            productId),
                    line.locked().product().name(),
                    line.madeFor().product().name(),
                    available.setScale(3).toPlainString(),
                    requested.toPlainString());
        }
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
}
