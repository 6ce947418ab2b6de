package dev.kassa.analytics.ingest;

import dev.kassa.analytics.inventory.SnapshotRepository;
import dev.kassa.platform.events.InboxTransaction;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock levels catalog's events report within one inbox transaction, written to the products' snapshots once each:
 * a busy till's poll moves the same product several times, and only its last level is the snapshot. Written just before
 * the transaction commits, valued at the prices the products have then (as a product's price change revalues its
 * snapshot), or earlier when a product is deleted ({@link #write()}).
 */
@Component
class StockLevels {

    private record Key(long product, LocalDate date) {}

    private final SnapshotRepository snapshots;

    StockLevels(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** The product's stock is now {@code onHand} ({@code available} of it unheld) on the store's {@code date}. */
    void changed(long product, LocalDate date, BigDecimal onHand, BigDecimal available) {
        pending().put(new Key(product, date), new SnapshotRepository.Level(product, date, onHand, available));
    }

    /** Writes the levels collected so far in this transaction. */
    void write() {
        Map<Key, SnapshotRepository.Level> pending = InboxTransaction.current(this);
        if (pending != null) {
            write(pending);
        }
    }

    private void write(Map<Key, SnapshotRepository.Level> pending) {
        // one statement for the poll's products
        snapshots.stockChanged(List.copyOf(pending.values()));
        pending.clear();
    }

    private Map<Key, SnapshotRepository.Level> pending() {
        return InboxTransaction.collected(this, LinkedHashMap::new, this::write);
    }
}
