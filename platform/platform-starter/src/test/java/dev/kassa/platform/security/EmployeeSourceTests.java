package dev.kassa.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's read-through reads auth's answer as auth writes it (snake_case), on behalf of the caller: their token
 * and store and this service's signature go with it; nothing is known without a caller or when auth does not know them.
 */
class EmployeeSourceTests {

    private HttpServer auth;

    @AfterEach
    void stop() {
        RequestContextHolder.resetRequestAttributes();
        if (auth != null) {
            auth.stop(0);
        }
    }

    @Test
    void readsAuthsAnswerOnBehalfOfTheCaller() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        auth.createContext("/internal/employees/", exchange -> {
            seen.put(
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("store", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tenant-Key")));
            seen.put("service", String.valueOf(exchange.getRequestHeaders().getFirst(ServiceTokens.HEADER)));
            boolean known = exchange.getRequestURI().getPath().endsWith("/7");
            byte[] body = (known
                            ? """
                    {"tenant_key":"shop_1a2b3c4d","employee_id":7,"user_id":57,"full_name":"Кассир Анна","role":"cashier","phone":"","is_active":true}"""
                            : "{\"status\":\"error\",\"code\":\"employee_not_found\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        auth.start();
        ObjectMapper snake = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        ServiceTokens tokens = new ServiceTokens(ServiceTokens.randomSecret(), "task-service", Clock.systemUTC());
        EmployeeSource source = new EmployeeSource(
                RestClient.builder(), "http://127.0.0.1:" + auth.getAddress().getPort(), tokens, snake);

        assertThat(source.employee("shop_1a2b3c4d", 7)).as("no caller, no call").isEmpty();

        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer owner-token");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(source.employee("shop_1a2b3c4d", 7)).hasValueSatisfying(e -> {
            assertThat(e.fullName()).isEqualTo("Кассир Анна");
            assertThat(e.userId()).isEqualTo(57);
            assertThat(e.isActive()).isTrue();
        });
        assertThat(seen).containsEntry("authorization", "Bearer owner-token").containsEntry("store", "shop_1a2b3c4d");
        assertThat(tokens.verify(seen.get("service"))).isPresent();
        assertThat(source.employee("shop_1a2b3c4d", 8))
                .as("auth does not know them")
                .isEmpty();
        assertThat(source.employee("shop_9z9z9z9z", 7))
                .as("an answer for another store is not taken")
                .isEmpty();
    }
}
