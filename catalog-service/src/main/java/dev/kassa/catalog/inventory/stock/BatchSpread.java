package dev.kassa.catalog.inventory.stock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a change of one product's stock spreads over its active batches, for an adjustment and a count alike: an increase
 * goes to the newest sellable batch (approved, unexpired; or the one named), or to a new batch when there is none; a
 * decrease takes what cannot be sold first (expired, pending, blocked), then the earliest expiry, and never units tills
 * hold of a sellable batch.
 */
final class BatchSpread {

    /** A change of one batch. */
    record Take(long batch, BigDecimal change) {}

    /**
     * @param takes    the changes of existing batches
     * @param newBatch what goes into a new batch (an increase with no batch to add to), else null
     * @param missing  what a decrease could not take (held by tills, or not there), zero when it all was
     */
    record Plan(List<Take> takes, BigDecimal newBatch, BigDecimal missing) {}

    private BatchSpread() {}

    /** {@code rows} in expiry order ({@link StockRepository#batches}); {@code named}: rows is the one batch named. */
    static Plan of(List<StockRepository.BatchStock> rows, BigDecimal change, boolean named) {
        BigDecimal none = BigDecimal.ZERO.setScale(3);
        if (change.signum() >= 0) {
            Optional<StockRepository.BatchStock> target = named
                    ? rows.stream().findFirst()
                    : rows.stream().filter(StockRepository.BatchStock::sellable).reduce((a, b) -> b);
            return target.map(b -> new Plan(List.of(new Take(b.id(), change)), null, none))
                    .orElseGet(() -> new Plan(List.of(), change, none));
        }
        BigDecimal wanted = change.negate();
        List<StockRepository.BatchStock> order =
                new ArrayList<>(rows.stream().filter(b -> !b.sellable()).toList());
        order.addAll(rows.stream().filter(StockRepository.BatchStock::sellable).toList());
        List<Take> takes = new ArrayList<>();
        for (StockRepository.BatchStock b : order) {
            if (wanted.signum() == 0) {
                break;
            }
            BigDecimal take = free(b).min(wanted);
            if (take.signum() > 0) {
                takes.add(new Take(b.id(), take.negate()));
                wanted = wanted.subtract(take);
            }
        }
        return new Plan(takes, null, wanted.setScale(3));
    }

    /**
     * What may leave a batch: its quantity less what tills hold of it while it may be sold; an expired, pending or blocked
     * batch's stock may all be written off (a sale completing on a hold of it copes with the batch's lack).
     */
    static BigDecimal free(StockRepository.BatchStock b) {
        return b.quantity().subtract(b.sellable() ? b.held() : BigDecimal.ZERO).max(BigDecimal.ZERO);
    }
}
