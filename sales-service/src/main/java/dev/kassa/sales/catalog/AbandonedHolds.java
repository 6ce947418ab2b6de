package dev.kassa.sales.catalog;

import dev.kassa.platform.events.OutboxPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Releases the holds of scans that never wrote their line ({@link HoldIntentRepository}): every
 * {@code kassa.sales.abandoned-holds-interval} (10 s) an instance takes the intents older than
 * {@code kassa.sales.abandoned-hold-age} (30 s, longer than any scan may take: the gateway gives up after 10 s) and
 * publishes {@link HoldsReleased} for them, per store, in the same transaction. Instances sweep side by side (each takes
 * rows the others have not locked); an instance that died leaves its rows to the others.
 */
@Component
public class AbandonedHolds {

    private static final Logger log = LoggerFactory.getLogger(AbandonedHolds.class);
    private static final int BATCH = 500;

    private final HoldIntentRepository intents;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    private final Duration age;

    AbandonedHolds(
            HoldIntentRepository intents,
            OutboxPublisher outbox,
            TransactionTemplate tx,
            @Value("${kassa.sales.abandoned-hold-age:30s}") Duration age) {
        this.intents = intents;
        this.outbox = outbox;
        this.tx = tx;
        this.age = age;
    }

    @Scheduled(
            fixedDelayString = "${kassa.sales.abandoned-holds-interval:10s}",
            initialDelayString = "${kassa.sales.abandoned-holds-interval:10s}")
    void sweepDue() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Releasing abandoned holds: {}", e.toString());
        }
    }

    /** Releases what is due; answers how many holds. */
    public int sweep() {
        int total = 0;
        int n;
        do {
            Integer released = tx.execute(s -> {
                List<HoldIntentRepository.Left> left = intents.takeOlderThan(age, BATCH);
                Map<String, List<String>> byStore = new LinkedHashMap<>();
                left.forEach(l -> byStore.computeIfAbsent(l.tenantKey(), k -> new ArrayList<>())
                        .add(l.requestRef()));
                byStore.forEach((store, refs) -> outbox.publish(store, new HoldsReleased(refs)));
                return left.size();
            });
            n = released == null ? 0 : released;
            total += n;
        } while (n == BATCH);
        if (total > 0) {
            log.info("Released {} hold(s) of scans that wrote no line", total);
        }
        return total;
    }
}
