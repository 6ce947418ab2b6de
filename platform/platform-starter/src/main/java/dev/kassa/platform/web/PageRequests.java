package dev.kassa.platform.web;

import dev.kassa.platform.error.FieldErrors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** {@code page} (1-based) and {@code page_size} (default 20, at most 100) as the seed API defines them. */
public final class PageRequests {
    private PageRequests() { }

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(String page, String pageSize, Sort sort) {
        FieldErrors errors = new FieldErrors();
        int p = parse(page, 1, "page", errors);
        int size = parse(pageSize, DEFAULT_SIZE, "page_size", errors);
        if (p < 1) {
            errors.add("page", "validation.positive");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add("page_size", "validation.page_size");
        }
        errors.throwIfAny();
        return PageRequest.of(p - 1, size, sort);
    }

    private static int parse(String value, int fallback, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            errors.add(field, "validation.number");
            return fallback;
        }
    }
}
