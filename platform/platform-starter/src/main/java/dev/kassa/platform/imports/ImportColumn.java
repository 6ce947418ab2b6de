package dev.kassa.platform.imports;

/**
 * A column an import reads: the field it fills, the message key of its header (the export's, so an exported file comes
 * back in; its header is recognised in Russian and in English, and as the field's own name), and whether a file must
 * have it.
 */
public record ImportColumn(String field, String headerKey, boolean required) {

    public static ImportColumn required(String field, String headerKey) {
        return new ImportColumn(field, headerKey, true);
    }

    public static ImportColumn optional(String field, String headerKey) {
        return new ImportColumn(field, headerKey, false);
    }
}
