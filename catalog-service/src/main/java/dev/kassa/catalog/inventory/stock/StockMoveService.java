package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.inventory.location.LocationService;
import dev.kassa.catalog.inventory.location.Place;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Moves between the store's locations (issue 86 point 1): a line takes part or all of a batch, or a quantity of a product
 * from a location (its batches there FEFO), to another location; one transaction for all lines, through the stock ledger
 * ({@code move}: out of the batch, into its copy at the other location with the same number, cost, dates, supplier and
 * quality). What tills hold stays; a batch left empty is archived.
 */
@Service
public class StockMoveService {

    /** At most this many lines in one move. */
    static final int MAX_LINES = 1000;

    /**
     * A line: how much of which batch, or of which product from which location (its approved batches there, earliest
     * expiry first), goes to which location; {@code from} with a batch is checked to be where the batch lies.
     */
    public record MoveLine(
            Long batch,
            Long product,
            @NotNull @Quantity(positive = true) BigDecimal quantity,
            Long from,
            @NotNull Long to) {}

    /** A move: its lines (one to a thousand) and a note. */
    public record MoveRequest(
            @NotNull @Size(min = 1, max = MAX_LINES, message = "catalog.purchase_lines_size")
                    List<@NotNull @Valid MoveLine> lines,
            @Size(max = 500) @PrintableText String note) {}

    /**
     * A part of a line moved: from which batch at which location, into which batch at which (a product's line moves
     * one part per batch it takes from).
     */
    public record MovedLine(
            long line, long product, long fromBatch, long from, long toBatch, long to, BigDecimal quantity) {}

    /** The move: its reference in the ledger and its lines. */
    public record Move(String reference, List<MovedLine> lines) {}

    /** What one line takes from one batch. */
    private record Part(int line, BatchRepository.View batch, BigDecimal quantity, long to) {}

    private final StockLedger ledger;
    private final BatchRepository batches;
    private final StockRepository products;
    private final LocationService locations;

    StockMoveService(StockLedger ledger, BatchRepository batches, StockRepository products, LocationService locations) {
        this.ledger = ledger;
        this.batches = batches;
        this.products = products;
        this.locations = locations;
    }

    /**
     * Moves every line or none: a batch, product or location that is not the store's, a location switched off, a line
     * naming both or neither of batch and product, or goods already at the line's destination are refused on the line;
     * a batch or a location without that much free (the quantity less what tills hold) refuses the move, 409
     * {@code stock_move_short} naming each such line with what is available.
     */
    @Transactional
    public Move move(Caller caller, MoveRequest r) {
        LocalDate today = TenantContext.require().today();
        Map<Long, BatchRepository.View> named = checked(r.lines(), today);
        refuseQuarantineUnlessManager(caller, r.lines(), named);
        String reference = "MOVE-" + BatchCodes.number().substring("BATCH-".length());
        List<Long> moving = new ArrayList<>();
        named.values().forEach(b -> moving.add(b.product()));
        r.lines().stream().map(MoveLine::product).filter(Objects::nonNull).forEach(moving::add);
        StockLedger.Entry entry = ledger.open(moving, StockReason.MOVE, reference, caller.userId());
        List<MovedLine> moved = new ArrayList<>();
        List<Part> parts = parts(r.lines(), today);
        for (Part part : parts) {
            BatchRepository.View from = part.batch();
            BigDecimal quantity = part.quantity().setScale(3, RoundingMode.UNNECESSARY);
            entry.change(from.product(), from.id(), quantity.negate());
            long copy = entry.arrive(
                    new StockLedger.NewBatch(
                            from.product(),
                            from.batchNumber(),
                            quantity,
                            from.purchasePrice(),
                            from.manufacturingDate(),
                            from.expiryDate(),
                            from.supplier(),
                            from.supplierName(),
                            from.notes()),
                    part.to());
            if (BatchStatus.of(from.status()) != BatchStatus.APPROVED) {
                batches.decide(copy, BatchStatus.of(from.status()), from.statusReason(), caller.userId());
            }
            moved.add(
                    new MovedLine(part.line(), from.product(), from.id(), from.location(), copy, part.to(), quantity));
        }
        entry.note(r.note()).post();
        archiveEmptied(parts.stream().map(p -> p.batch().id()).collect(Collectors.toSet()));
        return new Move(reference, moved);
    }

