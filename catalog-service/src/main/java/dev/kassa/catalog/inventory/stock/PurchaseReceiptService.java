package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Goods a purchase order brought (issue 64) into the stock ledger: a new batch per line at its cost, of the supplier,
 * each with a {@code purchase} movement naming the order, and each product's {@code StockChanged}.
 */
@Service
public class PurchaseReceiptService {

    /** Goods from a supplier for one new batch: the product, how many, at what cost, the batch's number and dates. */
    public record Purchase(
            long product,
            BigDecimal quantity,
            BigDecimal cost,
            String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate) {}

    /** What a receipt made: the new batches' ids in the lines' order, and each product's cost price after it. */
    public record Received(List<Long> batches, Map<Long, BigDecimal> averageCosts) {}

    private final StockLedger ledger;
    private final Placements placements;

    PurchaseReceiptService(StockLedger ledger, Placements placements) {
        this.ledger = ledger;
        this.placements = placements;
    }

    /**
     * Takes the lines in from the supplier, the products locked in id order first (as holds lock them); a new batch is
     * pending when the store checks new batches first. Answers the batches' ids in the lines' order and each product's
     * cost after the goods (the weighted average of its stock and what came, both read under the lock); the batches lie
     * at {@code location} (null: the store's default).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Received receive(
            long supplierId, String supplierName, String reference, List<Purchase> lines, Long userId, Long location) {
        Long placed = placements.placed(location);
        List<Long> products = lines.stream().map(Purchase::product).distinct().toList();
        StockLedger.Entry entry = ledger.open(products, StockReason.PURCHASE, reference, userId);
        if (!products.stream().allMatch(entry::has)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        List<Long> ids = new ArrayList<>(lines.size());
        for (Purchase p : lines) {
            ids.add(entry.arrive(
                    new StockLedger.NewBatch(
                            p.product(),
                            FieldErrors.blank(p.batchNumber())
                                    ? BatchCodes.number()
                                    : p.batchNumber().trim(),
                            p.quantity(),
                            p.cost(),
                            p.manufacturingDate(),
                            p.expiryDate(),
                            supplierId,
                            supplierName,
                            ""),
                    placed));
        }
        entry.post();
        return new Received(ids, entry.averageCosts());
    }
}
