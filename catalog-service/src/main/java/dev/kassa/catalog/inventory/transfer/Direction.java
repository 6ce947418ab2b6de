package dev.kassa.catalog.inventory.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which copy of a transfer a store keeps: the source's ({@code out}: drafted, shipped and cancelled there) or the
 * destination's ({@code in}: made from {@code TransferShipped}, received there).
 */
enum Direction {
    OUT,
    IN;

    /** The name in the API and the database ({@code out}). */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction a database row holds (exactly as {@link #wire} spells it). */
    static Direction of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No transfer direction " + wire));
    }

    /** A direction a client named (a list filter); empty when it names none (exact names: {@code "OUT"} is none). */
    static Optional<Direction> parse(String wire) {
        return Arrays.stream(values()).filter(d -> d.wire().equals(wire)).findFirst();
    }
}
