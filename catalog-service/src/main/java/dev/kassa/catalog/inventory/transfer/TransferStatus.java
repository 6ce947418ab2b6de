package dev.kassa.catalog.inventory.transfer;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.error.KassaException;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a transfer is in its life (issue 64 points 5-6), the same names on both stores' copies: the source's copy is a
 * {@code draft} until it is {@code shipped} or {@code cancelled}; the destination's copy is made {@code shipped}; goods
 * come in receipts ({@code partially_received}) until every line's goods came or were recorded lost
 * ({@code received}). {@code received} and {@code cancelled} are final. Shipping, cancelling and receiving go through
 * {@link #moveTo}, which refuses any other move (shipping or cancelling again is no move: the transfer answers as it
 * stands); the source's copy takes the status that {@code TransferReceived} says the receipt gave the destination's.
 */
enum TransferStatus implements Coded {
    DRAFT,
    SHIPPED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    CANCELLED;

    /** The code in the API, the database and the events ({@code partially_received}): a transfer's answer writes it. */
    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    /** The status a database row or an event holds (exactly as {@link #code} spells it). */
    static TransferStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No transfer status " + wire));
    }

    /** A status a client named (a list filter); empty when it names none (names are exact: {@code "DRAFT"} is none). */
    static Optional<TransferStatus> parse(String wire) {
        return Coded.of(TransferStatus.class, wire);
    }

    /** Every status's name, in the order of a transfer's life ({@code draft, shipped, …}): what a filter may name. */
    static String names() {
        return Arrays.stream(values()).map(TransferStatus::code).collect(Collectors.joining(", "));
    }

    /** Whether goods of the transfer may still be taken in (a receipt at the destination, or told of at the source). */
    boolean receivable() {
        return this == SHIPPED || this == PARTIALLY_RECEIVED;
    }

    /** Whether the transfer is over (no move leads out of it): it keeps when it finished. */
    boolean isFinal() {
        return this == RECEIVED || this == CANCELLED;
    }

    /** Whether a transfer in this status may become {@code next}. */
    boolean canBecome(TransferStatus next) {
        return switch (this) {
            case DRAFT -> next == SHIPPED || next == CANCELLED;
            case SHIPPED, PARTIALLY_RECEIVED -> next == PARTIALLY_RECEIVED || next == RECEIVED;
            case RECEIVED, CANCELLED -> false;
        };
    }

    /** {@code next}, or {@code refusal} raised (as {@link #refused} makes it) when this status may not become it. */
    TransferStatus moveTo(TransferStatus next, KassaError refusal) {
        if (!canBecome(next)) {
            throw refused(refusal);
        }
        return next;
    }

    /** {@code error} about a transfer in this status, named in its body ({@code transfer_status}) and its message. */
    KassaException refused(KassaError error) {
        return error.exception(Map.of("transfer_status", code()), code());
    }
}
