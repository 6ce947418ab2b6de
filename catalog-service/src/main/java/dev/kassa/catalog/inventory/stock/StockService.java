package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.OpeningStock;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stock as a ledger (spec §3.2.3, rewrite): goods arrive as new batches, leave or are corrected by adjustments,
 * and every change is a movement row with its reason, note and author. Every change locks the product row,
 * like the till's holds, so adjustments never race with sales; units held by tills cannot be adjusted away.
 */
@Service
public class StockService implements OpeningStock {

    /** A receipt of stock as a new batch (checked with the dates' order, in one answer). */
    @DomainValidated
    public record ReceiveRequest(
            @NotNull Long product,
            @NotNull @Quantity(positive = true) BigDecimal quantity,
            @Money BigDecimal purchasePrice,
            @Size(max = 100) String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate,
            Long supplier,
            @Size(max = 200) String supplierName,
            @Size(max = 2000) String notes,
            Long location) {}

    /**
     * {@code quantity_change} (signed; {@code adjustment} as the original named it) or {@code counted_quantity} (a
     * count); which of them, and the reason, are checked together by the service.
     */
    @DomainValidated
    public record AdjustRequest(
            Long batch,
            BigDecimal quantityChange,
            BigDecimal adjustment,
            BigDecimal countedQuantity,
            String reason,
            @Size(max = 2000) String note) {
        BigDecimal change() {
            return quantityChange != null ? quantityChange : adjustment;
        }
    }

    /**
     * A batch's details; its number is required in a whole record (a PUT), checked with the stored batch's dates and
     * stock.
     */
    @DomainValidated
    public record BatchUpdate(
            @Required(groups = Whole.class) @Filled @Size(max = 100) String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate,
            Long supplier,
            @Size(max = 200) String supplierName,
            @Size(max = 2000) String notes,
            Boolean isActive) {}

    private final StockRepository repository;
    private final BatchRepository batches;
    private final StockLedger ledger;
    private final RequestRules rules;
    private final Placements placements;

    StockService(
            StockRepository repository,
            BatchRepository batches,
            StockLedger ledger,
            RequestRules rules,
            Placements placements) {
        this.repository = repository;
        this.batches = batches;
        this.ledger = ledger;
        this.rules = rules;
        this.placements = placements;
    }

    /**
     * New products' first batches, each with its movement (reason {@code receipt} from the product form, {@code import}
     * from a file) and its {@code StockChanged}: one statement each for all of them.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(List<Opening> openings, Source source) {
        if (openings.isEmpty()) {
            return;
        }
        ledger.firstBatches(
                openings.stream()
                        .map(o -> StockLedger.NewBatch.of(
                                o.product(),
                                FieldErrors.blank(o.batchNumber())
                                        ? BatchCodes.number()
                                        : o.batchNumber().trim(),
                                o.quantity(),
                                o.cost(),
                                null,
                                o.expiry()))
                        .toList(),
                openings.stream()
                        .filter(OpeningStock.Opening::hazardous)
                        .map(OpeningStock.Opening::product)
                        .collect(Collectors.toSet()),
                source == Source.IMPORT ? StockReason.IMPORT : StockReason.RECEIPT);
    }

    /** Receives goods into a new batch (purchase price, expiry, supplier) with a {@code receipt} movement. */
    @Transactional
    public BatchRepository.View receive(Caller caller, ReceiveRequest r) {
        FieldErrors errors = rules.check(r);
        checkDates(errors, r.manufacturingDate(), r.expiryDate());
        errors.throwIfAny();
        String number = FieldErrors.blank(r.batchNumber())
                ? BatchCodes.number()
                : r.batchNumber().trim();
        Long location = placements.placed(r.location());
        StockLedger.Entry entry = open(r.product(), StockReason.RECEIPT, number, caller);
        checkSupplier(r.supplier());
        long id = entry.note(r.notes())
                .arrive(
                        new StockLedger.NewBatch(
                                r.product(),
                                number,
                                r.quantity().setScale(3, RoundingMode.UNNECESSARY),
                                (r.purchasePrice() != null ? r.purchasePrice() : entry.cost(r.product()))
                                        .setScale(2, RoundingMode.UNNECESSARY),
                                r.manufacturingDate(),
                                r.expiryDate(),
                                r.supplier(),
                                r.supplierName() == null ? "" : r.supplierName().trim(),
                                r.notes() == null ? "" : r.notes()),
                        location);
        entry.post();
        return batches.find(id, TenantContext.require().today()).orElseThrow();
    }

