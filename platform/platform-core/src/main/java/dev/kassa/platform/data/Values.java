package dev.kassa.platform.data;

import java.time.LocalDate;

/** A client's optional values as the code reads them. */
public final class Values {
    private Values() {}

    /** The value trimmed, or null when it is absent or blank (an optional filter or field left empty). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A {@code YYYY-MM-DD} value, or null when it is absent or blank; a value that is no date throws
     * {@link java.time.format.DateTimeParseException} (checked before by {@code @IsoDate}).
     */
    public static LocalDate isoDate(String value) {
        String v = blankToNull(value);
        return v == null ? null : LocalDate.parse(v);
    }
}
