package dev.kassa.platform.imports;

/** What a row taken did; a refused row throws instead. */
public enum ImportOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
}
