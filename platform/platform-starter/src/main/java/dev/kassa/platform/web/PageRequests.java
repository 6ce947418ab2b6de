package dev.kassa.platform.web;

import dev.kassa.platform.error.FieldErrors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code page} (1-based) and {@code page_size} (default 20, at most 100) as the seed API defines them; or, as the original web
 * client pages its tables, {@code limit} and {@code offset} (a multiple of the limit) when neither page parameter is given.
 */
public final class PageRequests {
    private PageRequests() {}

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(String page, String pageSize, Sort sort) {
        if (FieldErrors.blank(page) && FieldErrors.blank(pageSize)) {
            var attributes = RequestContextHolder.getRequestAttributes();
            if (attributes instanceof ServletRequestAttributes servlet) {
                String limit = servlet.getRequest().getParameter("limit");
                String offset = servlet.getRequest().getParameter("offset");
                if (!FieldErrors.blank(limit) || !FieldErrors.blank(offset)) {
                    return ofLimit(limit, offset, sort);
                }
            }
        }
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

    /** {@code limit} (default 20, at most 100) rows from {@code offset} (default 0, a multiple of the limit). */
    public static PageRequest ofLimit(String limit, String offset, Sort sort) {
        FieldErrors errors = new FieldErrors();
        int size = parse(limit, DEFAULT_SIZE, "limit", errors);
        int from = parse(offset, 0, "offset", errors);
        if (size < 1 || size > MAX_SIZE) {
            errors.add("limit", "validation.page_size");
        } else if (from < 0) {
            errors.add("offset", "validation.not_negative");
        } else if (from % size != 0) {
            errors.add("offset", "validation.offset_multiple", size);
        }
        errors.throwIfAny();
        return PageRequest.of(from / size, size, sort);
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
