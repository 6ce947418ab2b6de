package dev.kassa.platform.calls;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCallsTests {

    @Test
    void aCallToAnotherServiceIsObservedSoItsTraceAndTimingGoWithIt() throws Exception {
        HttpServer catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/internal/reservations", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        catalog.start();
        List<String> observed = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                ClientRequestObservationContext call = (ClientRequestObservationContext) context;
                try {
                    observed.add(
                            context.getName() + " " + call.getCarrier().getURI().getPath() + " "
                                    + call.getResponse().getStatusCode().value());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ClientRequestObservationContext;
            }
        });
        try {
            RestClient client = ServiceCalls.client(
                    "http://127.0.0.1:" + catalog.getAddress().getPort(),
                    RestClient.builder(),
                    observations,
                    Duration.ofSeconds(2),
                    4);
            client.post().uri("/internal/reservations").retrieve().toBodilessEntity();
        } finally {
            catalog.stop(0);
        }
        assertThat(observed).containsExactly("http.client.requests /internal/reservations 200");
    }
}
