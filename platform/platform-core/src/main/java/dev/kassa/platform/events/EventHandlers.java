package dev.kassa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.tenancy.TenantKeys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed dispatch of events: each handler is registered for a payload class ({@code on(SaleCompleted.class, ...)}),
 * whose wire name is {@link EventTypes#nameOf}; events of other types are not this reader's business.
 * A payload that does not match its class is a poison event ({@link IllegalArgumentException}, not retried).
 */
public final class EventHandlers {

    private record Handler<T>(Class<T> type, Predicate<T> relevant, Function<T, String> store, Consumer<T> action) {
        void run(Object payload) {
            action.accept(type.cast(payload));
        }

        boolean wants(Object payload) {
            return relevant.test(type.cast(payload));
        }

        String storeOf(Object payload) {
            return store.apply(type.cast(payload));
        }
    }

    private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();

    public <T> EventHandlers on(Class<T> type, Consumer<T> action) {
        return on(EventTypes.nameOf(type), type, t -> true, null, action);
    }

    /**
     * Handles an event one store sends about another in the store {@code store} reads from its payload (a transfer's
     * destination, the store a chain's products are shared with): the handler, its inbox record and its transaction are
     * that store's. A store key that is not one is a poison event.
     */
    public <T> EventHandlers inStore(Class<T> type, Function<T, String> store, Consumer<T> action) {
        return on(EventTypes.nameOf(type), type, t -> true, store, action);
    }

    /** As {@link #inStore(Class, Function, Consumer)}, for the events {@code relevant} accepts only. */
    public <T> EventHandlers inStore(
            Class<T> type, Predicate<T> relevant, Function<T, String> store, Consumer<T> action) {
        return on(EventTypes.nameOf(type), type, relevant, store, action);
    }

    /** Handles only the events {@code relevant} accepts; the others are skipped without any work (no inbox record either). */
    public <T> EventHandlers on(Class<T> type, Predicate<T> relevant, Consumer<T> action) {
        return on(EventTypes.nameOf(type), type, relevant, null, action);
    }

    /** For a reader that reads several event types through one view (e.g. {@link AccessChanged}). */
    public <T> EventHandlers on(String typeName, Class<T> type, Consumer<T> action) {
        return on(typeName, type, t -> true, null, action);
    }

    private <T> EventHandlers on(
            String typeName, Class<T> type, Predicate<T> relevant, Function<T, String> store, Consumer<T> action) {
        if (handlers.putIfAbsent(typeName, new Handler<>(type, relevant, store, action)) != null) {
            throw new IllegalStateException("Two handlers for " + typeName);
        }
        return this;
    }

    public Set<String> types() {
        return handlers.keySet();
    }

    /** The event's payload read as its handler's class, if this reader handles the event and it is relevant, else null. */
    public Object read(EventEnvelope envelope, ObjectMapper json) {
        Handler<?> handler = handlers.get(envelope.type());
        if (handler == null) {
            return null;
        }
        Object payload;
        try {
            payload = json.treeToValue(envelope.payload(), handler.type());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "Payload of " + envelope.type() + " " + envelope.eventId() + " does not match "
                            + handler.type().getSimpleName(),
                    e);
        }
        return handler.wants(payload) ? payload : null;
    }

    /**
     * The envelope as handled: in the store its handler reads from the payload ({@link #inStore}), else in the store that
     * sent it.
     */
    public EventEnvelope handledIn(EventEnvelope envelope, Object payload) {
        Handler<?> handler = handlers.get(envelope.type());
        if (handler == null || handler.store() == null) {
            return envelope;
        }
        String store = handler.storeOf(payload);
        if (!TenantKeys.isValidKey(store)) {
            throw new IllegalArgumentException(
                    "Event " + envelope.eventId() + " names no valid store to be handled in");
        }
        return envelope.in(store);
    }

    /** Runs the handler of the envelope's type on a payload {@link #read} returned. */
    public void run(EventEnvelope envelope, Object payload) {
        handlers.get(envelope.type()).run(payload);
    }

    /** Reads and handles the event in one step; false when no handler wanted it. */
    public boolean dispatch(EventEnvelope envelope, ObjectMapper json) {
        Object payload = read(envelope, json);
        if (payload == null) {
            return false;
        }
        run(envelope, payload);
        return true;
    }
}
