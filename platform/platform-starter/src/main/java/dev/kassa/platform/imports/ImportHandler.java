package dev.kassa.platform.imports;

import dev.kassa.platform.error.KassaException;

import java.util.ArrayList;
import java.util.List;

/**
 * What one kind of import does with its rows (a service's bean: products in catalog, customers in customer). A row is
 * refused by throwing a {@link KassaException} (field errors name their columns); whatever the row wrote by then is
 * rolled back with it. A handler that can take a chunk's rows at once ({@link Run#applyAll}) refuses a row by
 * answering its reason instead, having written nothing for it.
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

    /** What became of one row of a chunk: what it did, or why it was refused (having written nothing). */
    record Result(ImportOutcome outcome, KassaException refusal) {

        public static Result of(ImportOutcome outcome) {
            return new Result(outcome, null);
        }

        public static Result refused(KassaException refusal) {
            return new Result(null, refusal);
        }

        /** What the row did; its refusal thrown. */
        public ImportOutcome orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return outcome;
        }
    }

    /** One run's rows, in the file's order, each in the store's transaction. */
    @FunctionalInterface
    interface Run {
        ImportOutcome apply(ImportRow row);

        /**
         * A chunk's rows, in the file's order, in one transaction: a result per row. By default a row at a time, a
         * refusal thrown (the chunk is then done again a row per transaction); a handler that checks a chunk's rows
         * before writing any answers refusals in their rows' places and keeps the others.
         */
        default List<Result> applyAll(List<ImportRow> rows) {
            List<Result> results = new ArrayList<>(rows.size());
            rows.forEach(row -> results.add(Result.of(apply(row))));
            return results;
        }

        /** A row's writes were rolled back: what the run remembers of what they made (ids of new categories) is untrue. */
        default void forget() {}
    }
}
