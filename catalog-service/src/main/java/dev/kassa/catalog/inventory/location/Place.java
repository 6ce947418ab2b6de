package dev.kassa.catalog.inventory.location;

/** A location as goods are put at it: which one, of what type, and whether it is in use. */
public record Place(long id, String code, LocationType type, boolean isActive) {

    /** Whether goods here are kept apart (never held or sold). */
    public boolean quarantine() {
        return type == LocationType.QUARANTINE;
    }
}
