package dev.kassa.catalog.inventory.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestKafka;
import dev.kassa.platform.test.TestStores;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poll's completed sales are committed together ({@link dev.kassa.catalog.inventory.stock.SoldStockService#commit}, one statement each for all of
 * them), and each still tells the stock as it stood after it, as if the sales had been committed one by one; an event of
 * another kind between them runs after the sales before it.
 */
@KassaIntegrationTest
class SaleCommitsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SalesEventsConsumer consumer;

    private final AtomicLong offsets = new AtomicLong();

    @Test
    void salesOfOnePollEachTellTheStockAsItStoodAfterThemAndAReleaseBetweenThemRunsInItsTurn() throws Exception {
        String store = TestStores.newKey("commit");
        Api owner = Api.member(port, store, 7, "owner", "owner");
        Api till = Api.member(port, store, 8, "cashier", "cashier").asService();
        long milk = owner.post(
                        "/api/products/products/",
                        json("name", "Milk", "sale_price", 9000, "initial_quantity", 10, "min_quantity", 3))
                .at("/id")
                .asLong();
        List<String> refs = new ArrayList<>();
        for (int quantity : new int[] {4, 3, 2, 1}) {
            String ref = UUID.randomUUID().toString();
            Api.Response held = till.post(
                    "/internal/reservations", json("request_ref", ref, "product_id", milk, "quantity", quantity));
            assertThat(held.status()).as(held.toString()).isEqualTo(200);
            refs.add(ref);
        }

        try (KafkaConsumer<String, String> events = TestKafka.consumer()) {
            events.subscribe(List.of(Topics.CATALOG));
            // one poll: three sales of 4, 3 and 2, and between the second and the third the fourth hold given up
            consumer.on(List.of(
                    record(store, sale(store, 61, "R-1", milk, "4.000", refs.get(0))),
                    record(store, sale(store, 62, "R-2", milk, "3.000", refs.get(1))),
                    record(
                            store,
                            EventSamples.of("HoldsReleased")
                                    .message(store, e -> e.set("/request_refs", List.of(refs.get(3))))),
                    record(store, sale(store, 63, "R-3", milk, "2.000", refs.get(2)))));

            List<String> changes = new ArrayList<>();
            List<String> low = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                TestKafka.poll(events, store).forEach(e -> {
                    JsonNode p = e.path("payload");
                    if (e.path("type").asText().equals("StockChanged")
                            && p.path("reason").asText().equals("sale")) {
                        changes.add(p.path("reference").asText() + " "
                                + p.path("change").asText() + " → "
                                + p.path("on_hand").asText() + " ("
                                + p.path("available").asText() + " free)");
                    } else if (e.path("type").asText().equals("LowStockReached")) {
                        low.add(p.path("on_hand").asText());
                    }
                });
                // as one by one: after R-1 the holds of and the fourth were still there; the fourth was given
                // up
                // before R-3
                assertThat(changes)
                        .containsExactly(
                                "R-1 -4.000 → 6.000 (0.000 free)",
                                "R-2 -3.000 → 3.000 (0.000 free)",
                                "R-3 -2.000 → 1.000 (1.000 free)");
                assertThat(low).as("crossed the minimum of 3 once, with R-2").containsExactly("3.000");
            });
        }
        String schema = TestStores.schema(store);
        assertThat(jdbc.queryForList(
                        "select reference || ' ' || quantity from " + schema
                                + ".stock_movements where reason = 'sale' order by id",
                        String.class))
                .containsExactly("R-1 -4.000", "R-2 -3.000", "R-3 -2.000");
        assertThat(jdbc.queryForList(
                        "select request_ref || ' ' || status || ' ' || sale_ref from " + schema
                                + ".reservations order by id",
                        String.class))
                .containsExactly(
                        refs.get(0) + " completed 61",
                        refs.get(1) + " completed 62",
                        refs.get(2) + " completed 63",
                        refs.get(3) + " cancelled ");
        assertThat(owner.get("/api/products/products/" + milk).text("/quantity"))
                .isEqualTo("1.000");

        consumer.on(List.of(record(store, sale(store, 61, "R-1", milk, "4.000", refs.get(0)))));
        assertThat(owner.get("/api/products/products/" + milk).text("/quantity"))
                .as("a sale that comes again takes nothing more")
                .isEqualTo("1.000");
    }

    private String sale(String store, long id, String receipt, long product, String quantity, String ref) {
        return EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", String.valueOf(id))
                .set("/receipt_number", receipt)
                .set("/lines/0/product_id", product)
                .set("/lines/0/quantity", quantity)
                .set("/lines/0/reservation_ref", ref));
    }

    private ConsumerRecord<String, String> record(String store, String message) {
        return new ConsumerRecord<>(Topics.SALES, 0, offsets.incrementAndGet(), store, message);
    }
}
