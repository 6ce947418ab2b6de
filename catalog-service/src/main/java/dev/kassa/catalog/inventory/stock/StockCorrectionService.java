package dev.kassa.catalog.inventory.stock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
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
    private final StockLedger ledger;

    StockCorrectionService(StockRepository repository, StockLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
    }

    /**
     * Applies the corrections with {@code reason} and {@code reference} by {@code userId}; a product that is gone or whose
     * stock is not tracked is left out of the answer. With a {@code location} (a count of one location, issue 86), only
     * the batches that lie there change, and a surplus with no batch there to go into arrives there.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Corrected> correct(
            List<Correction> corrections, StockReason reason, String reference, Long userId, Long location) {
        Map<Long, Corrected> done = new HashMap<>();
        if (corrections.isEmpty()) {
            return done;
        }
        List<Long> ids = corrections.stream().map(Correction::product).toList();
        StockLedger.Entry entry = ledger.open(ids, reason, reference, userId);
        Map<Long, List<StockRepository.BatchStock>> rows = repository.batches(ids, location);
        for (Correction c : corrections) {
            if (!entry.tracked(c.product())) {
                continue;
            }
            BigDecimal cost = entry.cost(c.product());
            if (c.change().signum() == 0) {
                done.put(c.product(), new Corrected(c.change(), cost));
                continue;
            }
            BatchSpread.Plan plan = BatchSpread.of(rows.getOrDefault(c.product(), List.of()), c.change(), false);
            plan.takes().forEach(t -> entry.change(c.product(), t.batch(), t.change()));
            if (plan.newBatch() != null) {
                entry.arrive(
                        StockLedger.NewBatch.of(
                                c.product(), BatchCodes.adjustmentNumber(), plan.newBatch(), cost, null, null),
                        location);
            }
            done.put(c.product(), new Corrected(c.change().add(plan.missing()), cost));
        }
        entry.post();
        return done;
    }
}
