package dev.kassa.platform.web;

import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.PlatformErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request body larger than {@code kassa.web.max-request-bytes} (1 MiB, as the gateway's) is refused with 413
 * {@code payload_too_large}, counted on the bytes actually read, so a chunked body without a {@code Content-Length} is held
 * to it too: nothing reads more than the limit (not the idempotency filter's hash, not JSON binding), on public paths
 * (login, token) as on the others. Multipart forms have their own limits ({@code spring.servlet.multipart.*}), which the
 * servlet container enforces on the bytes it reads.
 */
public class RequestSizeFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;
    private final long max;

    public RequestSizeFilter(ErrorResponses errors, long max) {
        this.errors = errors;
        this.max = max;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            errors.write(response, PlatformErrors.PAYLOAD_TOO_LARGE);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, max), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            errors.write(response, PlatformErrors.PAYLOAD_TOO_LARGE);
        }
    }

    /** Whether the failure is a body read beyond the limit (wrapped by whatever read it). */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KassaException k && k.is(PlatformErrors.PAYLOAD_TOO_LARGE)) {
                return true;
            }
        }
        return false;
    }

    /** The request with a body that refuses to give more than {@code max} bytes. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream in;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new Counting(super.getInputStream(), max);
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException unknown) {
                // a charset nobody knows: read as UTF-8, as the JSON readers do
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                // a named error: a handler reading the body answers it as such (413), so does this filter otherwise
                throw PlatformErrors.PAYLOAD_TOO_LARGE.exception();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
