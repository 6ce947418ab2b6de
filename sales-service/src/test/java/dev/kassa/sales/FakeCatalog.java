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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * catalog-service's reservation API as sales sees it, for sales tests that need holds without running catalog:
 * every product costs 12000 (VAT 12%) and has 10 units in batch 31; holds may name a product or a scanned code;
 * it remembers which holds are active. A hold with {@code allow_short} beyond the 10 units holds the rest without a
 * batch, as catalog does for an offline till's sale.
 * The real catalog is exercised through the gateway in the end-to-end suite.
 */
final class FakeCatalog implements AutoCloseable {

    /** A product priced at 5 000 000 000 (two of it come to more than Kassa stores); every other product costs 12 000. */
    static final long COSTLY = 77;

    /** Scanned codes it knows: a product's own code and a batch code (both product 18; batch 31 is its only batch). */
    static final Map<String, Long> KNOWN_CODES = Map.of("4870000000011", 18L, "BATCH-31", 18L);

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    final Map<String, String> holds = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Answers this many of the next requests with 500, as a catalog instance that is restarting would. */
    final AtomicInteger failNext = new AtomicInteger();

    final AtomicInteger requests = new AtomicInteger();

    /** Runs with each hold's reference once it is held, before the answer leaves (what happens meanwhile in sales). */
    volatile Consumer<String> whileHolding = ref -> {};

