package dev.kassa.platform.web;

import org.springframework.data.domain.Page;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.function.Function;

/** The paginated list shape of the seed API: {@code {count, next, previous, results}}. */
public record PageResponse<T>(long count, String next, String previous, List<T> results) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        int number = page.getNumber() + 1;
        String next = page.hasNext() ? link(number + 1) : null;
        String previous = page.hasPrevious() ? link(number - 1) : null;
        return new PageResponse<>(page.getTotalElements(), next, previous, page.getContent().stream().map(mapper).toList());
    }

    private static String link(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }
}
