package dev.kassa.analytics.ingest;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One poll of catalog's events, as a busy till's sales produce them: each product moves several times, and the snapshot
 * of each is written once, with its last level, valued at the prices it had when that level was reported.
 */
@KassaIntegrationTest
class CatalogPollTests {

    @LocalServerPort
    int port;

    @Autowired
    CatalogEventsConsumer consumer;

    private final List<ConsumerRecord<String, String>> poll = new ArrayList<>();

    @Test
    void stockChangesOfOnePollLeaveEachProductAtItsLastLevelAtThePricesOfItsTime() {
        String store = TestStores.newKey("lvl");
        product(store, 601, "Сыр", "6000.00", "10000.00");
        product(store, 602, "Масло", "3000.00", "5000.00");
        stock(store, 601, "10.000", "10.000");
        stock(store, 602, "4.000", "4.000");
        stock(store, 601, "9.000", "8.000");
        // the cheese's price changes between two of its levels
        product(store, 601, "Сыр", "7000.00", "11000.00");
        stock(store, 602, "3.000", "1.000");
        stock(store, 601, "8.000", "7.000");
        // a product counted, then deleted in the same poll: its last level is kept, valued at its prices
        product(store, 603, "Творог", "2000.00", "4000.00");
        stock(store, 603, "5.000", "5.000");
        add(store, EventSamples.of("ProductDeleted").message(store, e -> e.set("/product_id", 603)));

        consumer.on(poll);

        Api owner = Api.member(port, store, 3, "owner", "owner");
        Api.Response cheese = owner.get("/api/analytics/inventory-snapshots/?product=601");
        assertThat(cheese.at("/count").asInt()).as(cheese.toString()).isEqualTo(1);
        assertThat(cheese.text("/results/0/quantity_on_hand")).isEqualTo("8.000");
        assertThat(cheese.text("/results/0/available_quantity")).isEqualTo("7.000");
        assertThat(cheese.text("/results/0/reserved_quantity")).isEqualTo("1.000");
        assertThat(cheese.text("/results/0/total_cost")).as("8 × the new cost").isEqualTo("56000.00");
        assertThat(cheese.text("/results/0/total_value")).isEqualTo("88000.00");
        Api.Response butter = owner.get("/api/analytics/inventory-snapshots/?product=602");
        assertThat(butter.text("/results/0/quantity_on_hand")).isEqualTo("3.000");
        assertThat(butter.text("/results/0/available_quantity")).isEqualTo("1.000");
        assertThat(butter.text("/results/0/total_value")).isEqualTo("15000.00");
        Api.Response curd = owner.get("/api/analytics/inventory-snapshots/?product=603");
        assertThat(curd.text("/results/0/quantity_on_hand")).isEqualTo("5.000");
        assertThat(curd.text("/results/0/total_cost")).isEqualTo("10000.00");
        assertThat(curd.text("/results/0/total_value")).isEqualTo("20000.00");

        // the same poll again (redelivered after a lost commit): nothing moves back
        consumer.on(poll);
        assertThat(owner.get("/api/analytics/inventory-snapshots/?product=601").text("/results/0/quantity_on_hand"))
                .isEqualTo("8.000");
    }

    private void product(String store, long id, String name, String cost, String price) {
        add(store, EventSamples.of("ProductCreated").message(store, e -> e.set("/product_id", id)
                .set("/name", name)
                .set("/sku", "SKU-" + id)
                .set("/barcode", "478000000" + id)
                .set("/cost_price", cost)
                .set("/sale_price", price)
                .set("/min_quantity", "1.000")
                .set("/max_quantity", null)));
    }

    private void stock(String store, long id, String onHand, String available) {
        add(store, EventSamples.of("StockChanged").message(store, e -> e.set("/product_id", id)
                .set("/on_hand", onHand)
                .set("/available", available)
                .set("/change", "-1.000")));
    }

    private void add(String store, String message) {
        poll.add(new ConsumerRecord<>(Topics.CATALOG, 0, poll.size(), store, message));
    }
}
