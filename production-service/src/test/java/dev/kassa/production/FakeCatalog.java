package dev.kassa.production;

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
 * catalog-service's product read as production sees it, for production's tests that need products without running
 * catalog: product 42 is a film made in metres, product 43 bread made in pieces, every other id is 404; while
 * {@link #down} it answers 500 as a catalog that is away would. The real catalog is exercised through the gateway in the
 * end-to-end suite.
 */
final class FakeCatalog implements AutoCloseable {

    static final long FILM = 42;
    static final long BREAD = 43;

    private static final Map<Long, String> PRODUCTS = Map.of(
            FILM,
                    "{\"id\":42,\"name\":\"Плёнка ПВД 50 мкм\",\"sku\":\"FILM-50\",\"unit_short\":\"м\",\"sale_price\":\"1.00\"}",
            BREAD,
                    "{\"id\":43,\"name\":\"Хлеб белый\",\"sku\":\"BREAD-1\",\"unit_short\":\"шт\",\"sale_price\":\"5000.00\"}");

    /** The film's recipe: 0.05 kg of granules (1 000 kg for sale) and 0.002 l of ink (5 l) a metre; bread has none. */
    static final long GRANULES = 50;

    static final long INK = 51;

    private static final String FILM_RECIPE = "{\"product\":42,\"components\":["
            + "{\"product\":50,\"name\":\"Гранулы ПВД\",\"unit\":\"кг\",\"quantity\":\"0.050\",\"track_inventory\":true,"
            + "\"available\":\"1000.000\"},"
            + "{\"product\":51,\"name\":\"Краска\",\"unit\":\"л\",\"quantity\":\"0.002\",\"track_inventory\":true,"
            + "\"available\":\"5.000\"}],\"cost\":\"0.00\",\"available\":\"2500.000\"}";

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();

    /** The holds asked for (by reference: the request's line, with its {@code kept}), and those released. */
    final Map<String, JsonNode> holds = new ConcurrentHashMap<>();

    final List<String> released = new CopyOnWriteArrayList<>();

    volatile boolean down;

    FakeCatalog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/reservations/lines", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody());
            body.path("lines").forEach(l -> holds.put(l.path("request_ref").asText(), l));
            answer(exchange, 200, "{\"holds\":[]}");
        });
        server.createContext("/internal/reservations/release", exchange -> {
            json.readTree(exchange.getRequestBody()).path("request_refs").forEach(r -> released.add(r.asText()));
            answer(exchange, 200, "{\"released\":1}");
        });
        server.createContext("/api/products/products/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/recipe/") || path.endsWith("/recipe")) {
                boolean film = path.contains("/" + FILM + "/");
                answer(
                        exchange,
                        down ? 500 : 200,
                        film
                                ? FILM_RECIPE
                                : "{\"product\":43,\"components\":[],\"cost\":\"0.00\",\"available\":\"0\"}");
                return;
            }
            String[] parts = path.split("/");
            String product = PRODUCTS.get(parse(parts[parts.length - 1]));
            int status = down ? 500 : product == null ? 404 : 200;
            byte[] answer = (down
                            ? "{}"
                            : product == null
                                    ? "{\"status\":\"error\",\"code\":\"product_not_found\",\"message\":\"Товар не найден\"}"
                                    : product)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
