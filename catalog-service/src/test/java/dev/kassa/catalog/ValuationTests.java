package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the stock is worth (issue 63, point 6): at each batch's own cost and at the sale price, by category, supplier or
 * in total, now and at the end of a past business day from the ledger and the price history; bad input answered in the
 * error body; the back office and apps that manage the stock may ask, a cashier may not.
 */
@KassaIntegrationTest
class ValuationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    @Test
    void theStockIsValuedAtItsBatchesCostsAndTheSalePriceNowAndAsOfAPastDay() {
        String store = TestStores.newKey("val");
        Api owner = as(store, 1, "owner");
        long dairy = owner.post("/api/products/categories/", json("name", "Молочка"))
                .at("/id")
                .asLong();
        long milk = owner.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Молоко",
                                "category",
                                dairy,
                                "cost_price",
                                9000,
                                "sale_price",
                                12000,
                                "initial_quantity",
                                10))
                .at("/id")
                .asLong();
        owner.post(
                "/api/products/products/",
                json("name", "Спички", "cost_price", 2000, "sale_price", 3000, "initial_quantity", 5));
        // everything so far happened three days ago
        String schema = TestStores.schema(store);
        jdbc.update("update " + schema + ".stock_movements set created_at = created_at - interval '3 days'");
        jdbc.update("update " + schema + ".product_prices set valid_from = valid_from - interval '3 days'");
        // today: a second batch of milk from a supplier at a higher cost, two written off, a new price
        long supplier = owner.post("/api/products/suppliers/", json("name", "ООО Ферма"))
                .at("/id")
                .asLong();
        assertThat(owner.post(
                                "/api/products/batches/",
                                json("product", milk, "quantity", 4, "purchase_price", 10000, "supplier", supplier))
                        .status())
                .isEqualTo(201);
        assertThat(owner.post(
                                "/api/products/products/" + milk + "/adjust-stock",
                                json("quantity_change", -2, "reason", "write_off"))
                        .status())
                .isBetween(200, 204);
        assertThat(owner.patch("/api/products/products/" + milk + "/", json("sale_price", 13000))
                        .status())
                .isEqualTo(200);

        JsonNode now = owner.get("/api/products/valuation/").body();
        assertThat(now.path("as_of").isNull()).isTrue();
        assertThat(now.path("group_by").asText()).isEqualTo("category");
        // milk: 8 × 9 000 + 4 × 10 000 at cost, 12 × 13 000 at retail; matches: 5 × 2 000 and 5 × 3 000
        assertThat(now.at("/totals/cost_value").asText()).isEqualTo("122000.00");
        assertThat(now.at("/totals/retail_value").asText()).isEqualTo("171000.00");
        assertThat(now.at("/totals/margin").asText()).isEqualTo("49000.00");
        assertThat(now.at("/totals/margin_percent").asText()).isEqualTo("28.65");
        assertThat(now.at("/totals/products").asInt()).isEqualTo(2);
        assertThat(now.at("/totals/quantity").asText()).isEqualTo("17.000");
        assertThat(now.at("/groups/0/name").asText()).isEqualTo("Молочка");
        assertThat(now.at("/groups/0/id").asLong()).isEqualTo(dairy);
        assertThat(now.at("/groups/0/figures/cost_value").asText()).isEqualTo("112000.00");
        assertThat(now.at("/groups/1/id").isNull())
                .as("products without a category together")
                .isTrue();
        assertThat(now.at("/groups/1/figures/cost_value").asText()).isEqualTo("10000.00");

        JsonNode bySupplier =
                owner.get("/api/products/valuation/?group_by=supplier").body();
        assertThat(bySupplier.at("/groups/0/id").isNull()).isTrue();
        assertThat(bySupplier.at("/groups/0/figures/cost_value").asText()).isEqualTo("82000.00");
        assertThat(bySupplier.at("/groups/1/name").asText()).isEqualTo("ООО Ферма");
        assertThat(bySupplier.at("/groups/1/figures/cost_value").asText()).isEqualTo("40000.00");
        assertThat(bySupplier.at("/totals")).isEqualTo(now.at("/totals"));

        JsonNode yesterday = owner.get("/api/products/valuation/?group_by=none&as_of=" + today().minusDays(1))
                .body();
        assertThat(yesterday.path("as_of").asText())
                .isEqualTo(today().minusDays(1).toString());
        assertThat(yesterday.path("groups").size()).isZero();
        // before today's receipt, write-off and price: 10 × 9 000 + 5 × 2 000, at 12 000 and 3 000
        assertThat(yesterday.at("/totals/cost_value").asText()).isEqualTo("100000.00");
        assertThat(yesterday.at("/totals/retail_value").asText()).isEqualTo("135000.00");
        assertThat(yesterday.at("/totals/quantity").asText()).isEqualTo("15.000");
        JsonNode todayAsOf =
                owner.get("/api/products/valuation/?as_of=" + today()).body();
        assertThat(todayAsOf.path("totals")).as("today's end is now").isEqualTo(now.path("totals"));
        assertThat(owner.get("/api/products/valuation/?as_of=" + today().minusDays(10))
                        .at("/totals/cost_value")
                        .asText())
                .as("before anything was received")
                .isEqualTo("0.00");
    }

    @Test
    void badInputIsAnsweredInTheErrorBodyAndACashierMayNotAsk() {
        String store = TestStores.newKey("val");
        Api owner = as(store, 1, "owner");
        Api.Response future = owner.get("/api/products/valuation/?as_of=" + today().plusDays(1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("/code")).isEqualTo("invalid");
        assertThat(future.at("/errors/as_of/0").asText()).contains("позже");
        Api.Response notADate = owner.get("/api/products/valuation/?as_of=27.11.2026");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.at("/errors/as_of/0").asText()).contains("YYYY-MM-DD");
        Api.Response grouping = owner.english().get("/api/products/valuation/?group_by=brand");
        assertThat(grouping.status()).isEqualTo(400);
        assertThat(grouping.at("/errors/group_by/0").asText()).contains("category, supplier, location or none");

        assertThat(as(store, 2, "cashier").get("/api/products/valuation/").status())
                .as("costs are not a cashier's")
                .isEqualTo(403);
        assertThat(as(store, 3, "stockkeeper").get("/api/products/valuation/").status())
                .isEqualTo(200);
        assertThat(as(store, 4, "manager").get("/api/products/valuation/").status())
                .isEqualTo(200);
        Api stock = owner.as(TestTokens.app(91, store, "catalog:write"));
        assertThat(stock.get("/api/products/valuation/").status()).isEqualTo(200);
        Api reader = owner.as(TestTokens.app(92, store, "catalog:read"));
        assertThat(reader.get("/api/products/valuation/").status())
                .as("an app that only reads the catalogue sees no costs, as a cashier does not")
                .isEqualTo(403);
        assertThat(as(TestStores.newKey("val"), 5, "owner")
                        .in(store)
                        .get("/api/products/valuation/")
                        .status())
                .as("another store's owner")
                .isIn(403, 404);
    }
}
