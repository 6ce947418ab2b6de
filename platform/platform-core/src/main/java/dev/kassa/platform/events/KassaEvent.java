package dev.kassa.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record that is the contract of one event type, kept beside its producer. The outbox takes the event's
 * topic, type name and schema version from here, so no call site names an event by a string. Its golden sample and
 * its entry in the event catalogue ({@code docs/events.md}) live in platform-test under {@code kassa/events/}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KassaEvent {

    /** The topic the event is published on ({@link Topics}). */
    String topic();

    /** The type on the wire; the record's simple name when empty. */
    String name() default "";

    /** The payload's schema version; raised on an incompatible change. */
    int version() default 1;
}
