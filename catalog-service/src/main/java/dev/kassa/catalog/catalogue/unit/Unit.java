package dev.kassa.catalog.catalogue.unit;

import java.time.Instant;

/** A unit of measure (spec C1), as stored. */
public record Unit(
        long id, String code, String name, String shortName, String description, boolean isActive, Instant createdAt) {}
