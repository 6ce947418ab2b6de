package dev.kassa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes an event to the transactional outbox, in the same database transaction as the change it
 * announces (brief §5). Business code never talks to Kafka; {@link OutboxRelay} publishes them as soon as the
 * transaction commits ({@link OutboxSignal}).
 */
public class OutboxPublisher {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final OutboxSignal signal;
    private final Supplier<String> traceParent;

    public OutboxPublisher(JdbcTemplate jdbc, ObjectMapper objectMapper, OutboxSignal signal) {
        this(jdbc, objectMapper, signal, () -> null);
    }

    /** {@code traceParent} gives the W3C {@code traceparent} of the current span, or null outside any trace. */
    public OutboxPublisher(
            JdbcTemplate jdbc, ObjectMapper objectMapper, OutboxSignal signal, Supplier<String> traceParent) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.signal = signal;
        this.traceParent = traceParent;
    }

    /**
     * Publishes {@code event}, a record annotated {@link KassaEvent}: its topic, type name and schema version come from
     * the record, the key is the store's tenant key.
     */
    public UUID publish(String tenantKey, Object event) {
        return publishAll(tenantKey, List.of(event)).get(0);
    }

    /**
     * Publishes several events of one change in one statement, in the order given (a sale's stock changes, one per
     * product): as {@link #publish} each, for a single round trip.
     */
    public List<UUID> publishAll(String tenantKey, List<?> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Events are published inside the transaction of the change they announce");
        }
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] types = new String[n];
        String[] envelopes = new String[n];
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            Object event = events.get(i);
            KassaEvent contract = EventTypes.contractOf(event.getClass());
            ids[i] = UUID.randomUUID();
            topics[i] = contract.topic();
            types[i] = EventTypes.nameOf(event.getClass());
            EventEnvelope envelope = new EventEnvelope(
                    ids[i], types[i], tenantKey, now, contract.version(), objectMapper.valueToTree(event));
            try {
                envelopes[i] = objectMapper.writeValueAsString(envelope);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Event payload cannot be serialised", e);
            }
        }
        insert(tenantKey, ids, topics, types, envelopes);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
        return List.of(ids);
    }

    /** The events' rows, one statement for one or many. */
    private void insert(String tenantKey, UUID[] ids, String[] topics, String[] types, String[] envelopes) {
        if (ids.length == 1) {
            jdbc.update(
                    "insert into public.kassa_outbox (event_id, topic, msg_key, event_type, envelope, trace_parent) values (?, ?, ?, ?, ?, ?)",
                    ids[0],
                    topics[0],
                    tenantKey,
                    types[0],
                    envelopes[0],
                    traceParent.get());
        } else {
            // the rows keep the order given: the relay sends a store's events in outbox id order
            jdbc.update(
                    """
                    insert into public.kassa_outbox (event_id, topic, msg_key, event_type, envelope, trace_parent)
                    select e.id, e.topic, ?, e.type, e.envelope, ?
                      from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                           with ordinality as e(id, topic, type, envelope, n)
                     order by e.n
                    """,
                    tenantKey,
                    traceParent.get(),
                    ids,
                    topics,
                    types,
                    envelopes);
        }
    }
}
