package dev.kassa.platform.error;

import java.util.Map;

/**
 * A named error: its HTTP status, its stable machine code and the key of its message (Russian and English bundles).
 * Each service lists its own in one enum ({@code CatalogErrors}, {@code SalesErrors}, …), the platform its shared ones in
 * {@link PlatformErrors}; code raises them by name ({@code throw CatalogErrors.PRODUCT_NOT_FOUND.exception()}), never with a
 * status and a string. A code keeps one meaning: errors that share a code share its status too (checked by a test per
 * service), and each service's OpenAPI lists the codes it can answer.
 */
public interface KassaError {

    /** What an error's constant declares: its HTTP status, stable code and message key. */
    record Definition(int status, String code, String messageKey) {}

    /** This error's status, code and message key (each catalogue's constants keep one). */
    Definition definition();

    default int status() {
        return definition().status();
    }

    default String code() {
        return definition().code();
    }

    default String messageKey() {
        return definition().messageKey();
    }

    /** The exception to throw, with the message's arguments. */
    default KassaException exception(Object... args) {
        return new KassaException(this, Map.of(), Map.of(), args);
    }

    /** The exception with extra top-level values for the error body (e.g. available and requested quantities). */
    default KassaException exception(Map<String, Object> details, Object... args) {
        return new KassaException(this, Map.of(), details, args);
    }
}
