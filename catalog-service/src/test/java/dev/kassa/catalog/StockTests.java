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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Receiving stock into batches, adjustments and write-offs, and the history that records them. */
@KassaIntegrationTest
class StockTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper objectMapper;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    long product(Api api, Object initial, Object min) {
        Api.Response r = api.post(
                "/api/products/products/",
                json(
                        "name",
                        "Молоко " + UUID.randomUUID().toString().substring(0, 4),
                        "cost_price",
                        9000,
                        "sale_price",
                        12000,
                        "unit",
                        "pcs",
                        "initial_quantity",
                        initial,
                        "min_quantity",
                        min));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    @Test
    void aTillHoldsByEveryKindOfScannedCodeAndABatchCodeTakesThatBatch() {
        String store = TestStores.newKey("scn");
        Api keeper = as(store, 8, "stockkeeper");
        long milk = product(keeper, 10, 0);
        String own = keeper.get("/api/products/products/" + milk + "/").text("/barcode");
        assertThat(keeper.post("/api/products/barcodes/", json("product", milk, "barcode", "4870000000035"))
                        .status())
                .isEqualTo(201);
        // FEFO would take from the batch that expires first; the later one is named by its own code below
        assertThat(keeper.post(
                                "/api/products/batches/",
                                json(
                                        "product",
                                        milk,
                                        "quantity",
                                        5,
                                        "expiry_date",
                                        today().plusDays(90).toString()))
                        .status())
                .isEqualTo(201);
        Api.Response later = keeper.post(
                "/api/products/batches/",
                json(
                        "product",
                        milk,
                        "quantity",
                        5,
                        "expiry_date",
                        today().plusDays(180).toString()));
        Api service = as(store, 8, "cashier").asService();
        for (String code : List.of(own, "4870000000035")) {
            Api.Response held = service.post(
                    "/internal/reservations",
                    json("request_ref", UUID.randomUUID().toString(), "barcode", code, "quantity", 1));
            assertThat(held.status()).as(held.toString()).isEqualTo(200);
            assertThat(held.at("/product/id").asLong()).isEqualTo(milk);
        }
        // a batch's own code holds from that batch, not from the one FEFO would pick
        Api.Response fromBatch = service.post(
                "/internal/reservations",
                json("request_ref", UUID.randomUUID().toString(), "barcode", later.text("/barcode"), "quantity", 2));
        assertThat(fromBatch.status()).as(fromBatch.toString()).isEqualTo(200);
        assertThat(fromBatch.at("/allocations").size()).isEqualTo(1);
        assertThat(fromBatch.at("/allocations/0/batch_id").asLong())
                .isEqualTo(later.at("/id").asLong());
        Api.Response unknown = service.post(
                "/internal/reservations",
                json("request_ref", UUID.randomUUID().toString(), "barcode", "0000000000000", "quantity", 1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/code")).isEqualTo("product_not_found");
    }

    @Test
    void aSaleSentWholeTakesEachLineFefoAndALaterLineOfTheSameProductTakesWhatTheFirstLeft() {
        String store = TestStores.newKey("fefo");
        Api keeper = as(store, 8, "stockkeeper");
        long milk = product(keeper, 0, 0);
        long bread = product(keeper, 5, 0);
        long early = batch(keeper, milk, 2, today().plusDays(30));
        long late = batch(keeper, milk, 4, today().plusDays(90));
        Api service = as(store, 8, "cashier").asService();

        Api.Response sale = holdLines(service, milk, 3, bread, 1, milk, 2);

        assertThat(sale.status()).as(sale.toString()).isEqualTo(200);
        assertThat(allocations(sale.at("/holds/0/allocations")))
                .as("the batch that expires first, then the next")
                .containsExactly(early + "=2.000", late + "=1.000");
        assertThat(sale.at("/holds/1/allocations").size()).isEqualTo(1);
        assertThat(sale.text("/holds/1/allocations/0/quantity")).isEqualTo("1.000");
        assertThat(allocations(sale.at("/holds/2/allocations")))
                .as("the same product's second line takes what the first left")
                .containsExactly(late + "=2.000");
        assertThat(keeper.get("/api/products/products/" + milk).text("/inventory/available_quantity"))
                .isEqualTo("1.000");

        Api.Response more = holdLines(service, bread, 1, milk, 2);
        assertThat(more.status()).as(more.toString()).isEqualTo(400);
        assertThat(more.text("/code")).isEqualTo("insufficient_stock");
        assertThat(more.text("/available")).isEqualTo("1.000");
        assertThat(keeper.get("/api/products/products/" + bread).text("/inventory/available_quantity"))
                .as("the refused sale's other line held nothing")
                .isEqualTo("4.000");
    }

    /** A sale's lines held in one call: pairs of a product id and a quantity, each line under a new reference. */
    private static Api.Response holdLines(Api service, long... productsAndQuantities) {
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            lines.add(json(
                    "request_ref",
                    UUID.randomUUID().toString(),
                    "product_id",
                    productsAndQuantities[i],
                    "quantity",
                    productsAndQuantities[i + 1]));
        }
        return service.post("/internal/reservations/lines", json("lines", lines));
    }

    /** A new batch of the product, expiring on {@code expiry}; answers its id. */
    private static long batch(Api keeper, long product, int quantity, LocalDate expiry) {
        Api.Response r = keeper.post(
                "/api/products/batches/",
                json("product", product, "quantity", quantity, "expiry_date", expiry.toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    /** A hold's allocations as {@code batch=quantity}, in order. */
    private static List<String> allocations(JsonNode allocations) {
        List<String> out = new ArrayList<>();
        allocations.forEach(a ->
                out.add(a.path("batch_id").asLong() + "=" + a.path("quantity").asText()));
        return out;
    }

    @Test
    void salesLearnThePricesAProductHadSinceAMomentForAnOfflineTillsPrice() {
        String store = TestStores.newKey("prc");
        Api owner = as(store, 1, "owner");
        long milk = product(owner, 0, 0);
        Instant before = Instant.now().minusSeconds(60);
        assertThat(owner.patch("/api/products/products/" + milk + "/", json("sale_price", 13000))
                        .status())
                .isEqualTo(200);
        assertThat(owner.patch("/api/products/products/" + milk + "/", json("name", "Молоко 3.2%"))
                        .status())
                .as("a change that is not the price")
                .isEqualTo(200);
        Instant between = Instant.now();
        assertThat(owner.patch("/api/products/products/" + milk + "/", json("sale_price", 12500))
                        .status())
                .isEqualTo(200);
        Api service = as(store, 8, "cashier").asService();
        String path = "/internal/products/" + milk + "/prices?since=";
        Api.Response since = service.get(path + before);
        assertThat(since.status()).as(since.toString()).isEqualTo(200);
        assertThat(since.at("/prices").toString()).isEqualTo("[\"12000.00\",\"13000.00\",\"12500.00\"]");
        assertThat(service.get(path + between).at("/prices").toString())
                .as("the price it had then, and the ones after")
                .isEqualTo("[\"13000.00\",\"12500.00\"]");
        // only Kassa's own components ask, as a member who may sell
        assertThat(as(store, 8, "cashier").get(path + before).status()).isEqualTo(403);
        assertThat(as(store, 9, "stockkeeper").asService().get(path + before).status())
                .isEqualTo(403);
        assertThat(service.get("/internal/products/999999/prices?since=" + before)
                        .text("/code"))
                .isEqualTo("product_not_found");
        assertThat(service.get("/internal/products/" + milk + "/prices?since=yesterday")
                        .status())
                .isEqualTo(400);
        assertThat(as(TestStores.newKey("prc"), 8, "cashier")
                        .asService()
                        .get(path + before)
                        .text("/code"))
                .as("another store's product is not found in one's own")
                .isEqualTo("product_not_found");
    }

    @Test
    void aStockkeeperReceivesGoodsIntoBatchesAndSeesEveryMovement() {
        String store = TestStores.newKey("rcv");
        Api keeper = as(store, 8, "stockkeeper");
        long milk = product(keeper, 0, 0);
        Api.Response first = keeper.post(
                "/api/products/batches/",
                json(
                        "product",
                        milk,
                        "quantity",
                        10,
                        "purchase_price",
                        8500,
                        "batch_number",
                        "INV-001",
                        "manufacturing_date",
                        today().minusDays(2).toString(),
                        "expiry_date",
                        today().plusDays(10).toString(),
                        "supplier_name",
                        "Молкомбинат"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("/quantity")).isEqualTo("10.000");
        assertThat(first.text("/purchase_price")).isEqualTo("8500.00");
        assertThat(first.text("/barcode")).startsWith("BATCH-");
        assertThat(first.text("/days_until_expiry")).isEqualTo("10");
        assertThat(first.text("/is_near_expiry")).isEqualTo("true");
        Api.Response second = keeper.post("/api/products/batches/", json("product", milk, "quantity", "5.5"));
        assertThat(second.text("/purchase_price"))
                .as("the product's cost by default")
                .isEqualTo("9000.00");

        Api.Response detail = keeper.get("/api/products/products/" + milk + "/");
        assertThat(detail.text("/quantity")).isEqualTo("15.500");
        assertThat(detail.at("/batches").size()).isEqualTo(2);
        Api.Response history = keeper.get("/api/products/products/" + milk + "/movements/");
        assertThat(history.at("/count").asInt()).isEqualTo(2);
        assertThat(history.text("/results/1/reason")).isEqualTo("receipt");
        assertThat(history.text("/results/1/reference")).isEqualTo("INV-001");
        assertThat(history.text("/results/1/created_by")).isEqualTo("8");

        assertThat(keeper.get("/api/products/batches/?product=" + milk)
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
        assertThat(keeper.get("/api/products/batches/?product=" + milk + "&search=INV-0")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(keeper.get("/api/products/batches/near_expiry/?days=15&product=" + milk)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(keeper.get("/api/products/batches/expired/?product=" + milk)
                        .at("/count")
                        .asInt())
                .isZero();
        assertThat(keeper.get("/api/products/batches/?ordering=colour")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(keeper.get("/api/products/batches/" + first.text("/id") + "/")
                        .text("/batch_number"))
                .isEqualTo("INV-001");

        Api.Response bad = keeper.post(
                "/api/products/batches/",
                json(
                        "quantity",
                        -1,
                        "purchase_price",
                        -5,
                        "manufacturing_date",
                        today().toString(),
                        "expiry_date",
                        today().minusDays(1).toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .contains("product", "quantity", "purchase_price", "expiry_date");
        assertThat(keeper.post("/api/products/batches/", json("product", milk, "quantity", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(keeper.post(
                                "/api/products/batches/",
                                json("product", milk, "quantity", 1, "expiry_date", "31.12.2026"))
                        .status())
                .isEqualTo(400);
        assertThat(keeper.post("/api/products/batches/", json("product", 424242, "quantity", 1))
                        .text("/code"))
                .isEqualTo("product_not_found");
        assertThat(keeper.post("/api/products/batches/", json("product", milk, "quantity", 1, "supplier", 424242))
                        .at("/errors/supplier")
                        .isArray())
                .isTrue();
        assertThat(as(store, 5, "cashier")
                        .post("/api/products/batches/", json("product", milk, "quantity", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");

        // the original web client receives goods after a warehouse scan with its own body (type and id, dates as
        // YYYY-MM-DD)
        Api.Response scanned = keeper.post(
                "/api/products/warehouse-scan/add-batch/",
                json(
                        "type",
                        "product",
                        "id",
                        milk,
                        "quantity",
                        24,
                        "purchase_price",
                        8000,
                        "expiry_date",
                        today().plusDays(40).toString()));
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        assertThat(scanned.text("/data/quantity")).isEqualTo("24.000");
        assertThat(keeper.get("/api/products/products/" + milk + "/").text("/quantity"))
                .isEqualTo("39.500");
        assertThat(keeper.post(
                                "/api/products/warehouse-scan/add-batch/",
                                json("type", "variant", "id", milk, "quantity", 1))
                        .at("/errors/type")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(
                                "/api/products/warehouse-scan/add-batch/",
                                json("type", "product", "id", milk, "quantity", -1))
                        .status())
                .isEqualTo(400);
        assertThat(as(store, 5, "cashier")
                        .post(
                                "/api/products/warehouse-scan/add-batch/",
                                json("type", "product", "id", milk, "quantity", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(keeper.get("/api/products/products/" + milk + "/").text("/quantity"))
                .isEqualTo("39.500");
        assertThat(as(TestStores.newKey("rcv"), 8, "owner")
                        .in(store)
                        .get("/api/products/batches/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/products/batches/")
                        .status())
                .isEqualTo(401);
        assertThat(keeper.get("/api/products/products/" + milk + "/").text("/quantity"))
                .as("refusals changed nothing")
                .isEqualTo("39.500");
    }

    @Test
    void adjustmentsAndWriteOffsKeepTheLedgerAndNeverTouchHeldUnits() throws Exception {
        String store = TestStores.newKey("adj");
        Api keeper = as(store, 8, "stockkeeper");
        long milk = product(keeper, 10, 6);
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG));
            Api.Response written = keeper.post(
                    "/api/products/products/" + milk + "/adjust-stock/",
                    json("quantity_change", -3, "reason", "damage", "note", "Разбиты при разгрузке"));
            assertThat(written.status()).as(written.toString()).isEqualTo(200);
            assertThat(written.text("/quantity")).isEqualTo("7.000");
            // a till holds 6 of the remaining 7: only 1 can be written off
            Api cashier = as(store, 5, "cashier");
            assertThat(cashier.asService()
                            .post(
                                    "/internal/reservations",
                                    json(
                                            "request_ref",
                                            UUID.randomUUID().toString(),
                                            "product_id",
                                            milk,
                                            "quantity",
                                            6))
                            .status())
                    .isEqualTo(200);
            Api.Response tooMuch = keeper.post(
                    "/api/products/products/" + milk + "/adjust-stock/", json("quantity_change", -2, "reason", "loss"));
            assertThat(tooMuch.status()).isEqualTo(400);
            assertThat(tooMuch.text("/code")).isEqualTo("insufficient_stock");
            assertThat(tooMuch.text("/available")).isEqualTo("1.000");
            Api.Response last = keeper.send(
                    "PATCH",
                    "/api/products/products/" + milk + "/adjust_quantity/",
                    json("adjustment", -1, "reason", "write_off"));
            assertThat(last.status()).as(last.toString()).isEqualTo(200);
            assertThat(last.text("/quantity")).isEqualTo("6.000");
            assertThat(last.text("/inventory/available_quantity")).isEqualTo("0.000");

            // a count: 9 found on the shelf after a delivery nobody booked
            Api.Response counted =
                    keeper.send("PATCH", "/api/products/products/" + milk + "/update_quantity/", json("quantity", 9));
            assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
            assertThat(counted.text("/quantity")).isEqualTo("9.000");
            Api.Response history = keeper.get("/api/products/products/" + milk + "/movements/");
            assertThat(history.at("/count").asInt()).isEqualTo(4);
            assertThat(history.text("/results/0/reason")).isEqualTo("count");
            assertThat(history.text("/results/0/quantity")).isEqualTo("3.000");
            assertThat(history.text("/results/1/reason")).isEqualTo("write_off");
            assertThat(history.text("/results/2/note")).isEqualTo("Разбиты при разгрузке");
            assertThat(history.text("/results/3/reason")).isEqualTo("receipt");
            assertThat(keeper.get("/api/products/products/" + milk + "/movements/?reason=damage")
                            .text("/results/0/note"))
                    .isEqualTo("Разбиты при разгрузке");
            assertThat(keeper.get("/api/products/stock-movements/?product=" + milk)
                            .at("/count")
                            .asInt())
                    .isEqualTo(4);

            List<JsonNode> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(rec -> {
                    try {
                        JsonNode e = objectMapper.readTree(rec.value());
                        if (store.equals(e.path("tenant_key").asText())) {
                            events.add(e);
                        }
                    } catch (Exception ignored) {
                        // other tests' events
                    }
                });
                return events.stream()
                                        .filter(e -> e.path("type").asText().equals("StockChanged"))
                                        .count()
                                >= 4
                        && events.stream().anyMatch(e -> e.path("type").asText().equals("LowStockReached"));
            });
            JsonNode low = events.stream()
                    .filter(e -> e.path("type").asText().equals("LowStockReached"))
                    .findFirst()
                    .orElseThrow()
                    .path("payload");
            assertThat(low.path("on_hand").asText())
                    .as("the write-off took it to its minimum")
                    .isEqualTo("6.000");
            assertThat(low.path("min_quantity").asText()).isEqualTo("6.000");
            assertThat(events.stream().filter(e -> e.path("type").asText().equals("LowStockReached")))
                    .hasSize(1);
        }
    }

    @Test
    void badAdjustmentsAreRefusedAndChangeNothing() {
        String store = TestStores.newKey("adb");
        Api keeper = as(store, 8, "stockkeeper");
        long milk = product(keeper, 4, 0);
        String url = "/api/products/products/" + milk + "/adjust-stock/";
        assertThat(keeper.post(url, json()).at("/errors/quantity_change").isArray())
                .isTrue();
        assertThat(keeper.post(url, json("quantity_change", 1, "counted_quantity", 2))
                        .at("/errors/counted_quantity")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(url, json("quantity_change", 2, "reason", "write_off"))
                        .at("/errors/quantity_change")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(url, json("quantity_change", -1, "reason", "theft?"))
                        .at("/errors/reason")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(url, json("quantity_change", "0.0001"))
                        .at("/errors/quantity_change")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(url, json("counted_quantity", -1))
                        .at("/errors/counted_quantity")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(url, json("quantity_change", -5)).text("/code")).isEqualTo("insufficient_stock");
        assertThat(keeper.post(url, json("quantity_change", 1, "batch", 424242)).text("/code"))
                .isEqualTo("batch_not_found");
        assertThat(keeper.post("/api/products/products/424242/adjust-stock/", json("quantity_change", 1))
                        .text("/code"))
                .isEqualTo("product_not_found");
        assertThat(as(store, 5, "cashier").post(url, json("quantity_change", 1)).text("/code"))
                .isEqualTo("permission_denied");
        long service = keeper.post(
                        "/api/products/products/",
                        json("name", "Доставка", "sale_price", 10000, "track_inventory", false))
                .at("/id")
                .asLong();
        assertThat(keeper.post("/api/products/products/" + service + "/adjust-stock/", json("quantity_change", 1))
                        .text("/code"))
                .isEqualTo("stock_not_tracked");
        assertThat(keeper.get("/api/products/products/" + milk + "/").text("/quantity"))
                .isEqualTo("4.000");
        assertThat(keeper.get("/api/products/products/" + milk + "/movements/")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);

        // a batch with stock is written off before it can be deactivated
        long batch = keeper.get("/api/products/products/" + milk + "/")
                .at("/batches/0/id")
                .asLong();
        assertThat(keeper.patch("/api/products/batches/" + batch + "/", json("is_active", false))
                        .at("/errors/is_active")
                        .isArray())
                .isTrue();
        assertThat(keeper.post(url, json("counted_quantity", 0, "batch", batch, "reason", "expired"))
                        .status())
                .isEqualTo(200);
        Api.Response off =
                keeper.patch("/api/products/batches/" + batch + "/", json("is_active", false, "notes", "Просрочено"));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.text("/notes")).isEqualTo("Просрочено");
        assertThat(keeper.get("/api/products/batches/?product=" + milk + "&is_active=false")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
    }
}
