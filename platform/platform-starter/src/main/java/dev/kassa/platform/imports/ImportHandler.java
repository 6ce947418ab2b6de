package dev.kassa.platform.imports;

import java.util.List;

/**
 * What one kind of import does with its rows (a service's bean: products in catalog, customers in customer). A row is
 * refused by throwing a {@link dev.kassa.platform.error.KassaException} (field errors name their columns); whatever the
 * row wrote by then is rolled back with it.
 */
public interface ImportHandler {

    /** The kind of job ({@code products}), unique in the service. */
    String kind();

    /** The columns read, in the order the export writes them. */
    List<ImportColumn> columns();

    /** How a row can find what the store has ({@code sku}, {@code barcode}); the first is the default. */
    List<String> matches();

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

        /**
         * A row's writes were rolled back: what the run remembers of them (entities, ids of what they made) is no
         * longer true (a service that works through JPA clears its persistence context here).
         */
        default void forget() {}

        /**
         * A chunk of rows is through (committed, or in a dry run's transaction): what the run holds in memory for them
         * may be written out and let go, so a long file does not grow the persistence context.
         */
        default void release() {}
    }
}
