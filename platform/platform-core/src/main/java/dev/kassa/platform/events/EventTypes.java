package dev.kassa.platform.events;

/**
 * The wire name of an event class: {@link KassaEvent#name()} for a producer's contract, else the class's simple name
 * (a consumer's view of an event is a record named after the event it reads, e.g. analytics' own {@code SaleCompleted}).
 */
public final class EventTypes {
    private EventTypes() {}

    public static String nameOf(Class<?> type) {
        KassaEvent event = type.getAnnotation(KassaEvent.class);
        return event != null && !event.name().isEmpty() ? event.name() : type.getSimpleName();
    }

    /** The contract of a published event; refuses a class without {@link KassaEvent}. */
    public static KassaEvent contractOf(Class<?> type) {
        KassaEvent event = type.getAnnotation(KassaEvent.class);
        if (event == null) {
            throw new IllegalArgumentException(
                    type.getName() + " is not an event contract: annotate it with @KassaEvent");
        }
        return event;
    }
}
