package dev.kassa.catalog.inventory.stock;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A batch's quality: {@code approved} batches are sold; {@code pending} ones wait for a check (the store checks new
 * batches first); {@code blocked} ones (a recall, a failed check) are never held or sold. The code names it only
 * through this type.
 */
enum BatchStatus {
    APPROVED,
    PENDING,
    BLOCKED;

    /** The name in the API, the database and the messages ({@code approved}). */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A status a client named (a list filter); empty when it names none (names are exact). */
    static Optional<BatchStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    /** The status a database row holds. */
    static BatchStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No batch status " + wire));
    }
}
