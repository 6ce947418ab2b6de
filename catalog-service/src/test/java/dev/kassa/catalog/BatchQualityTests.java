package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch quality (issue 63, point 4): a blocked or pending batch stays on hand, shown apart, and is never held or sold
 * (FEFO passes it by, its own code holds nothing); blocking names the holds already taken from it; a store may make new
 * receipts wait for approval; only owners and managers decide, with bad input and other stores refused.
 */
@KassaIntegrationTest
class BatchQualityTests {

    @LocalServerPort
    int port;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    static JsonNode receive(Api api, long product, int quantity, LocalDate expiry) {
        Api.Response batch = api.post(
                "/api/products/batches/",
                json(
                        "product",
                        product,
                        "quantity",
                        quantity,
                        "purchase_price",
                        4000,
                        "expiry_date",
                        expiry.toString()));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        return batch.body();
    }

    Api.Response hold(String store, Object... what) {
        Object[] all = new Object[what.length + 2];
        all[0] = "request_ref";
        all[1] = UUID.randomUUID().toString();
        System.arraycopy(what, 0, all, 2, what.length);
        return as(store, 3, "cashier").asService().post("/internal/reservations", json(all));
    }

    static String inventory(Api api, long product, String field) {
        return api.get("/api/products/products/" + product + "/").text("/inventory/" + field);
    }

