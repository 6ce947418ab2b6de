package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.catalog.inventory.stock.HoldSweeper;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Attributes, the product list's filters, shelf labels and the sweep of lapsed till holds. */
@KassaIntegrationTest
class CatalogBrowsingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HoldSweeper sweeper;

    @Autowired
    TenantProvisioner provisioner;

    Api as(String store, String role) {
        return Api.member(port, store, 6, role, role);
    }

    @Test
    void searchTextIsMatchedLiterallyWildcardsIncluded() {
        String store = TestStores.newKey("wld");
        Api manager = as(store, "manager");
        manager.post("/api/products/categories/", json("name", "Чай Улун"));
        manager.post("/api/products/categories/", json("name", "Скидка 50%"));
        manager.post("/api/products/categories/", json("name", "Код_А"));
        manager.post("/api/products/products/", json("name", "Сок яблочный", "sale_price", 9000));
        manager.post("/api/products/products/", json("name", "Сок 100%", "sale_price", 12000));
        // "_" and "%" are what the shop owner typed, not "any character" / "anything"
        assertThat(manager.get("/api/products/categories/?search=_")
                        .at("/count")
                        .asLong())
                .isEqualTo(1);
        assertThat(manager.get("/api/products/categories/?search=_")
                        .at("/results/0/name")
                        .asText())
                .isEqualTo("Код_А");
        assertThat(manager.get("/api/products/categories/?search=%25")
                        .at("/results/0/name")
                        .asText())
                .isEqualTo("Скидка 50%");
        assertThat(manager.get("/api/products/categories/?search=%25")
                        .at("/count")
                        .asLong())
                .isEqualTo(1);
        assertThat(manager.get("/api/products/products/?search=%25")
                        .at("/count")
                        .asLong())
                .isEqualTo(1);
        assertThat(manager.get("/api/products/products/?search=%25")
                        .at("/results/0/name")
                        .asText())
                .isEqualTo("Сок 100%");
        assertThat(manager.get("/api/products/products/?search=с_к")
                        .at("/count")
                        .asLong())
                .isZero();
        assertThat(manager.get("/api/products/categories/?search=улун")
                        .at("/count")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void attributesDescribeProductsInTheirTypes() {
        String store = TestStores.newKey("atr");
        Api manager = as(store, "manager");
        Api.Response colour = manager.post("/api/products/attributes/", json("name", "Цвет", "type", "select"));
        assertThat(colour.status()).as(colour.toString()).isEqualTo(201);
        assertThat(colour.text("/slug")).isEqualTo("tsvet");
        long colourId = colour.at("/id").asLong();
        long red = manager.post("/api/products/attribute-values/", json("attribute", colourId, "value", "Красный"))
                .at("/id")
                .asLong();
        assertThat(manager.post("/api/products/attribute-values/", json("attribute", colourId, "value", "Красный"))
                        .at("/errors/value")
                        .isArray())
                .isTrue();
        long volume = manager.post("/api/products/attributes/", json("name", "Объём", "type", "number"))
                .at("/id")
                .asLong();
        assertThat(manager.post("/api/products/attributes/", json("name", "X", "type", "colour"))
                        .at("/errors/type")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/products/attributes/" + colourId + "/")
                        .at("/values/0/value")
                        .asText())
                .isEqualTo("Красный");

        long category = manager.post("/api/products/categories/", json("name", "Напитки в банках"))
                .at("/id")
                .asLong();
        Api.Response bulk = manager.post(
                "/api/products/category-attributes/bulk_create/",
                json(
                        "category",
                        category,
                        "attributes",
                        List.of(
                                json("attribute", colourId, "is_variant", true),
                                json("attribute", volume),
                                json("attribute", 424242))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(207);
        assertThat(bulk.at("/created").size()).isEqualTo(2);
        assertThat(bulk.at("/errors").size()).isEqualTo(1);
        assertThat(manager.get("/api/products/category-attributes/by_category/?category_id=" + category)
                        .at("/data")
                        .size())
                .isEqualTo(2);
        assertThat(manager.get("/api/products/category-attributes/by_category/")
                        .at("/errors/category_id")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/products/category-attributes/", json("category", category, "attribute", volume))
                        .at("/errors/attribute")
                        .isArray())
                .isTrue();
        long binding = bulk.at("/created/1/id").asLong();
        assertThat(manager.patch("/api/products/category-attributes/" + binding + "/", json("is_required", true))
                        .text("/is_required"))
                .isEqualTo("true");
        long blue = manager.post("/api/products/attribute-values/", json("attribute", colourId, "value", "Синий"))
                .at("/id")
                .asLong();
        assertThat(manager.patch("/api/products/attribute-values/" + blue + "/", json("value", "Красный"))
                        .at("/errors/value")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/attribute-values/" + blue + "/", json("value", "Голубой", "order", 2))
                        .text("/value"))
                .isEqualTo("Голубой");
        // the list: each attribute with its own options, in their order
        Api.Response list = manager.get("/api/products/attributes/?page_size=10");
        assertThat(list.at("/count").asInt()).isEqualTo(2);
        for (var a : list.at("/results")) {
            if (a.at("/id").asLong() == colourId) {
                assertThat(a.at("/values").findValuesAsText("value")).containsExactly("Красный", "Голубой");
            } else {
                assertThat(a.at("/values").size())
                        .as("the number attribute has no options")
                        .isZero();
            }
        }
        assertThat(manager.get("/api/products/attributes/?type=select")
                        .at("/results")
                        .size())
                .isEqualTo(1);

        long can = manager.post(
                        "/api/products/products/",
                        json("name", "Cola 0.33", "sale_price", 6000, "category", String.valueOf(category)))
                .at("/id")
                .asLong();
        Api.Response set = manager.post(
                "/api/products/products/" + can + "/add_attribute/", json("attribute", colourId, "value_option", red));
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        assertThat(set.text("/value")).isEqualTo("Красный");
        assertThat(manager.post(
                                "/api/products/products/" + can + "/add_attribute/",
                                json("attribute", volume, "value_number", "0.330"))
                        .text("/value"))
                .isEqualTo("0.33");
        assertThat(manager.post(
                                "/api/products/products/" + can + "/add_attribute/",
                                json("attribute", volume, "value_text", "много"))
                        .at("/errors/value_number")
                        .isArray())
                .isTrue();
        assertThat(manager.post(
                                "/api/products/products/" + can + "/add_attribute/",
                                json("attribute", colourId, "value_option", 424242))
                        .at("/errors/value_option")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/products/products/" + can + "/attributes/")
                        .body()
                        .size())
                .isEqualTo(2);
        assertThat(manager.patch("/api/products/attributes/" + volume + "/", json("type", "text"))
                        .at("/errors/type")
                        .isArray())
                .isTrue();
        assertThat(as(store, "cashier")
                        .post("/api/products/attributes/", json("name", "Вкус"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.delete("/api/products/attributes/" + volume + "/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, "owner")
                        .delete("/api/products/attributes/" + volume + "/")
                        .status())
                .isEqualTo(204);
    }

    @Test
    void theProductListFiltersByPriceStockFeaturedAndTag() {
        String store = TestStores.newKey("flt");
        Api keeper = as(store, "stockkeeper");
        long plenty = keeper.post(
                        "/api/products/products/",
                        json("name", "Рис", "sale_price", 15000, "initial_quantity", 50, "min_quantity", 5))
                .at("/id")
                .asLong();
        long few = keeper.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Гречка",
                                "sale_price",
                                18000,
                                "initial_quantity",
                                3,
                                "min_quantity",
                                5,
                                "is_featured",
                                true))
                .at("/id")
                .asLong();
        long none = keeper.post("/api/products/products/", json("name", "Пшено", "sale_price", 9000, "min_quantity", 5))
                .at("/id")
                .asLong();
        keeper.post("/api/products/products/", json("name", "Доставка", "sale_price", 20000, "track_inventory", false));
        assertThat(ids(keeper.get("/api/products/products/?stock_status=in_stock")))
                .containsExactly(plenty);
        assertThat(ids(keeper.get("/api/products/products/?stock_status=low_stock")))
                .containsExactly(few);
        assertThat(ids(keeper.get("/api/products/products/?stock_status=out_of_stock")))
                .containsExactly(none);
        assertThat(keeper.get("/api/products/products/?stock_status=unlimited")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(keeper.get("/api/products/products/?stock_status=plenty")
                        .at("/errors/stock_status")
                        .isArray())
                .isTrue();
        assertThat(ids(keeper.get("/api/products/products/?min_price=10000&max_price=18000&ordering=-sale_price")))
                .containsExactly(few, plenty);
        assertThat(keeper.get("/api/products/products/?min_price=5&max_price=1")
                        .at("/errors/max_price")
                        .isArray())
                .isTrue();
        assertThat(keeper.get("/api/products/products/?ordering=weight")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(ids(keeper.get("/api/products/products/featured/"))).containsExactly(few);
        assertThat(ids(keeper.get("/api/products/products/out_of_stock/"))).containsExactly(none);
        long tag = keeper.post("/api/products/tags/", json("name", "Крупы"))
                .at("/id")
                .asLong();
        keeper.put("/api/products/products/" + few + "/tags/", json("tags", List.of(tag)));
        assertThat(ids(keeper.get("/api/products/products/?tag=" + tag))).containsExactly(few);
        assertThat(ids(keeper.get("/api/products/products/?search=греч"))).containsExactly(few);
    }

    @Test
    void aShelfLabelCarriesTheFormattedPrice() {
        String store = TestStores.newKey("lbl");
        Api keeper = as(store, "stockkeeper");
        long id = keeper.post(
                        "/api/products/products/", json("name", "iPhone 14 Pro", "sale_price", 75000, "unit", "pcs"))
                .at("/id")
                .asLong();
        Api.Response label = as(store, "cashier").get("/api/products/products/" + id + "/print-label/?quantity=3");
        assertThat(label.status()).as(label.toString()).isEqualTo(200);
        assertThat(label.text("/data/price/formatted_price")).isEqualTo("75 000,00");
        assertThat(label.text("/data/price/currency")).isEqualTo("сум");
        assertThat(label.text("/data/product/barcode_format")).isEqualTo("EAN13");
        assertThat(label.text("/data/product/unit")).isEqualTo("шт");
        assertThat(label.text("/data/quantity")).isEqualTo("3");
        assertThat(keeper.get("/api/products/products/" + id + "/print-label/?quantity=abc")
                        .at("/errors/quantity")
                        .isArray())
                .isTrue();
        long free = keeper.post("/api/products/products/", json("name", "Пакет", "sale_price", 0))
                .at("/id")
                .asLong();
        assertThat(keeper.get("/api/products/products/" + free + "/print_label/")
                        .text("/code"))
                .isEqualTo("no_price");
        // the seed README's store-switching example reads the catalog's index
        assertThat(keeper.get("/api/products/").text("/products")).isEqualTo("/api/products/products/");
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(6, "x", Map.of(store, "cashier")))
                        .get("/api/products/")
                        .text("/code"))
                .isEqualTo("missing_tenant_key");
    }

    @Test
    void lapsedHoldsAreSweptAndNoLongerCountAgainstStock() {
        String store = TestStores.newKey("swp");
        Api keeper = as(store, "stockkeeper");
        long id = keeper.post(
                        "/api/products/products/", json("name", "Сахар", "sale_price", 12000, "initial_quantity", 5))
                .at("/id")
                .asLong();
        String ref = UUID.randomUUID().toString();
        assertThat(as(store, "cashier")
                        .asService()
                        .post("/internal/reservations", json("request_ref", ref, "product_id", id, "quantity", 4))
                        .status())
                .isEqualTo(200);
        assertThat(keeper.get("/api/products/reservations/active/").at("/count").asInt())
                .isEqualTo(1);
        assertThat(keeper.get("/api/products/products/" + id + "/").text("/inventory/available_quantity"))
                .isEqualTo("1.000");
        jdbc.update(
                "update " + TestStores.schema(store)
                        + ".reservations set reserved_until = now() - interval '1 minute' where request_ref = ?",
                ref);
        assertThat(keeper.get("/api/products/products/" + id + "/").text("/inventory/available_quantity"))
                .isEqualTo("5.000");
        assertThat(TenantContext.call(provisioner.ensureReady(store), sweeper::sweep))
                .isEqualTo(1);
        assertThat(keeper.get("/api/products/reservations/?status=expired")
                        .at("/results/0/status_display")
                        .asText())
                .isEqualTo("Истёк");
        assertThat(keeper.post("/api/products/reservations/cleanup_expired/", null)
                        .text("/count"))
                .isEqualTo("0");
        assertThat(as(store, "cashier").get("/api/products/reservations/").text("/code"))
                .isEqualTo("permission_denied");
    }

    @Test
    void theMinuteSweepVisitsOnlyStoresWhereHoldsWerePlacedAndTheHourlyOneEveryStore() {
        // after a sweep of every store, the scheduled job only visits stores with holds for an hour
        sweeper.sweepEveryStore();
        String tills = TestStores.newKey("swt");
        String other = TestStores.newKey("swo");
        String quiet = TestStores.newKey("swq");
        long held = as(tills, "stockkeeper")
                .post("/api/products/products/", json("name", "Сахар", "sale_price", 12000, "initial_quantity", 5))
                .at("/id")
                .asLong();
        long elsewhere = as(other, "stockkeeper")
                .post("/api/products/products/", json("name", "Соль", "sale_price", 3000, "initial_quantity", 5))
                .at("/id")
                .asLong();
        assertThat(as(quiet, "stockkeeper")
                        .post("/api/products/products/", json("name", "Перец", "sale_price", 9000))
                        .status())
                .isEqualTo(201);
        String ref = UUID.randomUUID().toString();
        assertThat(as(tills, "cashier")
                        .asService()
                        .post("/internal/reservations", json("request_ref", ref, "product_id", held, "quantity", 2))
                        .status())
                .isEqualTo(200);
        jdbc.update(
                "update " + TestStores.schema(tills)
                        + ".reservations set reserved_until = now() - interval '1 minute' where request_ref = ?",
                ref);
        // a lapsed hold that another catalog instance placed before it stopped: this one never heard of it
        jdbc.update(
                "insert into " + TestStores.schema(other)
                        + ".reservations (product_id, quantity, request_ref, sale_ref, reserved_until) values (?, 1, 'elsewhere', '', now() - interval '1 minute')",
                elsewhere);

        int visited = sweeper.sweepStoresWithHolds();
        assertThat(status(tills, ref))
                .as("the store whose till held stock here was visited")
                .isEqualTo("expired");
        assertThat(status(other, "elsewhere"))
                .as("a store without holds placed here was not")
                .isEqualTo("active");
        assertThat(visited)
                .as("not every store")
                .isLessThan(jdbc.queryForObject(
                        "select count(*) from public.kassa_tenant where status = 'active'", Integer.class));

        assertThat(sweeper.sweepEveryStore()).isGreaterThanOrEqualTo(3);
        assertThat(status(other, "elsewhere"))
                .as("the hourly sweep visits every store")
                .isEqualTo("expired");
    }

    private String status(String store, String requestRef) {
        return jdbc.queryForObject(
                "select status from " + TestStores.schema(store) + ".reservations where request_ref = ?",
                String.class,
                requestRef);
    }

    @Test
    void everyRequestBodyInTheApiDocumentHasAnExample() {
        Api.Response docs = new Api("http://localhost:" + port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        ApiDocs.assertComplete("catalog-service", docs.body());
        // the error codes the service can answer (their status and messages: ApiDocs.assertComplete)
        assertThat(docs.body().at("/components/schemas/ErrorBody/properties/code/enum"))
                .extracting(JsonNode::asText)
                .contains("product_not_found", "barcode_not_found", "insufficient_stock", "permission_denied");
    }

    static List<Long> ids(Api.Response r) {
        List<Long> ids = new ArrayList<>();
        r.at("/results").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
