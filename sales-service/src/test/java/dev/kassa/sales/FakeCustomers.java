package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * customer-service's credit-hold API as sales sees it: each known customer has a credit limit, active holds count against
 * it, a hold above it is refused with {@code credit_limit_exceeded} and the available and requested amounts. The real
 * customer-service is exercised through the gateway in the end-to-end suite.
 */
final class FakeCustomers implements AutoCloseable {

    record Hold(long customer, BigDecimal amount, String status) { }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    final Map<Long, BigDecimal> limits = new ConcurrentHashMap<>();
    final Map<String, Hold> holds = new ConcurrentHashMap<>();
    /** Answers this many of the next requests with 500, as an instance that is restarting would. */
    final AtomicInteger failNext = new AtomicInteger();

    FakeCustomers() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/credit-holds", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody());
            int status = 200;
            String answer = "{}";
            synchronized (this) {
                if (dev.kassa.platform.test.TestTokens.SERVICES.verify(exchange.getRequestHeaders().getFirst("X-Kassa-Service-Token")).isEmpty()) {
                    status = 403;
                    answer = "{\"status\":\"error\",\"code\":\"internal_only\",\"message\":\"only services\"}";
                } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 500;
                } else if (exchange.getRequestURI().getPath().endsWith("/release")) {
                    body.path("request_refs").forEach(ref -> holds.computeIfPresent(ref.asText(), (k, h) -> new Hold(h.customer(), h.amount(), "released")));
                } else {
                    long customer = body.path("customer_id").asLong();
                    BigDecimal amount = body.path("amount").decimalValue();
                    BigDecimal available = available(customer);
                    if (!limits.containsKey(customer)) {
                        status = 404;
                        answer = "{\"status\":\"error\",\"code\":\"not_found\",\"message\":\"Клиент не найден\",\"errors\":{}}";
                    } else if (amount.compareTo(available) > 0) {
                        status = 400;
                        answer = "{\"status\":\"error\",\"code\":\"credit_limit_exceeded\",\"message\":\"Превышен кредитный лимит\",\"errors\":{},"
                                + "\"available\":\"" + available.setScale(2).toPlainString() + "\",\"requested\":\"" + amount.setScale(2).toPlainString() + "\"}";
                    } else {
                        holds.put(body.path("request_ref").asText(), new Hold(customer, amount, "active"));
                        answer = "{\"request_ref\":\"" + body.path("request_ref").asText() + "\",\"status\":\"active\"}";
                    }
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    BigDecimal available(long customer) {
        BigDecimal held = holds.values().stream().filter(h -> h.customer() == customer && h.status().equals("active")).map(Hold::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return limits.getOrDefault(customer, BigDecimal.ZERO).subtract(held);
    }

    long active(long customer) {
        return holds.values().stream().filter(h -> h.customer() == customer && h.status().equals("active")).count();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
