package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.platform.error.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Goods a purchase order brought (issue 64) into the stock ledger: a new batch per line at its cost, of the supplier,
 * each with a {@code purchase} movement naming the order, and each product's {@code StockChanged}.
 */
@Service
public class PurchaseReceiptService {

    /** The ledger's reason for goods a purchase order brought. */
    static final String REASON = "purchase";

    /** Goods from a supplier for one new batch: the product, how many, at what cost, the batch's number and dates. */
    public record Purchase(
            long product,
            BigDecimal quantity,
            BigDecimal cost,
            String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate) {}

    private final StockRepository repository;
    private final BatchRepository batches;
    private final StockLevelRepository stock;
    private final StockEvents events;
    private final StockSettingsRepository settings;

    PurchaseReceiptService(
            StockRepository repository,
            BatchRepository batches,
            StockLevelRepository stock,
            StockEvents events,
            StockSettingsRepository settings) {
        this.repository = repository;
        this.batches = batches;
        this.stock = stock;
        this.events = events;
        this.settings = settings;
    }

    /**
     * Locks the products in id order (one statement, as holds lock them) and answers their cost prices read under the lock,
     * so what is read of their stock and cost stays true until the commit (the average cost that follows a receipt).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, BigDecimal> lock(Collection<Long> productIds) {
        Map<Long, StockRepository.LockedProduct> locked = repository.lockProducts(productIds);
        if (locked.size() < productIds.stream().distinct().count()) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        Map<Long, BigDecimal> costs = new HashMap<>();
        locked.forEach((id, product) -> costs.put(id, product.costPrice()));
        return costs;
    }

    /**
     * Takes the lines in, the products locked in id order first (as holds lock them); a new batch is pending when the
     * store checks new batches first. Answers the batches' ids in the lines' order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> receive(
            long supplierId, String supplierName, String reference, List<Purchase> lines, Long userId) {
        List<Long> products =
                lines.stream().map(Purchase::product).distinct().sorted().toList();
        lock(products);
        Map<Long, StockLevel> before = events.before(products);
        boolean pending = settings.newBatchesPending();
        List<Long> ids = new ArrayList<>(lines.size());
        for (Purchase p : lines) {
            String number = FieldErrors.blank(p.batchNumber())
                    ? BatchCodes.number()
                    : p.batchNumber().trim();
            long id = batches.insert(
                    p.product(),
                    number,
                    BatchCodes.barcode(),
                    p.quantity(),
                    p.cost(),
                    p.manufacturingDate(),
                    p.expiryDate(),
                    supplierId,
                    supplierName,
                    "",
                    pending);
            stock.recordMovement(p.product(), id, p.quantity(), REASON, reference, "", userId);
            ids.add(id);
        }
        events.changed(before, REASON, reference);
        return ids;
    }
}
