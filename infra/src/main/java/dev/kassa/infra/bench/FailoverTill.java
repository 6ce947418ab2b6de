package dev.kassa.infra.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A till of {@link Failover}'s run, on its own shift: how it signs in and scans, and what it sold. */
final class FailoverTill {
    /** Signed in anew before each phase ({@code Failover.refreshTills}): a run outlasts an access token. */
    volatile Http http;

    final long session;
    final String cashier;
    /**
     * Whether its scans carry an Idempotency-Key and are retried with it (a till app); the others scan as a web till
     * does, once, without a key (a cashier scans again after an error), so that their holds go through the intents
     * recorded ahead and a lost instance's are swept.
     */
    final boolean keyed;

    final AtomicBoolean busy = new AtomicBoolean();
    /** Units the till's scans were answered 200 for (a retried scan counts once); keyed tills only. */
    final AtomicLong scanned = new AtomicLong();

    int sales;

    FailoverTill(Http http, long session, String cashier, boolean keyed) {
        this.http = http;
        this.session = session;
        this.cashier = cashier;
        this.keyed = keyed;
    }
}
