package dev.kassa.analytics.webhook;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.work.WorkerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends due webhook deliveries, on every instance: each round leases the due deliveries of as many stores as it has senders
 * free ({@code FOR UPDATE SKIP LOCKED}, so two instances never send the same one at once; at most ten of a store, the
 * stores that waited longest first), sends each store's in the order their events came (stores side by side, up to
 * {@code kassa.webhooks.senders}), and records every attempt; a slow store holds one sender, never the others' turns. A delivery
 * whose instance is lost mid-round is sent by another once its lease ends: at least once, never lost. A round renews its
 * lease before an attempt that could outlast it (a long or slow run), so a live instance's deliveries are never taken
 * over and sent twice. Woken at once by a delivery this instance queued; otherwise it looks every
 * {@code kassa.webhooks.poll-interval}.
 */
@Component
class WebhookDispatcher extends WorkerLoop {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** The most deliveries of one store a round leases (the rest wait for the next round, behind other stores'). */
    static final int PER_STORE = 10;

    /** The stores whose deliveries this instance is sending now. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    private final WebhookService webhooks;
    private final DeliveryRepository deliveries;
    private final TenantProvisioner provisioner;
    private final TransactionTemplate tx;
    private final WebhookProperties properties;
    private volatile ExecutorService senders;

    WebhookDispatcher(
            WebhookService webhooks,
            DeliveryRepository deliveries,
            TenantProvisioner provisioner,
            TransactionTemplate tx,
            WebhookProperties properties) {
        super("webhook-dispatcher");
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.provisioner = provisioner;
        this.tx = tx;
        this.properties = properties;
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(Math.max(1, properties.senders()), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        super.start();
    }

    /**
     * Stops leasing, lets the attempts under way finish (at most a receiver's timeout), and leaves the rest of the round's
     * leases to end: another instance, or this one restarted, sends them.
     */
    @Override
    public void stop() {
        super.stop();
        ExecutorService s = senders;
        if (s != null) {
            s.shutdown();
            try {
                if (!s.awaitTermination(
                        properties.timeout().plus(properties.connectTimeout()).toMillis(), TimeUnit.MILLISECONDS)) {
                    s.shutdownNow();
                }
            } catch (InterruptedException e) {
                s.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops after the consumers that queue deliveries and after the web server, before the data source closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    protected void work() throws InterruptedException {
        if (round() == 0) {
            pause();
        }
    }

    /** Until this instance queued a delivery or a store's run ended here, at most the poll interval. */
    @Override
    protected void pause() throws InterruptedException {
        webhooks.awaitQueued(properties.pollInterval().toMillis());
    }

    /**
     * One round: leases the due deliveries of as many stores as this instance has senders free for (at most
     * {@link #PER_STORE} of each, the stores that waited longest first, none this instance is sending now) and hands each
     * store's run to a sender; answers how many it leased. It does not wait for the runs: a slow store's run holds its own
     * sender only, and the next round serves the other stores as soon as a sender is free.
     */
    int round() {
        int free = Math.max(1, properties.senders()) - running.size();
        if (free <= 0 || stopping()) {
            return 0;
        }
        long started = System.nanoTime();
        List<DeliveryRepository.Claim> claims =
                tx.execute(status -> deliveries.claimDue(free, PER_STORE, properties.lease(), Set.copyOf(running)));
        if (claims == null || claims.isEmpty()) {
            return 0;
        }
        // measured from before the claim: this instance's view of its lease ends no later than the database's
        long leasedUntil = started + properties.lease().toNanos();
        Map<String, List<Long>> byStore = new LinkedHashMap<>();
        claims.stream()
                .sorted(Comparator.comparing(DeliveryRepository.Claim::tenantKey)
                        .thenComparingLong(DeliveryRepository.Claim::deliveryId))
                .forEach(c -> byStore.computeIfAbsent(c.tenantKey(), k -> new ArrayList<>())
                        .add(c.deliveryId()));
        byStore.forEach((key, ids) -> {
            running.add(key);
            senders.execute(() -> {
                try {
                    sendAll(key, ids, leasedUntil);
                } catch (RuntimeException e) {
                    log.warn(
                            "Webhook deliveries of {} failed; their leases end and they are sent again: {}",
                            key,
                            e.toString());
                } finally {
                    running.remove(key);
                    webhooks.wake();
                }
            });
        });
        return claims.size();
    }

    /**
     * Sends a store's leased deliveries in order. Before an attempt that could still run when the lease ends (a slow
     * receiver, a long run), it renews the lease of those it has not sent yet, so another instance never takes them over
     * while this one is alive; when stopping, it leaves them to their lease's end.
     */
    private void sendAll(String tenantKey, List<Long> ids, long leasedUntil) {
        long attempt = properties.timeout().plus(properties.connectTimeout()).toNanos();
        TenantContext.run(provisioner.ensureReady(tenantKey), () -> {
            long until = leasedUntil;
            for (int i = 0; i < ids.size(); i++) {
                if (stopping()) {
                    return; // stopping: the lease of the rest ends and they are sent again
                }
                long now = System.nanoTime();
                if (until - now < attempt) {
                    List<Long> rest = ids.subList(i, ids.size());
                    tx.executeWithoutResult(status -> deliveries.renew(tenantKey, rest, properties.lease()));
                    until = now + properties.lease().toNanos();
                }
                webhooks.deliver(tenantKey, ids.get(i));
            }
        });
    }
}
