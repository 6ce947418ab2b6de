package dev.kassa.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every path works with and without its trailing slash (brief §7): the seed documents write
 * {@code /api/sales/sessions/open/}, clients often drop the slash. The slash is removed before
 * routing, so controllers declare each path once, without it.
 */
public class TrailingSlashFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.length() > 1 && uri.endsWith("/")) {
            chain.doFilter(new Stripped(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The request without its trailing slashes. Routing, security and observation ask for the path a dozen times per
     * request, so each stripped value is kept while the wrapped request answers the same (a forward changes it).
     */
    private static final class Stripped extends HttpServletRequestWrapper {
        private final StrippedPath uri = new StrippedPath();
        private final StrippedPath servletPath = new StrippedPath();

        Stripped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return uri.of(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(strip(super.getRequestURL().toString()));
        }

        @Override
        public String getServletPath() {
            return servletPath.of(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            String info = super.getPathInfo();
            return info == null ? null : strip(info);
        }

        /** One path's stripped value, kept until the wrapped request answers another. */
        private static final class StrippedPath {
            private String raw;
            private String stripped;

            String of(String path) {
                if (!path.equals(raw)) {
                    stripped = strip(path);
                    raw = path;
                }
                return stripped;
            }
        }

        private static String strip(String path) {
            int end = path.length();
            while (end > 1 && path.charAt(end - 1) == '/') {
                end--;
            }
            return end == path.length() ? path : path.substring(0, end);
        }
    }
}