    /** The batches the lines name, each line's batch or product and its locations checked (all faults in one answer). */
    private Map<Long, BatchRepository.View> checked(List<MoveLine> lines, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        Map<Long, BatchRepository.View> named = new HashMap<>();
        Map<Long, Place> places = new HashMap<>();
        Map<Long, Boolean> known = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            MoveLine line = lines.get(i);
            String prefix = "lines." + i + ".";
            Place to = place(places, line.to(), prefix + "to", errors);
            if ((line.batch() == null) == (line.product() == null)) {
                errors.add(prefix + "batch", "catalog.stock_move_batch_or_product");
                continue;
            }
            Place from = line.from() == null ? null : place(places, line.from(), prefix + "from", errors);
            long at;
            if (line.batch() != null) {
                BatchRepository.View batch = named.computeIfAbsent(
                        line.batch(), id -> batches.find(id, today).orElse(null));
                if (batch == null || !batch.isActive()) {
                    named.remove(line.batch());
                    errors.add(prefix + "batch", "catalog.batch_not_found");
                    continue;
                }
                if (from != null && from.id() != batch.location()) {
                    errors.add(prefix + "from", "catalog.stock_move_not_there");
                }
                at = batch.location();
            } else {
                if (!known.computeIfAbsent(line.product(), products::productExists)) {
                    errors.add(prefix + "product", "catalog.product_not_found");
                }
                if (line.from() == null) {
                    errors.required(prefix + "from");
                    continue;
                }
                at = line.from();
            }
            if (to != null && at == to.id()) {
                errors.add(prefix + "to", "catalog.stock_move_same_location");
            }
        }
        errors.throwIfAny();
        return named;
    }

    /** The active location {@code id}, its refusal added to {@code errors} as {@code field}; null when refused. */
    private Place place(Map<Long, Place> places, long id, String field, FieldErrors errors) {
        Place location = places.computeIfAbsent(id, l -> locations.place(l).orElse(null));
        if (location == null) {
            errors.add(field, "catalog.location_not_found");
        } else if (!location.isActive()) {
            errors.add(field, "catalog.location_inactive");
            return null;
        }
        return location;
    }

    /**
     * Goods into or out of a quarantine are a quality decision, as blocking or approving a batch is: only who manages
     * the store makes it (403 {@code permission_denied}).
     */
    private void refuseQuarantineUnlessManager(
            Caller caller, List<MoveLine> lines, Map<Long, BatchRepository.View> named) {
        if (caller.managesStore()) {
            return;
        }
        for (MoveLine line : lines) {
            long at = line.batch() != null ? named.get(line.batch()).location() : line.from();
            boolean from = locations.place(at).map(Place::quarantine).orElse(false);
            boolean to = locations.place(line.to()).map(Place::quarantine).orElse(false);
            if (from || to) {
                throw CatalogErrors.QUARANTINE_NEEDS_MANAGER.exception();
            }
        }
    }

    /**
     * What each line takes from which batch, read under the products' locks: a batch line from its batch, a product
     * line from the product's approved batches at its location, earliest expiry first; each batch's free stock (its
     * quantity less what tills hold) shared by the lines in order. Refuses the move when a line finds too little free.
     */
    private List<Part> parts(List<MoveLine> lines, LocalDate today) {
        Map<Long, BigDecimal> free = new HashMap<>();
        List<Part> parts = new ArrayList<>();
        List<Map<String, Object>> lacking = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MoveLine line = lines.get(i);
            List<BatchRepository.View> sources = line.batch() != null
                    ? List.of(batches.find(line.batch(), today).orElseThrow())
                    : batches.atLocation(line.product(), line.from(), today).stream()
                            .filter(b -> BatchStatus.of(b.status()) == BatchStatus.APPROVED)
                            .toList();
            BigDecimal need = line.quantity();
            BigDecimal found = BigDecimal.ZERO;
            for (BatchRepository.View b : sources) {
                BigDecimal left = free.computeIfAbsent(
                        b.id(),
                        id -> b.quantity().subtract(batches.heldQuantity(id)).max(BigDecimal.ZERO));
                found = found.add(left);
                BigDecimal take = left.min(need);
                if (take.signum() > 0) {
                    parts.add(new Part(i, b, take, line.to()));
                    free.put(b.id(), left.subtract(take));
                    need = need.subtract(take);
                }
            }
            if (need.signum() > 0) {
                lacking.add(shortLine(i, line, found));
            }
        }
        if (!lacking.isEmpty()) {
            throw CatalogErrors.STOCK_MOVE_SHORT.exception(Map.of("lines", lacking));
        }
        return parts;
    }

    /** A line's shortfall as the refusal names it: the line, its batch or product and location, asked and available. */
    private static Map<String, Object> shortLine(int i, MoveLine line, BigDecimal available) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("line", i);
        if (line.batch() != null) {
            entry.put("batch", line.batch());
        } else {
            entry.put("product", line.product());
            entry.put("from", line.from());
        }
        entry.put("quantity", line.quantity().toPlainString());
        entry.put("available", available.setScale(3, RoundingMode.HALF_UP).toPlainString());
        return entry;
    }

    /** The batches a move left empty, that no till holds units of, go out of use (their movements keep them). */
    private void archiveEmptied(Set<Long> sources) {
        LocalDate today = TenantContext.require().today();
        for (long id : new TreeSet<>(sources)) {
            BatchRepository.View now = batches.find(id, today).orElseThrow();
            if (now.quantity().signum() == 0 && batches.heldQuantity(id).signum() == 0) {
                batches.archive(id);
            }
        }
    }
}
