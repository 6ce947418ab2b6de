package dev.kassa.catalog.inventory.location;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/** What a location is for: a shop's floor and back room, a plant's raw materials, hazardous goods, stages and quarantine. */
public enum LocationType implements Coded {
    SALES_FLOOR,
    BACK_ROOM,
    RAW_MATERIALS,
    HAZARDOUS,
    PRODUCTION,
    FINISHED,
    QUARANTINE;

    /** The type a database row holds. */
    static LocationType of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No location type " + wire));
    }

    /** A type a client named; empty when it names none (names are exact). */
    static Optional<LocationType> parse(String wire) {
        return Coded.of(LocationType.class, wire);
    }
}
