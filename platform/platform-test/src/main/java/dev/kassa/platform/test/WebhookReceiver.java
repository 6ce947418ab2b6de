package dev.kassa.platform.test;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A partner's webhook endpoint on this machine: records every request, and answers each path as the test scripts it
 * (status codes in turn, then 200; a delay; a redirect).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it came. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The {@code t} of its {@code Kassa-Signature} header. */
        public long signedAt() {
            return Long.parseLong(signature().get("t").get(0));
        }

        /** Whether one of the header's {@code v1} values is HMAC-SHA256 of {@code <t>.<body>} under {@code secret}. */
        public boolean signedWith(String secret) {
            return signature().getOrDefault("v1", List.of()).contains(hmacSha256(secret, signedAt() + "." + body));
        }

        /** The header's values by name, in order ({@code v1} once per signing secret). */
        public Map<String, List<String>> signature() {
            return Arrays.stream(header("Kassa-Signature").split(","))
                    .map(p -> p.split("=", 2))
                    .collect(Collectors.groupingBy(
                            p -> p[0], LinkedHashMap::new, Collectors.mapping(p -> p[1], Collectors.toList())));
        }
    }

    /** The receiver's side of the check, written from the integrators' page, not with Kassa's own class. */
    public static String hmacSha256(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private final HttpServer server;
    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(path, headers, body, Instant.now()));
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis()); // the receiver is slow on purpose: no polling here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Deque<Integer> script = statuses.get(path);
            Integer status = script == null ? null : script.poll();
            int code = status == null ? 200 : status;
            if (code >= 300 && code < 400) {
                exchange.getResponseHeaders().add("Location", "/moved-here");
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    /** Its address for {@code path}: {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers these status codes to {@code path}'s next requests, in turn, then 200. */
    public WebhookReceiver answer(String path, Integer... codes) {
        statuses.put(path, new ArrayDeque<>(List.of(codes)));
        return this;
    }

    /** Takes {@code delay} to answer {@code path}. */
    public WebhookReceiver slow(String path, Duration delay) {
        delays.put(path, delay);
        return this;
    }

    /** What came to {@code path}, oldest first. */
    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