    /** Answers the call for a sale's lines as a catalog that does not know it yet: 404 {@code not_found}. */
    volatile boolean linesUnknown;

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
            if (TestTokens.SERVICES
                    .verify(exchange.getRequestHeaders().getFirst("X-Kassa-Service-Token"))
                    .isEmpty()) {
                // like the real catalog: holds are only for Kassa's own services
                status = 403;
                answer = "{\"status\":\"error\",\"code\":\"internal_only\",\"message\":\"only services\"}"
                        .getBytes(StandardCharsets.UTF_8);
            } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 500;
                answer = "{}".getBytes(StandardCharsets.UTF_8);
            } else if (exchange.getRequestURI().getPath().endsWith("/release")) {
                body.path("request_refs").forEach(ref -> holds.put(ref.asText(), "released"));
                answer = "{}".getBytes(StandardCharsets.UTF_8);
            } else if (exchange.getRequestURI().getPath().endsWith("/lines")) {
                if (linesUnknown) {
                    status = 404;
                    answer = "{\"status\":\"error\",\"code\":\"not_found\",\"message\":\"Нет такого адреса\"}"
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    // all lines or none, as catalog holds them in one transaction
                    List<Object> held = new ArrayList<>();
                    Answer refused = null;
                    int n = 0;
                    for (JsonNode line : body.path("lines")) {
                        Answer one = hold(line, "lines." + n++ + ".modifiers");
                        if (one.status() != 200) {
                            refused = one;
                            break;
                        }
                        held.add(one.body());
                    }
                    if (refused != null) {
                        status = refused.status();
                        answer = json.writeValueAsBytes(refused.body());
                    } else {
                        body.path("lines").forEach(line -> {
                            holds.put(line.path("request_ref").asText(), "active");
                            whileHolding.accept(line.path("request_ref").asText());
                        });
                        answer = json.writeValueAsBytes(Map.of("holds", held));
                    }
                }
            } else {
                Answer one = hold(body, "modifiers");
                status = one.status();
                if (status == 200) {
                    holds.put(body.path("request_ref").asText(), "active");
                    whileHolding.accept(body.path("request_ref").asText());
                }
                answer = json.writeValueAsBytes(one.body());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // the prices a product had since a moment: product 18 sold at 11 000 until lately, then at 12 000
        server.createContext("/internal/products", exchange -> {
            pricesAsked.add(exchange.getRequestURI().toString());
            long product = Long.parseLong(exchange.getRequestURI().getPath().split("/")[3]);
            List<String> prices = product == 18
                    ? List.of("11000.00", "12000.00")
                    : List.of(product == COSTLY ? "5000000000.00" : "12000.00");
            byte[] answer = json.writeValueAsBytes(Map.of("product_id", product, "prices", prices));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // the guests' menu: what the store may sell now, asked with no user behind the call (only Kassa's services)
        server.createContext("/internal/menu", exchange -> {
            menuCalls.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")) + " "
                    + exchange.getRequestHeaders().getFirst("X-Tenant-Key"));
            boolean signed = TestTokens.SERVICES
                    .verify(exchange.getRequestHeaders().getFirst("X-Kassa-Service-Token"))
                    .isPresent();
            String query = exchange.getRequestURI().getQuery();
            List<String> ids = query == null || !query.startsWith("ids=")
                    ? List.of()
                    : List.of(query.substring(4).split("[,&]|ids="));
            byte[] answer = signed
                    ? json.writeValueAsBytes(Map.of(
                            "items",
                            menu.stream()
                                    .filter(i -> ids.isEmpty() || ids.contains(String.valueOf(i.get("id"))))
                                    .toList()))
                    : "{\"status\":\"error\",\"code\":\"internal_only\",\"message\":\"only services\"}"
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(signed ? 200 : 403, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // lines an order would take, priced by the menu of now with the options they chose (only Kassa's services)
        server.createContext("/internal/menu/lines", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody());
            menuCalls.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")) + " "
                    + exchange.getRequestHeaders().getFirst("X-Tenant-Key"));
            boolean signed = TestTokens.SERVICES
                    .verify(exchange.getRequestHeaders().getFirst("X-Kassa-Service-Token"))
                    .isPresent();
            int status = signed ? 200 : 403;
            Object answer;
            if (!signed) {
                answer = Map.of("status", "error", "code", "internal_only", "message", "only services");
            } else {
                List<Object> lines = new ArrayList<>();
                Map<String, List<String>> refused = new HashMap<>();
                int i = 0;
                for (JsonNode line : body.path("lines")) {
                    Map<String, Object> priced = new HashMap<>();
                    priced.put(
                            "item",
                            menu.stream()
                                    .filter(m -> String.valueOf(m.get("id"))
                                            .equals(line.path("product").asText()))
                                    .findFirst()
                                    .orElse(null));
                    priced.put("modifiers", chosen(line.path("modifiers"), "lines." + i + ".modifiers", refused));
                    lines.add(priced);
                    i++;
                }
                if (refused.isEmpty()) {
                    answer = Map.of("lines", lines);
                } else {
                    status = 400;
                    answer = Map.of(
                            "status", "error", "code", "invalid", "message", "Проверьте данные", "errors", refused);
                }
            }
            byte[] bytes = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /**
     * Options of modifier groups it knows, offered with every product: oat milk (+5 000) of the group Milk and an extra shot
     * (+3 000); any other option is refused as catalog refuses an option the product does not offer.
     */
    static final Map<Long, Map<String, Object>> OPTIONS = Map.of(
            501L, Map.of("id", 501, "group_id", 50, "group", "Молоко", "name", "Овсяное", "price", "5000.00"),
            502L, Map.of("id", 502, "group_id", 51, "group", "Доп. шот", "name", "Шот", "price", "3000.00"));

    /** The options it offers now (a test may reprice them). */
    volatile Map<Long, Map<String, Object>> options = OPTIONS;

    /** The options a line chose, priced; an unknown one is a refusal on {@code field}. */
    private List<Object> chosen(JsonNode modifiers, String field, Map<String, List<String>> refused) {
        List<Object> chosen = new ArrayList<>();
        for (JsonNode option : modifiers) {
            Map<String, Object> known = options.get(option.asLong());
            if (known == null) {
                refused.put(field, List.of("Модификатор " + option.asText() + " не предлагается к этому товару"));
            } else {
                chosen.add(known);
            }
        }
        return chosen;
    }

    /**
     * The menu catalog answers (only the products asked for when {@code ids} names some): a cappuccino under Coffee and a
     * croissant of no category, at the price every product has here (a test may change it).
     */
    volatile List<Map<String, Object>> menu = List.of(
            menuItem(18, "Капучино", "300 мл", "12000.00", 3L, "Кофе"),
            menuItem(19, "Круассан", "", "12000.00", null, null));

    /** Who asked for the menu: the Authorization header ("null" without one) and the store's key. */
    final List<String> menuCalls = new CopyOnWriteArrayList<>();

    static Map<String, Object> menuItem(
            long id, String name, String description, String price, Long categoryId, String category) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", id);
        item.put("name", name);
        item.put("description", description);
        item.put("price", price);
        item.put("unit", "шт");
        item.put("category_id", categoryId);
        item.put("category", category);
        // the cappuccino offers its milk (one must be chosen) and an extra shot, as catalog lists a dish's groups
        item.put(
                "modifier_groups",
                id != 18
                        ? List.of()
                        : List.of(
                                Map.of(
                                        "id",
                                        50,
                                        "name",
                                        "Молоко",
                                        "min",
                                        1,
                                        "max",
                                        1,
                                        "options",
                                        List.of(
                                                Map.of("id", 500, "name", "Обычное", "price", "0.00"),
                                                Map.of("id", 501, "name", "Овсяное", "price", "5000.00"))),
                                Map.of(
                                        "id",
                                        51,
                                        "name",
                                        "Доп. шот",
                                        "min",
                                        0,
                                        "max",
                                        2,
                                        "options",
                                        List.of(Map.of("id", 502, "name", "Шот", "price", "3000.00")))));
        return item;
    }

    /** The price histories sales asked for (their paths and queries). */
    final List<String> pricesAsked = new CopyOnWriteArrayList<>();

    /** A line's answer: its status and body. */
    private record Answer(int status, Object body) {}

    /** Catalog's answer to one line's hold (nothing is remembered here); {@code field}: where a refused option is named. */
    private Answer hold(JsonNode body, String field) {
        Map<String, List<String>> refused = new HashMap<>();
        List<Object> modifiers = chosen(body.path("modifiers"), field, refused);
        if (!refused.isEmpty()) {
            return new Answer(
                    400,
                    Map.of("status", "error", "code", "invalid", "message", "Проверьте данные", "errors", refused));
        }
        if (body.path("product_id").isNull()
                && !KNOWN_CODES.containsKey(body.path("barcode").asText())) {
            return new Answer(
                    404,
                    Map.of(
                            "status",
                            "error",
                            "code",
                            "product_not_found",
                            "message",
                            "Товар со штрих-кодом не найден",
                            "barcode",
                            body.path("barcode").asText()));
        }
        if (body.path("quantity").decimalValue().compareTo(BigDecimal.TEN) > 0
                && !body.path("allow_short").asBoolean()) {
            return new Answer(
                    400,
                    Map.of(
                            "status",
                            "error",
                            "code",
                            "insufficient_stock",
                            "message",
                            "Недостаточно товара",
                            "available",
                            "10.000",
                            "requested",
                            body.path("quantity").asText(),
                            "product_id",
                            body.path("product_id").asLong()));
        }
        long product = body.path("product_id").isNull()
                ? KNOWN_CODES.get(body.path("barcode").asText())
                : body.path("product_id").asLong();
        BigDecimal quantity = body.path("quantity").decimalValue();
        BigDecimal fromBatch = quantity.min(BigDecimal.TEN);
        BigDecimal shortfall = quantity.subtract(fromBatch).setScale(3);
        List<Map<String, Object>> allocations = new ArrayList<>();
        allocations.add(Map.of(
                "batch_id", 31, "batch_number", "B-31", "quantity", fromBatch.toPlainString(), "unit_cost", "8000.00"));
        if (shortfall.signum() > 0) {
            Map<String, Object> beyond = new HashMap<>();
            beyond.put("batch_id", null);
            beyond.put("batch_number", null);
            beyond.put("quantity", shortfall.toPlainString());
            beyond.put("unit_cost", "8000.00");
            allocations.add(beyond);
        }
        return new Answer(
                200,
                Map.of(
                        "request_ref",
                        body.path("request_ref").asText(),
                        "product",
                        Map.of(
                                "id",
                                product,
                                "name",
                                "Товар " + product,
                                "sku",
                                "SKU-" + product,
                                "unit",
                                "шт",
                                "sale_price",
                                product == COSTLY ? "5000000000.00" : "12000.00",
                                "tax_rate",
                                "12.00"),
                        "allocations",
                        allocations,
                        "shortfall",
                        shortfall.toPlainString(),
                        "modifiers",
                        modifiers));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