    @Test
    void aBlockedBatchIsNeverHeldOrSoldItsHoldsAreNamedAndApprovalReleasesIt() {
        String store = TestStores.newKey("qual");
        Api owner = as(store, 1, "owner");
        long milk = owner.post("/api/products/products/", json("name", "Молоко", "sale_price", 9000))
                .at("/id")
                .asLong();
        JsonNode soon = receive(owner, milk, 10, today().plusDays(10));
        JsonNode later = receive(owner, milk, 5, today().plusDays(30));
        assertThat(soon.path("status").asText()).isEqualTo("approved");
        // a till holds two from the batch that expires first
        Api.Response first = hold(store, "product_id", milk, "quantity", 2);
        assertThat(first.text("/allocations/0/batch_number"))
                .isEqualTo(soon.path("batch_number").asText());

        Api.Response blocked = owner.post(
                "/api/products/batches/" + soon.path("id").asLong() + "/block", json("reason", "Отзыв производителя"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        assertThat(blocked.text("/batch/status")).isEqualTo("blocked");
        assertThat(blocked.text("/batch/status_reason")).isEqualTo("Отзыв производителя");
        assertThat(blocked.at("/held_by").asInt())
                .as("the hold taken before is named")
                .isEqualTo(1);
        assertThat(blocked.text("/holds/0/quantity")).isEqualTo("2.000");

        assertThat(inventory(owner, milk, "quantity")).isEqualTo("15.000");
        assertThat(inventory(owner, milk, "unavailable_quantity")).isEqualTo("10.000");
        Api.Response next = hold(store, "product_id", milk, "quantity", 3);
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.text("/allocations/0/batch_number"))
                .as("FEFO passes the blocked batch by")
                .isEqualTo(later.path("batch_number").asText());
        assertThat(next.at("/allocations").size()).isEqualTo(1);
        Api.Response scanned = hold(store, "barcode", soon.path("barcode").asText(), "quantity", 1);
        assertThat(scanned.text("/code"))
                .as("the blocked batch's own code holds nothing, and says why")
                .isEqualTo("batch_unavailable");
        assertThat(scanned.text("/batch_status")).isEqualTo("blocked");
        assertThat(scanned.text("/message")).contains("Отзыв производителя");
        assertThat(hold(store, "product_id", milk, "quantity", 3).text("/code"))
                .as("two left of the approved batch")
                .isEqualTo("insufficient_stock");
        assertThat(owner.get("/api/products/batches/?status=blocked")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(soon.path("id").asLong());
        assertThat(owner.get("/api/products/batches/?status=pending")
                        .at("/count")
                        .asInt())
                .isZero();

        Api.Response approved =
                owner.post("/api/products/batches/" + soon.path("id").asLong() + "/approve", null);
        assertThat(approved.text("/batch/status")).isEqualTo("approved");
        assertThat(inventory(owner, milk, "unavailable_quantity")).isEqualTo("0.000");
        assertThat(hold(store, "barcode", soon.path("barcode").asText(), "quantity", 1)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aStoreMayMakeReceiptsWaitForApproval() {
        String store = TestStores.newKey("qual");
        Api owner = as(store, 1, "owner");
        Api keeper = as(store, 2, "stockkeeper");
        assertThat(owner.get("/api/products/stock-settings/")
                        .at("/new_batches_pending")
                        .asBoolean())
                .isFalse();
        Api.Response changed = owner.patch("/api/products/stock-settings/", json("new_batches_pending", true));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.at("/new_batches_pending").asBoolean()).isTrue();
        long cheese = owner.post("/api/products/products/", json("name", "Сыр", "sale_price", 50000))
                .at("/id")
                .asLong();
        JsonNode received = receive(keeper, cheese, 4, today().plusDays(20));
        assertThat(received.path("status").asText()).isEqualTo("pending");
        assertThat(inventory(owner, cheese, "available_quantity")).isEqualTo("0.000");
        assertThat(inventory(owner, cheese, "unavailable_quantity")).isEqualTo("4.000");
        assertThat(hold(store, "product_id", cheese, "quantity", 1).text("/code"))
                .isEqualTo("insufficient_stock");
        assertThat(keeper.post("/api/products/batches/" + received.path("id").asLong() + "/approve", null)
                        .text("/code"))
                .as("a stockkeeper receives, a manager approves")
                .isEqualTo("permission_denied");
        assertThat(as(store, 4, "manager")
                        .post("/api/products/batches/" + received.path("id").asLong() + "/approve", null)
                        .text("/batch/status"))
                .isEqualTo("approved");
        assertThat(inventory(owner, cheese, "available_quantity")).isEqualTo("4.000");
    }

    @Test
    void badInputRolesAndOtherStoresAreRefusedAndChangeNothing() {
        String store = TestStores.newKey("qual");
        Api owner = as(store, 1, "owner");
        long milk = owner.post("/api/products/products/", json("name", "Молоко", "sale_price", 9000))
                .at("/id")
                .asLong();
        long batch = receive(owner, milk, 10, today().plusDays(10)).path("id").asLong();
        String block = "/api/products/batches/" + batch + "/block";
        Api.Response reasonless = owner.post(block, json("reason", " "));
        assertThat(reasonless.status()).isEqualTo(400);
        assertThat(reasonless.at("/errors/reason/0").asText()).isNotBlank();
        assertThat(owner.post(block, "not json").status()).isEqualTo(400);
        assertThat(owner.post("/api/products/batches/999999/block", json("reason", "x"))
                        .text("/code"))
                .isEqualTo("batch_not_found");
        assertThat(owner.get("/api/products/batches/?status=odd").status()).isEqualTo(400);
        assertThat(owner.patch("/api/products/stock-settings/", json("new_batches_pending", "maybe"))
                        .status())
                .isEqualTo(400);
        assertThat(owner.patch("/api/products/stock-settings/", json())
                        .at("/errors/new_batches_pending/0")
                        .asText())
                .isNotBlank();
        assertThat(as(store, 2, "stockkeeper").post(block, json("reason", "x")).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, 3, "cashier")
                        .patch("/api/products/stock-settings/", json("new_batches_pending", true))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .post(block, json("reason", "x"))
                        .status())
                .isEqualTo(401);
        Api stranger = as(TestStores.newKey("qual"), 9, "owner");
        assertThat(stranger.post(block, json("reason", "x")).text("/code"))
                .as("another store's batch is not found in one's own")
                .isEqualTo("batch_not_found");
        assertThat(stranger.in(store).post(block, json("reason", "x")).text("/code"))
                .isEqualTo("not_a_member");
        assertThat(owner.get("/api/products/batches/" + batch + "/").text("/status"))
                .as("nothing blocked it")
                .isEqualTo("approved");
        assertThat(owner.get("/api/products/stock-settings/")
                        .at("/new_batches_pending")
                        .asBoolean())
                .isFalse();
    }
}
