package dev.kassa.platform.events;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the {@link OutboxRelay} that a transaction with events has committed, so it relays them at once instead of
 * finding them at its next poll. The relay still polls now and then for events committed by another instance.
 */
public class OutboxSignal {

    private final Semaphore committed = new Semaphore(0);

    /** An outbox row was committed. */
    public void wake() {
        if (committed.availablePermits() == 0) {
            committed.release();
        }
    }

    /** Waits for a commit, or at most {@code millis}; answers whether one came. */
    boolean await(long millis) throws InterruptedException {
        boolean woken = committed.tryAcquire(millis, TimeUnit.MILLISECONDS);
        committed.drainPermits();
        return woken;
    }
}
