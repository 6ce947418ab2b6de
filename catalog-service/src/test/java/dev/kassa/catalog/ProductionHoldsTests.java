package dev.kassa.catalog;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A production order's materials (issue 87 point 5): held through the tills' holds API but kept (they never lapse as a
 * till's line does), taken out of what tills may sell, and released when production says the order was cancelled.
 */
@KassaIntegrationTest
class ProductionHoldsTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOrdersMaterialsAreKeptOutOfSaleUntilTheOrderIsCancelled() {
        String store = TestStores.newKey("phd");
        Api manager = Api.member(port, store, 2, "manager", "manager");
        Api.Response granules = manager.post(
                "/api/products/products/",
                json(
                        "name", "Гранулы ПВД",
                        "sku", "GRN-" + UUID.randomUUID().toString().substring(0, 8),
                        "cost_price", "12000",
                        "sale_price", "15000",
                        "initial_quantity", 100));
        assertThat(granules.status()).as(granules.toString()).isEqualTo(201);
        long product = granules.at("/id").asLong();
        long order = 4242;
        Api.Response held = manager.asService()
                .post(
                        "/internal/reservations/lines",
                        json(
                                "lines",
                                List.of(json(
                                        "request_ref",
                                        "po-" + order + "-" + product,
                                        "product_id",
                                        product,
                                        "quantity",
                                        60,
                                        "kept",
                                        true))));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select reserved_until > now() + interval '50 years' from " + TestStores.schema(store)
                                + ".reservations where request_ref = ?",
                        Boolean.class,
                        "po-" + order + "-" + product))
                .as("a production hold does not lapse")
                .isTrue();
        assertThat(manager.get("/api/products/products/" + product + "/").text("/inventory/available_quantity"))
                .isEqualTo("40.000");

        EventSamples.Sample sample = EventSamples.of("ProductionOrderStatusChanged");
        sample.assertConsumedBy("catalog-service");
        String message = sample.message(
                store,
                e -> e.set("/order_id", order).set("/from_status", "released").set("/to_status", "cancelled"));
        kafka.send(Topics.PRODUCTION, store, message).join();
        kafka.send(Topics.PRODUCTION, store, message).join();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        manager.get("/api/products/products/" + product + "/").text("/inventory/available_quantity"))
                .isEqualTo("100.000"));
        assertThat(jdbc.queryForObject(
                        "select status from " + TestStores.schema(store) + ".reservations where request_ref = ?",
                        String.class,
                        "po-" + order + "-" + product))
                .isEqualTo("cancelled");
    }
}
