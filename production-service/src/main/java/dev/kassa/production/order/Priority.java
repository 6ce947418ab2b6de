package dev.kassa.production.order;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.platform.data.Coded;

import java.util.Optional;

/** How urgent an order is (MPSYSTEM's priority); planning takes the more urgent first among equally due ones. */
public enum Priority implements Coded {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    static Optional<Priority> parse(String wire) {
        return Coded.of(Priority.class, wire);
    }

    static Priority of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No priority " + wire));
    }
}
