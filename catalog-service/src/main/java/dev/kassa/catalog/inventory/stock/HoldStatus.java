package dev.kassa.catalog.inventory.stock;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a till's hold stands: {@code active} while it counts against stock (until its time runs out), {@code completed}
 * by its sale, {@code cancelled} by a release, {@code expired} by the sweep. The statements move it; the code names it
 * only through this type.
 */
enum HoldStatus {
    ACTIVE,
    COMPLETED,
    CANCELLED,
    EXPIRED;

    /** The name in the API and the database ({@code active}). */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A status a client named (a list filter); empty when it names none (names are exact). */
    static Optional<HoldStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