    /**
     * Corrects a product's stock with a reason: a signed change or a counted quantity, for one batch or for the
     * product (increases go to the newest unexpired batch, decreases take expired and earliest-expiring stock first).
     * Units held by tills are never adjusted away.
     */
    @Transactional
    public void adjust(Caller caller, long productId, AdjustRequest r) {
        StockReason reason = checked(r);
        StockLedger.Entry entry = open(productId, reason, "", caller);
        if (!entry.tracked(productId)) {
            throw CatalogErrors.STOCK_NOT_TRACKED.exception();
        }
        List<StockRepository.BatchStock> rows = repository.batches(productId, r.batch());
        if (r.batch() != null && rows.isEmpty()) {
            throw CatalogErrors.BATCH_NOT_FOUND.exception();
        }
        BigDecimal onHand =
                rows.stream().map(StockRepository.BatchStock::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal change = r.change();
        BigDecimal delta =
                (change != null ? change : r.countedQuantity().subtract(onHand)).setScale(3, RoundingMode.UNNECESSARY);
        if (delta.signum() == 0) {
            return;
        }
        BatchSpread.Plan plan = BatchSpread.of(rows, delta, r.batch() != null);
        if (plan.missing().signum() > 0) {
            String wanted = delta.negate().toPlainString();
            String free = delta.negate().subtract(plan.missing()).toPlainString();
            throw CatalogErrors.ADJUSTMENT_EXCEEDS.exception(
                    Map.of("available", free, "requested", wanted), free, wanted);
        }
        entry.note(r.note());
        plan.takes().forEach(take -> entry.change(productId, take.batch(), take.change()));
        if (plan.newBatch() != null) {
            entry.arrive(StockLedger.NewBatch.of(
                    productId, BatchCodes.adjustmentNumber(), plan.newBatch(), entry.cost(productId), null, null));
        }
        entry.post();
    }

    /** An adjustment's reason (blank: {@code count} for a counted quantity, else {@code adjustment}), its figures checked. */
    private StockReason checked(AdjustRequest r) {
        StockReason reason = FieldErrors.blank(r.reason())
                ? (r.countedQuantity() != null ? StockReason.COUNT : StockReason.ADJUSTMENT)
                : StockReason.parse(r.reason().trim())
                        .filter(StockReason::adjustment)
                        .orElse(null);
        FieldErrors errors = rules.check(r);
        if (reason == null) {
            errors.add("reason", "catalog.adjustment_reason_invalid");
        }
        BigDecimal change = r.change();
        if (change == null && r.countedQuantity() == null) {
            errors.add("quantity_change", "catalog.adjustment_required");
        } else if (change != null && r.countedQuantity() != null) {
            errors.add("counted_quantity", "catalog.adjustment_one_of");
        } else if (change != null
                && (change.signum() == 0 || !FieldErrors.isQuantity(change.abs(), FieldErrors.MAX_QUANTITY))) {
            errors.add("quantity_change", "validation.invalid");
        } else if (change != null && change.signum() > 0 && reason != null && reason.decreasing()) {
            errors.add("quantity_change", "catalog.adjustment_must_decrease");
        } else if (r.countedQuantity() != null
                && !FieldErrors.isQuantity(r.countedQuantity(), FieldErrors.MAX_QUANTITY)) {
            errors.add("counted_quantity", "validation.not_negative");
        }
        errors.throwIfAny();
        return reason;
    }

    /** Batch details (not its quantity, which changes only through movements). */
    @Transactional
    public BatchRepository.View updateBatch(long id, BatchUpdate r, boolean partial) {
        LocalDate today = TenantContext.require().today();
        BatchRepository.View current =
                batches.find(id, today).orElseThrow(() -> CatalogErrors.BATCH_NOT_FOUND.exception());
        String number = r.batchNumber() != null ? r.batchNumber().trim() : current.batchNumber();
        LocalDate made =
                r.manufacturingDate() != null || !partial ? r.manufacturingDate() : current.manufacturingDate();
        LocalDate expiry = r.expiryDate() != null || !partial ? r.expiryDate() : current.expiryDate();
        Long supplier = r.supplier() != null || !partial ? r.supplier() : current.supplier();
        FieldErrors errors = rules.check(r, !partial);
        checkDates(errors, made, expiry);
        if (Boolean.FALSE.equals(r.isActive()) && current.quantity().signum() > 0) {
            // a batch's stock leaves only through a movement: write it off first
            errors.add(
                    "is_active", "catalog.batch_has_stock", current.quantity().toPlainString());
        }
        errors.throwIfAny();
        lockProduct(current.product());
        checkSupplier(supplier);
        batches.updateDetails(
                id,
                number,
                made,
                expiry,
                supplier,
                r.supplierName() != null ? r.supplierName() : partial ? current.supplierName() : "",
                r.notes() != null ? r.notes() : partial ? current.notes() : "",
                r.isActive() != null ? r.isActive() : partial ? current.isActive() : true);
        return batches.find(id, today).orElseThrow();
    }

    /**
     * Removes a batch from use (DELETE batches/{id}). A batch's quantity changes only with a movement, so a batch with stock
     * left is refused (write it off or adjust it to zero first: the ledger then says where the stock went), and so is one
     * that tills still hold units of (the sale would take them from it). An empty batch is archived ({@code is_active}
     * false), never erased, so its movements, holds and the sales that name it keep their batch. Archiving again is a no-op.
     */
    @Transactional
    public void deleteBatch(long id) {
        LocalDate today = TenantContext.require().today();
        BatchRepository.View current =
                batches.find(id, today).orElseThrow(() -> CatalogErrors.BATCH_NOT_FOUND.exception());
        lockProduct(current.product());
        // read again under the product's lock: a receipt, adjustment or hold of the product may have just changed it
        BigDecimal left = batches.find(id, today)
                .orElseThrow(() -> CatalogErrors.BATCH_NOT_FOUND.exception())
                .quantity();
        if (left.signum() != 0) {
            throw CatalogErrors.BATCH_HAS_STOCK.exception(
                    Map.of("quantity", left.toPlainString()), left.toPlainString());
        }
        BigDecimal held = batches.heldQuantity(id);
        if (held.signum() > 0) {
            String shown = held.setScale(3, RoundingMode.HALF_UP).toPlainString();
            throw CatalogErrors.BATCH_HELD.exception(Map.of("reserved_quantity", shown), shown);
        }
        batches.archive(id);
    }

    @Transactional(readOnly = true)
    public BatchRepository.View batch(long id) {
        return batches.find(id, TenantContext.require().today())
                .orElseThrow(() -> CatalogErrors.BATCH_NOT_FOUND.exception());
    }

    @Transactional(readOnly = true)
    public Page<BatchRepository.View> batches(BatchRepository.Filter filter, String ordering, Pageable page) {
        String orderBy = BatchRepository.ORDERING.orderBy(ordering);
        return batches.page(filter, orderBy, page);
    }

    /** A product's stock history, newest first; or the store's, when the filter names no product. */
    @Transactional(readOnly = true)
    public Page<StockMovement> movements(MovementFilter filter, Pageable page) {
        if (filter.product() != null) {
            requireProduct(filter.product());
        }
        return repository.movements(filter, page);
    }

    void requireProduct(long productId) {
        if (!repository.productExists(productId)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
    }

    /** A ledger entry of one product, locked (as holds lock it); a product that does not exist is refused. */
    private StockLedger.Entry open(long productId, StockReason reason, String reference, Caller caller) {
        StockLedger.Entry entry = ledger.open(List.of(productId), reason, reference, caller.userId());
        if (!entry.has(productId)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        return entry;
    }

    /** Locks the product row (as holds do) and answers its cost price and whether its stock is tracked. */
    private StockRepository.LockedProduct lockProduct(long productId) {
        return repository.lockProduct(productId).orElseThrow(() -> CatalogErrors.PRODUCT_NOT_FOUND.exception());
    }

    private void checkSupplier(Long supplierId) {
        if (supplierId != null && !repository.supplierExists(supplierId)) {
            throw FieldErrors.single("supplier", "catalog.supplier_not_found");
        }
    }

    private static void checkDates(FieldErrors errors, LocalDate made, LocalDate expiry) {
        if (made != null && expiry != null && !made.isBefore(expiry)) {
            errors.add("expiry_date", "catalog.expiry_before_manufacturing");
        }
    }
}
