package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.error.FieldErrors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A variant's options in a file's cell, as the products export writes them and its import reads them back: {@code size:
 * M; colour: red} (each name before its value, {@code :} or {@code =} between them, {@code ;} between options).
 */
final class VariantOptions {

    private VariantOptions() {}

    /** The cell of these options; nothing for a product that is not a variant. */
    static String text(Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return null;
        }
        return options.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The options a cell names, in its order; a part without a name or a value is an error of {@code options}. */
    static Map<String, String> parse(String cell, FieldErrors errors) {
        Map<String, String> options = new LinkedHashMap<>();
        if (cell == null || cell.isBlank()) {
            return options;
        }
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int at = indexOfSeparator(part);
            if (at < 0) {
                errors.add("options", "catalog.variant_option_invalid");
                continue;
            }
            options.put(part.substring(0, at).trim(), part.substring(at + 1).trim());
        }
        return options;
    }

    private static int indexOfSeparator(String part) {
        int colon = part.indexOf(':');
        int equals = part.indexOf('=');
        return colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
    }
}
