package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog routes of the contract that were missing (issue 37): attributes replaced, options and category bindings read
 * one by one and listed in pages, extra barcodes changed, a batch taken out of use only when it is empty and no till holds it,
 * a hold read by id. Every route's missing token and other store's key: {@code CatalogBrowsingTests}' boundary list.
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
        long colour = manager.post("/api/products/attributes/", json("name", "Цвет", "type", "select"))
                .at("/id")
                .asLong();
        Api.Response replaced = manager.put(
                "/api/products/attributes/" + colour + "/",
                json("name", "Цвет упаковки", "type", "select", "order", 2));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.text("/name")).isEqualTo("Цвет упаковки");
        assertThat(manager.put("/api/products/attributes/" + colour + "/", json("order", 3))
                        .at("/errors/name")
                        .isArray())
                .as("PUT names it")
                .isTrue();
        assertThat(manager.put("/api/products/attributes/" + colour + "/", json("name", "Цвет", "type", "colour"))
                        .at("/errors/type")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/products/attributes/" + colour + "/").text("/name"))
                .as("a refused PUT changes nothing")
                .isEqualTo("Цвет упаковки");
        assertThat(manager.put("/api/products/attributes/999999/", json("name", "X"))
                        .status())
                .isEqualTo(404);
        assertThat(cashier.put("/api/products/attributes/" + colour + "/", json("name", "X"))
                        .text("/code"))
                .isEqualTo("permission_denied");

        long red = manager.post("/api/products/attribute-values/", json("attribute", colour, "value", "Красный"))
                .at("/id")
                .asLong();
        manager.post("/api/products/attribute-values/", json("attribute", colour, "value", "Синий", "order", 1));
        Api.Response options = cashier.get("/api/products/attribute-values/?attribute=" + colour + "&page_size=1");
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        assertThat(options.at("/count").asInt())
                .as("a paginated list like every list")
                .isEqualTo(2);
        assertThat(options.at("/results").size()).isEqualTo(1);
        assertThat(cashier.get("/api/products/attribute-values/" + red + "/").text("/value"))
                .isEqualTo("Красный");
        assertThat(cashier.get("/api/products/attribute-values/999999/").status())
                .isEqualTo(404);
        assertThat(manager.put("/api/products/attribute-values/" + red + "/", json("value", "Алый", "order", 3))
                        .text("/value"))
                .isEqualTo("Алый");
        assertThat(manager.put("/api/products/attribute-values/" + red + "/", json("order", 3))
                        .at("/errors/value")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/products/attribute-values/?attribute=abc").status())
                .isEqualTo(400);

        long drinks = manager.post("/api/products/categories/", json("name", "Напитки"))
                .at("/id")
                .asLong();
        long binding = manager.post("/api/products/category-attributes/", json("category", drinks, "attribute", colour))
                .at("/id")
                .asLong();
        Api.Response bindings = cashier.get("/api/products/category-attributes/?category=" + drinks);
        assertThat(bindings.status()).as(bindings.toString()).isEqualTo(200);
        assertThat(bindings.at("/count").asInt()).isEqualTo(1);
        assertThat(bindings.at("/results/0/attribute_name").asText()).isEqualTo("Цвет упаковки");
        assertThat(cashier.get("/api/products/category-attributes/?attribute=" + colour)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/products/category-attributes/" + binding + "/")
                        .at("/category")
                        .asLong())
                .isEqualTo(drinks);
        assertThat(cashier.get("/api/products/category-attributes/999999/").status())
                .isEqualTo(404);
        Api.Response rebound = manager.put(
                "/api/products/category-attributes/" + binding + "/",
                json("category", drinks, "attribute", colour, "is_required", true, "is_variant", true, "order", 1));
        assertThat(rebound.status()).as(rebound.toString()).isEqualTo(200);
        assertThat(rebound.text("/is_variant")).isEqualTo("true");
        assertThat(cashier.put(
                                "/api/products/category-attributes/" + binding + "/",
                                json("category", drinks, "attribute", colour))
                        .text("/code"))
                .isEqualTo("permission_denied");

        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/products/category-attributes/")
                        .status())
                .isEqualTo(401);
        assertThat(as(TestStores.newKey("atr"), "owner")
                        .in(store)
                        .get("/api/products/attribute-values/" + red + "/")
                        .text("/code"))
                .isEqualTo("not_a_member");
    }

    @Test
    void extraBarcodesChangeAndAnEmptyBatchIsArchivedButOneWithStockIsNot() {
        String store = TestStores.newKey("bcd");
        Api keeper = as(store, "stockkeeper");
        Api manager = as(store, "manager");
        long milk = manager.post("/api/products/products/", json("name", "Молоко", "sale_price", 12000))
                .at("/id")
                .asLong();
        long kefir = manager.post(
                        "/api/products/products/",
                        json("name", "Кефир", "sale_price", 9000, "barcode", "4780000000777"))
                .at("/id")
                .asLong();
        long code = manager.post("/api/products/barcodes/", json("product", milk, "barcode", "4780000000123"))
                .at("/id")
                .asLong();

        Api.Response changed = manager.patch(
                "/api/products/barcodes/" + code + "/", json("barcode_type", "internal", "is_primary", true));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("/barcode")).isEqualTo("4780000000123");
        assertThat(changed.text("/barcode_type")).isEqualTo("internal");
        assertThat(changed.text("/is_primary")).isEqualTo("true");
        assertThat(manager.put("/api/products/barcodes/" + code + "/", json("barcode", "4780000000124"))
                        .text("/barcode"))
                .isEqualTo("4780000000124");
        assertThat(manager.put("/api/products/barcodes/" + code + "/", json("barcode_type", "upc"))
                        .at("/errors/barcode")
                        .isArray())
                .isTrue();
        assertThat(manager.put("/api/products/barcodes/" + code + "/", json("barcode", "4780000000777"))
                        .at("/errors/barcode")
                        .isArray())
                .as("kefir's code")
                .isTrue();
        assertThat(manager.patch("/api/products/barcodes/" + code + "/", json("barcode", "bad code!"))
                        .at("/errors/barcode")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/barcodes/" + code + "/", json("product", kefir))
                        .at("/errors/product")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/barcodes/" + code + "/", json("barcode", " "))
                        .at("/errors/barcode")
                        .isArray())
                .as("a code PATCH sends must be one")
                .isTrue();
        assertThat(manager.put(
                                "/api/products/barcodes/" + code + "/",
                                json("barcode", "4780000000125", "barcode_type", "dots"))
                        .at("/errors/barcode_type")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/products/barcodes/" + code + "/").text("/barcode"))
                .as("refused changes change nothing")
                .isEqualTo("4780000000124");
        assertThat(as(store, "cashier")
                        .put("/api/products/barcodes/" + code + "/", json("barcode", "4780000000125"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        Api.Response byKeeper = keeper.put(
                "/api/products/barcodes/" + code + "/",
                json("barcode", "4780000000125", "barcode_type", "ean13", "is_primary", false));
        assertThat(byKeeper.status())
                .as("a stockkeeper edits the catalog: " + byKeeper)
                .isEqualTo(200);
        assertThat(byKeeper.text("/is_primary")).isEqualTo("false");
        assertThat(byKeeper.text("/product")).isEqualTo(String.valueOf(milk));
        assertThat(manager.patch("/api/products/barcodes/999999/", json("is_primary", true))
                        .status())
                .isEqualTo(404);
        assertThat(as(store, "cashier")
                        .patch("/api/products/barcodes/" + code + "/", json("is_primary", false))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.get("/api/products/products/scan_barcode/?barcode=4780000000125")
                        .at("/data/id")
                        .asLong())
                .isEqualTo(milk);
        assertThat(manager.get("/api/products/products/scan_barcode/?barcode=4780000000123")
                        .text("/code"))
                .as("the old code is free again")
                .isEqualTo("product_not_found");

        // a batch with stock is not removed; written off to zero, it is archived and keeps its history
        long batch = keeper.post("/api/products/batches/", json("product", milk, "quantity", 5))
                .at("/id")
                .asLong();
        Api.Response refused = keeper.delete("/api/products/batches/" + batch + "/");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("batch_has_stock");
        assertThat(refused.text("/message")).contains("5.000");
        assertThat(keeper.english()
                        .delete("/api/products/batches/" + batch + "/")
                        .text("/message"))
                .contains("write the stock off");
        assertThat(keeper.get("/api/products/batches/" + batch + "/").text("/quantity"))
                .isEqualTo("5.000");
        assertThat(keeper.post(
                                "/api/products/products/" + milk + "/adjust-stock/",
                                json("quantity_change", -5, "reason", "write_off", "batch", batch))
                        .status())
                .isEqualTo(200);
        assertThat(as(store, "cashier")
                        .delete("/api/products/batches/" + batch + "/")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(keeper.delete("/api/products/batches/" + batch + "/").status())
                .isEqualTo(204);
        assertThat(keeper.get("/api/products/batches/" + batch + "/").text("/is_active"))
                .isEqualTo("false");
        assertThat(keeper.get("/api/products/batches/?product=" + milk + "&is_active=true")
                        .at("/count")
                        .asInt())
                .isZero();
        assertThat(keeper.get("/api/products/products/" + milk + "/movements/")
                        .at("/count")
                        .asInt())
                .as("its history stays")
                .isEqualTo(2);
        assertThat(keeper.delete("/api/products/batches/" + batch + "/").status())
                .as("archiving again changes nothing")
                .isEqualTo(204);
        Api.Response unknown = keeper.delete("/api/products/batches/999999/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/code")).isEqualTo("batch_not_found");
        assertThat(as(TestStores.newKey("bcd"), "owner")
                        .in(store)
                        .delete("/api/products/batches/" + batch + "/")
                        .text("/code"))
                .isEqualTo("not_a_member");

        // a till's hold, read by id
        keeper.post("/api/products/batches/", json("product", milk, "quantity", 3));
        Api.Response held = as(store, "cashier")
                .asService()
                .post(
                        "/internal/reservations",
                        json("request_ref", UUID.randomUUID().toString(), "product_id", milk, "quantity", 2));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        long hold = held.at("/allocations/0/reservation_id").asLong();
        Api.Response one = keeper.get("/api/products/reservations/" + hold + "/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.text("/quantity")).isEqualTo("2.000");
        assertThat(one.text("/status")).isEqualTo("active");
        assertThat(one.at("/id").asLong()).isEqualTo(hold);
        assertThat(one.at("/product").asLong()).isEqualTo(milk);
        assertThat(one.text("/product_name")).isEqualTo("Молоко");
        assertThat(one.text("/status_display")).isNotBlank();
        assertThat(keeper.get("/api/products/reservations/999999/").status()).isEqualTo(404);
        assertThat(keeper.get("/api/products/reservations/999999/").text("/code"))
                .isEqualTo("not_found");
        assertThat(keeper.get("/api/products/reservations/abc/").status())
                .as("a word is no id: 404, never a 500")
                .isEqualTo(404);
        assertThat(manager.get("/api/products/reservations/" + hold + "/").status())
                .isEqualTo(200);
        assertThat(as(store, "cashier")
                        .get("/api/products/reservations/" + hold + "/")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/products/reservations/" + hold + "/")
                        .status())
                .isEqualTo(401);
        assertThat(as(TestStores.newKey("bcd"), "owner")
                        .in(store)
                        .get("/api/products/reservations/" + hold + "/")
                        .text("/code"))
                .isEqualTo("not_a_member");
    }

    @Test
    void attributeOptionsAreFilteredSearchedOrderedAndStayWithTheirAttribute() {
        String store = TestStores.newKey("opt");
        Api manager = as(store, "manager");
        Api cashier = as(store, "cashier");
        long colour = manager.post("/api/products/attributes/", json("name", "Цвет", "type", "select"))
                .at("/id")
                .asLong();
        long size = manager.post("/api/products/attributes/", json("name", "Размер", "type", "select"))
                .at("/id")
                .asLong();
        long red = manager.post(
                        "/api/products/attribute-values/", json("attribute", colour, "value", "Красный", "order", 2))
                .at("/id")
                .asLong();
        long blue = manager.post(
                        "/api/products/attribute-values/", json("attribute", colour, "value", "Синий", "order", 1))
                .at("/id")
                .asLong();
        long wine = manager.post(
                        "/api/products/attribute-values/",
                        json("attribute", colour, "value", "Бордовый", "order", 3, "is_active", false))
                .at("/id")
                .asLong();
        manager.post("/api/products/attribute-values/", json("attribute", size, "value", "XL"));

        // the list shape of every list, an attribute's options in their order
        Api.Response first = cashier.get("/api/products/attribute-values/?page_size=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.at("/count").asInt()).isEqualTo(4);
        assertThat(first.at("/results").findValuesAsText("value")).containsExactly("Синий", "Красный");
        assertThat(first.text("/next")).contains("page=2");
        assertThat(first.at("/previous").isNull()).isTrue();
        assertThat(cashier.get("/api/products/attribute-values/?page=2&page_size=2")
                        .at("/results")
                        .findValuesAsText("value"))
                .containsExactly("Бордовый", "XL");
        assertThat(cashier.get("/api/products/attribute-values/?attribute=" + colour + "&is_active=true")
                        .at("/results")
                        .findValuesAsText("value"))
                .containsExactly("Синий", "Красный");
        assertThat(cashier.get("/api/products/attribute-values/?is_active=false")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(wine);
        Api.Response found = cashier.get("/api/products/attribute-values/?search=ный");
        assertThat(found.at("/count").asInt()).as(found.toString()).isEqualTo(1);
        assertThat(found.at("/results/0/id").asLong()).isEqualTo(red);
        assertThat(cashier.get("/api/products/attribute-values/?attribute=" + colour + "&ordering=-order")
                        .at("/results")
                        .findValuesAsText("value"))
                .containsExactly("Бордовый", "Красный", "Синий");
        assertThat(cashier.get("/api/products/attribute-values/?ordering=colour")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/products/attribute-values/?is_active=maybe")
                        .at("/errors/is_active")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/products/attribute-values/?page_size=500")
                        .at("/errors/page_size")
                        .isArray())
                .isTrue();

        // one option, as everyone who reads the catalog sees it
        Api.Response one = cashier.get("/api/products/attribute-values/" + blue + "/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.at("/attribute").asLong()).isEqualTo(colour);
        assertThat(one.text("/value")).isEqualTo("Синий");
        assertThat(one.at("/order").asInt()).isEqualTo(1);
        assertThat(one.text("/is_active")).isEqualTo("true");
        assertThat(one.text("/created_at")).isNotBlank();
        assertThat(cashier.get("/api/products/attribute_values/" + blue + "/").text("/value"))
                .as("the original's underscore path")
                .isEqualTo("Синий");
        Api.Response missing = cashier.get("/api/products/attribute-values/999999/");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("/code")).isEqualTo("attribute_value_not_found");

        // PUT replaces it: the value named, within its length; it stays with its attribute (products' values point at
        // it)
        Api.Response replaced = manager.put(
                "/api/products/attribute-values/" + blue + "/",
                json("attribute", colour, "value", "Голубой", "order", 5, "is_active", false));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.text("/value")).isEqualTo("Голубой");
        assertThat(replaced.at("/order").asInt()).isEqualTo(5);
        assertThat(replaced.text("/is_active")).isEqualTo("false");
        assertThat(manager.put(
                                "/api/products/attribute-values/" + blue + "/",
                                json("attribute", size, "value", "Голубой"))
                        .at("/errors/attribute")
                        .isArray())
                .isTrue();
        assertThat(manager.put("/api/products/attribute-values/" + blue + "/", json("value", "x".repeat(201)))
                        .at("/errors/value")
                        .isArray())
                .isTrue();
        assertThat(manager.put("/api/products/attribute-values/" + blue + "/", json("value", "Красный"))
                        .at("/errors/value")
                        .isArray())
                .as("an attribute's options are unique")
                .isTrue();
        assertThat(manager.put("/api/products/attribute-values/" + blue + "/", "{\"value\": [1]}")
                        .at("/errors/value")
                        .isArray())
                .isTrue();
        assertThat(manager.put("/api/products/attribute-values/999999/", json("value", "Новый"))
                        .status())
                .isEqualTo(404);
        assertThat(as(store, "stockkeeper")
                        .put("/api/products/attribute-values/" + blue + "/", json("value", "Лазурный"))
                        .status())
                .as("stockkeepers edit the catalog")
                .isEqualTo(200);
        assertThat(cashier.put("/api/products/attribute-values/" + blue + "/", json("value", "Белый"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.get("/api/products/attribute-values/" + blue + "/").text("/value"))
                .isEqualTo("Лазурный");
    }

    @Test
    void categoryBindingsAreFilteredOrderedReadWithTheirAttributeAndReplacedWhole() {
        String store = TestStores.newKey("cba");
        Api manager = as(store, "manager");
        Api cashier = as(store, "cashier");
        long drinks = manager.post("/api/products/categories/", json("name", "Напитки"))
                .at("/id")
                .asLong();
        long snacks = manager.post("/api/products/categories/", json("name", "Снеки"))
                .at("/id")
                .asLong();
        long colour = manager.post("/api/products/attributes/", json("name", "Цвет", "type", "select"))
                .at("/id")
                .asLong();
        long volume = manager.post("/api/products/attributes/", json("name", "Объём", "type", "number"))
                .at("/id")
                .asLong();
        manager.post("/api/products/attribute-values/", json("attribute", colour, "value", "Красный"));
        long colourInDrinks = manager.post(
                        "/api/products/category-attributes/",
                        json("category", drinks, "attribute", colour, "is_variant", true, "order", 2))
                .at("/id")
                .asLong();
        long volumeInDrinks = manager.post(
                        "/api/products/category-attributes/",
                        json("category", drinks, "attribute", volume, "is_required", true, "order", 1))
                .at("/id")
                .asLong();
        long colourInSnacks = manager.post(
                        "/api/products/category-attributes/", json("category", snacks, "attribute", colour))
                .at("/id")
                .asLong();

        Api.Response inDrinks = cashier.get("/api/products/category-attributes/?category=" + drinks);
        assertThat(inDrinks.status()).as(inDrinks.toString()).isEqualTo(200);
        assertThat(inDrinks.at("/count").asInt()).isEqualTo(2);
        assertThat(inDrinks.at("/results/0/id").asLong())
                .as("in the category's order")
                .isEqualTo(volumeInDrinks);
        assertThat(inDrinks.text("/results/0/category_name")).isEqualTo("Напитки");
        assertThat(inDrinks.text("/results/0/attribute_type")).isEqualTo("number");
        assertThat(cashier.get("/api/products/category-attributes/?category=" + drinks + "&ordering=-order")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(colourInDrinks);
        assertThat(cashier.get("/api/products/category-attributes/?attribute=" + colour)
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
        Api.Response required = cashier.get("/api/products/category-attributes/?is_required=true");
        assertThat(required.at("/count").asInt()).isEqualTo(1);
        assertThat(required.at("/results/0/id").asLong()).isEqualTo(volumeInDrinks);
        Api.Response variants = cashier.get("/api/products/category-attributes/?is_variant=true&attribute=" + colour);
        assertThat(variants.at("/count").asInt()).isEqualTo(1);
        assertThat(variants.at("/results/0/id").asLong()).isEqualTo(colourInDrinks);
        assertThat(cashier.get("/api/products/category-attributes/?is_variant=false&page_size=1")
                        .text("/next"))
                .contains("page=2");
        assertThat(cashier.get("/api/products/category_attributes/?category=" + snacks)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/products/category-attributes/?ordering=name")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/products/category-attributes/?category=drinks")
                        .at("/errors/category")
                        .isArray())
                .isTrue();

        // one binding: the attribute whole, its options included (spec C7's retrieve)
        Api.Response one = cashier.get("/api/products/category-attributes/" + colourInDrinks + "/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.at("/category").asLong()).isEqualTo(drinks);
        assertThat(one.at("/attribute/id").asLong()).isEqualTo(colour);
        assertThat(one.text("/attribute/type")).isEqualTo("select");
        assertThat(one.at("/attribute/values").findValuesAsText("value")).containsExactly("Красный");
        assertThat(one.text("/attribute_name")).isEqualTo("Цвет");
        assertThat(one.text("/is_variant")).isEqualTo("true");
        // the binding's own fields as the list shows them, once each: the attribute whole in place of its id
        List<String> fields = new ArrayList<>();
        one.body().fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "id",
                        "category",
                        "category_name",
                        "attribute",
                        "attribute_name",
                        "attribute_slug",
                        "attribute_type",
                        "is_required",
                        "is_variant",
                        "order",
                        "created_at");
        Api.Response missing = cashier.get("/api/products/category-attributes/999999/");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("/code")).isEqualTo("category_attribute_not_found");

        // PUT names the pair as create does; a pair already bound, or a category or attribute that does not exist, is
        // refused
        Api.Response unnamed =
                manager.put("/api/products/category-attributes/" + volumeInDrinks + "/", json("is_required", false));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.at("/errors").fieldNames()).toIterable().contains("category", "attribute");
        assertThat(manager.put(
                                "/api/products/category-attributes/" + volumeInDrinks + "/",
                                json("category", drinks, "attribute", colour))
                        .at("/errors/attribute")
                        .isArray())
                .as("colour is bound to drinks already")
                .isTrue();
        assertThat(manager.put(
                                "/api/products/category-attributes/" + volumeInDrinks + "/",
                                json("category", 999999, "attribute", volume))
                        .text("/code"))
                .isEqualTo("category_not_found");
        assertThat(manager.put(
                                "/api/products/category-attributes/" + volumeInDrinks + "/",
                                json("category", drinks, "attribute", 999999))
                        .text("/code"))
                .isEqualTo("attribute_not_found");
        assertThat(manager.put(
                                "/api/products/category-attributes/" + volumeInDrinks + "/",
                                json("category", drinks, "attribute", volume, "order", "first"))
                        .at("/errors/order")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/products/category-attributes/" + volumeInDrinks + "/")
                        .text("/is_required"))
                .as("refusals change nothing")
                .isEqualTo("true");
        Api.Response moved = manager.put(
                "/api/products/category-attributes/" + colourInSnacks + "/",
                json("category", snacks, "attribute", volume, "is_required", true, "order", 4));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/attribute").asLong()).isEqualTo(volume);
        assertThat(moved.text("/attribute_name")).isEqualTo("Объём");
        assertThat(moved.text("/is_required")).isEqualTo("true");
        assertThat(moved.at("/order").asInt()).isEqualTo(4);
        assertThat(manager.get("/api/products/category-attributes/by_category/?category_id=" + snacks)
                        .at("/data/0/attribute")
                        .asLong())
                .isEqualTo(volume);
        Api.Response patched =
                manager.patch("/api/products/category-attributes/" + colourInDrinks + "/", json("is_variant", false));
        assertThat(patched.text("/is_variant"))
                .as("PATCH changes what it names")
                .isEqualTo("false");
        assertThat(patched.at("/attribute").asLong()).isEqualTo(colour);
        assertThat(manager.put(
                                "/api/products/category-attributes/999999/",
                                json("category", drinks, "attribute", volume))
                        .status())
                .isEqualTo(404);
        assertThat(cashier.put(
                                "/api/products/category-attributes/" + colourInDrinks + "/",
                                json("category", drinks, "attribute", colour))
                        .text("/code"))
                .isEqualTo("permission_denied");
    }

    @Test
    void aBatchTillsStillHoldUnitsOfIsNotArchivedUntilTheHoldEnds() {
        String store = TestStores.newKey("bhd");
        Api keeper = as(store, "stockkeeper");
        Api till = as(store, "cashier").asService();
        long rice = as(store, "manager")
                .post("/api/products/products/", json("name", "Рис", "sale_price", 15000))
                .at("/id")
                .asLong();
        long batch = keeper.post(
                        "/api/products/batches/", json("product", rice, "quantity", 3, "expiry_date", "2099-12-31"))
                .at("/id")
                .asLong();
        String ref = UUID.randomUUID().toString();
        Api.Response held = till.post(
                "/internal/reservations",
                json("request_ref", ref, "product_id", rice, "quantity", 2, "batch_id", batch));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        // the batch turns out to be past its date and its stock is written off while a till still holds two of it
        assertThat(keeper.patch("/api/products/batches/" + batch + "/", json("expiry_date", "2020-01-31"))
                        .status())
                .isEqualTo(200);
        Api.Response off = keeper.post(
                "/api/products/products/" + rice + "/adjust-stock/",
                json("quantity_change", -3, "reason", "expired", "batch", batch));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(keeper.get("/api/products/batches/" + batch + "/").text("/quantity"))
                .isEqualTo("0.000");

        Api.Response refused = keeper.delete("/api/products/batches/" + batch + "/");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("/code")).isEqualTo("batch_held");
        assertThat(refused.text("/reserved_quantity")).isEqualTo("2.000");
        assertThat(refused.text("/message")).contains("2.000");
        assertThat(keeper.get("/api/products/batches/" + batch + "/").text("/is_active"))
                .isEqualTo("true");
        assertThat(as(store, "cashier")
                        .delete("/api/products/batches/" + batch + "/")
                        .text("/code"))
                .isEqualTo("permission_denied");

        // the hold released, the empty batch is archived
        assertThat(till.post("/internal/reservations/release", json("request_refs", List.of(ref)))
                        .status())
                .isEqualTo(200);
        assertThat(keeper.delete("/api/products/batches/" + batch + "/").status())
                .isEqualTo(204);
        assertThat(keeper.get("/api/products/batches/" + batch + "/").text("/is_active"))
                .isEqualTo("false");
        assertThat(keeper.get("/api/products/products/" + rice + "/movements/?reason=expired")
                        .at("/count")
                        .asInt())
                .as("its history stays")
                .isEqualTo(1);
    }
}
