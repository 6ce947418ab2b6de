package dev.kassa.catalog.inventory.transfer;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.platform.data.Coded;

import java.util.Optional;

/**
 * Which copy of a transfer a store keeps: the source's ({@code out}: drafted, shipped and cancelled there) or the
 * destination's ({@code in}: made from {@code TransferShipped}, received there).
 */
enum Direction implements Coded {
    OUT,
    IN;

    /** The code in the API and the database ({@code out}): a transfer's answer writes it. */
    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    /** The direction a database row holds (exactly as {@link #code} spells it). */
    static Direction of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No transfer direction " + wire));
    }

    /** A direction a client named (a list filter); empty when it names none (exact names: {@code "OUT"} is none). */
    static Optional<Direction> parse(String wire) {
        return Coded.of(Direction.class, wire);
    }
}
