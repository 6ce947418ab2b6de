package dev.kassa.platform.data;

/** A client's optional values as the code reads them. */
public final class Values {
    private Values() {}

    /** The value trimmed, or null when it is absent or blank (an optional filter or field left empty). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
