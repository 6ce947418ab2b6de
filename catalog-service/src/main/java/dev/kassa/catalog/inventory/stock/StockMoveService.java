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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves between the store's locations (issue 86 point 1): each line takes part or all of a batch to another location,
 * one transaction for all lines, through the stock ledger ({@code move}: out of the batch, into its copy at the other
 * location with the same number, cost, dates, supplier and quality). What tills hold stays; a batch left empty is
 * archived.
 */
@Service
public class StockMoveService {

    /** At most this many lines in one move. */
    static final int MAX_LINES = 1000;

    /** A line: how much of which batch goes to which location. */
    public record MoveLine(
            @NotNull Long batch, @NotNull @Quantity(positive = true) BigDecimal quantity, @NotNull Long to) {}

    /** A move: its lines (one to a thousand) and a note. */
    public record MoveRequest(
            @NotNull @Size(min = 1, max = MAX_LINES, message = "catalog.purchase_lines_size")
                    List<@NotNull @Valid MoveLine> lines,
            @Size(max = 500) @PrintableText String note) {}

    /** A line moved: from which batch at which location, into which batch at which. */
    public record MovedLine(long line, long fromBatch, long from, long toBatch, long to, BigDecimal quantity) {}

    /** The move: its reference in the ledger and its lines. */
    public record Move(String reference, List<MovedLine> lines) {}

    private final StockLedger ledger;
    private final BatchRepository batches;
    private final LocationService locations;

    StockMoveService(StockLedger ledger, BatchRepository batches, LocationService locations) {
        this.ledger = ledger;
        this.batches = batches;
        this.locations = locations;
    }

    /**
     * Moves every line or none: a batch or a location that is not the store's, a location switched off or the one the
     * batch lies at already are refused on the line; a batch without that much free (its quantity less what tills hold)
     * refuses the move, 409 {@code stock_move_short} naming each such line.
     */
    @Transactional
    public Move move(Caller caller, MoveRequest r) {
        LocalDate today = TenantContext.require().today();
        Map<Long, BatchRepository.View> named = checked(r.lines(), today);
        refuseQuarantineUnlessManager(caller, r.lines(), named);
        String reference = "MOVE-" + BatchCodes.number().substring("BATCH-".length());
        StockLedger.Entry entry = ledger.open(
                named.values().stream().map(BatchRepository.View::product).toList(),
                StockReason.MOVE,
                reference,
                caller.userId());
        Map<Long, BatchRepository.View> locked = new HashMap<>();
        named.keySet().forEach(id -> locked.put(id, batches.find(id, today).orElseThrow()));
        refuseShort(r.lines(), locked);
        List<MovedLine> moved = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            MoveLine line = r.lines().get(i);
            BatchRepository.View from = locked.get(line.batch());
            BigDecimal quantity = line.quantity().setScale(3, RoundingMode.UNNECESSARY);
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
                    line.to());
            if (BatchStatus.of(from.status()) != BatchStatus.APPROVED) {
                batches.decide(copy, BatchStatus.of(from.status()), from.statusReason(), caller.userId());
            }
            moved.add(new MovedLine(i, from.id(), from.location(), copy, line.to(), quantity));
        }
        entry.note(r.note()).post();
        archiveEmptied(locked.keySet());
        return new Move(reference, moved);
    }

    /** The batches the lines name, each line's batch and location checked (all faults in one answer). */
    private Map<Long, BatchRepository.View> checked(List<MoveLine> lines, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        Map<Long, BatchRepository.View> named = new HashMap<>();
        Map<Long, Place> places = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            MoveLine line = lines.get(i);
            String prefix = "lines." + i + ".";
            BatchRepository.View batch = named.computeIfAbsent(
                    line.batch(), id -> batches.find(id, today).orElse(null));
            if (batch == null || !batch.isActive()) {
                named.remove(line.batch());
                errors.add(prefix + "batch", "catalog.batch_not_found");
            }
            Place to = place(places, line.to(), prefix + "to", errors);
            if (batch != null && to != null && batch.location() == to.id()) {
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
            boolean from = locations
                    .place(named.get(line.batch()).location())
                    .map(Place::quarantine)
                    .orElse(false);
            boolean to = locations.place(line.to()).map(Place::quarantine).orElse(false);
            if (from || to) {
                throw CatalogErrors.QUARANTINE_NEEDS_MANAGER.exception();
            }
        }
    }

    /** Refuses the move when a batch has less free (its quantity less what tills hold) than its lines take. */
    private void refuseShort(List<MoveLine> lines, Map<Long, BatchRepository.View> locked) {
        Map<Long, BigDecimal> free = new HashMap<>();
        locked.forEach((id, b) ->
                free.put(id, b.quantity().subtract(batches.heldQuantity(id)).max(BigDecimal.ZERO)));
        List<Map<String, Object>> lacking = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MoveLine line = lines.get(i);
            BigDecimal left = free.get(line.batch()).subtract(line.quantity());
            if (left.signum() < 0) {
                lacking.add(Map.of(
                        "line", i,
                        "batch", line.batch(),
                        "quantity", line.quantity().toPlainString(),
                        "available", free.get(line.batch()).setScale(3).toPlainString()));
            }
            free.put(line.batch(), left.max(BigDecimal.ZERO));
        }
        if (!lacking.isEmpty()) {
            throw CatalogErrors.STOCK_MOVE_SHORT.exception(Map.of("lines", lacking));
        }
    }

    /** The batches a move left empty, that no till holds units of, go out of use (their movements keep them). */
    private void archiveEmptied(Set<Long> sources) {
        LocalDate today = TenantContext.require().today();
        for (long id : new LinkedHashSet<>(sources)) {
            BatchRepository.View now = batches.find(id, today).orElseThrow();
            if (now.quantity().signum() == 0 && batches.heldQuantity(id).signum() == 0) {
                batches.archive(id);
            }
        }
    }
}
