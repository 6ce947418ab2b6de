package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.production.line.LineStatusChanged;
import dev.kassa.production.order.ProductionOrderCreated;
import dev.kassa.production.order.ProductionOrderStatusChanged;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What production-service really publishes has exactly the shape of each event's golden sample. */
@KassaIntegrationTest
class EventContractTests extends CatalogBackedTests {

    @Test
    void everyProductionEventIsEmittedAsItsGoldenSampleSays() {
        String store = TestStores.newKey("pev");
        Api manager = Api.member(port, store, 2, "m", "manager");
        long line = manager.post("/api/production/lines/", json("code", "BAG-MAKER-1", "name", "Пакетоделательная"))
                .at("/id")
                .asLong();
        manager.post("/api/production/lines/" + line + "/status/", json("status", "running"));
        manager.post("/api/production/lines/" + line + "/status/", json("status", "down", "reason", "Нет рулонов"));
        assertThat(EventSamples.awaitEmitted(LineStatusChanged.class, store)
                        .at("/payload/to_status")
                        .asText())
                .isIn("running", "down");

        long order = manager.post(
                        "/api/production/orders/",
                        json("product", FakeCatalog.FILM, "quantity", "500", "due_date", "2026-12-20", "customer", 3))
                .at("/id")
                .asLong();
        assertThat(EventSamples.awaitEmitted(ProductionOrderCreated.class, store)
                        .at("/payload/order_id")
                        .asLong())
                .isEqualTo(order);
        manager.post("/api/production/orders/" + order + "/cancel/", json("reason", "Дубль"));
        assertThat(EventSamples.awaitEmitted(ProductionOrderStatusChanged.class, store)
                        .at("/payload/to_status")
                        .asText())
                .isEqualTo("cancelled");
    }

    @Test
    void everyEventProductionServicePublishesIsCheckedAgainstItsGoldenSample() {
        EventSamples.assertAllContractsChecked(
                "dev.kassa.production",
                List.of(LineStatusChanged.class, ProductionOrderCreated.class, ProductionOrderStatusChanged.class));
    }
}
