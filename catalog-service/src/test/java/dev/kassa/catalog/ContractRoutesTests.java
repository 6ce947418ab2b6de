package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog routes of the contract that were missing (issue 37): attributes replaced, options and category bindings read
 * one by one and listed in pages, extra barcodes changed, a batch taken out of use only when it is empty, a hold read by id.
 */
@KassaIntegrationTest
class ContractRoutesTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    @Test
    void attributesOptionsAndCategoryBindingsAreReadReplacedAndListed() {
        String store = TestStores.newKey("atr");
        Api manager = as(store, "manager");
        Api cashier = as(store, "cashier");
        long colour = manager.post("/api/products/attributes/", json("name", "Цвет", "type", "select")).at("/id").asLong();
        Api.Response replaced = manager.put("/api/products/attributes/" + colour + "/", json("name", "Цвет упаковки", "type", "select", "order", 2));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.text("/name")).isEqualTo("Цвет упаковки");
        assertThat(manager.put("/api/products/attributes/" + colour + "/", json("order", 3)).at("/errors/name").isArray()).as("PUT names it").isTrue();
        assertThat(manager.put("/api/products/attributes/999999/", json("name", "X")).status()).isEqualTo(404);
        assertThat(cashier.put("/api/products/attributes/" + colour + "/", json("name", "X")).text("/code")).isEqualTo("permission_denied");

        long red = manager.post("/api/products/attribute-values/", json("attribute", colour, "value", "Красный")).at("/id").asLong();
        manager.post("/api/products/attribute-values/", json("attribute", colour, "value", "Синий", "order", 1));
        Api.Response options = cashier.get("/api/products/attribute-values/?attribute=" + colour + "&page_size=1");
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        assertThat(options.at("/count").asInt()).as("a paginated list like every list").isEqualTo(2);
        assertThat(options.at("/results").size()).isEqualTo(1);
        assertThat(cashier.get("/api/products/attribute-values/" + red + "/").text("/value")).isEqualTo("Красный");
        assertThat(cashier.get("/api/products/attribute-values/999999/").status()).isEqualTo(404);
        assertThat(manager.put("/api/products/attribute-values/" + red + "/", json("value", "Алый", "order", 3)).text("/value")).isEqualTo("Алый");
        assertThat(manager.put("/api/products/attribute-values/" + red + "/", json("order", 3)).at("/errors/value").isArray()).isTrue();
        assertThat(manager.get("/api/products/attribute-values/?attribute=abc").status()).isEqualTo(400);

        long drinks = manager.post("/api/products/categories/", json("name", "Напитки")).at("/id").asLong();
        long binding = manager.post("/api/products/category-attributes/", json("category", drinks, "attribute", colour)).at("/id").asLong();
        Api.Response bindings = cashier.get("/api/products/category-attributes/?category=" + drinks);
        assertThat(bindings.status()).as(bindings.toString()).isEqualTo(200);
        assertThat(bindings.at("/count").asInt()).isEqualTo(1);
        assertThat(bindings.at("/results/0/attribute_name").asText()).isEqualTo("Цвет упаковки");
        assertThat(cashier.get("/api/products/category-attributes/?attribute=" + colour).at("/count").asInt()).isEqualTo(1);
        assertThat(cashier.get("/api/products/category-attributes/" + binding + "/").at("/category").asLong()).isEqualTo(drinks);
        assertThat(cashier.get("/api/products/category-attributes/999999/").status()).isEqualTo(404);
        Api.Response rebound = manager.put("/api/products/category-attributes/" + binding + "/", json("is_required", true, "is_variant", true, "order", 1));
        assertThat(rebound.status()).as(rebound.toString()).isEqualTo(200);
        assertThat(rebound.text("/is_variant")).isEqualTo("true");
        assertThat(cashier.put("/api/products/category-attributes/" + binding + "/", json("is_required", false)).text("/code"))
                .isEqualTo("permission_denied");

        assertThat(new Api("http://localhost:" + port).in(store).get("/api/products/category-attributes/").status()).isEqualTo(401);
        assertThat(as(TestStores.newKey("atr"), "owner").in(store).get("/api/products/attribute-values/" + red + "/").text("/code"))
                .isEqualTo("not_a_member");
    }

    @Test
    void extraBarcodesChangeAndAnEmptyBatchIsArchivedButOneWithStockIsNot() {
        String store = TestStores.newKey("bcd");
        Api keeper = as(store, "stockkeeper");
        Api manager = as(store, "manager");
        long milk = manager.post("/api/products/products/", json("name", "Молоко", "sale_price", 12000)).at("/id").asLong();
        long kefir = manager.post("/api/products/products/", json("name", "Кефир", "sale_price", 9000, "barcode", "4780000000777")).at("/id").asLong();
        long code = manager.post("/api/products/barcodes/", json("product", milk, "barcode", "4780000000123")).at("/id").asLong();

        Api.Response changed = manager.patch("/api/products/barcodes/" + code + "/", json("barcode_type", "internal", "is_primary", true));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("/barcode")).isEqualTo("4780000000123");
        assertThat(changed.text("/barcode_type")).isEqualTo("internal");
        assertThat(changed.text("/is_primary")).isEqualTo("true");
        assertThat(manager.put("/api/products/barcodes/" + code + "/", json("barcode", "4780000000124")).text("/barcode")).isEqualTo("4780000000124");
        assertThat(manager.put("/api/products/barcodes/" + code + "/", json("barcode_type", "upc")).at("/errors/barcode").isArray()).isTrue();
        assertThat(manager.put("/api/products/barcodes/" + code + "/", json("barcode", "4780000000777")).at("/errors/barcode").isArray())
                .as("kefir's code").isTrue();
        assertThat(manager.patch("/api/products/barcodes/" + code + "/", json("barcode", "bad code!")).at("/errors/barcode").isArray()).isTrue();
        assertThat(manager.patch("/api/products/barcodes/" + code + "/", json("product", kefir)).at("/errors/product").isArray()).isTrue();
        assertThat(manager.patch("/api/products/barcodes/999999/", json("is_primary", true)).status()).isEqualTo(404);
        assertThat(as(store, "cashier").patch("/api/products/barcodes/" + code + "/", json("is_primary", false)).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.get("/api/products/products/scan_barcode/?barcode=4780000000124").at("/data/id").asLong()).isEqualTo(milk);

        // a batch with stock is not removed; written off to zero, it is archived and keeps its history
        long batch = keeper.post("/api/products/batches/", json("product", milk, "quantity", 5)).at("/id").asLong();
        Api.Response refused = keeper.delete("/api/products/batches/" + batch + "/");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("batch_has_stock");
        assertThat(keeper.get("/api/products/batches/" + batch + "/").text("/quantity")).isEqualTo("5.000");
        assertThat(keeper.post("/api/products/products/" + milk + "/adjust-stock/", json("quantity_change", -5, "reason", "write_off",
                "batch", batch)).status()).isEqualTo(200);
        assertThat(as(store, "cashier").delete("/api/products/batches/" + batch + "/").text("/code")).isEqualTo("permission_denied");
        assertThat(keeper.delete("/api/products/batches/" + batch + "/").status()).isEqualTo(204);
        assertThat(keeper.get("/api/products/batches/" + batch + "/").text("/is_active")).isEqualTo("false");
        assertThat(keeper.get("/api/products/batches/?product=" + milk + "&is_active=true").at("/count").asInt()).isZero();
        assertThat(keeper.get("/api/products/products/" + milk + "/movements/").at("/count").asInt()).as("its history stays").isEqualTo(2);
        assertThat(keeper.delete("/api/products/batches/999999/").status()).isEqualTo(404);

        // a till's hold, read by id
        keeper.post("/api/products/batches/", json("product", milk, "quantity", 3));
        Api.Response held = as(store, "cashier").asService().post("/internal/reservations", json("request_ref", UUID.randomUUID().toString(),
                "product_id", milk, "quantity", 2));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        long hold = held.at("/allocations/0/reservation_id").asLong();
        Api.Response one = keeper.get("/api/products/reservations/" + hold + "/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.text("/quantity")).isEqualTo("2.000");
        assertThat(one.text("/status")).isEqualTo("active");
        assertThat(keeper.get("/api/products/reservations/999999/").status()).isEqualTo(404);
        assertThat(as(store, "cashier").get("/api/products/reservations/" + hold + "/").text("/code")).isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port).in(store).get("/api/products/reservations/" + hold + "/").status()).isEqualTo(401);
        assertThat(as(TestStores.newKey("bcd"), "owner").in(store).get("/api/products/reservations/" + hold + "/").text("/code"))
                .isEqualTo("not_a_member");
    }
}
