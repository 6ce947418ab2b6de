package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestKafka;
import dev.kassa.platform.test.TestStores;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Product updates and deletion rules, extra barcodes and scanning any of a product's codes. */
@KassaIntegrationTest
class ProductEditingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    Api as(String store, String role) {
        return Api.member(port, store, 3, role, role);
    }

    @Test
    void managersChangePricesWithinTheRulesAndTheChangeIsAnnounced() {
        String store = TestStores.newKey("upd");
        Api manager = as(store, "manager");
        long cola = manager.post(
                        "/api/products/products/",
                        json("name", "Coca-Cola 1.5L", "cost_price", 8000, "sale_price", 12000, "initial_quantity", 5))
                .at("/id")
                .asLong();
        long fanta = manager.post(
                        "/api/products/products/",
                        json("name", "Fanta", "barcode", "4780000000017", "sale_price", 11000))
                .at("/id")
                .asLong();
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG));
            Api.Response changed = manager.patch(
                    "/api/products/products/" + cola + "/", json("sale_price", 13000, "description", "Новая цена"));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.text("/sale_price")).isEqualTo("13000.00");
            assertThat(changed.text("/cost_price")).isEqualTo("8000.00");
            assertThat(changed.text("/quantity")).as("stock untouched").isEqualTo("5.000");
            JsonNode update =
                    TestKafka.awaitEvent(consumer, store, "ProductUpdated").path("payload");
            assertThat(update.path("sale_price").asText()).isEqualTo("13000.00");
            assertThat(update.path("price_changed").get(0).asText()).isEqualTo("sale_price");
        }
        assertThat(manager.patch("/api/products/products/" + cola + "/", json("sale_price", 7000))
                        .at("/errors/sale_price")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/products/" + cola + "/", json("cost_price", -1))
                        .at("/errors/cost_price")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/products/" + cola + "/", json("barcode", "4780000000017"))
                        .text("/errors/barcode/0"))
                .isEqualTo("Штрих-код уже используется другим товаром");
        assertThat(manager.patch("/api/products/products/" + cola + "/", json("initial_quantity", 100))
                        .at("/errors/initial_quantity")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/products/" + cola + "/", json("category", "424242"))
                        .at("/errors/category")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/products/" + cola + "/", json("unit", "parsec"))
                        .at("/errors/unit")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/products/" + cola + "/", json("sale_price", "дорого"))
                        .status())
                .isEqualTo(400);
        assertThat(manager.put("/api/products/products/" + cola + "/", json("sale_price", 14000))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        Api.Response regenerated = manager.patch("/api/products/products/" + fanta + "/", json("barcode", ""));
        assertThat(regenerated.text("/barcode")).matches("487\\d{10}");
        assertThat(as(store, "cashier")
                        .patch("/api/products/products/" + cola + "/", json("sale_price", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.patch("/api/products/products/424242/", json("sale_price", 1))
                        .text("/code"))
                .isEqualTo("not_found");
        assertThat(manager.get("/api/products/products/" + cola + "/").text("/sale_price"))
                .as("refusals changed nothing")
                .isEqualTo("13000.00");

        Api.Response off = manager.patch("/api/products/products/" + cola + "/", json("is_active", false));
        assertThat(off.text("/is_active")).isEqualTo("false");
        assertThat(manager.get("/api/products/products/?is_active=true")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void onlyTheOwnerDeletesAndOnlyWhatWasNeverSold() {
        String store = TestStores.newKey("del");
        Api owner = as(store, "owner");
        long fresh = owner.post(
                        "/api/products/products/",
                        json("name", "Ошибка ввода", "sale_price", 1000, "initial_quantity", 3))
                .at("/id")
                .asLong();
        long sold = owner.post(
                        "/api/products/products/", json("name", "Хлеб", "sale_price", 3000, "initial_quantity", 3))
                .at("/id")
                .asLong();
        jdbc.update(
                "insert into " + TestStores.schema(store)
                        + ".stock_movements (product_id, quantity, reason, reference) values (?, -1, 'sale', 'MAIN-1')",
                sold);
        assertThat(as(store, "manager")
                        .delete("/api/products/products/" + fresh + "/")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(owner.delete("/api/products/products/" + sold + "/").text("/code"))
                .isEqualTo("product_in_use");
        assertThat(owner.delete("/api/products/products/" + fresh + "/").status())
                .isEqualTo(204);
        assertThat(owner.get("/api/products/products/" + fresh + "/").status()).isEqualTo(404);
        assertThat(owner.delete("/api/products/products/" + fresh + "/").status())
                .isEqualTo(404);
        assertThat(owner.get("/api/products/products/" + sold + "/").text("/quantity"))
                .isEqualTo("3.000");
    }

    @Test
    void everyCodeOfAProductScansToIt() {
        String store = TestStores.newKey("scn");
        Api keeper = as(store, "stockkeeper");
        Api.Response water = keeper.post(
                "/api/products/products/",
                json("name", "Вода 0.5", "barcode", "4870000000011", "sale_price", 3000, "initial_quantity", 10));
        long id = water.at("/id").asLong();
        long other = keeper.post(
                        "/api/products/products/", json("name", "Сок", "barcode", "4870000000028", "sale_price", 9000))
                .at("/id")
                .asLong();
        Api.Response extra = keeper.post(
                "/api/products/barcodes/",
                json("product", id, "barcode", "0012345678905", "barcode_type", "upc", "is_primary", true));
        assertThat(extra.status()).as(extra.toString()).isEqualTo(201);
        assertThat(extra.text("/barcode_type_display")).isEqualTo("UPC");
        assertThat(keeper.post("/api/products/barcodes/", json("product", other, "barcode", "0012345678905"))
                        .text("/errors/barcode/0"))
                .isEqualTo("Штрих-код уже используется другим товаром");
        assertThat(keeper.post("/api/products/barcodes/", json("product", other, "barcode", "4870000000011"))
                        .at("/errors/barcode")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(
                                "/api/products/barcodes/",
                                json("product", 424242, "barcode", "1", "barcode_type", "dots"))
                        .at("/errors")
                        .fieldNames())
                .toIterable()
                .contains("barcode_type");
        assertThat(keeper.post("/api/products/barcodes/", json("barcode", "a b"))
                        .at("/errors")
                        .fieldNames())
                .toIterable()
                .contains("product", "barcode");
        assertThat(as(store, "cashier")
                        .post("/api/products/barcodes/", json("product", id, "barcode", "777"))
                        .text("/code"))
                .isEqualTo("permission_denied");

        Api cashier = as(store, "cashier");
        Api.Response own = cashier.get("/api/products/products/scan_barcode/?barcode=4870000000011");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.at("/data/id").asLong()).isEqualTo(id);
        assertThat(own.text("/matched")).isEqualTo("product");
        assertThat(cashier.get("/api/products/products/scan-barcode/?barcode=0012345678905")
                        .text("/matched"))
                .isEqualTo("extra");
        String batchCode = water.text("/batches/0/barcode");
        Api.Response batch = cashier.get("/api/products/products/scan_barcode/?barcode=" + batchCode);
        assertThat(batch.text("/matched")).isEqualTo("batch");
        assertThat(batch.text("/batch")).isEqualTo(water.text("/batches/0/id"));
        Api.Response unknown = cashier.get("/api/products/products/scan_barcode/?barcode=999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/code")).isEqualTo("product_not_found");
        assertThat(unknown.text("/barcode")).isEqualTo("999");
        assertThat(cashier.get("/api/products/products/scan_barcode/").text("/code"))
                .isEqualTo("barcode_required");
        // a word where an id belongs names no resource: 404, as an unknown route (the client probes paths like
        // customers/top)
        Api.Response word = cashier.get("/api/products/products/top/");
        assertThat(word.status()).as(word.toString()).isEqualTo(404);
        assertThat(word.text("/code")).isEqualTo("not_found");
        assertThat(cashier.get("/api/products/products/?page=abc").status()).isEqualTo(400);
        // the original web client looks codes up with a POST (issue 13)
        Api.Response posted = cashier.post("/api/products/warehouse-scan/scan/", json("barcode", batchCode));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.text("/matched")).isEqualTo("batch");
        assertThat(posted.text("/status"))
                .as("the web client adds to the cart on status found")
                .isEqualTo("found");
        assertThat(posted.text("/type")).isEqualTo("product");
        assertThat(posted.at("/data/id").asLong()).isEqualTo(id);
        assertThat(posted.text("/data/current_quantity"))
                .as("its receipt form shows the stock on hand")
                .isEqualTo(posted.text("/data/quantity"));
        assertThat(posted.text("/data/price")).isEqualTo(posted.text("/data/sale_price"));
        assertThat(posted.text("/data/name")).isNotBlank();
        assertThat(cashier.post("/api/products/warehouse-scan/scan/", json()).text("/code"))
                .isEqualTo("barcode_required");
        assertThat(cashier.post("/api/products/warehouse-scan/scan/", json("barcode", "999"))
                        .status())
                .isEqualTo(404);
        assertThat(cashier.get("/api/products/barcodes/search_barcode/?barcode=0012345678905")
                        .at("/product/id")
                        .asLong())
                .isEqualTo(id);
        assertThat(cashier.get("/api/products/barcodes/?product=" + id)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);

        // the till holds stock by the scanned code in one call; a batch code holds from that batch
        Api.Response held = cashier.asService()
                .post(
                        "/internal/reservations",
                        json("request_ref", UUID.randomUUID().toString(), "barcode", batchCode, "quantity", 2));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/product/id").asLong()).isEqualTo(id);
        assertThat(held.text("/allocations/0/batch_id")).isEqualTo(water.text("/batches/0/id"));
        Api.Response unknownHold = cashier.asService()
                .post(
                        "/internal/reservations",
                        json("request_ref", UUID.randomUUID().toString(), "barcode", "999", "quantity", 1));
        assertThat(unknownHold.status()).isEqualTo(404);
        assertThat(unknownHold.text("/barcode")).isEqualTo("999");

        keeper.patch("/api/products/products/" + id + "/", json("is_active", false));
        assertThat(cashier.get("/api/products/products/scan_barcode/?barcode=4870000000011")
                        .status())
                .as("not for sale")
                .isEqualTo(404);
        assertThat(keeper.delete("/api/products/barcodes/" + extra.text("/id") + "/")
                        .status())
                .isEqualTo(204);
        assertThat(cashier.get("/api/products/barcodes/search_barcode/?barcode=0012345678905")
                        .text("/code"))
                .isEqualTo("barcode_not_found");
    }
}
