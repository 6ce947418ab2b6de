package dev.kassa.platform.web;

import dev.kassa.platform.error.PlatformErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Enumeration;

/**
 * Header values must be printable ASCII (RFC 9110 field values as clients send them). Anything else (a Cyrillic
 * {@code X-Tenant-Key}, a UTF-8 {@code Accept-Language}, control characters) is refused here with 400
 * {@code invalid_header} in the error body, before any other filter reads it: Spring Security's firewall would
 * otherwise throw deep inside whichever component read the header first, and the caller got a 500.
 */
public class HeaderCheckFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;

    public HeaderCheckFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                if (!printable(values.nextElement())) {
                    String shown = name.length() > 64 || !printable(name) ? "?" : name;
                    errors.write(response, PlatformErrors.INVALID_HEADER, shown);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    static boolean printable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
