package dev.kassa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Idempotent consumption (brief §5): the event id is recorded in {@code kassa_inbox} in the same
 * transaction as the handler's own writes, inside the event's store. A redelivered event has no
 * second effect; a handler that fails leaves no record, so the event is retried.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper objectMapper;
    private final Optional<TenantProvisioner> provisioner;
    private final ObservationRegistry observations;

    public Inbox(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            ObjectMapper objectMapper,
            Optional<TenantProvisioner> provisioner) {
        this(jdbc, tx, objectMapper, provisioner, ObservationRegistry.NOOP);
    }

    public Inbox(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            ObjectMapper objectMapper,
            Optional<TenantProvisioner> provisioner,
            ObservationRegistry observations) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.objectMapper = objectMapper;
        this.provisioner = provisioner;
        this.observations = observations;
    }

    public EventEnvelope read(String message) {
        try {
            return objectMapper.readValue(message, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an event envelope", e);
        }
    }

    /**
     * Reads a Kafka message and, if {@code handlers} handle its type, runs the handler once per (event, consumer) in the
     * event's store. Returns false when the event is not this consumer's or had already been handled.
     */
    public boolean handle(String message, String consumer, EventHandlers handlers) {
        EventEnvelope envelope = read(message);
        Object payload = handlers.read(envelope, objectMapper);
        return payload != null && process(envelope, consumer, tenant -> handlers.run(envelope, payload));
    }

    /** Runs {@code handler} once per (event, consumer) in the event's store; false if it had already run. */
    public boolean process(EventEnvelope envelope, String consumer, Consumer<Tenant> handler) {
        Tenant tenant = tenantOf(envelope);
        return TenantContext.call(
                tenant, () -> Boolean.TRUE.equals(tx.execute(status -> once(envelope, consumer, tenant, handler))));
    }

    /**
     * A whole poll of a batch listener ({@code @KafkaListener(batch = "true")}): the events of each store run in one
     * transaction, so that work a handler defers to the end of its transaction (a report recomputed once for every sale of
     * the poll, not once per sale) is done once per store and poll. Each event is still handled once per consumer and keeps
     * its own trace. When a store's transaction fails, its events are tried one at a time; the first that fails is reported
     * to the container's error handler by its index ({@link BatchListenerFailedException}): the events before it are
     * committed, it is retried or parked on the dead-letter topic like a single event, and the rest come again (an event
     * already handled is skipped by its inbox record).
     */
    public void handleAll(List<ConsumerRecord<String, String>> records, String consumer, EventHandlers handlers) {
        int end = records.size();
        RuntimeException failure = null;
        Map<String, List<Integer>> byStore = new LinkedHashMap<>();
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                EventEnvelope envelope = read(records.get(i).value());
                if (!TenantKeys.isValidKey(envelope.tenantKey())) {
                    throw new IllegalArgumentException("Event " + envelope.eventId() + " has an invalid tenant key");
                }
                envelopes.add(envelope);
                byStore.computeIfAbsent(envelope.tenantKey(), k -> new ArrayList<>())
                        .add(i);
            } catch (IllegalArgumentException e) {
                end = i;
                failure = e;
                break;
            }
        }
        for (List<Integer> indexes : byStore.values()) {
            try {
                Tenant tenant = tenantOf(envelopes.get(indexes.get(0)));
                TenantContext.run(
                        tenant,
                        () -> tx.executeWithoutResult(
                                status -> handleTogether(records, envelopes, indexes, consumer, handlers)));
            } catch (RuntimeException together) {
                for (int i : indexes) {
                    if (i >= end) {
                        break;
                    }
                    ConsumerRecord<String, String> record = records.get(i);
                    EventEnvelope envelope = envelopes.get(i);
                    try {
                        observed(record, () -> {
                            Tenant tenant = tenantOf(envelope);
                            TenantContext.run(
                                    tenant,
                                    () -> tx.executeWithoutResult(
                                            status -> handle(envelope, consumer, handlers, tenant)));
                        });
                    } catch (RuntimeException alone) {
                        end = i;
                        failure = alone;
                        break;
                    }
                }
            }
        }
        if (failure != null) {
            throw new BatchListenerFailedException(
                    "Event at " + records.get(end).topic() + "-"
                            + records.get(end).partition() + "@"
                            + records.get(end).offset() + " failed",
                    failure,
                    end);
        }
    }

    /**
     * One store's events of a poll, inside its transaction: the inbox records of the events this consumer handles are
     * written in one statement, which answers the ones seen for the first time; those run in order (an event twice in
     * the poll runs once).
     */
    private void handleTogether(
            List<ConsumerRecord<String, String>> records,
            List<EventEnvelope> envelopes,
            List<Integer> indexes,
            String consumer,
            EventHandlers handlers) {
        Map<Integer, Object> payloads = new LinkedHashMap<>();
        for (int i : indexes) {
            Object payload = handlers.read(envelopes.get(i), objectMapper);
            if (payload != null) {
                payloads.put(i, payload);
            }
        }
        if (payloads.isEmpty()) {
            return;
        }
        Set<UUID> fresh = new HashSet<>(jdbc.queryForList(
                """
                        insert into public.kassa_inbox (event_id, consumer) select distinct unnest(cast(? as uuid[])), ?
                        on conflict do nothing returning event_id""",
                UUID.class,
                SqlArrays.texts(payloads.keySet(), i -> envelopes.get(i).eventId()),
                consumer));
        payloads.forEach((i, payload) -> {
            EventEnvelope envelope = envelopes.get(i);
            if (fresh.remove(envelope.eventId())) {
                observed(records.get(i), () -> inStoresLanguage(() -> handlers.run(envelope, payload)));
            }
        });
    }

    private void handle(EventEnvelope envelope, String consumer, EventHandlers handlers, Tenant tenant) {
        Object payload = handlers.read(envelope, objectMapper);
        if (payload != null) {
            once(envelope, consumer, tenant, t -> handlers.run(envelope, payload));
        }
    }

    private void observed(ConsumerRecord<String, String> record, Runnable work) {
        Observation.createNotStarted(
                        "spring.kafka.listener",
                        () -> new KafkaRecordReceiverContext(record, "kassa-batch", () -> null),
                        observations)
                .observe(work);
    }

    private Tenant tenantOf(EventEnvelope envelope) {
        if (!TenantKeys.isValidKey(envelope.tenantKey())) {
            throw new IllegalArgumentException("Event " + envelope.eventId() + " has an invalid tenant key");
        }
        return provisioner.map(p -> p.ensureReady(envelope.tenantKey())).orElse(null);
    }

    /** Inside the store's transaction: records the event for the consumer and runs the handler, unless it already ran. */
    private boolean once(EventEnvelope envelope, String consumer, Tenant tenant, Consumer<Tenant> handler) {
        int inserted = jdbc.update(
                "insert into public.kassa_inbox (event_id, consumer) values (?, ?) on conflict do nothing",
                envelope.eventId(),
                consumer);
        if (inserted == 0) {
            return false;
        }
        inStoresLanguage(() -> handler.accept(tenant));
        return true;
    }

    /** Text a consumer stores (a cash movement's description) is in the stores' language, Russian, like every default. */
    private static void inStoresLanguage(Runnable work) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        try {
            work.run();
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
