package dev.kassa.platform.web;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code Idempotency-Key} on state-changing requests (brief §6): the first answer (2xx or 4xx) to a key is
 * stored per store and caller and replayed for every retry with the same body; the same key with a
 * different body gets 422 {@code idempotency_key_reused}; a retry while the first attempt still runs gets
 * 409 {@code request_in_progress}. A 5xx answer is not stored, so the retry runs again. Keys live 24 hours.
 * <p>
 * Several instances share the keys (the table is the service's). A claim names the process that runs the first attempt
 * (its connections' {@code application_name}); when that process has died before storing the answer (a pod lost with its
 * node: it has no connection left), a retry on another instance takes the claim over and runs the request again instead
 * of answering "in progress" for a day. The first attempt may have committed its change before it died, so an operation
 * that a till retries must give the same result when run again ({@link RequestKey}: the till's scan holds and writes
 * its line once per key, a checkout of a sale completed under the same key answers the sale).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 100;
    /** The request attribute holding the keyed request's name for the handler ({@link RequestKey}). */
    static final String REQUEST_KEY = IdempotencyFilter.class.getName() + ".key";

    private static final int MAX_PENDING = 10_000;

    private final JdbcTemplate jdbc;
    private final ErrorResponses errors;
    private final String instance;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();

    public IdempotencyFilter(JdbcTemplate jdbc, ErrorResponses errors, String instance) {
        this.jdbc = jdbc;
        this.errors = errors;
        this.instance = instance;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null
                || "GET".equals(method)
                || "HEAD".equals(method)
                || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            errors.write(response, PlatformErrors.INVALID_IDEMPOTENCY_KEY, MAX_KEY);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String scope = scope();
        String hash = sha256(
                request.getMethod() + " " + request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));
        boolean claimed;
        try {
            jdbc.update(
                    "insert into public.kassa_idempotency (scope, idem_key, request_hash, owner) values (?, ?, ?, ?)",
                    scope,
                    key,
                    hash,
                    instance);
            claimed = true;
        } catch (DuplicateKeyException taken) {
            claimed = takeOver(scope, key, hash);
        }
        if (!claimed) {
            replay(scope, key, hash, response);
            return;
        }
        request.setAttribute(
                REQUEST_KEY,
                java.util
                        .UUID
                        .nameUUIDFromBytes((scope + "\n" + key).getBytes(StandardCharsets.UTF_8))
                        .toString());
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBody(request, body), cached);
            if (cached.getStatus() < 500) {
                int status = cached.getStatus();
                String type = cached.getContentType();
                String answer = new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8);
                // the request's change is committed: its answer goes to the client even if it cannot be kept just now
                write(() -> jdbc.update(
                        "update public.kassa_idempotency set status = ?, content_type = ?, body = ? where scope = ? and idem_key = ?",
                        status,
                        type,
                        answer,
                        scope,
                        key));
                stored = true;
            }
        } finally {
            if (!stored) {
                write(() -> jdbc.update(
                        "delete from public.kassa_idempotency where scope = ? and idem_key = ?", scope, key));
            }
            cached.copyBodyToResponse();
        }
    }

    /**
     * Writes a claim's outcome now, or, while the database is away (the request failed because of it, or it went after the
     * request's own commit), as soon as it is back: otherwise the claim would stay unanswered, and every retry would hear "in
     * progress" from this instance for as long as it lives.
     */
    private void write(Runnable outcome) {
        try {
            outcome.run();
        } catch (DataAccessException e) {
            if (pending.size() < MAX_PENDING) {
                pending.add(outcome);
            }
        }
    }

    /** Writes the outcomes the database was not there for, oldest first, until one fails again. */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    public void writePending() {
        Runnable next;
        while ((next = pending.peek()) != null) {
            try {
                next.run();
            } catch (DataAccessException e) {
                return;
            }
            pending.poll();
        }
    }

    /**
     * Takes over the unanswered claim of the same request whose process has no connection to the database left (it died
     * during the first attempt); false while that process lives, or when the claim is answered or for another body.
     */
    private boolean takeOver(String scope, String key, String hash) {
        return jdbc.update(
                        """
                update public.kassa_idempotency k set owner = ?
                 where scope = ? and idem_key = ? and request_hash = ? and status is null and owner is distinct from ?
                   and not exists (select 1 from pg_stat_activity a where a.application_name = k.owner)
                """,
                        instance,
                        scope,
                        key,
                        hash,
                        instance)
                == 1;
    }

    private void replay(String scope, String key, String hash, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select request_hash, status, content_type, body from public.kassa_idempotency where scope = ? and idem_key = ?",
                scope,
                key);
        if (rows.isEmpty()) {
            errors.write(response, PlatformErrors.REQUEST_IN_PROGRESS);
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            errors.write(response, PlatformErrors.IDEMPOTENCY_KEY_REUSED);
            return;
        }
        if (row.get("status") == null) {
            errors.write(response, PlatformErrors.REQUEST_IN_PROGRESS);
            return;
        }
        response.setStatus((Integer) row.get("status"));
        if (row.get("content_type") != null) {
            response.setContentType((String) row.get("content_type"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(((String) row.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOldKeys() {
        jdbc.update("delete from public.kassa_idempotency where created_at < now() - interval '24 hours'");
    }

    /** Keys are per store and caller: one till's key never replays another's answer. */
    private static String scope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String caller = auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
        return TenantContext.current().map(Tenant::key).orElse("-") + ":" + caller;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read (it was needed for the hash). */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
