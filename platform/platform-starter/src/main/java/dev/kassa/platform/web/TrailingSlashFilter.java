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

    private static final class Stripped extends HttpServletRequestWrapper {
        Stripped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return strip(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(strip(super.getRequestURL().toString()));
        }

        @Override
        public String getServletPath() {
            return strip(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            String info = super.getPathInfo();
            return info == null ? null : strip(info);
        }

        private static String strip(String path) {
            String p = path;
            while (p.length() > 1 && p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            return p;
        }
    }
}
