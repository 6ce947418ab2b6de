package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.StockLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many products' stock corrected at once (a stock-take's differences): each spread over its batches as an adjustment
 * is ({@link BatchSpread}), with one statement per step for all of them: the products locked in id order, their batches
 * read, the batches changed, new batches made, the movements recorded and the {@code StockChanged} events written.
 */
@Service
public class StockCorrectionService {

    /** A change of a product's on-hand stock (signed). */
    public record Correction(long product, BigDecimal change) {}

    /** What a correction came to: the change made (less than asked when tills held what it would take) and the cost then. */
    public record Corrected(BigDecimal applied, BigDecimal costPrice) {}

    private final StockRepository repository;
    private final BatchRepository batches;
    private final StockLevelRepository stock;
    private final StockEvents events;

    StockCorrectionService(
            StockRepository repository, BatchRepository batches, StockLevelRepository stock, StockEvents events) {
        this.repository = repository;
        this.batches = batches;
        this.stock = stock;
        this.events = events;
    }

    /**
     * Applies the corrections with {@code reason} and {@code reference} by {@code userId}; a product that is gone or whose
     * stock is not tracked is left out of the answer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Corrected> correct(List<Correction> corrections, String reason, String reference, Long userId) {
        Map<Long, Corrected> done = new HashMap<>();
        if (corrections.isEmpty()) {
            return done;
        }
        List<Long> ids = corrections.stream().map(Correction::product).toList();
        Map<Long, StockRepository.LockedProduct> locked = repository.lockProducts(ids);
        Map<Long, List<StockRepository.BatchStock>> rows = repository.batches(ids);
        Map<Long, StockLevel> before = events.before(locked.keySet());
        List<BatchSpread.Take> takes = new ArrayList<>();
        List<StockLevelRepository.Movement> movements = new ArrayList<>();
        List<BatchRepository.NewBatch> added = new ArrayList<>();
        for (Correction c : corrections) {
            StockRepository.LockedProduct product = locked.get(c.product());
            if (product == null || !product.tracked()) {
                continue;
            }
            if (c.change().signum() == 0) {
                done.put(c.product(), new Corrected(c.change(), product.costPrice()));
                continue;
            }
            BatchSpread.Plan plan = BatchSpread.of(rows.getOrDefault(c.product(), List.of()), c.change(), false);
            plan.takes().forEach(t -> {
                takes.add(t);
                movements.add(new StockLevelRepository.Movement(c.product(), t.batch(), t.change()));
            });
            if (plan.newBatch() != null) {
                added.add(new BatchRepository.NewBatch(
                        c.product(),
                        BatchCodes.adjustmentNumber(),
                        BatchCodes.barcode(),
                        plan.newBatch(),
                        product.costPrice(),
                        null));
            }
            done.put(c.product(), new Corrected(c.change().add(plan.missing()), product.costPrice()));
        }
        batches.changeQuantities(takes);
        Map<Long, Long> made = added.isEmpty() ? Map.of() : batches.insertAll(added);
        added.forEach(b ->
                movements.add(new StockLevelRepository.Movement(b.productId(), made.get(b.productId()), b.quantity())));
        if (!movements.isEmpty()) {
            stock.recordMovements(
                    movements, reason, movements.stream().map(m -> reference).toList(), userId);
            events.changed(before, reason, reference);
        }
        return done;
    }
}
