package dev.kassa.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.function.Function;

/** The paginated list shape of the seed API: {@code {count, next, previous, results}}. */
public record PageResponse<T>(
        long count,
        @Schema(
                        types = {"string", "null"},
                        description = "The next page's address, null on the last page")
                String next,
        @Schema(
                        types = {"string", "null"},
                        description = "The previous page's address, null on the first page")
                String previous,
        List<T> results) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        int number = page.getNumber() + 1;
        int size = page.getSize();
        String next = page.hasNext() ? link(number + 1, size) : null;
        String previous = page.hasPrevious() ? link(number - 1, size) : null;
        return new PageResponse<>(
                page.getTotalElements(),
                next,
                previous,
                page.getContent().stream().map(mapper).toList());
    }

    /**
     * The same list's other page, at the address the client used: through the gateway (whose signed call says so) the
     * gateway's host, scheme and port from its X-Forwarded-* headers, never the service's own internal address.
     */
    private static String link(int page, int size) {
        UriComponentsBuilder builder = ClientUrls.currentRequest();
        boolean byOffset = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                && a.getRequest().getParameter("page") == null
                && a.getRequest().getParameter("page_size") == null
                && (a.getRequest().getParameter("limit") != null
                        || a.getRequest().getParameter("offset") != null);
        return byOffset
                ? builder.replaceQueryParam("limit", size)
                        .replaceQueryParam("offset", (page - 1) * size)
                        .build()
                        .toUriString()
                : builder.replaceQueryParam("page", page).build().toUriString();
    }
}
