package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.kassa.platform.test.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * customer-service's internal API as sales sees it: who buys (a known customer by id, else 400 on {@code customer_id}; a
 * {@code new_customer} found by phone or created), each known customer's credit limit, group discount and points; active
 * holds count against the limit and the points, a hold above them is refused with {@code credit_limit_exceeded} or
 * {@code insufficient_points}. The real customer-service is exercised through the gateway in the end-to-end suite.
 */
final class FakeCustomers implements AutoCloseable {

    record Hold(long customer, BigDecimal amount, String status, String kind) {}

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    final Map<Long, BigDecimal> limits = new ConcurrentHashMap<>();
    final Map<String, Hold> holds = new ConcurrentHashMap<>();
    final Map<Long, BigDecimal> discounts = new ConcurrentHashMap<>();
    final Map<Long, Integer> points = new ConcurrentHashMap<>();
    final Map<String, Long> phones = new ConcurrentHashMap<>();
    /** The customers a {@code new_customer} created. */
    final AtomicInteger created = new AtomicInteger();
    /** Answers this many of the next requests with 500, as an instance that is restarting would. */
    final AtomicInteger failNext = new AtomicInteger();

    FakeCustomers() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody());
            int status = 200;
            String answer = "{}";
            synchronized (this) {
                if (TestTokens.SERVICES
                        .verify(exchange.getRequestHeaders().getFirst("X-Kassa-Service-Token"))
                        .isEmpty()) {
                    status = 403;
                    answer = "{\"status\":\"error\",\"code\":\"internal_only\",\"message\":\"only services\"}";
                } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 500;
                } else if (exchange.getRequestURI().getPath().endsWith("/release")) {
                    body.path("request_refs")
                            .forEach(ref -> holds.computeIfPresent(
                                    ref.asText(), (k, h) -> new Hold(h.customer(), h.amount(), "released", h.kind())));
                } else if (exchange.getRequestURI().getPath().startsWith("/internal/bonus-holds")) {
                    long customer = body.path("customer_id").asLong();
                    int wanted = body.path("amount").decimalValue().intValueExact();
                    int left = pointsLeft(customer);
                    if (wanted > left) {
                        status = 400;
                        answer =
                                "{\"status\":\"error\",\"code\":\"insufficient_points\",\"message\":\"Недостаточно бонусов\",\"errors\":{},"
                                        + "\"available_points\":\"" + left + "\",\"requested_points\":\"" + wanted
                                        + "\"}";
                    } else {
                        holds.put(
                                body.path("request_ref").asText(),
                                new Hold(customer, BigDecimal.valueOf(wanted), "active", "bonus"));
                    }
                } else if (exchange.getRequestURI().getPath().startsWith("/internal/till-customers")) {
                    long customer = body.path("customer_id").asLong(0);
                    if (body.hasNonNull("customer_id") && !limits.containsKey(customer)) {
                        status = 400;
                        answer =
                                "{\"status\":\"error\",\"code\":\"invalid\",\"message\":\"Ошибка валидации\",\"errors\":{\"customer_id\":[\"Покупатель с таким ID не найден\"]}}";
                    } else {
                        if (body.path("new_customer").isObject()) {
                            String phone =
                                    body.path("new_customer").path("phone").asText();
                            customer = phones.computeIfAbsent(phone, p -> {
                                long id = 1000 + created.incrementAndGet();
                                limits.put(id, BigDecimal.ZERO);
                                return id;
                            });
                        } else if (!body.hasNonNull("customer_id")) {
                            customer = phones.getOrDefault(
                                    body.path("customer_phone").asText(), 0L);
                        }
                        answer = customer == 0
                                ? "{\"customer\":null}"
                                : "{\"customer\":{\"id\":" + customer + ",\"full_name\":\"Клиент " + customer
                                        + "\",\"phone\":\"+99890000" + String.format("%04d", customer % 10000)
                                        + "\",\"discount_percent\":\""
                                        + discounts.getOrDefault(customer, BigDecimal.ZERO) + "\",\"loyalty_points\":"
                                        + points.getOrDefault(customer, 0)
                                        + ",\"point_value\":\"1.00\",\"available_credit\":\""
                                        + available(customer).setScale(2) + "\"}}";
                    }
                } else {
                    long customer = body.path("customer_id").asLong();
                    BigDecimal amount = body.path("amount").decimalValue();
                    BigDecimal available = available(customer);
                    if (!limits.containsKey(customer)) {
                        status = 404;
                        answer =
                                "{\"status\":\"error\",\"code\":\"not_found\",\"message\":\"Клиент не найден\",\"errors\":{}}";
                    } else if (amount.compareTo(available) > 0
                            && !body.path("allow_over_limit").asBoolean()) {
                        status = 400;
                        answer =
                                "{\"status\":\"error\",\"code\":\"credit_limit_exceeded\",\"message\":\"Превышен кредитный лимит\",\"errors\":{},"
                                        + "\"available\":\""
                                        + available.setScale(2).toPlainString() + "\",\"requested\":\""
                                        + amount.setScale(2).toPlainString() + "\"}";
                    } else {
                        holds.put(body.path("request_ref").asText(), new Hold(customer, amount, "active", "credit"));
                        answer =
                                "{\"request_ref\":\"" + body.path("request_ref").asText()
                                        + "\",\"status\":\"active\",\"over_limit\":\""
                                        + amount.subtract(available)
                                                .max(BigDecimal.ZERO)
                                                .setScale(2) + "\"}";
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
        BigDecimal held = holds.values().stream()
                .filter(h -> h.customer() == customer
                        && h.status().equals("active")
                        && h.kind().equals("credit"))
                .map(Hold::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return limits.getOrDefault(customer, BigDecimal.ZERO).subtract(held);
    }

    int pointsLeft(long customer) {
        int held = holds.values().stream()
                .filter(h -> h.customer() == customer
                        && h.status().equals("active")
                        && h.kind().equals("bonus"))
                .mapToInt(h -> h.amount().intValue())
                .sum();
        return points.getOrDefault(customer, 0) - held;
    }

    long active(long customer) {
        return holds.values().stream()
                .filter(h -> h.customer() == customer && h.status().equals("active"))
                .count();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
