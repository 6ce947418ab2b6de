package dev.kassa.production;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

    private final HttpServer server;

    volatile boolean down;

    FakeCatalog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/products/products/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
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
