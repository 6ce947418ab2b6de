package dev.kassa.sales.catalog;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Hold intents ({@link HoldIntentRepository}) recorded ahead of the scans that use them: a scan takes a reference whose intent is
 * already committed instead of paying a transaction of its own for it before catalog is asked. The guarantee is the one
 * the intents always gave: a hold is asked for only under a reference whose intent is committed, the transaction that
 * writes the line removes it, and what an instance leaves behind (it died mid-scan, or its references went unused) is
 * released by {@link AbandonedHolds} on whichever instance sweeps.
 * <p>
 * Each instance keeps its own references, per store. A reference is handed out only while it is younger than a third of
 * {@code kassa.sales.abandoned-hold-age}, so the sweep never takes one a scan is still using; older ones are removed by the
 * instance itself (with its next batch, every {@code kassa.sales.abandoned-holds-interval}, and when it stops), so unused
 * references cost catalog nothing. A batch follows the store's pace: twice as many references when the last batch was used
 * up within half that time, half as many when references went stale, one at the least: a store that scans now and then
 * records one intent per scan, as it did, and a busy one one transaction per up to {@value #MOST} scans.
 */
@Component
public class SpareIntents {

    private static final Logger log = LoggerFactory.getLogger(SpareIntents.class);

    /** The most references one batch records. */
    static final int MOST = 64;

    private final HoldIntentRepository intents;
    private final TransactionTemplate tx;
    private final long freshNanos;
    private final Map<String, Spares> stores = new ConcurrentHashMap<>();

    SpareIntents(
            HoldIntentRepository intents,
            TransactionTemplate tx,
            @Value("${kassa.sales.abandoned-hold-age:30s}") Duration abandonedAge) {
        this.intents = intents;
        this.tx = tx;
        this.freshNanos = abandonedAge.toNanos() / 3;
    }

    /**
     * A reference of the store's whose intent is committed, for one hold; recorded now when none is left. The batch is
     * written outside the store's lock, so the other scans of the store do not wait for it: one that finds none left
     * meanwhile writes its own.
     */
    public String take(String store) {
        return take(store, 1).get(0);
    }

    /**
     * {@code count} references of the store's whose intents are committed, for the holds of one sale sent whole: the spare
     * ones first, and the rest recorded now with the next batch (which is then at least as large as what is missing).
     */
    public List<String> take(String store, int count) {
        Spares spares = stores.computeIfAbsent(store, k -> new Spares());
        List<String> taken = new ArrayList<>(count);
        int batch;
        List<String> discarded;
        spares.lock.lock();
        try {
            long now = System.nanoTime();
            boolean stale = spares.dropStale(now, freshNanos);
            while (taken.size() < count && !spares.refs.isEmpty()) {
                taken.add(spares.refs.pollFirst().ref());
            }
            if (taken.size() == count) {
                return taken;
            }
            if (!stale && spares.filled && now - spares.filledAt < freshNanos / 2) {
                spares.batch = Math.min(MOST, spares.batch * 2);
            }
            batch = Math.max(spares.batch, count - taken.size());
            spares.filled = true;
            spares.filledAt = now;
            discarded = spares.takeDiscarded();
        } finally {
            spares.lock.unlock();
        }
        List<String> refs = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            refs.add(UUID.randomUUID().toString());
        }
        // the time is taken before the intents are written: a reference is never thought younger than it is
        long madeAt = System.nanoTime();
        tx.executeWithoutResult(s -> {
            if (!discarded.isEmpty()) {
                intents.end(discarded);
            }
            intents.begin(store, refs);
        });
        int missing = count - taken.size();
        taken.addAll(refs.subList(0, missing));
        if (refs.size() > missing) {
            spares.lock.lock();
            try {
                refs.subList(missing, refs.size()).forEach(ref -> spares.refs.addLast(new Spare(ref, madeAt)));
            } finally {
                spares.lock.unlock();
            }
        }
        return taken;
    }

    /** How many references of the store this instance holds unused (for tests). */
    int unused(String store) {
        Spares spares = stores.get(store);
        return spares == null ? 0 : spares.refs.size();
    }

    /** Removes the intents of the references that went stale unused, so that the sweep does not send them to catalog. */
    @Scheduled(
            fixedDelayString = "${kassa.sales.abandoned-holds-interval:10s}",
            initialDelayString = "${kassa.sales.abandoned-holds-interval:10s}")
    void removeStale() {
        long now = System.nanoTime();
        remove(spares -> {
            spares.dropStale(now, freshNanos);
            return spares.takeDiscarded();
        });
        // a store that has not scanned here for a while is forgotten (its next scan starts again at one)
        stores.entrySet().removeIf(e -> e.getValue().refs.isEmpty() && now - e.getValue().filledAt >= freshNanos);
    }

    /** An instance that stops removes what it did not use. */
    @PreDestroy
    void removeAll() {
        remove(spares -> {
            spares.refs.forEach(spare -> spares.discarded.add(spare.ref()));
            spares.refs.clear();
            return spares.takeDiscarded();
        });
    }

    private void remove(Function<Spares, List<String>> dropping) {
        List<String> refs = new ArrayList<>();
        stores.forEach((store, spares) -> {
            spares.lock.lock();
            try {
                refs.addAll(dropping.apply(spares));
            } finally {
                spares.lock.unlock();
            }
        });
        if (refs.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> intents.end(refs));
        } catch (RuntimeException e) {
            // left to the sweep, which releases them in catalog (where a reference never held is simply refused later)
            log.warn("Removing {} unused hold intent(s): {}", refs.size(), e.toString());
        }
    }

    private record Spare(String ref, long madeAt) {}

    /** A store's unused references on this instance, oldest first, and the stale ones not yet removed. */
    private static final class Spares {
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<Spare> refs = new ArrayDeque<>();
        List<String> discarded = new ArrayList<>();
        int batch = 1;
        boolean filled;
        long filledAt;

        /** Moves the references made {@code freshNanos} or longer before {@code now} to the discarded; true if any. */
        boolean dropStale(long now, long freshNanos) {
            boolean any = false;
            while (!refs.isEmpty() && now - refs.peekFirst().madeAt() >= freshNanos) {
                discarded.add(refs.pollFirst().ref());
                any = true;
            }
            if (any) {
                batch = Math.max(1, batch / 2);
            }
            return any;
        }

        List<String> takeDiscarded() {
            if (discarded.isEmpty()) {
                return List.of();
            }
            List<String> taken = discarded;
            discarded = new ArrayList<>();
            return taken;
        }
    }
}
