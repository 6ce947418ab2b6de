package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.catalog.catalogue.product.ProductCreated;
import dev.kassa.catalog.catalogue.product.ProductDeleted;
import dev.kassa.catalog.catalogue.product.ProductUpdated;
import dev.kassa.catalog.inventory.count.StockCounted;
import dev.kassa.catalog.inventory.purchase.PurchaseOrderReceived;
import dev.kassa.catalog.inventory.stock.BatchBlocked;
import dev.kassa.catalog.inventory.stock.LowStockReached;
import dev.kassa.catalog.inventory.stock.StockChanged;
import dev.kassa.catalog.inventory.transfer.TransferReceived;
import dev.kassa.catalog.inventory.transfer.TransferShipped;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What catalog really publishes has exactly the shape of each event's golden sample, which its consumers are tested with. */
@KassaIntegrationTest
class EventContractTests {

    @LocalServerPort
    int port;

    @Test
    void everyCatalogEventIsEmittedAsItsGoldenSampleSays() {
        String store = TestStores.newKey("evc");
        Api owner = new Api("http://localhost:" + port)
                .as(TestTokens.token(1, "owner1", Map.of(store, "owner")))
                .in(store);
        Api.Response created = owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Кефир",
                        "cost_price",
                        9000,
                        "sale_price",
                        12000,
                        "initial_quantity",
                        10,
                        "min_quantity",
                        5));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long kefir = created.at("/id").asLong();
        assertThat(EventSamples.awaitEmitted(ProductCreated.class, store)
                        .at("/payload/product_id")
                        .asLong())
                .isEqualTo(kefir);
        assertThat(EventSamples.awaitEmitted(StockChanged.class, store)
                        .at("/payload/reason")
                        .asText())
                .isEqualTo("receipt");

        assertThat(owner.patch("/api/products/products/" + kefir + "/", json("sale_price", 12500))
                        .status())
                .isEqualTo(200);
        assertThat(EventSamples.awaitEmitted(ProductUpdated.class, store)
                        .at("/payload/price_changed/0")
                        .asText())
                .isEqualTo("sale_price");

        assertThat(owner.post(
                                "/api/products/products/" + kefir + "/adjust-stock/",
                                json("quantity_change", -6, "reason", "damage"))
                        .status())
                .isEqualTo(200);
        assertThat(EventSamples.awaitEmitted(LowStockReached.class, store)
                        .at("/payload/on_hand")
                        .asText())
                .isEqualTo("4.000");

        long unsold = owner.post("/api/products/products/", json("name", "Ошибка", "sale_price", 100))
                .at("/id")
                .asLong();
        assertThat(owner.delete("/api/products/products/" + unsold + "/").status())
                .isEqualTo(204);
        assertThat(EventSamples.awaitEmitted(ProductDeleted.class, store)
                        .at("/payload/product_id")
                        .asLong())
                .isEqualTo(unsold);

        long count = owner.post("/api/products/counts/", json("name", "Полка", "products", List.of(kefir)))
                .at("/id")
                .asLong();
        assertThat(owner.post("/api/products/counts/" + count + "/lines/", json("product", kefir, "counted", 3))
                        .status())
                .isEqualTo(201);
        assertThat(owner.post("/api/products/counts/" + count + "/apply", null).status())
                .isEqualTo(200);
        JsonNode counted = EventSamples.awaitEmitted(StockCounted.class, store);
        assertThat(counted.at("/payload/reference").asText()).isEqualTo("COUNT-" + count);
        assertThat(counted.at("/payload/shortage_value").asText()).isEqualTo("9000.00");

        long supplier = owner.post("/api/products/suppliers/", json("name", "Молочный край"))
                .at("/id")
                .asLong();
        Api.Response order = owner.post(
                "/api/products/purchase-orders/",
                json(
                        "supplier",
                        supplier,
                        "lines",
                        List.of(json("product", kefir, "quantity", 12, "cost_price", 8500))));
        String orderUrl = "/api/products/purchase-orders/" + order.at("/id").asLong() + "/";
        assertThat(owner.post(orderUrl + "order", null).status()).isEqualTo(200);
        Api.Response receipt = owner.post(
                orderUrl + "receive",
                json("lines", List.of(json("line", order.at("/lines/0/id").asLong(), "quantity", 5))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        JsonNode purchased = EventSamples.awaitEmitted(PurchaseOrderReceived.class, store);
        assertThat(purchased.at("/payload/number").asText()).isEqualTo(order.text("/number"));
        assertThat(purchased.at("/payload/order_status").asText()).isEqualTo("partially_received");
        assertThat(purchased.at("/payload/receipt_cost").asText()).isEqualTo("42500.00");

        long batch = owner.get("/api/products/batches/?product=" + kefir)
                .at("/results/0/id")
                .asLong();
        Api.Response blocked =
                owner.post("/api/products/batches/" + batch + "/block", json("reason", "Вздутые пакеты"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        assertThat(EventSamples.awaitEmitted(BatchBlocked.class, store)
                        .at("/payload/reason")
                        .asText())
                .isEqualTo("Вздутые пакеты");
    }

    @Test
    void transfersAreEmittedAsTheirGoldenSamplesSay() {
        String depot = TestStores.newKey("evc");
        String shop = TestStores.newKey("evc");
        String owner = TestTokens.token(1, "owner1", Map.of(depot, "owner", shop, "owner"));
        Api atDepot = new Api("http://localhost:" + port).as(owner).in(depot);
        Api atShop = new Api("http://localhost:" + port).as(owner).in(shop);
        Map<String, Object> kefir =
                json("name", "Кефир", "sku", "KEF-1L", "cost_price", 9000, "sale_price", 12000, "initial_quantity", 10);
        long product = atDepot.post("/api/products/products/", kefir).at("/id").asLong();
        atShop.post("/api/products/products/", kefir);
        long transfer = atDepot.post(
                        "/api/products/transfers/",
                        json("to_store", shop, "lines", List.of(json("product", product, "quantity", 4))))
                .at("/id")
                .asLong();
        Api.Response shipped = atDepot.post("/api/products/transfers/" + transfer + "/ship", null);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        JsonNode sent = EventSamples.awaitEmitted(TransferShipped.class, depot);
        assertThat(sent.at("/payload/to_store").asText()).isEqualTo(shop);
        assertThat(sent.at("/payload/lines/0/parts/0/quantity").asText()).isEqualTo("4.000");
        JsonNode arrived = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(
                        () -> atShop.get("/api/products/transfers/?direction=in")
                                .at("/results/0"),
                        n -> !n.isMissingNode());
        Api.Response received =
                atShop.post("/api/products/transfers/" + arrived.path("id").asLong() + "/receive", json("close", true));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        JsonNode came = EventSamples.awaitEmitted(TransferReceived.class, shop);
        assertThat(came.at("/payload/source_transfer_id").asLong()).isEqualTo(transfer);
        assertThat(came.at("/payload/transfer_status").asText()).isEqualTo("received");
        EventSamples.of(TransferReceived.class).assertConsumedBy("catalog-service");
    }

    @Test
    void everyEventCatalogPublishesIsCheckedAgainstItsGoldenSample() {
        EventSamples.assertAllContractsChecked(
                "dev.kassa.catalog",
                List.of(
                        ProductCreated.class,
                        ProductUpdated.class,
                        ProductDeleted.class,
                        StockChanged.class,
                        LowStockReached.class,
                        StockCounted.class,
                        BatchBlocked.class,
                        PurchaseOrderReceived.class,
                        dev.kassa.catalog.inventory.purchase.StockLow.class,
                        TransferShipped.class,
                        TransferReceived.class,
                        dev.kassa.catalog.catalogue.product.ProductsShared.class));
    }
}
