package dev.kassa.sales.catalog;

import dev.kassa.platform.calls.ServiceCalls;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the pooled client's failures mean for the retry of a call to catalog. */
class CatalogCallTimeoutTests {

    @Test
    void aCatalogThatAcceptsButDoesNotAnswerTimesOutAndIsNotAskedTwice() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    ignored.getInputStream().readAllBytes();
                } catch (Exception ignored) {
                    // the test closed the socket
                }
            });
            holder.setDaemon(true);
            holder.start();
            RestClient client = RestClient.builder()
                    .baseUrl("http://127.0.0.1:" + silent.getLocalPort())
                    .requestFactory(ServiceCalls.pooledRequests(Duration.ofMillis(300), 4))
                    .build();
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> client.post()
                    .uri("/internal/reservations")
                    .body("{}")
                    .retrieve()
                    .toBodilessEntity());
            assertThat(failure).isInstanceOf(ResourceAccessException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(CatalogFailures.retryable(failure)).isFalse();
        }
    }

    @Test
    void aRefusedConnectionIsWorthASecondAttempt() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        RestClient client = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(ServiceCalls.pooledRequests(Duration.ofMillis(300), 4))
                .build();
        Throwable failure = catchThrowable(() -> client.post()
                .uri("/internal/reservations")
                .body("{}")
                .retrieve()
                .toBodilessEntity());
        assertThat(failure).isInstanceOf(ResourceAccessException.class);
        assertThat(CatalogFailures.retryable(failure)).isTrue();
    }
}
