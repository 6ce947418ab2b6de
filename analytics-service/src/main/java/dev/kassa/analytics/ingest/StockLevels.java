package dev.kassa.analytics.ingest;

import dev.kassa.analytics.inventory.SnapshotRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stock levels catalog's events report within one inbox transaction, written to the products' snapshots once each:
 * a busy till's poll moves the same product several times, and only its last level is the snapshot. Written just before
 * the transaction commits, valued at the prices the products have then (as a product's price change revalues its
 * snapshot), or earlier when a product is deleted ({@link #write()}).
 */
@Component
class StockLevels {

    private record Key(long product, LocalDate date) { }

    private record Level(BigDecimal onHand, BigDecimal available) { }

    private final SnapshotRepository snapshots;

    StockLevels(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** The product's stock is now {@code onHand} ({@code available} of it unheld) on the store's {@code date}. */
    void changed(long product, LocalDate date, BigDecimal onHand, BigDecimal available) {
        pending().put(new Key(product, date), new Level(onHand, available));
    }

    /** Writes the levels collected so far in this transaction. */
    void write() {
        @SuppressWarnings("unchecked")
        Map<Key, Level> pending = (Map<Key, Level>) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.forEach((key, level) -> snapshots.stockChanged(key.product(), key.date(), level.onHand(), level.available()));
            pending.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Key, Level> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Stock levels are collected inside the inbox's transaction");
        }
        Map<Key, Level> pending = (Map<Key, Level>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<Key, Level> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StockLevels.this);
                }
            });
            pending = created;
        }
        return pending;
    }
}
