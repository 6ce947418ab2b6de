package dev.kassa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
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
        KassaEvent contract = EventTypes.contractOf(event.getClass());
        String topic = contract.topic();
        String type = EventTypes.nameOf(event.getClass());
        Object payload = event;
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Events are published inside the transaction of the change they announce");
        }
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(
                id, type, tenantKey, Instant.now(), contract.version(), objectMapper.valueToTree(payload));
        try {
            jdbc.update(
                    "insert into public.kassa_outbox (event_id, topic, msg_key, event_type, envelope, trace_parent) values (?, ?, ?, ?, ?, ?)",
                    id,
                    topic,
                    tenantKey,
                    type,
                    objectMapper.writeValueAsString(envelope),
                    traceParent.get());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
        return id;
    }
}
