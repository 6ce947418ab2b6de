package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/**
 * A batch's quality: {@code approved} batches are sold; {@code pending} ones wait for a check (the store checks new
 * batches first); {@code blocked} ones (a recall, a failed check) are never held or sold. The code names it only
 * through this type.
 */
enum BatchStatus implements Coded {
    APPROVED,
    PENDING,
    BLOCKED;

    /** A status a client named (a list filter); empty when it names none (names are exact). */
    static Optional<BatchStatus> parse(String wire) {
        return Coded.of(BatchStatus.class, wire);
    }

    /** The status a database row holds. */
    static BatchStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No batch status " + wire));
    }
}
