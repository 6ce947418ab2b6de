package dev.kassa.platform.web;

import dev.kassa.platform.paths.PathAliases;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the original's other spellings of a path ({@link PathAliases}) as the canonical path the controllers map:
 * before security and routing, so a public alias is public, a role rule holds for every spelling, and an idempotency
 * key or a metric names one path. Runs after {@link TrailingSlashFilter}.
 */
public class PathAliasFilter extends OncePerRequestFilter {

    private final PathAliases table;
    private final ApplicationContext context;
    private volatile CanonicalSpellings spellings;

    public PathAliasFilter(PathAliases table, ApplicationContext context) {
        this.table = table;
        this.context = context;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (!request.getContextPath().isEmpty() || uri.indexOf('%') >= 0) {
            chain.doFilter(request, response);
            return;
        }
        String canonical = spellings().of(table.resolve(request.getMethod(), uri));
        chain.doFilter(canonical.equals(uri) ? request : new Canonical(request, canonical), response);
    }

    /** The service's mapped paths, read once its controllers are all registered (on the first request). */
    private CanonicalSpellings spellings() {
        CanonicalSpellings known = spellings;
        if (known == null) {
            synchronized (this) {
                known = spellings;
                if (known == null) {
                    List<String> patterns = new ArrayList<>();
                    context.getBeansOfType(RequestMappingHandlerMapping.class)
                            .values()
                            .forEach(mapping -> mapping.getHandlerMethods().keySet().stream()
                                    .map(RequestMappingInfo::getPatternValues)
                                    .forEach(patterns::addAll));
                    known = new CanonicalSpellings(patterns);
                    spellings = known;
                }
            }
        }
        return known;
    }

    /**
     * The request at its canonical path while it is at the path it came with (an error dispatch or a forward moves it,
     * and then answers as the container says).
     */
    private static final class Canonical extends HttpServletRequestWrapper {
        private final String sent;
        private final String path;

        Canonical(HttpServletRequest request, String path) {
            super(request);
            this.sent = request.getRequestURI();
            this.path = path;
        }

        private boolean unmoved() {
            return sent.equals(super.getRequestURI());
        }

        @Override
        public String getRequestURI() {
            return unmoved() ? path : super.getRequestURI();
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            String text = url.toString();
            return unmoved() && text.endsWith(sent)
                    ? new StringBuffer(text.substring(0, text.length() - sent.length()) + path)
                    : url;
        }

        @Override
        public String getServletPath() {
            return unmoved() ? path : super.getServletPath();
        }

        @Override
        public String getPathInfo() {
            return unmoved() ? null : super.getPathInfo();
        }
    }
}
