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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

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

    /** Helpers of polls whose stores run at the same time; made with the first such poll. */
    private ExecutorService helpers;

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
        return payload != null
                && process(handlers.handledIn(envelope, payload), consumer, tenant -> handlers.run(envelope, payload));
    }

    /** Runs {@code handler} once per (event, consumer) in the event's store; false if it had already run. */
    public boolean process(EventEnvelope envelope, String consumer, Consumer<Tenant> handler) {
        Tenant tenant = tenantOf(envelope);
        return TenantContext.call(
                tenant, () -> Boolean.TRUE.equals(tx.execute(status -> once(envelope, consumer, tenant, handler))));
    }

    /** A whole poll of a batch listener, its stores one after another: {@link #handleAll(List, String, EventHandlers, int)}. */
    public void handleAll(List<ConsumerRecord<String, String>> records, String consumer, EventHandlers handlers) {
        handleAll(records, consumer, handlers, 1, message -> true);
    }

    /**
     * A whole poll of a batch listener ({@code @KafkaListener(batch = "true")}): the events of each store (the store each
     * is handled in, {@link EventHandlers#handledIn}) run in one transaction, so that work a handler defers to the end of
     * its transaction (a report recomputed once for every sale of the poll, not once per sale) is done once per store and
     * poll; up to {@code storesAtOnce} stores' transactions run at the same time (the listener's thread and helpers), each
     * store's events still in their order. Each event is still handled once per consumer and keeps its own trace. When a
     * store's transaction fails, its events are tried one at a time; the first that fails is reported to the container's
     * error handler by its index ({@link BatchListenerFailedException}): the events before it are committed, it is retried
     * or parked on the dead-letter topic like a single event, and the rest come again (an event already handled is
     * skipped by its inbox record). Messages {@code worthReading} turns down are skipped unread (a consumer of a busy
     * topic that handles few of its types looks at the text before parsing it).
     */
    public void handleAll(
            List<ConsumerRecord<String, String>> records,
            String consumer,
            EventHandlers handlers,
            int storesAtOnce,
            Predicate<String> worthReading) {
        Poll poll = new Poll(records, consumer, handlers);
        poll.read(worthReading);
        List<List<Integer>> groups = new ArrayList<>(poll.byStore.values());
        boolean[] failed = new boolean[groups.size()];
        inParallel(groups.size(), storesAtOnce, g -> failed[g] = !poll.together(groups.get(g)));
        for (int g = 0; g < groups.size(); g++) {
            if (failed[g]) {
                poll.oneByOne(groups.get(g));
            }
        }
        if (poll.failure != null) {
            ConsumerRecord<String, String> at = records.get(poll.end);
            throw new BatchListenerFailedException(
                    "Event at " + at.topic() + "-" + at.partition() + "@" + at.offset() + " failed",
                    poll.failure,
                    poll.end);
        }
    }

    /**
     * A batch listener's poll being handled: its events read (each with its payload and the store it is handled in,
     * grouped by store), and where the first that cannot be handled is ({@code end}, with its {@code failure}).
     */
    private final class Poll {
        final List<ConsumerRecord<String, String>> records;
        final String consumer;
        final EventHandlers handlers;
        final List<EventEnvelope> envelopes;
        final Map<Integer, Object> payloads = new HashMap<>();
        final Map<String, List<Integer>> byStore = new LinkedHashMap<>();
        int end;
        RuntimeException failure;

        Poll(List<ConsumerRecord<String, String>> records, String consumer, EventHandlers handlers) {
            this.records = records;
            this.consumer = consumer;
            this.handlers = handlers;
            this.envelopes = new ArrayList<>(records.size());
            this.end = records.size();
        }

        /** Reads the events up to the first that is no event of a store (a poison one: {@code end}). */
        void read(Predicate<String> worthReading) {
            for (int i = 0; i < records.size(); i++) {
                String value = records.get(i).value();
                if (value == null || !worthReading.test(value)) {
                    envelopes.add(null);
                    continue;
                }
                try {
                    EventEnvelope envelope = Inbox.this.read(value);
                    Object payload = handlers.read(envelope, objectMapper);
                    if (payload != null) {
                        envelope = handlers.handledIn(envelope, payload);
                        payloads.put(i, payload);
                    }
                    if (!TenantKeys.isValidKey(envelope.tenantKey())) {
                        throw new IllegalArgumentException(
                                "Event " + envelope.eventId() + " has an invalid tenant key");
                    }
                    envelopes.add(envelope);
                    if (payload != null) {
                        byStore.computeIfAbsent(envelope.tenantKey(), k -> new ArrayList<>())
                                .add(i);
                    }
                } catch (RuntimeException e) {
                    // not an event of a store this consumer can read (a poison event), or a handler's own reading of it
                    // failed: reported by its index, the events before it handled
                    end = i;
                    failure = e;
                    return;
                }
            }
        }

        /** One store's events in its one transaction; false when it failed (nothing of it was committed). */
        boolean together(List<Integer> indexes) {
            try {
                Tenant tenant = tenantOf(envelopes.get(indexes.get(0)));
                TenantContext.run(
                        tenant,
                        () -> tx.executeWithoutResult(
                                status -> handleTogether(records, envelopes, payloads, indexes, consumer, handlers)));
                return true;
            } catch (RuntimeException | Error together) {
                return false;
            }
        }

        /** A failed store's events one at a time, up to the first that fails (which moves {@code end} there). */
        void oneByOne(List<Integer> indexes) {
            for (int i : indexes) {
                if (i >= end) {
                    return;
                }
                EventEnvelope envelope = envelopes.get(i);
                Object payload = payloads.get(i);
                try {
                    observed(records.get(i), () -> {
                        Tenant tenant = tenantOf(envelope);
                        TenantContext.run(
                                tenant,
                                () -> tx.executeWithoutResult(status ->
                                        once(envelope, consumer, tenant, t -> handlers.run(envelope, payload))));
                    });
                } catch (RuntimeException alone) {
                    end = i;
                    failure = alone;
                    return;
                }
            }
        }
    }

    /**
     * Runs {@code work} for 0 … {@code n - 1}, up to {@code atOnce} at a time: on this thread and helpers that each take
     * the next number left; returns when all are done.
     */
    private void inParallel(int n, int atOnce, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int g = next.getAndIncrement(); g < n; g = next.getAndIncrement()) {
                work.accept(g);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int h = 1; h < Math.min(n, atOnce); h++) {
            helpers.add(helpers().submit(worker));
        }
        Throwable failed = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failed = e;
        }
        // every helper is waited for, whatever happened on this thread: none still commits when the poll is answered
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = failed == null ? e : failed;
            } catch (ExecutionException e) {
                failed = failed == null ? e.getCause() : failed;
            }
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException("A poll's store could not be handled", failed);
        }
    }

    private synchronized ExecutorService helpers() {
        if (helpers == null) {
            AtomicInteger count = new AtomicInteger();
            helpers = Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "kassa-inbox-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return helpers;
    }

    /**
     * One store's events of a poll, inside its transaction: the inbox records of the events this consumer handles are
     * written in one statement, which answers the ones seen for the first time; those run in order (an event twice in
     * the poll runs once).
     */
    private void handleTogether(
            List<ConsumerRecord<String, String>> records,
            List<EventEnvelope> envelopes,
            Map<Integer, Object> payloads,
            List<Integer> indexes,
            String consumer,
            EventHandlers handlers) {
        Set<UUID> fresh = new HashSet<>(jdbc.queryForList(
                """
                        insert into public.kassa_inbox (event_id, consumer) select distinct unnest(cast(? as uuid[])), ?
                        on conflict do nothing returning event_id""",
                UUID.class,
                SqlArrays.texts(indexes, i -> envelopes.get(i).eventId()),
                consumer));
        for (int i : indexes) {
            EventEnvelope envelope = envelopes.get(i);
            if (fresh.remove(envelope.eventId())) {
                Object payload = payloads.get(i);
                observed(records.get(i), () -> inStoresLanguage(() -> handlers.run(envelope, payload)));
            }
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
