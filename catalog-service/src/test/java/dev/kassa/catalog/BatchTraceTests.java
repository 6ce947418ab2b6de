package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch's trace (issue 63, point 5): where it came from, every sale that took from it with its receipt and buyer (from
 * SaleCompleted over the real broker), refunds, adjustments and what is left; for the back office only.
 */
@KassaIntegrationTest
class BatchTraceTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    void sell(String store, long product, int quantity, String sale, Long customer) {
        new TillSales(port, kafka).sell(store, product, quantity, sale, customer);
    }

    @Test
    void aRecallSeesWhereTheBatchCameFromEverySaleAndBuyerRefundsAdjustmentsAndWhatIsLeft() {
        String store = TestStores.newKey("trc");
        Api owner = as(store, 1, "owner");
        long supplier = owner.post("/api/products/suppliers/", json("name", "ООО Ферма"))
                .at("/id")
                .asLong();
        long milk = owner.post("/api/products/products/", json("name", "Молоко", "sale_price", 9000))
                .at("/id")
                .asLong();
        JsonNode batch = owner.post(
                        "/api/products/batches/",
                        json(
                                "product",
                                milk,
                                "quantity",
                                10,
                                "purchase_price",
                                6000,
                                "supplier",
                                supplier,
                                "batch_number",
                                "FRM-1104"))
                .body();
        long id = batch.path("id").asLong();
        sell(store, milk, 3, "81", 18L);
        sell(store, milk, 1, "82", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/batches/" + id + "/").text("/quantity"))
                .isEqualTo("6.000"));
        new TillSales(port, kafka).refund(store, milk, id, 1, "81");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/batches/" + id + "/").text("/quantity"))
                .isEqualTo("7.000"));
        assertThat(owner.post(
                                "/api/products/products/" + milk + "/adjust-stock/",
                                json("quantity_change", -2, "reason", "damage", "batch", id, "note", "Порван пакет"))
                        .status())
                .isEqualTo(200);

        Api.Response traced = owner.get("/api/products/batches/" + id + "/trace");
        assertThat(traced.status()).as(traced.toString()).isEqualTo(200);
        JsonNode t = traced.body();
        assertThat(t.at("/batch/batch_number").asText()).isEqualTo("FRM-1104");
        assertThat(t.at("/batch/supplier_name").asText()).isEqualTo("ООО Ферма");
        assertThat(t.at("/received/reason").asText()).isEqualTo("receipt");
        assertThat(t.at("/received/quantity").asText()).isEqualTo("10.000");
        assertThat(t.at("/received/by").asLong()).isEqualTo(1);
        assertThat(t.at("/sales").size()).isEqualTo(2);
        assertThat(t.at("/sales/0/sale").asText()).isEqualTo("81");
        assertThat(t.at("/sales/0/receipt_number").asText()).isEqualTo("R-81");
        assertThat(t.at("/sales/0/customer").asLong()).isEqualTo(18);
        assertThat(t.at("/sales/0/quantity").asText()).isEqualTo("3.000");
        assertThat(t.at("/sales/1/customer").isNull()).as("an anonymous sale").isTrue();
        assertThat(t.at("/refunds/0/quantity").asText()).isEqualTo("1.000");
        assertThat(t.at("/refunds/0/reference").asText()).isEqualTo("R-81");
        assertThat(t.at("/adjustments/0/reason").asText()).isEqualTo("damage");
        assertThat(t.at("/adjustments/0/note").asText()).isEqualTo("Порван пакет");
        assertThat(t.at("/customers").toString()).isEqualTo("[18]");
        assertThat(t.at("/sales/0/customer_name").asText()).isEqualTo("Дилшод Рахимов");
        assertThat(t.at("/buyers").size()).as("whom a recall calls, once each").isEqualTo(1);
        assertThat(t.at("/buyers/0/name").asText()).isEqualTo("Дилшод Рахимов");
        assertThat(t.at("/buyers/0/phone").asText()).isEqualTo("+998901234567");
        assertThat(t.at("/totals/received").asText()).isEqualTo("10.000");
        assertThat(t.at("/totals/sold").asText()).isEqualTo("4.000");
        assertThat(t.at("/totals/refunded").asText()).isEqualTo("1.000");
        assertThat(t.at("/totals/adjusted").asText()).isEqualTo("-2.000");
        assertThat(t.at("/totals/on_hand").asText()).isEqualTo("5.000");

        // issue 84, point 3: a stockkeeper (who may not read customers) sees the sales without the person who bought
        Api.Response stockkeepers = as(store, 2, "stockkeeper").get("/api/products/batches/" + id + "/trace");
        assertThat(stockkeepers.status()).isEqualTo(200);
        JsonNode k = stockkeepers.body();
        assertThat(k.at("/sales").size()).isEqualTo(2);
        assertThat(k.at("/sales/0/receipt_number").asText()).isEqualTo("R-81");
        assertThat(k.at("/sales/0/quantity").asText()).isEqualTo("3.000");
        assertThat(k.at("/sales/0/at").isMissingNode()).isFalse();
        assertThat(k.toString()).as("no buyer's name, phone or customer id").doesNotContain("Дилшод", "+998901234567");
        assertThat(k.at("/sales/0/customer").isNull()).isTrue();
        assertThat(k.at("/customers").toString()).isEqualTo("[]");
        assertThat(k.at("/buyers").toString()).isEqualTo("[]");
        assertThat(k.at("/totals")).isEqualTo(t.at("/totals"));
        assertThat(as(store, 4, "manager")
                        .get("/api/products/batches/" + id + "/trace")
                        .text("/buyers/0/phone"))
                .isEqualTo("+998901234567");

        assertThat(as(store, 3, "cashier")
                        .get("/api/products/batches/" + id + "/trace")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(owner.get("/api/products/batches/999999/trace").text("/code"))
                .isEqualTo("batch_not_found");
        assertThat(as(TestStores.newKey("trc"), 9, "owner")
                        .get("/api/products/batches/" + id + "/trace")
                        .text("/code"))
                .isEqualTo("batch_not_found");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/products/batches/" + id + "/trace")
                        .status())
                .isEqualTo(401);
    }
}
