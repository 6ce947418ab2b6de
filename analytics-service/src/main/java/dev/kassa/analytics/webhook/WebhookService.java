package dev.kassa.analytics.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.analytics.AnalyticsErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.security.AppScope;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A store's webhooks: the owner's subscriptions, the deliveries an event creates for them, and each delivery's attempts
 * (sent by the {@link WebhookDispatcher} of whichever instance leases it first).
 */
@Service
public class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    static final String FAILING = "failing";

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final TargetGuard guard;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Semaphore queued = new Semaphore(0);

    WebhookService(
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            TargetGuard guard,
            WebhookSender sender,
            WebhookProperties properties,
            ObjectMapper json,
            TransactionTemplate tx) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
        this.tx = tx;
    }

    /**
     * Who manages the store's webhooks: its owner (every subscription, every event type), or one of its apps with the scope
     * {@code webhooks:manage} ({@code appId}), which sees and changes only the subscriptions it made and subscribes only to
     * events its other scopes can read ({@link WebhookEvent#readWith}).
     */
    record Manager(Long appId, Set<AppScope> scopes) {
        static final Manager OWNER = new Manager(null, Set.of());

        boolean sees(Subscription s) {
            return appId == null || appId.equals(s.appId());
        }

        /** The types of {@code types} this manager may not subscribe to, each with the scope it needs. */
        List<String> unreadable(List<String> types) {
            if (appId == null) {
                return List.of();
            }
            return types.stream()
                    .map(WebhookEvent::of)
                    .flatMap(Optional::stream)
                    .filter(e -> e.readWith == null || !scopes.contains(e.readWith))
                    .map(e -> e.type + " (" + (e.readWith == null ? "—" : e.readWith.code()) + ")")
                    .toList();
        }
    }

    // the owner's (and its apps') subscriptions

    @Transactional(readOnly = true)
    List<SubscriptionView> list(Manager who) {
        return subscriptions.all().stream()
                .filter(who::sees)
                .map(SubscriptionView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    SubscriptionView get(Manager who, long id) {
        return SubscriptionView.of(subscription(who, id));
    }

    @Transactional
    SubscriptionView create(Manager who, SubscriptionRequest request) {
        readable(who, request.eventTypes());
        if (subscriptions.count() >= properties.maxSubscriptions()) {
            throw AnalyticsErrors.WEBHOOK_LIMIT.exception(properties.maxSubscriptions());
        }
        String url = target(request.url());
        String secret = WebhookSignature.newSecret();
        Subscription created = subscriptions.insert(
                url,
                Optional.ofNullable(request.description()).orElse(""),
                distinct(request.eventTypes()),
                secret,
                who.appId());
        subscriptions.refreshStore(TenantContext.require().key());
        return SubscriptionView.of(created, secret);
    }

    @Transactional
    SubscriptionView update(Manager who, long id, SubscriptionRequest request) {
        Subscription s = subscription(who, id);
        if (request.eventTypes() != null) {
            readable(who, request.eventTypes());
        }
        Subscription updated = subscriptions.update(
                id,
                request.url() == null ? s.url() : target(request.url()),
                request.description() == null ? s.description() : request.description(),
                request.eventTypes() == null ? s.eventTypes() : distinct(request.eventTypes()),
                request.isActive() == null ? s.isActive() : request.isActive());
        subscriptions.refreshStore(TenantContext.require().key());
        return SubscriptionView.of(updated);
    }

    @Transactional
    void delete(Manager who, long id) {
        subscription(who, id);
        if (!subscriptions.delete(id)) {
            throw AnalyticsErrors.WEBHOOK_NOT_FOUND.exception();
        }
        subscriptions.refreshStore(TenantContext.require().key());
    }

    /** A new secret; the old one still signs for {@code kassa.webhooks.previous-secret-for} (24 h). */
    @Transactional
    SubscriptionView rotate(Manager who, long id) {
        subscription(who, id);
        String secret = WebhookSignature.newSecret();
        return SubscriptionView.of(
                subscriptions.rotate(id, secret, Instant.now().plus(properties.previousSecretFor())), secret);
    }

    /** A test delivery of type {@code ping}, sent at once like any other (an inactive subscription is pinged too). */
    @Transactional
    Delivery ping(Manager who, long id) {
        subscription(who, id);
        UUID eventId = UUID.randomUUID();
        String key = TenantContext.require().key();
        String body = body(
                eventId,
                WebhookEvent.PING,
                key,
                Instant.now(),
                json.createObjectNode().put("subscription_id", id));
        Delivery delivery = deliveries.enqueueOne(key, id, eventId, WebhookEvent.PING, body);
        wakeAfterCommit();
        return delivery;
    }

    @Transactional(readOnly = true)
    PageResponse<Delivery> deliveries(Manager who, long subscriptionId, PageRequest page) {
        subscription(who, subscriptionId);
        return PageResponse.of(deliveries.page(subscriptionId, page), d -> d);
    }

    @Transactional(readOnly = true)
    DeliveryDetail delivery(Manager who, long id) {
        Delivery d = ownDelivery(who, id);
        return new DeliveryDetail(d, read(d.body()), deliveries.attempts(id));
    }

    @Transactional
    Delivery redeliver(Manager who, long id) {
        ownDelivery(who, id);
        Delivery d = deliveries
                .redeliver(TenantContext.require().key(), id)
                .orElseThrow(AnalyticsErrors.DELIVERY_NOT_FOUND::exception);
        wakeAfterCommit();
        return d;
    }

    // an event's deliveries, in the consumer's inbox transaction

    /** Whether a store may subscribe to events of this type (the webhook consumer reads the others past). */
    public static boolean offered(String type) {
        return WebhookEvent.offered(type);
    }

    /** Of the stores of a poll's events, those with a webhook subscription (one statement). */
    public Set<String> storesWithWebhooks(Collection<String> tenantKeys) {
        return subscriptions.withWebhooks(tenantKeys);
    }

    /** Queues the event for each of the store's active subscriptions to its type. */
    public void enqueue(EventEnvelope event) {
        String body = body(event.eventId(), event.type(), event.tenantKey(), event.occurredAt(), event.payload());
        if (deliveries.enqueue(event.tenantKey(), event.eventId(), event.type(), body) > 0) {
            wakeAfterCommit();
        }
    }

    // one attempt, by the dispatcher, in the delivery's store

    /**
     * Sends one leased delivery and records the attempt: delivered on a 2xx; otherwise tried again after a doubling wait
     * (30 s, 1 min, … up to 1 h) until the give-up window (24 h) has passed since its first attempt. A subscription whose
     * every attempt has failed for that window is turned off. The call itself runs outside any transaction.
     */
    void deliver(String tenantKey, long deliveryId) {
        record Due(Delivery delivery, Subscription subscription) {}
        Due due = tx.execute(status -> deliveries
                .find(deliveryId)
                .map(d -> new Due(d, subscriptions.find(d.subscriptionId()).orElse(null)))
                .orElse(null));
        if (due == null
                || due.subscription() == null
                || !Delivery.PENDING.equals(due.delivery().status())) {
            tx.executeWithoutResult(status -> deliveries.unqueue(tenantKey, deliveryId));
            return;
        }
        Subscription s = due.subscription();
        if (s.storedInPlain()) {
            tx.executeWithoutResult(status -> subscriptions.seal(s));
        }
        if (!s.isActive() && !WebhookEvent.PING.equals(due.delivery().eventType())) {
            tx.executeWithoutResult(status -> deliveries.abandon(tenantKey, deliveryId, "subscription_inactive"));
            return;
        }
        Delivery.Attempt attempt = sender.send(s.url(), due.delivery(), s.signingSecrets(Instant.now()));
        tx.executeWithoutResult(status -> recordAttempt(tenantKey, due.delivery(), s, attempt));
    }

    private void recordAttempt(String tenantKey, Delivery d, Subscription s, Delivery.Attempt attempt) {
        Instant now = attempt.attemptedAt();
        if (attempt.succeeded()) {
            deliveries.attempted(tenantKey, d.id(), attempt, Delivery.DELIVERED, null);
            subscriptions.succeeded(s.id());
            return;
        }
        // the window counts from the first attempt, as the subscription's failing does: a delivery that gives up
        // after failing all along turns its subscription off in the same attempt, however long it waited to be sent
        Instant first =
                d.attempts() == 0 ? now : deliveries.firstAttempt(d.id()).orElse(now);
        boolean giveUp = !now.isBefore(first.plus(properties.giveUpAfter()));
        Instant next = giveUp ? null : now.plus(properties.retryAfter(d.attempts() + 1));
        deliveries.attempted(tenantKey, d.id(), attempt, giveUp ? Delivery.FAILED : Delivery.PENDING, next);
        Instant failingSince = subscriptions.failed(s.id(), now);
        if (s.isActive() && !now.isBefore(failingSince.plus(properties.giveUpAfter()))) {
            subscriptions.disable(s.id(), FAILING);
            subscriptions.refreshStore(tenantKey);
            log.warn(
                    "Webhook subscription {} of store {} turned off: every delivery to {} has failed since {}",
                    s.id(),
                    tenantKey,
                    s.url(),
                    failingSince);
        }
    }

    // the dispatcher's wake-up

    /** Waits until this instance queued a delivery, or at most {@code millis}. */
    boolean awaitQueued(long millis) throws InterruptedException {
        boolean woken = queued.tryAcquire(millis, TimeUnit.MILLISECONDS);
        queued.drainPermits();
        return woken;
    }

    /** Wakes this instance's dispatcher now (a sender came free). */
    void wake() {
        if (queued.availablePermits() == 0) {
            queued.release();
        }
    }

    private void wakeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    /** The subscription, if the manager may see it (another app's is not found, as another store's is not). */
    private Subscription subscription(Manager who, long id) {
        return subscriptions.find(id).filter(who::sees).orElseThrow(AnalyticsErrors.WEBHOOK_NOT_FOUND::exception);
    }

    /** The delivery, if the manager may see its subscription. */
    private Delivery ownDelivery(Manager who, long id) {
        return deliveries
                .find(id)
                .filter(d ->
                        subscriptions.find(d.subscriptionId()).filter(who::sees).isPresent())
                .orElseThrow(AnalyticsErrors.DELIVERY_NOT_FOUND::exception);
    }

    /** An app subscribes only to events its scopes can read (the owner to any). */
    private static void readable(Manager who, List<String> types) {
        List<String> refused = types == null ? List.of() : who.unreadable(types);
        if (!refused.isEmpty()) {
            throw FieldErrors.single("event_types", "webhooks.event_types_unreadable", String.join(", ", refused));
        }
    }

    private String target(String url) {
        String trimmed = url.trim();
        guard.refusal(trimmed).ifPresent(key -> {
            throw FieldErrors.single("url", key);
        });
        return trimmed;
    }

    private static List<String> distinct(List<String> types) {
        return types.stream().distinct().toList();
    }

    /** What a receiver gets: the event's id, type, store and time, and its documented fields as {@code data}. */
    private String body(UUID id, String type, String store, Instant at, JsonNode data) {
        ObjectNode body = json.createObjectNode();
        body.put("id", id.toString());
        body.put("type", type);
        body.put("store", store);
        body.put("occurred_at", at.toString());
        body.set("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's payload is JSON already", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    /** The event types a subscription may name. */
    record EventTypeList(List<String> eventTypes) {}

    static EventTypeList eventTypes() {
        return new EventTypeList(WebhookEvent.types());
    }
}
