package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.catalog.inventory.location.LocationService;
import dev.kassa.catalog.inventory.location.LocationType;
import dev.kassa.catalog.inventory.location.Place;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stock ledger: every change of a store's stock goes through here. A change {@link #open opens an entry} for its
 * products (locked in id order, as tills' holds lock them, and their levels read), moves goods with it (a new batch
 * arrives, a batch's quantity changes, goods go back into the batch they left), and {@link Entry#post() posts} it: the
 * batches' changes, one movement per batch with the entry's {@link StockReason reason}, reference and person, and each
 * product's {@code StockChanged}, in the caller's transaction. The features decide what moves (a purchase's lines, a
 * transfer's FEFO parts, a count's differences, a sale's holds); the ledger writes it one way.
 */
@Component
public class StockLedger {

    /** Goods arriving as a new batch: its product, number, quantity, cost, dates and supplier. */
    public record NewBatch(
            long product,
            String number,
            BigDecimal quantity,
            BigDecimal cost,
            LocalDate made,
            LocalDate expiry,
            Long supplier,
            String supplierName,
            String notes) {

        /** A batch made here (no supplier, no notes), e.g. a correction's or goods from another store. */
        public static NewBatch of(
                long product, String number, BigDecimal quantity, BigDecimal cost, LocalDate made, LocalDate expiry) {
            return new NewBatch(product, number, quantity, cost, made, expiry, null, "", "");
        }
    }

    private final StockRepository products;
    private final BatchRepository batches;
    private final StockLevelRepository movements;
    private final StockEvents events;
    private final StockSettingsRepository settings;
    private final LocationService locations;

    StockLedger(
            StockRepository products,
            BatchRepository batches,
            StockLevelRepository movements,
            StockEvents events,
            StockSettingsRepository settings,
            LocationService locations) {
        this.products = products;
        this.batches = batches;
        this.movements = movements;
        this.events = events;
        this.settings = settings;
        this.locations = locations;
    }

    /**
     * Opens an entry of {@code reason} for these products: they are locked in id order and their levels read, so what
     * the caller reads of their batches and costs until the commit stays true. A product that does not exist is left out
     * ({@link Entry#has}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Entry open(Collection<Long> productIds, StockReason reason, String reference, Long userId) {
        List<Long> ids = productIds.stream().distinct().sorted().toList();
        Map<Long, StockRepository.LockedProduct> locked = products.lockProducts(ids);
        return new Entry(locked, events.before(locked.keySet()), reason, reference == null ? "" : reference, userId);
    }

    /**
     * An entry of {@code reason} whose products are not locked here: a refund's, in the sales consumer's poll, where the
     * sales before it locked their batches first and a product's lock would wait for (and on) a till's hold or an
     * adjustment in the other order. Goods only go back into batches ({@link Entry#putBack}); the levels are read before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Entry openUnlocked(Collection<Long> productIds, StockReason reason, String reference, Long userId) {
        List<Long> ids = productIds.stream().distinct().sorted().toList();
        return new Entry(Map.of(), events.before(ids), reason, reference == null ? "" : reference, userId);
    }

    /**
     * New products' first batches, one each, with their own references (the batches' numbers): one statement for the
     * batches, one for the movements, their events together (the products had no stock before). Those of
     * {@code hazardous} products go to the store's hazardous location, the rest to its default one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void firstBatches(List<NewBatch> first, Set<Long> hazardous, StockReason reason) {
        List<BatchRepository.NewBatch> rows = first.stream()
                .map(b -> new BatchRepository.NewBatch(
                        b.product(),
                        b.number(),
                        BatchCodes.barcode(),
                        b.quantity(),
                        b.cost(),
                        b.expiry(),
                        hazardous.contains(b.product()) ? hazardousPlace(b.product(), null) : null))
                .toList();
        Map<Long, Long> ids = batches.insertAll(rows);
        movements.recordMovements(
                rows.stream()
                        .map(b ->
                                new StockLevelRepository.Movement(b.productId(), ids.get(b.productId()), b.quantity()))
                        .toList(),
                reason.code(),
                rows.stream().map(BatchRepository.NewBatch::number).toList(),
                "",
                null);
        Map<Long, String> references = new LinkedHashMap<>();
        rows.forEach(b -> references.put(b.productId(), b.number()));
        events.received(references, reason.code());
    }

    /**
     * Sales' goods out of their batches, each movement with its sale's reference (its receipt number), and each sale's
     * {@code StockChanged} as the stock stood after it ({@link StockEvents#taken}); the holds that the sales complete
     * locked the batches.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void sold(List<StockLevelRepository.Movement> out, List<String> references, List<StockEvents.Taken> taken) {
        movements.recordMovements(out, StockReason.SALE.code(), references, "", null);
        events.taken(taken, StockReason.SALE.code());
    }

    /**
     * Where hazardous goods go: the location named if it is a hazardous one, or (none named) the store's first active
     * hazardous location; refused otherwise (409 {@code location_type_not_allowed}), so that nothing arrives.
     */
    private long hazardousPlace(long product, Long location) {
        Optional<Place> place = location == null ? locations.first(LocationType.HAZARDOUS) : locations.place(location);
        if (place.isEmpty() && location == null) {
            throw CatalogErrors.NO_HAZARDOUS_LOCATION.exception(Map.of("product", product), product);
        }
        if (place.isEmpty() || place.get().type() != LocationType.HAZARDOUS) {
            String named = place.map(Place::code).orElse(String.valueOf(location));
            throw CatalogErrors.LOCATION_TYPE_NOT_ALLOWED.exception(
                    Map.of("product", product, "location", named), product, named);
        }
        return place.get().id();
    }

    /** One change of stock: its products locked, what moves, posted once. */
    public final class Entry {

        private final Map<Long, StockRepository.LockedProduct> locked;
        private final Map<Long, StockLevel> before;
        private final StockReason reason;
        private final String reference;
        private final Long userId;
        private final List<BatchSpread.Take> changes = new ArrayList<>();
        private final List<StockLevelRepository.Movement> moved = new ArrayList<>();
        private final List<NewBatch> arrived = new ArrayList<>();
        private String note = "";
        private Boolean pending;

        private Entry(
                Map<Long, StockRepository.LockedProduct> locked,
                Map<Long, StockLevel> before,
                StockReason reason,
                String reference,
                Long userId) {
            this.locked = locked;
            this.before = before;
            this.reason = reason;
            this.reference = reference;
            this.userId = userId;
        }

        /** Whether the product exists (it was locked). */
        public boolean has(long product) {
            return locked.containsKey(product);
        }

        /** Whether the product's stock is kept. */
        public boolean tracked(long product) {
            return has(product) && locked.get(product).tracked();
        }

        /** The product's cost price, read under its lock. */
        public BigDecimal cost(long product) {
            return locked.get(product).costPrice();
        }

        /** The products' levels before the entry. */
        public Map<Long, StockLevel> before() {
            return before;
        }

        /** The movements' note (an adjustment's). */
        public Entry note(String note) {
            this.note = note == null ? "" : note;
            return this;
        }

        /**
         * Goods arrive as a new batch with its movement; answers the batch's id. Goods from outside the owner's stores
         * wait for a check when the store checks new batches first.
         */
        public long arrive(NewBatch b) {
            return arrive(b, null);
        }

        /**
         * As {@link #arrive(NewBatch)}, at {@code location} (null: the store's default location; for hazardous goods its
         * first hazardous one).
         */
        public long arrive(NewBatch b, Long location) {
            Long at = location;
            if (has(b.product()) && locked.get(b.product()).hazardous()) {
                at = hazardousPlace(b.product(), location);
            }
            long id = batches.insert(
                    b.product(),
                    b.number(),
                    BatchCodes.barcode(),
                    b.quantity(),
                    b.cost(),
                    b.made(),
                    b.expiry(),
                    b.supplier(),
                    b.supplierName(),
                    b.notes(),
                    waitsForCheck(),
                    at);
            moved.add(new StockLevelRepository.Movement(b.product(), id, b.quantity()));
            arrived.add(b);
            return id;
        }

        /** Whether goods arriving now wait for a check (asked of the store's settings once per entry). */
        private boolean waitsForCheck() {
            if (pending == null) {
                pending = reason.checkedOnArrival() && settings.newBatchesPending();
            }
            return pending;
        }

        /** A batch's quantity changes by {@code change} (signed), with its movement, when posted. */
        public void change(long product, long batch, BigDecimal change) {
            changes.add(new BatchSpread.Take(batch, change));
            moved.add(new StockLevelRepository.Movement(product, batch, change));
        }

        /** Goods go back into the batch they left, if it is the product's; answers whether it was. */
        public boolean putBack(long product, long batch, BigDecimal quantity) {
            if (!batches.returnToBatch(product, batch, quantity)) {
                return false;
            }
            moved.add(new StockLevelRepository.Movement(product, batch, quantity));
            return true;
        }

        /** Writes the batches' changes and the movements, and announces each product's new stock. */
        public void post() {
            Map<Long, BigDecimal> perBatch = new LinkedHashMap<>();
            changes.forEach(c -> perBatch.merge(c.batch(), c.change(), BigDecimal::add));
            batches.changeQuantities(perBatch.entrySet().stream()
                    .map(e -> new BatchSpread.Take(e.getKey(), e.getValue()))
                    .toList());
            if (moved.isEmpty()) {
                return;
            }
            movements.recordMovements(
                    moved, reason.code(), moved.stream().map(m -> reference).toList(), note, userId);
            events.changed(before, reason.code(), reference);
        }

        /**
         * Each product's cost price after the goods that arrived: the weighted average of its stock before at its cost
         * and what came at theirs.
         */
        public Map<Long, BigDecimal> averageCosts() {
            Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
            for (NewBatch b : arrived) {
                BigDecimal[] s = sums.computeIfAbsent(b.product(), k -> {
                    BigDecimal onHand =
                            before.containsKey(k) ? before.get(k).onHand().max(BigDecimal.ZERO) : BigDecimal.ZERO;
                    return new BigDecimal[] {onHand, onHand.multiply(has(k) ? cost(k) : BigDecimal.ZERO)};
                });
                s[0] = s[0].add(b.quantity());
                s[1] = s[1].add(b.quantity().multiply(b.cost()));
            }
            Map<Long, BigDecimal> averages = new LinkedHashMap<>();
            sums.forEach((product, s) -> averages.put(product, s[1].divide(s[0], 2, RoundingMode.HALF_UP)));
            return averages;
        }
    }
}
