package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.modifier.ModifierChoice;
import dev.kassa.catalog.catalogue.modifier.ModifierService;
import dev.kassa.platform.error.FieldErrors;
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

    /** The end of a hold that does not lapse. */
    private static final Timestamp KEPT = Timestamp.valueOf("9999-12-31 00:00:00");

    private final ReservationRepository holds;
    private final BatchRepository batches;
    private final CatalogProperties properties;
    private final HoldSweeper sweeper;
    private final ModifierService modifiers;
    private final HoldAllocation allocation;

    ReservationService(
            ReservationRepository holds,
            BatchRepository batches,
            CatalogProperties properties,
            HoldSweeper sweeper,
            ModifierService modifiers,
            HoldAllocation allocation) {
        this.modifiers = modifiers;
        this.allocation = allocation;
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
                        List.of(new HoldLine(
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
        List<HoldLine> asked = new ArrayList<>();
        for (ReserveRequest r : lines) {
            ReservationRepository.Locked locked = products.get(r.productId());
            if (locked == null) {
                throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
            }
            asked.add(new HoldLine(
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
     * The lines' holds, in their order; the first line refused refuses them all (the caller's transaction takes back what
     * the others held). A line retried under its reference answers the holds it has; a product made of others holds its
     * components instead ({@link Recipes}: each a line of its own under the same reference, {@code components} locked
     * already); a product without stock tracking is held without a batch; every other line takes its batches FEFO, all
     * such lines of different products in one statement (a product's second line in a statement after the first's, so it
     * sees what the first took).
     */
    private List<Reservation> hold(
            List<HoldLine> lines,
            IntFunction<String> modifiersField,
            Map<Long, ReservationRepository.Locked> components) {
        List<List<ModifierChoice>> chosen = chosen(lines, modifiersField);
        Reservation[] held = new Reservation[lines.size()];
        // a production order's materials are kept until released or taken; a till's line lapses after the hold's time
        Timestamp until =
                !lines.isEmpty() && lines.stream().allMatch(l -> l.request().keeps())
                        ? KEPT
                        : Timestamp.from(Instant.now().plus(properties.reservationTtl()));
        Parts parts = parts(lines, held, chosen, components);
        heldFromParts(lines, held, parts, allocation.holdParts(parts.lines(), until));
        for (int i = 0; i < held.length; i++) {
            held[i] = held[i].with(chosen.get(i));
        }
        sweeper.holdPlaced();
        return List.of(held);
    }

    /**
     * What each line chose of its product's modifier groups, checked first (an offline sale that happened is not
     * refused for a group made a must since; the options it named still are).
     */
    private List<List<ModifierChoice>> chosen(List<HoldLine> lines, IntFunction<String> modifiersField) {
        return modifiers.choose(
                lines.stream()
                        .map(l -> new ModifierService.Wanted(
                                l.locked().product().id(),
                                l.request().chosen(),
                                l.locked().needsModifiers() && !l.request().allowsShort(),
                                l.request().allowsShort()))
                        .toList(),
                modifiersField);
    }

    /** What to hold from the batches: each line, or each component of a line made of others ({@code owners}: whose). */
    private record Parts(List<HoldLine> lines, List<Integer> owners) {}

    /**
     * The parts of the lines to hold from the batches; a line retried under its reference gets the holds it has
     * already, in {@code held}, and no part.
     */
    private Parts parts(
            List<HoldLine> lines,
            Reservation[] held,
            List<List<ModifierChoice>> chosen,
            Map<Long, ReservationRepository.Locked> components) {
        Map<Long, List<ReservationRepository.Part>> recipes = recipes(lines);
        Parts parts = new Parts(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < lines.size(); i++) {
            HoldLine line = lines.get(i);
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
                continue;
            }
            List<ReservationRepository.Part> recipe =
                    recipes.getOrDefault(line.locked().product().id(), List.of());
            List<HoldLine> own =
                    line.locked().composite() ? componentLines(line, recipe, chosen.get(i), components) : List.of(line);
            for (HoldLine part : own) {
                parts.lines().add(part);
                parts.owners().add(i);
            }
        }
        return parts;
    }

    /** The recipes of the lines' products made of others. */
    private Map<Long, List<ReservationRepository.Part>> recipes(List<HoldLine> lines) {
        List<Long> composites = lines.stream()
                .filter(l -> l.locked().composite())
                .map(l -> l.locked().product().id())
                .toList();
        return composites.isEmpty() ? Map.of() : holds.recipes(composites);
    }

    /** A line made of others as its components' lines: its recipe with the options it chose, each locked already. */
    private static List<HoldLine> componentLines(
            HoldLine line,
            List<ReservationRepository.Part> recipe,
            List<ModifierChoice> chosen,
            Map<Long, ReservationRepository.Locked> components) {
        List<HoldLine> parts = new ArrayList<>();
        for (ReservationRepository.Part part : Recipes.parts(recipe, chosen)) {
            if (!components.containsKey(part.component())) {
                // the recipe or an option changed between the lock and now: the till asks again
                throw CatalogErrors.RECIPE_CHANGED.exception();
            }
            parts.add(new HoldLine(
                    line.request(),
                    Recipes.quantity(line.requested(), part.quantity()),
                    line.claim(),
                    components.get(part.component()),
                    null,
                    line.locked()));
        }
        return parts;
    }

    /**
     * Each line's hold from what its parts held ({@code partHeld}), in the lines' order: a line of its own takes its
     * part's, a line made of others its components' allocations and the units they could not make (the most any of them
     * fell short by).
     */
    private static void heldFromParts(List<HoldLine> lines, Reservation[] held, Parts parts, Reservation[] partHeld) {
        Map<Integer, List<Reservation.Allocation>> ofComposite = new HashMap<>();
        Map<Integer, BigDecimal> madeShort = new HashMap<>();
        for (int n = 0; n < partHeld.length; n++) {
            int i = parts.owners().get(n);
            HoldLine owner = lines.get(i);
            if (!owner.locked().composite()) {
                held[i] = partHeld[n];
            } else {
                ofComposite.computeIfAbsent(i, k -> new ArrayList<>()).addAll(partHeld[n].allocations());
                // a component short (an offline sale's): the units of the line it could not make, the most of any
                BigDecimal units = partHeld[n]
                        .shortfall()
                        .multiply(owner.requested())
                        .divide(parts.lines().get(n).requested(), 3, RoundingMode.CEILING)
                        .min(owner.requested());
                madeShort.merge(i, units, BigDecimal::max);
            }
        }
        for (int i = 0; i < held.length; i++) {
            HoldLine line = lines.get(i);
            if (held[i] == null) {
                held[i] = Recipes.combined(
                        line.request().requestRef(),
                        line.locked().product(),
                        line.requested(),
                        ofComposite.getOrDefault(i, List.of()),
                        madeShort.getOrDefault(i, BigDecimal.ZERO.setScale(3)));
            }
        }
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
