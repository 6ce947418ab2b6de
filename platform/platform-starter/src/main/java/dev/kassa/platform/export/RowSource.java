package dev.kassa.platform.export;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rows of an export, handed over one at a time while the file is written: a source reads them page by page or from a
 * cursor ({@link CursorReader}), never all at once. It runs in the store's schema, inside one read-only transaction, so
 * every page sees the same moment.
 */
@FunctionalInterface
public interface RowSource<T> {
    void forEach(Consumer<? super T> row);

    /**
     * A list read {@code size} rows a page in {@code sort} order until its last page, {@code afterPage} run after each
     * (a JPA reader lets its page's entities go: {@code entityManager::clear}).
     */
    static <T> RowSource<T> pages(int size, Sort sort, Function<Pageable, Page<T>> read, Runnable afterPage) {
        return row -> {
            Pageable page = PageRequest.of(0, size, sort);
            while (page != null) {
                Page<T> found = read.apply(page);
                found.forEach(row);
                afterPage.run();
                page = found.hasNext() ? found.nextPageable() : null;
            }
        };
    }
}
