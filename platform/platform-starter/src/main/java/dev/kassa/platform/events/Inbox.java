package dev.kassa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
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

    public Inbox(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper objectMapper, Optional<TenantProvisioner> provisioner) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.objectMapper = objectMapper;
        this.provisioner = provisioner;
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
        if (!TenantKeys.isValidKey(envelope.tenantKey())) {
            throw new IllegalArgumentException("Event " + envelope.eventId() + " has an invalid tenant key");
        }
        Tenant tenant = provisioner.map(p -> p.ensureReady(envelope.tenantKey())).orElse(null);
        return TenantContext.call(tenant, () -> Boolean.TRUE.equals(tx.execute(status -> {
            int inserted = jdbc.update("insert into public.kassa_inbox (event_id, consumer) values (?, ?) on conflict do nothing",
                    envelope.eventId(), consumer);
            if (inserted == 0) {
                return false;
            }
            // text a consumer stores (a cash movement's description) is in the stores' language, Russian, like every default
            java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("ru"));
            try {
                handler.accept(tenant);
            } finally {
                org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
            }
            return true;
        })));
    }
}
