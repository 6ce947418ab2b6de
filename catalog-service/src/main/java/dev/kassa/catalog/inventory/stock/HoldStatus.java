package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/**
 * Where a till's hold stands: {@code active} while it counts against stock (until its time runs out), {@code completed}
 * by its sale, {@code cancelled} by a release, {@code expired} by the sweep. The statements move it; the code names it
 * only through this type.
 */
enum HoldStatus implements Coded {
    ACTIVE,
    COMPLETED,
    CANCELLED,
    EXPIRED;

    /** A status a client named (a list filter); empty when it names none (names are exact). */
    static Optional<HoldStatus> parse(String wire) {
        return Coded.of(HoldStatus.class, wire);
    }
}
