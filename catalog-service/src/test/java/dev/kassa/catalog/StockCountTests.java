package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.ImportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stock-takes (issue 63, points 1-3): a count over a scope, counted from several devices (add and set), blind to its
 * counters, showing expected, counted and the difference at cost; applied once into the ledger with reason count, a sale
 * between a product's count and the apply counted once; bad input, other stores and roles refused without a change.
 */
@KassaIntegrationTest
class StockCountTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static long id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    static long product(Api owner, String name, Long category, String barcode, int quantity, int cost) {
        Map<String, Object> form =
                json("name", name, "cost_price", cost, "sale_price", cost * 2, "initial_quantity", quantity);
        if (category != null) {
            form.put("category", category);
        }
        if (barcode != null) {
            form.put("barcode", barcode);
        }
        return id(owner.post("/api/products/products/", form));
    }

    String quantity(Api api, long product) {
        return api.get("/api/products/products/" + product + "/").text("/quantity");
    }

    /** The names of an answer's fields. */
    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The item of {@code product} in a count's detail as {@code api} sees it. */
    static JsonNode item(Api api, long count, long product) {
        for (JsonNode item :
                api.get("/api/products/counts/" + count + "/?page_size=100").at("/items/results")) {
            if (item.path("product").asLong() == product) {
                return item;
            }
        }
        throw new AssertionError("product " + product + " is not in count " + count);
    }

    @Test
    void devicesCountTogetherBlindToCountersAndTheApplyCorrectsTheLedgerOnceWithASaleMeanwhileCountedOnce() {
        String store = TestStores.newKey("cnt");
        Api owner = as(store, 1, "owner");
        Api keeper = as(store, 2, "stockkeeper");
        Api cashier = as(store, 3, "cashier");
        long drinks = id(owner.post("/api/products/categories/", json("name", "Напитки")));
        long juices = id(owner.post("/api/products/categories/", json("name", "Соки", "parent", drinks)));
        long cola = product(owner, "Кола", drinks, "4780000000014", 10, 8000);
        long juice = product(owner, "Сок", juices, null, 6, 5000);
        long bread = product(owner, "Хлеб", null, null, 20, 3000);
        long salt = product(owner, "Соль", null, null, 0, 1000);
        owner.post("/api/products/products/", json("name", "Доставка", "sale_price", 10000, "track_inventory", false));

        Api.Response opened = keeper.post("/api/products/counts/", json("name", "Полная", "blind", true));
        long count = id(opened);
        assertThat(opened.text("/status")).isEqualTo("open");
        assertThat(opened.at("/totals/products").asInt())
                .as("every tracked product, not the service")
                .isEqualTo(4);

        // two devices count the cola shelf: their counts add up
        Api.Response first = cashier.post(
                "/api/products/counts/" + count + "/lines/", json("product", cola, "counted", 4, "device", "phone-1"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("/items/0/counted")).isEqualTo("4.000");
        assertThat(first.at("/items/0/expected").isNull())
                .as("blind to a cashier")
                .isTrue();
        Api.Response second = keeper.post(
                "/api/products/counts/" + count + "/lines/",
                json("barcode", "4780000000014", "counted", 3, "device", "scanner-2"));
        assertThat(second.text("/items/0/counted")).isEqualTo("7.000");
        assertThat(second.at("/items/0/difference").isNull())
                .as("blind to a stockkeeper")
                .isTrue();
        // a miscount corrected with set; a surplus of salt, which has no batch
        Api.Response juiceLines = keeper.post(
                "/api/products/counts/" + count + "/lines/",
                json(
                        "lines",
                        List.of(
                                json("product", juice, "counted", 8),
                                json("product", juice, "counted", 5, "mode", "set"),
                                json("product", salt, "counted", "2.5"))));
        assertThat(juiceLines.status()).as(juiceLines.toString()).isEqualTo(201);
        assertThat(juiceLines.text("/items/0/counted")).isEqualTo("5.000");
        assertThat(juiceLines.text("/items/1/counted")).isEqualTo("2.500");

        JsonNode seen = owner.get("/api/products/counts/" + count + "/").body();
        assertThat(seen.at("/totals/counted").asInt()).isEqualTo(3);
        assertThat(seen.at("/totals/not_counted").asInt()).isEqualTo(1);
        assertThat(seen.at("/totals/differing").asInt()).isEqualTo(3);
        // cola 3 × 8 000 and juice 1 × 5 000 short; salt 2.5 × 1 000 over
        assertThat(seen.at("/totals/shortage_value").asText()).isEqualTo("29000.00");
        assertThat(seen.at("/totals/surplus_value").asText()).isEqualTo("2500.00");
        assertThat(seen.at("/totals/net_value").asText()).isEqualTo("-26500.00");
        // the answer is the count's row as always shown (the status by its code), its figures and its items' rows
        assertThat(names(seen))
                .containsExactlyInAnyOrder(
                        "id",
                        "name",
                        "status",
                        "blind",
                        "products",
                        "categories",
                        "created_by",
                        "created_at",
                        "finished_by",
                        "finished_at",
                        "totals",
                        "items");
        assertThat(seen.at("/status").asText()).isEqualTo("open");
        assertThat(names(seen.at("/items/results/0")))
                .containsExactlyInAnyOrder(
                        "product",
                        "name",
                        "sku",
                        "barcode",
                        "expected",
                        "counted",
                        "difference",
                        "difference_value",
                        "counted_at",
                        "applied");
        assertThat(seen.at("/items/count").asInt()).isEqualTo(4);
        JsonNode colaSeen = item(owner, count, cola);
        assertThat(colaSeen.path("expected").asText()).isEqualTo("10.000");
        assertThat(colaSeen.path("difference").asText()).isEqualTo("-3.000");
        assertThat(colaSeen.path("difference_value").asText()).isEqualTo("-24000.00");
        JsonNode breadSeen = item(owner, count, bread);
        assertThat(breadSeen.path("counted").isNull()).as("not counted yet").isTrue();
        assertThat(breadSeen.path("expected").asText()).isEqualTo("20.000");
        assertThat(owner.get("/api/products/counts/" + count + "/?state=not_counted")
                        .at("/items/results/0/product")
                        .asLong())
                .isEqualTo(bread);
        JsonNode blind = keeper.get("/api/products/counts/" + count + "/").body();
        assertThat(blind.at("/totals/differing").isNull()).isTrue();
        assertThat(blind.at("/items/results/0/expected").isNull()).isTrue();
        assertThat(keeper.get("/api/products/counts/" + count + "/?state=different")
                        .status())
                .as("a counter cannot list the differences of a blind count")
                .isEqualTo(400);

        // two colas are sold after they were counted: the count saw them on the shelf, the sale takes them
        String ref = UUID.randomUUID().toString();
        assertThat(cashier.asService()
                        .post("/internal/reservations", json("request_ref", ref, "product_id", cola, "quantity", 2))
                        .status())
                .isEqualTo(200);
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", "71")
                        .set("/receipt_number", "R-71")
                        .set("/lines/0/product_id", cola)
                        .set("/lines/0/quantity", "2.000")
                        .set("/lines/0/reservation_ref", ref)))
                .join();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(quantity(owner, cola)).isEqualTo("8.000"));

        assertThat(keeper.post("/api/products/counts/" + count + "/apply", null).text("/code"))
                .as("a stockkeeper counts but does not apply")
                .isEqualTo("permission_denied");
        Api.Response applied = owner.post("/api/products/counts/" + count + "/apply", null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.text("/status")).isEqualTo("applied");
        assertThat(applied.at("/finished_by").asLong()).isEqualTo(1);
        assertThat(quantity(owner, cola)).as("7 counted, 2 sold since").isEqualTo("5.000");
        assertThat(quantity(owner, juice)).isEqualTo("5.000");
        assertThat(quantity(owner, salt)).isEqualTo("2.500");
        assertThat(quantity(owner, bread)).as("not counted: left as it was").isEqualTo("20.000");
        String schema = TestStores.schema(store);
        List<String> ledger = jdbc.queryForList(
                "select product_id || ' ' || quantity || ' ' || reference || ' ' || created_by from " + schema
                        + ".stock_movements where reason = 'count' order by product_id, id",
                String.class);
        assertThat(ledger)
                .containsExactly(
                        cola + " -3.000 COUNT-" + count + " 1",
                        juice + " -1.000 COUNT-" + count + " 1",
                        salt + " 2.500 COUNT-" + count + " 1");
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + schema + ".batches b where b.product_id = ? and b.quantity = 2.5"
                                + " and b.purchase_price = 1000",
                        Integer.class,
                        salt))
                .as("the surplus of a product with no batch is a new batch at its cost")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from (select p.id from " + schema + ".products p left join " + schema
                                + ".stock_movements m on m.product_id = p.id group by p.id having coalesce(sum(m.quantity), 0)"
                                + " <> (select coalesce(sum(quantity), 0) from " + schema
                                + ".batches b where b.product_id = p.id)) x",
                        Integer.class))
                .as("the ledger and the batches agree")
                .isZero();
        assertThat(item(keeper, count, cola).path("applied").asText()).isEqualTo("-3.000");
        assertThat(item(keeper, count, cola).path("expected").asText())
                .as("an applied count is blind no more")
                .isEqualTo("10.000");

        Api.Response again = owner.post("/api/products/counts/" + count + "/apply", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("finished_at")).isEqualTo(applied.body().path("finished_at"));
        assertThat(quantity(owner, cola)).as("applied once").isEqualTo("5.000");
        assertThat(cashier.post("/api/products/counts/" + count + "/lines/", json("product", bread, "counted", 1))
                        .text("/code"))
                .isEqualTo("count_closed");
        assertThat(owner.post("/api/products/counts/" + count + "/cancel", null).text("/code"))
                .isEqualTo("count_applied");
        assertThat(owner.get("/api/products/counts/?status=applied")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(count);
    }

    @Test
    void aCountOfCategoriesTakesTheirSubcategoriesAndHeldUnitsAreNeverCountedAway() {
        String store = TestStores.newKey("cnt");
        Api owner = as(store, 1, "owner");
        long drinks = id(owner.post("/api/products/categories/", json("name", "Напитки")));
        long juices = id(owner.post("/api/products/categories/", json("name", "Соки", "parent", drinks)));
        long cola = product(owner, "Кола", drinks, null, 5, 8000);
        long juice = product(owner, "Сок", juices, null, 6, 5000);
        product(owner, "Хлеб", null, null, 20, 3000);
        long count = id(owner.post("/api/products/counts/", json("name", "Напитки", "categories", List.of(drinks))));
        JsonNode opened = owner.get("/api/products/counts/" + count + "/").body();
        assertThat(opened.at("/totals/products").asInt()).isEqualTo(2);
        assertThat(opened.at("/categories/0").asLong()).isEqualTo(drinks);

        // four colas are in a till's open sale: the shelf should hold one, and one is there
        assertThat(as(store, 3, "cashier")
                        .asService()
                        .post(
                                "/internal/reservations",
                                json("request_ref", UUID.randomUUID().toString(), "product_id", cola, "quantity", 4))
                        .status())
                .isEqualTo(200);
        Api.Response counted = owner.post(
                "/api/products/counts/" + count + "/lines/",
                json("lines", List.of(json("product", cola, "counted", 1), json("product", juice, "counted", 0))));
        assertThat(counted.text("/items/0/expected")).isEqualTo("1.000");
        assertThat(counted.text("/items/0/difference")).isEqualTo("0.000");
        assertThat(owner.post("/api/products/counts/" + count + "/apply", null).status())
                .isEqualTo(200);
        assertThat(quantity(owner, cola))
                .as("the held units stay for their sale")
                .isEqualTo("5.000");
        assertThat(quantity(owner, juice)).isEqualTo("0.000");
    }

    @Test
    void badInputOtherStoresAndRolesAreRefusedAndChangeNothing() {
        String store = TestStores.newKey("cnt");
        Api owner = as(store, 1, "owner");
        Api cashier = as(store, 3, "cashier");
        long drinks = id(owner.post("/api/products/categories/", json("name", "Напитки")));
        long cola = product(owner, "Кола", drinks, "4780000000014", 10, 8000);
        long bread = product(owner, "Хлеб", null, null, 20, 3000);

        assertThat(owner.post("/api/products/counts/", json("name", "a\u0000b", "products", List.of(cola)))
                        .at("/errors/name/0")
                        .asText())
                .isNotBlank();
        Api.Response nameless = owner.post("/api/products/counts/", json("products", List.of(cola)));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.at("/errors/name/0").asText()).isNotBlank();
        Api.Response both = owner.post(
                "/api/products/counts/", json("name", "x", "products", List.of(cola), "categories", List.of(drinks)));
        assertThat(both.at("/errors/categories/0").asText()).contains("либо");
        Api.Response unknown =
                owner.english().post("/api/products/counts/", json("name", "x", "products", List.of(cola, 999999)));
        assertThat(unknown.at("/errors/products/0").asText()).contains("999999");
        assertThat(owner.post("/api/products/counts/", json("name", "x", "products", List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(owner.post("/api/products/counts/", "not json").status()).isEqualTo(400);
        assertThat(cashier.post("/api/products/counts/", json("name", "x")).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(owner.get("/api/products/counts/").at("/count").asInt())
                .as("nothing opened by the refusals")
                .isZero();

        long count = id(owner.post("/api/products/counts/", json("name", "Напитки", "categories", List.of(drinks))));
        String lines = "/api/products/counts/" + count + "/lines/";
        Api.Response outside = cashier.post(lines, json("product", bread, "counted", 1));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.at("/errors/product/0").asText()).contains("не входит");
        Api.Response wrong = cashier.post(
                lines,
                json(
                        "lines",
                        List.of(
                                json("product", cola, "counted", 3),
                                json("barcode", "0000000000000", "counted", 1),
                                json("product", cola, "counted", -1, "mode", "replace"))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.at("/errors/lines.1.barcode/0").asText()).contains("0000000000000");
        assertThat(wrong.at("/errors/lines.2.counted/0").asText()).isNotBlank();
        assertThat(wrong.at("/errors/lines.2.mode/0").asText()).contains("set");
        assertThat(cashier.post(lines, json("product", cola, "counted", 1, "lines", List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(cashier.post(lines, json("counted", 1))
                        .at("/errors/product/0")
                        .asText())
                .isNotBlank();
        assertThat(item(owner, count, cola).path("counted").isNull())
                .as("a wrong line writes none of its call")
                .isTrue();
        assertThat(owner.get("/api/products/counts/" + count + "/?state=odd").status())
                .isEqualTo(400);
        assertThat(owner.get("/api/products/counts/?status=odd").status()).isEqualTo(400);
        assertThat(owner.get("/api/products/counts/999999/").text("/code")).isEqualTo("count_not_found");
        assertThat(owner.post("/api/products/counts/999999/apply", null).text("/code"))
                .isEqualTo("count_not_found");

        // no token; a member of another store, in its own store and in this one
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/products/counts/" + count + "/")
                        .status())
                .isEqualTo(401);
        String other = TestStores.newKey("cnt");
        Api stranger = as(other, 9, "owner");
        assertThat(stranger.get("/api/products/counts/" + count + "/").text("/code"))
                .as("another store's count is not found in one's own")
                .isEqualTo("count_not_found");
        assertThat(stranger.in(store)
                        .post("/api/products/counts/" + count + "/apply", null)
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(cashier.post("/api/products/counts/" + count + "/apply", null)
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.post("/api/products/counts/" + count + "/cancel", null)
                        .text("/code"))
                .isEqualTo("permission_denied");

        cashier.post(lines, json("product", cola, "counted", 3));
        Api.Response cancelled = as(store, 2, "stockkeeper").post("/api/products/counts/" + count + "/cancel", null);
        assertThat(cancelled.text("/status")).isEqualTo("cancelled");
        assertThat(owner.post("/api/products/counts/" + count + "/apply", null).text("/code"))
                .isEqualTo("count_cancelled");
        assertThat(owner.post("/api/products/counts/" + count + "/cancel", null).status())
                .as("cancelling again answers the same")
                .isEqualTo(200);
        assertThat(quantity(owner, cola)).as("nothing changed the stock").isEqualTo("10.000");
    }

    @Test
    void devicesCountingAtOnceAddUpExactlyAndTwoAppliesAtOnceApplyOnce() throws Exception {
        String store = TestStores.newKey("cnt");
        Api owner = as(store, 1, "owner");
        long cola = product(owner, "Кола", null, null, 100, 8000);
        long count = id(owner.post("/api/products/counts/", json("name", "Полка", "products", List.of(cola))));
        // eight scanners, as on two instances, each adding 25 single units to the same product at once
        ExecutorService devices = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int d = 0; d < 8; d++) {
                String device = "scanner-" + d;
                answers.add(devices.submit(() -> {
                    int created = 0;
                    for (int k = 0; k < 25; k++) {
                        if (owner.post(
                                                "/api/products/counts/" + count + "/lines/",
                                                json("product", cola, "counted", 1, "device", device))
                                        .status()
                                == 201) {
                            created++;
                        }
                    }
                    return created;
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(25);
            }
            assertThat(item(owner, count, cola).path("counted").asText())
                    .as("no count lost or doubled")
                    .isEqualTo("200.000");
            // two managers apply at once: one applies, the other answers the same
            List<Future<Api.Response>> applies = List.of(
                    devices.submit(() -> owner.post("/api/products/counts/" + count + "/apply", null)),
                    devices.submit(() -> owner.post("/api/products/counts/" + count + "/apply", null)));
            for (Future<Api.Response> applied : applies) {
                assertThat(applied.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            devices.shutdownNow();
        }
        assertThat(quantity(owner, cola)).isEqualTo("200.000");
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".stock_movements where reason = 'count'",
                        Integer.class))
                .as("applied once")
                .isEqualTo(1);
    }

    @Test
    void thousandsOfProductsCountedInBulkApplyExactlyIntoTheLedger() {
        String store = TestStores.newKey("cnt");
        Api owner = as(store, 1, "owner");
        int n = 3000;
        StringBuilder csv = new StringBuilder("SKU;Name;Sale price;Cost price;On hand\r\n");
        for (int i = 0; i < n; i++) {
            csv.append("CNT-").append(i).append(";Товар ").append(i).append(";2000;1000;10\r\n");
        }
        JsonNode job = ImportedFiles.finished(
                owner,
                owner.multipart(
                        "POST",
                        "/api/products/imports/",
                        new Api.Form()
                                .file(
                                        "file",
                                        "p.csv",
                                        "text/csv",
                                        csv.toString().getBytes(StandardCharsets.UTF_8))),
                "/api/products/imports/");
        assertThat(job.at("/counts/created").asInt()).as(job.toString()).isEqualTo(n);
        String schema = TestStores.schema(store);
        List<Long> products = jdbc.queryForList("select id from " + schema + ".products order by id", Long.class);
        long count = id(owner.post("/api/products/counts/", json("name", "Годовая")));
        // product k counted as 10 + (k mod 5) - 2: two short, one short, right, one over, two over
        for (int from = 0; from < n; from += 1000) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int k = from; k < from + 1000; k++) {
                lines.add(json("product", products.get(k), "counted", 8 + k % 5, "device", "scanner-" + from));
            }
            Api.Response counted = owner.post("/api/products/counts/" + count + "/lines/", json("lines", lines));
            assertThat(counted.status()).as(counted.toString()).isEqualTo(201);
        }
        long started = System.nanoTime();
        Api.Response applied = owner.post("/api/products/counts/" + count + "/apply", null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        System.out.println("stock count of " + n + " products applied in " + millis + " ms");
        assertThat(applied.at("/totals/differing").asInt()).isEqualTo(n / 5 * 4);
        assertThat(jdbc.queryForObject(
                        "select count(*) from (select row_number() over (order by p.id) - 1 as k, (select sum(quantity) from "
                                + schema + ".batches b where b.product_id = p.id) as q, (select sum(quantity) from "
                                + schema
                                + ".stock_movements m where m.product_id = p.id) as l from " + schema
                                + ".products p) x where q <> 8 + k % 5 or l <> q",
                        Integer.class))
                .as("every product holds what was counted, and its ledger says so")
                .isZero();
    }
}
