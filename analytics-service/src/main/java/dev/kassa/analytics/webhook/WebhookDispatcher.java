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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends due webhook deliveries, on every instance: each round leases up to a batch of due deliveries of any store
 * ({@code FOR UPDATE SKIP LOCKED}, so two instances never send the same one at once), sends each store's in the order
 * their events came (stores side by side, up to {@code kassa.webhooks.senders}), and records every attempt. A delivery
 * whose instance is lost mid-round is sent by another once its lease ends: at least once, never lost. A round renews its
 * lease before an attempt that could outlast it (a long or slow run), so a live instance's deliveries are never taken
 * over and sent twice. Woken at once by a delivery this instance queued; otherwise it looks every
 * {@code kassa.webhooks.poll-interval}.
 */
@Component
class WebhookDispatcher extends WorkerLoop {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;

    private final Webhooks webhooks;
    private final DeliveryRepository deliveries;
    private final TenantProvisioner provisioner;
    private final TransactionTemplate tx;
    private final WebhookProperties properties;
    private volatile ExecutorService senders;

    WebhookDispatcher(
            Webhooks webhooks,
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
        if (round() < BATCH) {
            pause();
        }
    }

    /** Until this instance queues a delivery, at most the poll interval. */
    @Override
    protected void pause() throws InterruptedException {
        webhooks.awaitQueued(properties.pollInterval().toMillis());
    }

    /** One round: leases what is due and sends it; answers how many it leased. */
    int round() throws InterruptedException {
        long started = System.nanoTime();
        List<DeliveryRepository.Claim> claims = tx.execute(status -> deliveries.claimDue(BATCH, properties.lease()));
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
        List<Future<?>> sent = new ArrayList<>();
        byStore.forEach((key, ids) -> sent.add(senders.submit(() -> sendAll(key, ids, leasedUntil))));
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn(
                        "Webhook deliveries failed; their leases end and they are sent again: {}",
                        e.getCause().toString());
            }
        }
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
