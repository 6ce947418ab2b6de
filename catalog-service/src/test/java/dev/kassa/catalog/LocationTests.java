package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locations inside a store (issue 86 point 1): every store has its default location where its stock lies; an owner adds
 * a back room and moves part of a batch there through the ledger (a {@code move} out, its copy in), the product's stock
 * unchanged; a move of more than a batch has free, bad input, other stores and roles refused without a change.
 */
@KassaIntegrationTest
class LocationTests {

    @LocalServerPort
    int port;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static long id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    /** The product's active batches, as the batch list shows them. */
    static List<JsonNode> batches(Api api, long product) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/products/batches/?is_active=true&product=" + product)
                .at("/results")
                .forEach(found::add);
        return found;
    }

    @Test
    void stockLiesAtTheDefaultLocationUntilPartOfABatchMovesToTheBackRoom() {
        String store = TestStores.newKey("loc");
        Api owner = as(store, 1, "owner");
        JsonNode main = owner.get("/api/products/locations/").at("/results/0");
        assertThat(main.path("is_default").asBoolean()).isTrue();
        assertThat(main.path("type").asText()).isEqualTo("sales_floor");
        long milk = id(owner.post(
                "/api/products/products/",
                json("name", "Молоко", "cost_price", 50, "sale_price", 80, "initial_quantity", 10)));
        JsonNode batch = batches(owner, milk).get(0);
        assertThat(batch.path("location").asLong()).isEqualTo(main.path("id").asLong());
        assertThat(owner.get("/api/products/locations/" + main.path("id").asLong() + "/")
                        .at("/stock_quantity")
                        .asText())
                .satisfies(v -> assertThat(new java.math.BigDecimal(v)).isEqualByComparingTo("10"));

        long back = id(owner.post(
                "/api/products/locations/", json("code", "BACK-1", "name", "Подсобка", "type", "back_room")));
        Api.Response moved = owner.post(
                "/api/products/stock-moves/",
                json(
                        "lines",
                        List.of(json("batch", batch.path("id").asLong(), "quantity", 4, "to", back)),
                        "note",
                        "на полку позже"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("/reference")).startsWith("MOVE-");
        long copy = moved.at("/lines/0/to_batch").asLong();

        List<JsonNode> now = batches(owner, milk);
        assertThat(now).hasSize(2);
        JsonNode there = now.stream()
                .filter(b -> b.path("id").asLong() == copy)
                .findFirst()
                .orElseThrow();
        assertThat(there.path("location").asLong()).isEqualTo(back);
        assertThat(there.path("location_code").asText()).isEqualTo("BACK-1");
        assertThat(there.path("batch_number").asText())
                .isEqualTo(batch.path("batch_number").asText());
        assertThat(there.path("quantity").asText())
                .satisfies(v -> assertThat(new java.math.BigDecimal(v)).isEqualByComparingTo("4"));
        assertThat(there.path("purchase_price").asText())
                .satisfies(v -> assertThat(new java.math.BigDecimal(v)).isEqualByComparingTo("50"));
        assertThat(owner.get("/api/products/batches/?is_active=true&location=" + back)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(owner.get("/api/products/products/" + milk + "/").text("/quantity"))
                .as("a move changes where the stock is, not how much")
                .isEqualTo("10.000");
        JsonNode movements =
                owner.get("/api/products/products/" + milk + "/movements/").at("/results");
        List<String> moves = new ArrayList<>();
        movements.forEach(m -> {
            if (m.path("reason").asText().equals("move")) {
                moves.add(new java.math.BigDecimal(m.path("quantity").asText())
                                .stripTrailingZeros()
                                .toPlainString() + "@" + m.path("reference").asText());
            }
        });
        assertThat(moves).containsExactlyInAnyOrder("-4@" + moved.text("/reference"), "4@" + moved.text("/reference"));

        // the rest of the batch goes too: the emptied batch is archived, the stock lies at the back room only
        moved = owner.post(
                "/api/products/stock-moves/",
                json("lines", List.of(json("batch", batch.path("id").asLong(), "quantity", 6, "to", back))));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(batches(owner, milk))
                .extracting(b -> b.path("location").asLong())
                .containsOnly(back);
        assertThat(owner.get("/api/products/locations/" + back + "/")
                        .at("/stock_quantity")
                        .asText())
                .satisfies(v -> assertThat(new java.math.BigDecimal(v)).isEqualByComparingTo("10"));
        assertThat(owner.patch("/api/products/locations/" + back + "/", json("is_active", false))
                        .text("/code"))
                .as("a location with stock stays on")
                .isEqualTo("location_has_stock");
    }

    @Test
    void aRecallOfALotSplitByAMoveReachesEveryLocationItLiesAt() {
        String store = TestStores.newKey("loc");
        Api owner = as(store, 1, "owner");
        long milk = id(owner.post(
                "/api/products/products/",
                json("name", "Молоко", "cost_price", 50, "sale_price", 80, "initial_quantity", 10)));
        long lot = batches(owner, milk).get(0).path("id").asLong();
        long back = id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        long copy = owner.post(
                        "/api/products/stock-moves/",
                        json("lines", List.of(json("batch", lot, "quantity", 4, "to", back))))
                .at("/lines/0/to_batch")
                .asLong();
        Api.Response blocked =
                owner.post("/api/products/batches/" + lot + "/block/", json("reason", "Отзыв производителя"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        assertThat(owner.get("/api/products/batches/" + copy + "/").text("/status"))
                .isEqualTo("blocked");
        Api.Response held = as(store, 3, "cashier")
                .asService()
                .post(
                        "/internal/reservations",
                        json("request_ref", java.util.UUID.randomUUID().toString(), "product_id", milk, "quantity", 1));
        assertThat(held.text("/code")).as("nothing of the lot is sold anywhere").isEqualTo("insufficient_stock");
        owner.post("/api/products/batches/" + copy + "/approve/", null);
        assertThat(owner.get("/api/products/batches/" + lot + "/").text("/status"))
                .isEqualTo("approved");
    }

    @Test
    void theTillTakesTheShelfFirstNeverQuarantineAndAReceiptPutsGoodsWhereItSays() {
        String store = TestStores.newKey("loc");
        Api owner = as(store, 1, "owner");
        long milk = id(owner.post(
                "/api/products/products/",
                json("name", "Молоко", "cost_price", 50, "sale_price", 80, "initial_quantity", 5)));
        long shelf = batches(owner, milk).get(0).path("id").asLong();
        long back = id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        long quarantine =
                id(owner.post("/api/products/locations/", json("code", "Q", "name", "Карантин", "type", "quarantine")));
        // goods received into the back room expire sooner than the shelf's: the till still takes the shelf's first
        Api.Response received = owner.post(
                "/api/products/batches/",
                json(
                        "product",
                        milk,
                        "quantity",
                        3,
                        "purchase_price",
                        50,
                        "expiry_date",
                        java.time.LocalDate.now().plusDays(5).toString(),
                        "location",
                        back));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.at("/location").asLong()).isEqualTo(back);
        Api till = as(store, 3, "cashier").asService();
        Api.Response held = till.post(
                "/internal/reservations",
                json("request_ref", java.util.UUID.randomUUID().toString(), "product_id", milk, "quantity", 6));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        List<Long> from = new ArrayList<>();
        held.at("/allocations").forEach(a -> from.add(a.path("batch_id").asLong()));
        assertThat(from)
                .as("the shelf's batch first, then the back room's")
                .first()
                .isEqualTo(shelf);
        assertThat(from).hasSize(2);

        // what lies in quarantine is on hand but never sold
        long backBatch = received.at("/id").asLong();
        till.post("/internal/reservations/release", json("request_refs", List.of(held.text("/request_ref"))));
        Api.Response moved = owner.post(
                "/api/products/stock-moves/",
                json("lines", List.of(json("batch", backBatch, "quantity", 3, "to", quarantine))));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        Api.Response page = owner.get("/api/products/products/" + milk + "/");
        assertThat(new java.math.BigDecimal(page.text("/inventory/available_quantity")))
                .as(page.toString())
                .isEqualByComparingTo("5");
        assertThat(new java.math.BigDecimal(page.text("/quantity"))).isEqualByComparingTo("8");
        Api.Response tooMuch = till.post(
                "/internal/reservations",
                json("request_ref", java.util.UUID.randomUUID().toString(), "product_id", milk, "quantity", 6));
        assertThat(tooMuch.text("/code")).isEqualTo("insufficient_stock");
        String code = owner.get(
                        "/api/products/batches/" + moved.at("/lines/0/to_batch").asLong() + "/")
                .text("/barcode");
        Api.Response scanned = till.post(
                "/internal/reservations",
                json("request_ref", java.util.UUID.randomUUID().toString(), "barcode", code, "quantity", 1));
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(409);
        assertThat(scanned.text("/code")).isEqualTo("batch_unavailable");
        assertThat(scanned.text("/location")).isEqualTo("Q");
        assertThat(owner.post(
                                "/api/products/batches/",
                                json("product", milk, "quantity", 1, "purchase_price", 50, "location", 999999))
                        .at("/errors/location/0")
                        .asText())
                .isNotBlank();
    }

    @Test
    void badInputOtherStoresAndRolesAreRefusedAndChangeNothing() {
        String store = TestStores.newKey("loc");
        Api owner = as(store, 1, "owner");
        Api cashier = as(store, 3, "cashier");
        long main = owner.get("/api/products/locations/").at("/results/0/id").asLong();
        long milk = id(owner.post(
                "/api/products/products/",
                json("name", "Молоко", "cost_price", 50, "sale_price", 80, "initial_quantity", 5)));
        long batch = batches(owner, milk).get(0).path("id").asLong();

        Api.Response bad = owner.post("/api/products/locations/", json("code", "x y", "type", "attic"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors/code/0").asText()).isNotBlank();
        assertThat(bad.at("/errors/name/0").asText()).isNotBlank();
        assertThat(bad.at("/errors/type/0").asText()).contains("sales_floor");
        long back = id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        assertThat(owner.post("/api/products/locations/", json("code", "back", "name", "Ещё", "type", "back_room"))
                        .text("/code"))
                .isEqualTo("location_code_taken");
        assertThat(owner.patch("/api/products/locations/" + main + "/", json("is_active", false))
                        .text("/code"))
                .isEqualTo("location_default");
        assertThat(owner.get("/api/products/locations/?type=attic").status()).isEqualTo(400);
        assertThat(owner.get("/api/products/locations/999999/").text("/code")).isEqualTo("location_not_found");
        long off = id(owner.post(
                "/api/products/locations/",
                json("code", "OLD", "name", "Старый склад", "type", "back_room", "is_active", false)));

        Api.Response wrong = owner.post(
                "/api/products/stock-moves/",
                json(
                        "lines",
                        List.of(
                                json("batch", batch, "quantity", 1, "to", main),
                                json("batch", 999999, "quantity", 1, "to", back),
                                json("batch", batch, "quantity", 1, "to", off),
                                json("batch", batch, "quantity", 1, "to", 999999),
                                json("batch", batch, "quantity", -1, "to", back))));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.at("/errors").fieldNames()).toIterable().contains("lines.4.quantity");
        Api.Response lines = owner.post(
                "/api/products/stock-moves/",
                json(
                        "lines",
                        List.of(
                                json("batch", batch, "quantity", 1, "to", main),
                                json("batch", 999999, "quantity", 1, "to", back),
                                json("batch", batch, "quantity", 1, "to", off),
                                json("batch", batch, "quantity", 1, "to", 999999))));
        assertThat(lines.status()).isEqualTo(400);
        assertThat(lines.at("/errors").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("lines.0.to", "lines.1.batch", "lines.2.to", "lines.3.to");
        Api.Response tooMuch = owner.post(
                "/api/products/stock-moves/",
                json(
                        "lines",
                        List.of(
                                json("batch", batch, "quantity", 3, "to", back),
                                json("batch", batch, "quantity", 3, "to", back))));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.text("/code")).isEqualTo("stock_move_short");
        assertThat(tooMuch.at("/lines/0/line").asInt()).isEqualTo(1);
        assertThat(tooMuch.at("/lines/0/available").asText()).isEqualTo("2.000");
        assertThat(owner.post("/api/products/stock-moves/", json("lines", List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(owner.post("/api/products/stock-moves/", "not json").status())
                .isEqualTo(400);
        assertThat(batches(owner, milk))
                .as("nothing moved by the refusals")
                .singleElement()
                .satisfies(b -> assertThat(b.path("quantity").asText())
                        .satisfies(v -> assertThat(new java.math.BigDecimal(v)).isEqualByComparingTo("5")));

        // a quarantine: the default location never becomes one; a stockkeeper moves stock but not into one
        assertThat(owner.patch("/api/products/locations/" + main + "/", json("type", "quarantine"))
                        .text("/code"))
                .isEqualTo("location_default");
        long quarantine =
                id(owner.post("/api/products/locations/", json("code", "Q", "name", "Карантин", "type", "quarantine")));
        Api keeper = as(store, 4, "stockkeeper");
        Api.Response quarantined = keeper.post(
                "/api/products/stock-moves/",
                json("lines", List.of(json("batch", batch, "quantity", 1, "to", quarantine))));
        assertThat(quarantined.status()).as(quarantined.toString()).isEqualTo(403);
        assertThat(quarantined.text("/code")).isEqualTo("permission_denied");
        Api.Response shelved = keeper.post(
                "/api/products/stock-moves/", json("lines", List.of(json("batch", batch, "quantity", 1, "to", back))));
        assertThat(shelved.status()).as(shelved.toString()).isEqualTo(200);
        assertThat(owner.patch("/api/products/locations/" + back + "/", json("type", "quarantine"))
                        .text("/code"))
                .as("stock lying there would stop being sellable behind the tills' holds")
                .isEqualTo("location_has_stock");

        // roles: a cashier reads locations but neither sets them up nor moves stock; no token; another store
        assertThat(cashier.get("/api/products/locations/").status()).isEqualTo(200);
        assertThat(cashier.post("/api/products/locations/", json("code", "C", "name", "C", "type", "back_room"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.post(
                                "/api/products/stock-moves/",
                                json("lines", List.of(json("batch", batch, "quantity", 1, "to", back))))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/products/locations/")
                        .status())
                .isEqualTo(401);
        String other = TestStores.newKey("loc");
        Api stranger = as(other, 9, "owner");
        assertThat(stranger.get("/api/products/locations/" + back + "/").text("/code"))
                .as("another store's location is not found in one's own")
                .isEqualTo("location_not_found");
        Api.Response theirs = stranger.post(
                "/api/products/stock-moves/", json("lines", List.of(json("batch", batch, "quantity", 1, "to", back))));
        assertThat(theirs.status()).isEqualTo(400);
        assertThat(theirs.at("/errors").fieldNames()).toIterable().contains("lines.0.batch");
        assertThat(stranger.in(store).get("/api/products/locations/").text("/code"))
                .isEqualTo("not_a_member");
        assertThat(batches(owner, milk)).hasSize(2);
    }
}
