package dev.kassa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Typed dispatch of events: each handler is registered for a payload class ({@code on(SaleCompleted.class, ...)}),
 * whose wire name is {@link EventTypes#nameOf}; events of other types are not this reader's business.
 * A payload that does not match its class is a poison event ({@link IllegalArgumentException}, not retried).
 */
public final class EventHandlers {

    private record Handler<T>(Class<T> type, Predicate<T> relevant, Consumer<T> action) {
        void run(Object payload) {
            action.accept(type.cast(payload));
        }

        boolean wants(Object payload) {
            return relevant.test(type.cast(payload));
        }
    }

    private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();

    public <T> EventHandlers on(Class<T> type, Consumer<T> action) {
        return on(EventTypes.nameOf(type), type, t -> true, action);
    }

    /** Handles only the events {@code relevant} accepts; the others are skipped without any work (no inbox record either). */
    public <T> EventHandlers on(Class<T> type, Predicate<T> relevant, Consumer<T> action) {
        return on(EventTypes.nameOf(type), type, relevant, action);
    }

    /** For a reader that reads several event types through one view (e.g. {@link AccessChanged}). */
    public <T> EventHandlers on(String typeName, Class<T> type, Consumer<T> action) {
        return on(typeName, type, t -> true, action);
    }

    private <T> EventHandlers on(String typeName, Class<T> type, Predicate<T> relevant, Consumer<T> action) {
        if (handlers.putIfAbsent(typeName, new Handler<>(type, relevant, action)) != null) {
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
