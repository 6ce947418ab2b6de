package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What to reorder (issue 64 point 3): the ledger's sales of the last 28 days, stock and what is on order against the
 * supplier's lead time and the product's minimum, rounded up to the supplier's pack; draft orders made of a selection,
 * one per supplier, what is on order then counted; bad input, other stores and roles refused.
 */
@KassaIntegrationTest
class RequirementTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static long id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    void sell(String store, long product, int quantity, String sale, Long customer) {
        new TillSales(port, kafka).sell(store, product, quantity, sale, customer);
    }

    static JsonNode row(Api.Response list, long product) {
        for (JsonNode r : list.at("/results")) {
            if (r.path("product").asLong() == product) {
                return r;
            }
        }
        return null;
    }

    @Test
    void salesVelocityLeadTimeAndPackSizeSuggestWhatToOrderAndTheDraftsCountAsOnOrder() {
        String store = TestStores.newKey("req");
        Api owner = as(store, 1, "owner");
        Api keeper = as(store, 2, "stockkeeper");
        long supplier = id(owner.post("/api/products/suppliers/", json("name", "Оптовик", "delivery_time", 4)));
        long juice = id(owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Сок 1 л",
                        "cost_price",
                        7000,
                        "sale_price",
                        12000,
                        "initial_quantity",
                        20,
                        "min_quantity",
                        4)));
        long salt = id(owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Соль",
                        "cost_price",
                        2000,
                        "sale_price",
                        3000,
                        "initial_quantity",
                        100,
                        "min_quantity",
                        1)));
        long matches = id(owner.post(
                "/api/products/products/",
                json("name", "Спички", "cost_price", 500, "sale_price", 1000, "min_quantity", 1)));
        Api.Response packed = keeper.put(
                "/api/products/suppliers/" + supplier + "/products/" + juice, json("pack_size", 6, "cost_price", 6800));
        assertThat(packed.status()).as(packed.toString()).isEqualTo(200);
        assertThat(packed.text("/pack_size")).isEqualTo("6.000");
        keeper.put("/api/products/suppliers/" + supplier + "/products/" + salt, json("pack_size", 10));
        assertThat(keeper.get("/api/products/suppliers/" + supplier + "/products/")
                        .body()
                        .size())
                .isEqualTo(2);

        // 14 juices sold in the window: half a juice a day
        sell(store, juice, 9, "1", null);
        sell(store, juice, 5, "2", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + juice + "/").text("/quantity"))
                .isEqualTo("6.000"));

        Api.Response needed = keeper.get("/api/products/requirements/");
        assertThat(needed.status()).as(needed.toString()).isEqualTo(200);
        JsonNode j = row(needed, juice);
        assertThat(j).as(needed.toString()).isNotNull();
        assertThat(j.path("average_daily_sales").asText()).isEqualTo("0.500");
        assertThat(j.path("stock").asText()).isEqualTo("6.000");
        assertThat(j.path("lead_time_days").asInt()).isEqualTo(4);
        // at its reorder point (2 units sold over the lead time + the minimum 4); up to 9 of sales over 4 + 14 days and
        // the minimum, 7 short, so two packs of 6
        assertThat(j.path("reorder_point").asText()).isEqualTo("6.000");
        assertThat(j.path("suggested_quantity").asText()).isEqualTo("12.000");
        assertThat(j.path("supplier_name").asText()).isEqualTo("Оптовик");
        assertThat(row(needed, salt)).as("plenty of salt").isNull();
        assertThat(row(needed, matches).path("suggested_quantity").asText())
                .as("no stock, its minimum of one")
                .isEqualTo("1.000");
        assertThat(row(keeper.get("/api/products/requirements/?needed=false"), salt)
                        .path("suggested_quantity")
                        .asText())
                .isEqualTo("0.000");
        assertThat(row(keeper.get("/api/products/requirements/?days_of_cover=28"), juice)
                        .path("suggested_quantity")
                        .asText())
                .as("14 short: three packs")
                .isEqualTo("18.000");

        Api.Response made = keeper.post(
                "/api/products/requirements/purchase-orders", json("products", List.of(juice, salt, matches)));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.at("/orders").size()).isEqualTo(1);
        assertThat(made.text("/orders/0/status")).isEqualTo("draft");
        assertThat(made.text("/orders/0/lines/0/quantity")).isEqualTo("12.000");
        assertThat(made.text("/orders/0/lines/0/cost_price"))
                .as("the supplier's last cost")
                .isEqualTo("6800.00");
        assertThat(made.at("/skipped").toString()).contains("\"no_supplier\"", "\"nothing_to_order\"");
        // once ordered, the 12 on order cover it
        long order = made.at("/orders/0/id").asLong();
        keeper.post("/api/products/purchase-orders/" + order + "/order", null);
        JsonNode after = row(keeper.get("/api/products/requirements/?needed=false"), juice);
        assertThat(after.path("on_order").asText()).isEqualTo("12.000");
        assertThat(after.path("suggested_quantity").asText()).isEqualTo("0.000");
    }

    @Test
    void theVelocityCountsTheSalesOfTheWindowsDaysNetOfRefunds() {
        String store = TestStores.newKey("req3");
        Api owner = as(store, 1, "owner");
        long tea =
                id(owner.post("/api/products/products/", json("name", "Чай", "cost_price", 3000, "sale_price", 5000)));
        id(owner.post("/api/products/batches/", json("product", tea, "quantity", 2, "purchase_price", 3000)));
        long second =
                id(owner.post("/api/products/batches/", json("product", tea, "quantity", 38, "purchase_price", 3000)));
        String schema = TestStores.schema(store);
        String days = schema + ".product_sales_days";
        // each day's sales are set aside on a day of their own, then moved before the window is read (below)
        // 3 sold from both batches (two movements of one statement), to be the window's first day, 28 days ago
        sell(store, tea, 3, "1", null);
        awaitQuantity(owner, tea, "37.000");
        assertThat(jdbc.update("update " + days + " set day = date '2000-01-02' where product_id = ?", tea))
                .isOne();
        // 10 sold, to be 29 days ago: before the window
        sell(store, tea, 10, "2", null);
        awaitQuantity(owner, tea, "27.000");
        assertThat(jdbc.update(
                        "update " + days
                                + " set day = date '2000-01-01' where product_id = ? and day > date '2000-01-02'",
                        tea))
                .isOne();
        // today 14 sold and 2 of them brought back
        sell(store, tea, 14, "3", null);
        awaitQuantity(owner, tea, "13.000");
        new TillSales(port, kafka).refund(store, tea, second, 2, "3");
        awaitQuantity(owner, tea, "15.000");
        assertThat(jdbc.update(
                        "update " + days
                                + " d set day = case d.day when date '2000-01-02' then t.today - 28 else t.today - 29 end"
                                + " from (select " + schema + ".store_day(now(), z.name, z.utc_offset) as today from "
                                + schema
                                + ".store_zone() z) t where d.product_id = ? and d.day < date '2001-01-01'",
                        tea))
                .isEqualTo(2);

        JsonNode row = row(as(store, 2, "stockkeeper").get("/api/products/requirements/?needed=false"), tea);
        assertThat(row.path("average_daily_sales").asText())
                .as("3 + 14 − 2 over 28 days")
                .isEqualTo("0.536");
        assertThat(jdbc.queryForObject(
                        "select -sum(quantity) from " + days + " where product_id = ?", BigDecimal.class, tea))
                .as("every unit sold, by day, as the ledger has them")
                .isEqualByComparingTo(jdbc.queryForObject(
                        "select -sum(quantity) from " + TestStores.schema(store)
                                + ".stock_movements where product_id = ? and reason in ('sale', 'refund')",
                        BigDecimal.class,
                        tea))
                .isEqualByComparingTo("25");
    }

    @Test
    void aSalesDayIsTheStoresInItsTimeZoneWhicheverWayTheZoneIsWritten() {
        String store = TestStores.newKey("req4");
        assertThat(as(store, 1, "owner").get("/api/products/requirements/").status())
                .isEqualTo(200);
        String schema = TestStores.schema(store);
        String zone = jdbc.queryForObject(
                "select time_zone from public.kassa_tenant where tenant_key = ?", String.class, store);
        // 20:30 UTC on New Year's Day: already the 2nd east of UTC+03:30, still the 1st west of it; 22:30 UTC on 1
        // July:
        // the 2nd in Paris's summer time (CET with its summer, not the abbreviation's fixed hour)
        List<List<String>> days = List.of(
                List.of("Asia/Tashkent", "2026-01-01 20:30", "2026-01-02"),
                List.of("+05:00", "2026-01-01 20:30", "2026-01-02"),
                List.of("UTC+05:30", "2026-01-01 20:30", "2026-01-02"),
                List.of("+03:29:30", "2026-01-01 20:30", "2026-01-01"),
                List.of("Pacific/Kiritimati", "2026-01-01 20:30", "2026-01-02"),
                List.of("-03:00", "2026-01-01 20:30", "2026-01-01"),
                List.of("GMT-03:00", "2026-01-01 20:30", "2026-01-01"),
                List.of("UT+01:00", "2026-01-01 20:30", "2026-01-01"),
                List.of("America/New_York", "2026-01-01 20:30", "2026-01-01"),
                List.of("Z", "2026-01-01 20:30", "2026-01-01"),
                List.of("CET", "2026-07-01 22:30", "2026-07-02"),
                List.of("CET", "2026-01-01 22:30", "2026-01-01"),
                List.of("Nowhere/Atlantis", "2026-01-01 20:30", "2026-01-01"));
        try {
            for (List<String> c : days) {
                jdbc.update("update public.kassa_tenant set time_zone = ? where tenant_key = ?", c.get(0), store);
                assertThat(jdbc.queryForObject(
                                "select cast(" + schema
                                        + ".store_day(cast(? as timestamptz), z.name, z.utc_offset) as text)" + " from "
                                        + schema + ".store_zone() z",
                                String.class,
                                c.get(1) + ":00+00"))
                        .as(c.get(0) + " at " + c.get(1) + " UTC")
                        .isEqualTo(c.get(2));
            }
        } finally {
            jdbc.update("update public.kassa_tenant set time_zone = ? where tenant_key = ?", zone, store);
        }
    }

    static void awaitQuantity(Api owner, long product, String quantity) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product + "/").text("/quantity"))
                .isEqualTo(quantity));
    }

    @Test
    void badInputOtherStoresAndRolesAreRefused() {
        String store = TestStores.newKey("req2");
        Api owner = as(store, 1, "owner");
        long supplier = id(owner.post("/api/products/suppliers/", json("name", "Поставщик")));
        long product =
                id(owner.post("/api/products/products/", json("name", "Мука", "cost_price", 100, "sale_price", 200)));
        assertThat(owner.get("/api/products/requirements/?days_of_cover=0")
                        .at("/errors/days_of_cover")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/products/requirements/?days_of_cover=x")
                        .at("/errors/days_of_cover")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/products/requirements/?needed=maybe")
                        .at("/errors/needed")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/products/requirements/purchase-orders", json("products", List.of()))
                        .at("/errors/products")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/products/requirements/purchase-orders", json("products", List.of(987654)))
                        .at("/errors/products")
                        .isArray())
                .isTrue();
        String url = "/api/products/suppliers/" + supplier + "/products/" + product;
        assertThat(owner.put(url, json("pack_size", 0)).at("/errors/pack_size").isArray())
                .isTrue();
        assertThat(owner.put("/api/products/suppliers/987654/products/" + product, json("pack_size", 1))
                        .text("/code"))
                .isEqualTo("supplier_not_found");
        assertThat(owner.put("/api/products/suppliers/" + supplier + "/products/987654", json("pack_size", 1))
                        .text("/code"))
                .isEqualTo("product_not_found");
        assertThat(as(store, 3, "cashier").get("/api/products/requirements/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, 3, "cashier").put(url, json("pack_size", 2)).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(TestStores.newKey("req3"), 1, "owner")
                        .get("/api/products/suppliers/" + supplier + "/products/")
                        .text("/code"))
                .isEqualTo("supplier_not_found");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/products/requirements/")
                        .status())
                .isEqualTo(401);
        assertThat(owner.get("/api/products/suppliers/" + supplier + "/products/")
                        .body()
                        .size())
                .as("nothing set by a refused call")
                .isZero();
    }

    /** Whether the store has announced the product as under its reorder point (and not yet seen it back above). */
    boolean announced(String store, long product) {
        String schema = jdbc.queryForObject(
                "select schema_name from public.kassa_tenant where tenant_key = ?", String.class, store);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from \"" + schema + "\".stock_low_alerts where product_id = ?)",
                Boolean.class,
                product));
    }

    @Test
    void aProductFallingUnderItsReorderPointIsAnnouncedOnceAndAgainAfterARestock() {
        String store = TestStores.newKey("low");
        Api owner = as(store, 1, "owner");
        long supplier = id(owner.post("/api/products/suppliers/", json("name", "Молочный край", "delivery_time", 4)));
        long kefir = id(owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Кефир 1 л",
                        "sku",
                        "KEF-LOW",
                        "cost_price",
                        7000,
                        "sale_price",
                        12000,
                        "initial_quantity",
                        20,
                        "min_quantity",
                        2)));
        owner.put("/api/products/suppliers/" + supplier + "/products/" + kefir, json("pack_size", 6));
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> events =
                dev.kassa.platform.test.TestKafka.consumer()) {
            events.subscribe(List.of(dev.kassa.platform.events.Topics.CATALOG));
            List<JsonNode> low = new java.util.ArrayList<>();
            // 14 sold (half a unit a day): 6 left, above the reorder point of 0.5 × 4 days + 2 = 4
            sell(store, kefir, 14, "L1", null);
            // 2 more: 16 sold in the window, 0.571 a day: the reorder point is 4.284, and 4 are left
            sell(store, kefir, 2, "L2", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                collect(events, store, kefir, low);
                return !low.isEmpty();
            });
            assertThat(low.get(0).path("stock").asText()).isEqualTo("4.000");
            assertThat(low.get(0).path("reorder_point").asText()).isEqualTo("4.284");
            assertThat(low.get(0).path("lead_time_days").asInt()).isEqualTo(4);
            assertThat(low.get(0).path("supplier_id").asLong()).isEqualTo(supplier);
            // (0.571 × 18 + 2 = 12.278) − 4, up to the pack of 6
            assertThat(low.get(0).path("suggested_quantity").asText()).isEqualTo("12.000");
            assertThat(announced(store, kefir)).isTrue();
            assertThat(dev.kassa.platform.test.EventSamples.awaitEmitted(
                                    dev.kassa.catalog.inventory.purchase.StockLow.class, store)
                            .at("/payload/product_id")
                            .asLong())
                    .isEqualTo(kefir);

            // still under it: nothing new; goods come: above it again, so the next fall is announced again
            sell(store, kefir, 1, "L3", null);
            Api.Response batch = owner.post("/api/products/batches", json("product", kefir, "quantity", 30));
            assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> !announced(store, kefir));
            sell(store, kefir, 31, "L4", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                collect(events, store, kefir, low);
                return low.size() >= 2;
            });
            assertThat(low).hasSize(2);
            assertThat(low.get(1).path("stock").asText()).isEqualTo("2.000");
        }
    }

    /** The store's StockLow events of the product among what one poll returns. */
    static void collect(
            org.apache.kafka.clients.consumer.KafkaConsumer<String, String> events,
            String store,
            long product,
            List<JsonNode> low) {
        dev.kassa.platform.test.TestKafka.poll(events, store).stream()
                .filter(e -> "StockLow".equals(e.path("type").asText()))
                .map(e -> e.path("payload"))
                .filter(p -> p.path("product_id").asLong() == product)
                .forEach(low::add);
    }
}
