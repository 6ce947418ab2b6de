package dev.kassa.platform.imports;

/**
 * What one kind of import does with its rows (a service's bean: products in catalog, customers in customer). A row is
 * refused by throwing a {@link dev.kassa.platform.error.KassaException} (field errors name their columns); whatever the
 * row wrote by then is rolled back with it.
 */
public interface ImportHandler {

    /** Its name, columns and ways of matching. */
    ImportKind kind();

    /** A run of a job over its rows: state kept from row to row (names already seen in the file, caches). */
    Run start(ImportOptions options);

    /**
     * The import's column for a field the domain names in its errors ({@code initial_quantity} is the file's
     * {@code quantity}); the field itself by default.
     */
    default String column(String field) {
        return field;
    }

    /** One run's rows, in the file's order, each in the store's transaction. */
    @FunctionalInterface
    interface Run {
        ImportOutcome apply(ImportRow row);

        /** A row's writes were rolled back: what the run remembers of what they made (ids of new categories) is untrue. */
        default void forget() {}
    }
}
