package dev.kassa.catalog.catalogue.unit;

import java.time.Instant;

/** A unit as the unit endpoints and the units' delta sync show it. */
public record UnitView(
        long id,
        String code,
        String name,
        String shortName,
        String description,
        boolean isActive,
        Instant createdAt,
        String displayName) {
    public static UnitView of(Unit u) {
        return new UnitView(
                u.id(),
                u.code(),
                u.name(),
                u.shortName(),
                u.description(),
                u.isActive(),
                u.createdAt(),
                u.name() + " (" + u.shortName() + ")");
    }
}
