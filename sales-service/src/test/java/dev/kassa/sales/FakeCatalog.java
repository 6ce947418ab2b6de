package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * catalog-service's reservation API as sales sees it, for sales tests that need holds without running catalog:
 * every product costs 12000 (VAT 12%) and has 10 units in batch 31; it remembers which holds are active.
 * The real catalog is exercised through the gateway in the end-to-end suite.
 */
final class FakeCatalog implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    final Map<String, String> holds = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Answers this many of the next requests with 500, as a catalog instance that is restarting would. */
    final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    FakeCatalog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/reservations", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] answer;
            int status = 200;
            requests.incrementAndGet();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 500;
                answer = "{}".getBytes(StandardCharsets.UTF_8);
            } else if (exchange.getRequestURI().getPath().endsWith("/release")) {
                body.path("request_refs").forEach(ref -> holds.put(ref.asText(), "released"));
                answer = "{}".getBytes(StandardCharsets.UTF_8);
            } else if (body.path("quantity").decimalValue().compareTo(java.math.BigDecimal.TEN) > 0) {
                status = 400;
                answer = ("{\"status\":\"error\",\"code\":\"insufficient_stock\",\"message\":\"Недостаточно товара\",\"available\":\"10.000\",\"requested\":\""
                        + body.path("quantity").asText() + "\"}").getBytes(StandardCharsets.UTF_8);
            } else {
                holds.put(body.path("request_ref").asText(), "active");
                answer = json.writeValueAsBytes(Map.of("request_ref", body.path("request_ref").asText(),
                        "product", Map.of("id", body.path("product_id").asLong(), "name", "Товар " + body.path("product_id").asLong(), "sku",
                                "SKU-" + body.path("product_id").asLong(), "unit", "шт", "sale_price", "12000.00", "tax_rate", "12.00"),
                        "allocations", List.of(Map.of("batch_id", 31, "batch_number", "B-31", "quantity", body.path("quantity").asText(),
                                "unit_cost", "8000.00"))));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // barcodes: 4870000000011 is product 18, BATCH-31 is product 18's batch 31; anything else is unknown
        server.createContext("/api/products/products/scan_barcode", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String code = query.startsWith("barcode=") ? java.net.URLDecoder.decode(query.substring(8), StandardCharsets.UTF_8) : "";
            requests.incrementAndGet();
            byte[] answer;
            int status = 200;
            if (code.equals("4870000000011") || code.equals("BATCH-31")) {
                answer = json.writeValueAsBytes(Map.of("status", "success", "data", Map.of("id", 18, "name", "Товар 18"),
                        "matched", code.startsWith("BATCH") ? "batch" : "product", "batch", code.startsWith("BATCH") ? (Object) 31 : (Object) "none"));
            } else {
                status = 404;
                answer = ("{\"status\":\"error\",\"code\":\"product_not_found\",\"message\":\"Товар со штрих-кодом не найден\",\"barcode\":\"" + code + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
