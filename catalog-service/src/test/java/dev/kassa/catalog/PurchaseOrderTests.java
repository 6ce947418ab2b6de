package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchase orders (issue 64, points 1-2): a draft at the supplier's last cost, ordered with its PDF, received in parts
 * into batches with purchase movements (once per Idempotency-Key, never above what was ordered unless said), the
 * product's average cost following; closed with its shortfall, cancelled only before anything came; bad input, other
 * stores and roles refused without a change.
 */
@KassaIntegrationTest
class PurchaseOrderTests {

    @LocalServerPort
    int port;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static long id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    static long product(Api owner, String name, int quantity, int cost) {
        return id(owner.post(
                "/api/products/products/",
                json("name", name, "cost_price", cost, "sale_price", cost * 2, "initial_quantity", quantity)));
    }

    /** The names of an answer's fields. */
    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String quantity(Api api, long product) {
        return api.get("/api/products/products/" + product + "/").text("/quantity");
    }

    @Test
    void anOrderIsReceivedInPartsIntoBatchesOnceEachAndTheCostFollows() throws Exception {
        String store = TestStores.newKey("po");
        Api owner = as(store, 1, "owner");
        Api keeper = as(store, 2, "stockkeeper");
        long supplier =
                id(owner.post("/api/products/suppliers/", json("name", "ООО Молочный край", "phone", "+998901112233")));
        long milk = product(owner, "Молоко 1 л", 10, 8000);
        long kefir = product(owner, "Кефир 0,5 л", 0, 5000);

        // a draft: milk at the product's cost (the supplier has not delivered it yet), kefir at the price agreed
        Api.Response draft = keeper.post(
                "/api/products/purchase-orders/",
                json(
                        "supplier",
                        supplier,
                        "expected_at",
                        "2026-12-01",
                        "lines",
                        List.of(
                                json("product", milk, "quantity", 20),
                                json("product", kefir, "quantity", 12, "cost_price", 4500))));
        long order = id(draft);
        assertThat(draft.text("/status")).isEqualTo("draft");
        assertThat(draft.text("/number")).matches("PO-\\d{6}");
        assertThat(draft.text("/supplier_name")).isEqualTo("ООО Молочный край");
        assertThat(draft.text("/lines/0/cost_price")).isEqualTo("8000.00");
        assertThat(draft.text("/total_cost")).isEqualTo("214000.00");
        // the answer is the order's row and its lines' rows as always shown: the same names, the status by its code
        assertThat(names(draft.body()))
                .containsExactlyInAnyOrder(
                        "id",
                        "number",
                        "supplier",
                        "supplier_name",
                        "status",
                        "expected_at",
                        "notes",
                        "created_by",
                        "created_at",
                        "ordered_at",
                        "finished_at",
                        "close_reason",
                        "line_count",
                        "total_cost",
                        "received_cost",
                        "lines",
                        "receipts");
        assertThat(draft.at("/supplier").asLong()).isEqualTo(supplier);
        assertThat(names(draft.at("/lines/0")))
                .containsExactlyInAnyOrder(
                        "id",
                        "line_no",
                        "product",
                        "name",
                        "sku",
                        "barcode",
                        "quantity",
                        "cost_price",
                        "total",
                        "received_quantity",
                        "remaining_quantity");
        assertThat(draft.at("/lines/0/product").asLong()).isEqualTo(milk);
        assertThat(draft.text("/lines/0/name")).isEqualTo("Молоко 1 л");
        assertThat(draft.text("/lines/0/total")).isEqualTo("160000.00");
        assertThat(draft.text("/lines/0/remaining_quantity")).isEqualTo("20.000");
        long milkLine = draft.at("/lines/0/id").asLong();
        long kefirLine = draft.at("/lines/1/id").asLong();
        String url = "/api/products/purchase-orders/" + order + "/";

        // nothing can be received before it is ordered; a draft changes until then
        assertThat(keeper.post(url + "receive", json("lines", List.of(json("line", milkLine, "quantity", 1))))
                        .text("/code"))
                .isEqualTo("purchase_order_status");
        assertThat(keeper.patch(url, json("notes", "До обеда")).text("/notes")).isEqualTo("До обеда");
        assertThat(keeper.post(url + "order", null).text("/status")).isEqualTo("ordered");
        assertThat(keeper.post(url + "order", null).text("/status"))
                .as("again the same")
                .isEqualTo("ordered");
        assertThat(keeper.patch(url, json("notes", "x")).text("/code")).isEqualTo("purchase_order_status");

        Api.Response pdf = keeper.get(url + "pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the first delivery, sent twice with one Idempotency-Key (a retry): the goods come in once
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = json(
                "lines",
                List.of(
                        json(
                                "line",
                                milkLine,
                                "quantity",
                                10,
                                "cost_price",
                                9000,
                                "batch_number",
                                "M-77",
                                "expiry_date",
                                "2026-12-20"),
                        json("line", kefirLine, "quantity", 12)));
        Api.Response received = keeper.header("Idempotency-Key", key).post(url + "receive", first);
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("partially_received");
        assertThat(keeper.header("Idempotency-Key", key)
                        .post(url + "receive", first)
                        .status())
                .isEqualTo(200);
        assertThat(quantity(owner, milk)).isEqualTo("20.000");
        assertThat(quantity(owner, kefir)).isEqualTo("12.000");
        JsonNode order1 = keeper.get(url).body();
        assertThat(order1.at("/receipts").size()).isEqualTo(1);
        assertThat(order1.at("/lines/0/received_quantity").asText()).isEqualTo("10.000");
        assertThat(order1.at("/lines/0/remaining_quantity").asText()).isEqualTo("10.000");
        long batch = order1.at("/receipts/0/lines/0/batch").asLong();
        JsonNode milkBatch = owner.get("/api/products/batches/" + batch + "/").body();
        assertThat(milkBatch.at("/batch_number").asText()).isEqualTo("M-77");
        assertThat(milkBatch.at("/purchase_price").asText()).isEqualTo("9000.00");
        assertThat(milkBatch.at("/expiry_date").asText()).isEqualTo("2026-12-20");
        Api.Response movements = keeper.get("/api/products/stock-movements/?product=" + milk);
        assertThat(movements.text("/results/0/reason")).isEqualTo("purchase");
        assertThat(movements.text("/results/0/reference")).isEqualTo(draft.text("/number"));
        // milk's cost: 10 on hand at 8 000 and 10 more at 9 000
        assertThat(owner.get("/api/products/products/" + milk + "/").text("/cost_price"))
                .isEqualTo("8500.00");

        // two more deliveries of the last 10 at once: one comes in, the other would take the line above what was
        // ordered
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Api.Response>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(pool.submit(
                    () -> keeper.header("Idempotency-Key", UUID.randomUUID().toString())
                            .post(url + "receive", json("lines", List.of(json("line", milkLine, "quantity", 10))))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : both) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(quantity(owner, milk)).isEqualTo("30.000");
        JsonNode done = keeper.get(url).body();
        assertThat(done.at("/status").asText()).isEqualTo("received");
        assertThat(done.at("/received_cost").asText()).isEqualTo("224000.00");
        // an over-delivery said so is taken in
        Api.Response over = keeper.post(
                url + "receive", json("lines", List.of(json("line", kefirLine, "quantity", 1)), "accept_over", true));
        assertThat(over.text("/code")).as("a received order takes nothing more").isEqualTo("purchase_order_status");

        // the supplier's last cost is the next draft's
        Api.Response next = keeper.post(
                "/api/products/purchase-orders/",
                json("supplier", supplier, "lines", List.of(json("product", milk, "quantity", 5))));
        assertThat(next.text("/lines/0/cost_price")).isEqualTo("8000.00");
        long nextId = id(next);
        // cancelled before anything came; a received order is not cancelled
        assertThat(keeper.post("/api/products/purchase-orders/" + nextId + "/cancel", null)
                        .text("/status"))
                .isEqualTo("cancelled");
        assertThat(keeper.post(url + "cancel", null).text("/code")).isEqualTo("purchase_order_received");

        assertThat(keeper.get("/api/products/purchase-orders/?status=received")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(keeper.get("/api/products/purchase-orders/?supplier=" + supplier)
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aReceiptAboveWhatWasOrderedIsRefusedUnlessSaidAndAClosedOrderKeepsItsShortfall() {
        String store = TestStores.newKey("po2");
        Api owner = as(store, 1, "owner");
        long supplier = id(owner.post("/api/products/suppliers/", json("name", "Хлебозавод №1")));
        long bread = product(owner, "Хлеб", 0, 3000);
        Api.Response made = owner.post(
                "/api/products/purchase-orders/",
                json("supplier", supplier, "lines", List.of(json("product", bread, "quantity", 50))));
        long order = id(made);
        long line = made.at("/lines/0/id").asLong();
        String url = "/api/products/purchase-orders/" + order + "/";
        owner.post(url + "order", null);

        Api.Response refused = owner.post(url + "receive", json("lines", List.of(json("line", line, "quantity", 60))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/code")).isEqualTo("purchase_over_receipt");
        assertThat(refused.text("/lines/0/ordered")).isEqualTo("50.000");
        assertThat(quantity(owner, bread)).as("nothing taken in").isEqualTo("0.000");
        assertThat(owner.post(url + "receive", json("lines", List.of(json("line", line, "quantity", 30))))
                        .text("/status"))
                .isEqualTo("partially_received");
        Api.Response closed = owner.post(url + "close", json("reason", "Остальное не привезут"));
        assertThat(closed.text("/status")).isEqualTo("closed");
        assertThat(closed.text("/close_reason")).isEqualTo("Остальное не привезут");
        assertThat(closed.text("/lines/0/remaining_quantity")).isEqualTo("20.000");
        assertThat(owner.post(url + "receive", json("lines", List.of(json("line", line, "quantity", 1))))
                        .text("/code"))
                .isEqualTo("purchase_order_status");
        assertThat(quantity(owner, bread)).isEqualTo("30.000");

        // over, said so
        Api.Response second = owner.post(
                "/api/products/purchase-orders/",
                json("supplier", supplier, "lines", List.of(json("product", bread, "quantity", 10))));
        String url2 = "/api/products/purchase-orders/" + id(second) + "/";
        owner.post(url2 + "order", null);
        assertThat(owner.post(
                                url2 + "receive",
                                json(
                                        "lines",
                                        List.of(json(
                                                "line", second.at("/lines/0/id").asLong(), "quantity", 12)),
                                        "accept_over",
                                        true))
                        .text("/status"))
                .isEqualTo("received");
        assertThat(quantity(owner, bread)).isEqualTo("42.000");
    }

    @Test
    void badInputOtherStoresAndRolesAreRefusedWithoutAChange() {
        String store = TestStores.newKey("po3");
        Api owner = as(store, 1, "owner");
        long supplier = id(owner.post("/api/products/suppliers/", json("name", "Поставщик")));
        long product = product(owner, "Сахар", 0, 9000);
        long service = id(owner.post(
                "/api/products/products/", json("name", "Доставка", "sale_price", 10000, "track_inventory", false)));

        Api.Response bad = owner.post(
                "/api/products/purchase-orders/",
                json(
                        "lines",
                        List.of(
                                json("product", product, "quantity", 0),
                                json("product", product, "quantity", 1),
                                json("product", service, "quantity", 1, "cost_price", -5))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors/supplier").isArray()).isTrue();
        assertThat(bad.at("/errors/lines.0.quantity").isArray()).isTrue();
        assertThat(bad.at("/errors/lines.1.product").isArray()).as("twice").isTrue();
        assertThat(bad.at("/errors/lines.2.cost_price").isArray()).isTrue();
        assertThat(owner.post(
                                "/api/products/purchase-orders/",
                                json("supplier", supplier, "lines", List.of(json("product", service, "quantity", 1))))
                        .at("/errors/lines.0.product")
                        .isArray())
                .as("a service keeps no stock")
                .isTrue();
        assertThat(owner.post(
                                "/api/products/purchase-orders/",
                                json("supplier", 999999, "lines", List.of(json("product", product, "quantity", 1))))
                        .at("/errors/supplier")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/products/purchase-orders/", json("supplier", supplier, "lines", List.of()))
                        .at("/errors/lines")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/products/purchase-orders/?status=lost")
                        .at("/errors/status")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/products/purchase-orders/?date_from=2026-13-01")
                        .at("/errors/date_from")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/products/purchase-orders/").at("/count").asInt())
                .isZero();
        assertThat(owner.get("/api/products/purchase-orders/424242/").text("/code"))
                .isEqualTo("purchase_order_not_found");

        long order = id(owner.post(
                "/api/products/purchase-orders/",
                json("supplier", supplier, "lines", List.of(json("product", product, "quantity", 5)))));
        String url = "/api/products/purchase-orders/" + order + "/";
        owner.post(url + "order", null);
        Api.Response wrongLine = owner.post(
                url + "receive",
                json(
                        "lines",
                        List.of(
                                json("line", 987654, "quantity", 1),
                                json(
                                        "quantity",
                                        -1,
                                        "expiry_date",
                                        "2020-01-01",
                                        "manufacturing_date",
                                        "2021-01-01"))));
        assertThat(wrongLine.at("/errors/lines.0.line").isArray()).isTrue();
        assertThat(wrongLine.at("/errors/lines.1.line").isArray()).isTrue();
        assertThat(wrongLine.at("/errors/lines.1.quantity").isArray()).isTrue();
        assertThat(wrongLine.at("/errors/lines.1.expiry_date").isArray()).isTrue();
        assertThat(quantity(owner, product)).isEqualTo("0.000");

        Api cashier = as(store, 3, "cashier");
        assertThat(cashier.get(url).text("/code")).isEqualTo("permission_denied");
        assertThat(cashier.post(url + "cancel", null).text("/code")).isEqualTo("permission_denied");
        assertThat(as(TestStores.newKey("other"), 1, "owner").get(url).status()).isEqualTo(404);
        assertThat(Api.member(port, store, 1, "user1", "owner")
                        .in(TestStores.newKey("notmine"))
                        .get(url)
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port).in(store).get(url).status())
                .isEqualTo(401);
        assertThat(owner.get(url).text("/status")).isEqualTo("ordered");
    }
}
