package dev.kassa.platform.export;

import java.util.function.Consumer;

/**
 * The rows of an export, handed over one at a time while the file is written: a source reads them page by page or from a
 * cursor, never all at once. It runs in the store's schema, inside one read-only transaction, so every page sees the
 * same moment.
 */
@FunctionalInterface
public interface RowSource<T> {
    void forEach(Consumer<? super T> row);
}
