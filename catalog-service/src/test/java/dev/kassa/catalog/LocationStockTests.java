package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestKafka;
import dev.kassa.platform.test.TestStores;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 86 point 1, continued: hazardous goods (MPSYSTEM's MAG-1.1) are only ever put at a hazardous location, whoever
 * puts them there (the product form, a receipt, a move); a move names a product and the location it comes from and takes
 * its batches there earliest expiry first, refused whole when the location has too little; the ledger, the valuation,
 * the stock across stores and the exports read by location.
 */
@KassaIntegrationTest
class LocationStockTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api owner(String store) {
        return Api.member(port, store, 1, "user1", "owner");
    }

    static BigDecimal number(JsonNode node) {
        return new BigDecimal(node.asText());
    }

    @Test
    void hazardousGoodsGoOnlyToAHazardousLocation() {
        String store = TestStores.newKey("haz");
        Api owner = owner(store);
        long main = owner.get("/api/products/locations/").at("/results/0/id").asLong();
        Object solvent = json(
                "name",
                "Растворитель 646",
                "cost_price",
                90,
                "sale_price",
                150,
                "initial_quantity",
                5,
                "hazardous",
                true);

        Api.Response nowhere = owner.post("/api/products/products/", solvent);
        assertThat(nowhere.status()).as(nowhere.toString()).isEqualTo(409);
        assertThat(nowhere.text("/code")).isEqualTo("location_type_not_allowed");
        assertThat(owner.get("/api/products/products/?search=Растворитель")
                        .at("/count")
                        .asInt())
                .as("the product and its stock are refused together")
                .isZero();

        long adr = LocationTests.id(owner.post(
                "/api/products/locations/",
                json("code", "MAG-1.1", "name", "Опасные грузы (ADR)", "type", "hazardous")));
        long back = LocationTests.id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        long product = LocationTests.id(owner.post("/api/products/products/", solvent));
        assertThat(owner.get("/api/products/products/" + product + "/")
                        .at("/inventory/hazardous")
                        .asBoolean())
                .isTrue();
        List<JsonNode> first = LocationTests.batches(owner, product);
        assertThat(first)
                .singleElement()
                .satisfies(b -> assertThat(b.path("location_code").asText()).isEqualTo("MAG-1.1"));

        Api.Response toFloor = owner.post(
                "/api/products/batches/",
                json("product", product, "quantity", 2, "purchase_price", 90, "location", main));
        assertThat(toFloor.status()).as(toFloor.toString()).isEqualTo(409);
        assertThat(toFloor.text("/code")).isEqualTo("location_type_not_allowed");
        assertThat(toFloor.text("/location")).isEqualTo("MAIN");
        Api.Response unnamed =
                owner.post("/api/products/batches/", json("product", product, "quantity", 2, "purchase_price", 90));
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(201);
        assertThat(unnamed.at("/location").asLong())
                .as("none named: the hazardous location")
                .isEqualTo(adr);

        Api.Response moved = owner.post(
                "/api/products/stock-moves/",
                json("lines", List.of(json("product", product, "from", adr, "quantity", 1, "to", back))));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
        assertThat(moved.text("/code")).isEqualTo("location_type_not_allowed");
        assertThat(LocationTests.batches(owner, product))
                .as("nothing moved, nothing received by the refusals")
                .extracting(b -> b.path("location").asLong())
                .containsOnly(adr)
                .hasSize(2);
        assertThat(number(owner.get("/api/products/products/" + product + "/").at("/quantity")))
                .isEqualByComparingTo("7");

        assertThat(owner.patch("/api/products/locations/" + adr + "/", json("type", "back_room"))
                        .text("/code"))
                .as("hazardous goods lie there: they would be where they may not be")
                .isEqualTo("location_has_stock");

        // a product no longer flagged goes anywhere again; a cashier flags nothing
        assertThat(Api.member(port, store, 3, "user3", "cashier")
                        .patch("/api/products/products/" + product + "/", json("hazardous", false))
                        .status())
                .isEqualTo(403);
        assertThat(owner.patch("/api/products/products/" + product + "/", json("hazardous", false))
                        .at("/inventory/hazardous")
                        .asBoolean())
                .isFalse();
        assertThat(owner.post(
                                "/api/products/batches/",
                                json("product", product, "quantity", 1, "purchase_price", 90, "location", main))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aProductMovesFromALocationEarliestExpiryFirstOrNotAtAll() {
        String store = TestStores.newKey("mv");
        Api owner = owner(store);
        long main = owner.get("/api/products/locations/").at("/results/0/id").asLong();
        long back = LocationTests.id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        long milk = LocationTests.id(owner.post(
                "/api/products/products/",
                json("name", "Молоко", "cost_price", 50, "sale_price", 80, "initial_quantity", 5)));
        long later = receive(owner, milk, 4, LocalDate.now().plusDays(10), back);
        long sooner = receive(owner, milk, 4, LocalDate.now().plusDays(3), back);

        Api.Response moved = owner.post(
                "/api/products/stock-moves/",
                json("lines", List.of(json("product", milk, "from", back, "quantity", 6, "to", main))));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        List<String> parts = new ArrayList<>();
        moved.at("/lines")
                .forEach(l -> parts.add(l.path("from_batch").asLong() + "×"
                        + number(l.path("quantity")).stripTrailingZeros().toPlainString() + "@"
                        + l.path("line").asInt()));
        assertThat(parts)
                .as("the sooner-expiring batch first, then the next")
                .containsExactly(sooner + "×4@0", later + "×2@0");
        assertThat(moved.at("/lines/0/product").asLong()).isEqualTo(milk);
        assertThat(number(owner.get("/api/products/locations/" + back + "/").at("/stock_quantity")))
                .isEqualByComparingTo("2");
        assertThat(number(owner.get("/api/products/locations/" + main + "/").at("/stock_quantity")))
                .isEqualByComparingTo("11");

        Api.Response tooMuch = owner.post(
                "/api/products/stock-moves/",
                json(
                        "lines",
                        List.of(
                                json("product", milk, "from", main, "quantity", 1, "to", back),
                                json("product", milk, "from", back, "quantity", 3, "to", main))));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(tooMuch.text("/code")).isEqualTo("stock_move_short");
        assertThat(tooMuch.at("/lines/0/line").asInt()).isEqualTo(1);
        assertThat(tooMuch.at("/lines/0/product").asLong()).isEqualTo(milk);
        assertThat(tooMuch.at("/lines/0/from").asLong()).isEqualTo(back);
        assertThat(tooMuch.at("/lines/0/available").asText()).isEqualTo("2.000");
        assertThat(number(owner.get("/api/products/locations/" + back + "/").at("/stock_quantity")))
                .as("the first line was not moved either")
                .isEqualByComparingTo("2");

        Api.Response bad = owner.post(
                "/api/products/stock-moves/",
                json(
                        "lines",
                        List.of(
                                json("batch", later, "product", milk, "quantity", 1, "to", main),
                                json("product", milk, "quantity", 1, "to", main),
                                json("batch", later, "from", main, "quantity", 1, "to", back),
                                json("product", 999999, "from", back, "quantity", 1, "to", main),
                                json("quantity", 1, "to", main))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "lines.0.batch",
                        "lines.1.from",
                        "lines.2.from",
                        "lines.2.to",
                        "lines.3.product",
                        "lines.4.batch");
    }

    @Test
    void theLedgerTheValuationTheStoresAndTheExportsReadByLocation() {
        String store = TestStores.newKey("lsr");
        Api owner = owner(store);
        long main = owner.get("/api/products/locations/").at("/results/0/id").asLong();
        long back = LocationTests.id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        long milk = LocationTests.id(owner.post(
                "/api/products/products/",
                json("name", "Молоко", "sku", "MILK-L", "cost_price", 50, "sale_price", 80, "initial_quantity", 5)));
        receive(owner, milk, 4, LocalDate.now().plusDays(10), back);

        List<String> onThePage = new ArrayList<>();
        owner.get("/api/products/products/" + milk + "/")
                .at("/batches")
                .forEach(b -> onThePage.add(b.path("location_code").asText()));
        assertThat(onThePage)
                .as("the product's page says where each batch lies")
                .containsExactlyInAnyOrder("MAIN", "BACK");
        Api.Response atBack = owner.get("/api/products/stock-movements/?location=" + back);
        assertThat(atBack.at("/count").asInt()).as(atBack.toString()).isEqualTo(1);
        assertThat(atBack.at("/results/0/location").asLong()).isEqualTo(back);
        assertThat(number(atBack.at("/results/0/quantity"))).isEqualByComparingTo("4");
        assertThat(owner.get("/api/products/products/" + milk + "/movements/?location=" + main)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);

        Api.Response byLocation = owner.get("/api/products/valuation/?group_by=location");
        assertThat(byLocation.status()).as(byLocation.toString()).isEqualTo(200);
        List<String> groups = new ArrayList<>();
        byLocation
                .at("/groups")
                .forEach(g -> groups.add(g.path("name").asText() + "="
                        + number(g.at("/figures/cost_value"))
                                .stripTrailingZeros()
                                .toPlainString()));
        assertThat(groups).containsExactlyInAnyOrder("Торговый зал=250", "Подсобка=200");
        Api.Response oneLocation = owner.get("/api/products/valuation/?group_by=none&location=" + back);
        assertThat(number(oneLocation.at("/totals/cost_value")))
                .as(oneLocation.toString())
                .isEqualByComparingTo("200");
        assertThat(owner.get("/api/products/valuation/?group_by=shelf").status())
                .isEqualTo(400);

        Api.Response stores = owner.get("/api/products/products/" + milk + "/stock-by-store/");
        assertThat(stores.status()).as(stores.toString()).isEqualTo(200);
        List<String> lying = new ArrayList<>();
        stores.at("/stores/0/locations")
                .forEach(l -> lying.add(
                        l.path("code").asText() + "=" + l.path("on_hand").asText()));
        assertThat(lying).containsExactly("MAIN=5.000", "BACK=4.000");

        Api.Response file = owner.get("/api/products/batches/export?location=" + back);
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        List<List<String>> rows = ExportedFiles.csv(file.bytes(), ';');
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).last().isEqualTo("Место хранения");
        assertThat(rows.get(1)).last().isEqualTo("BACK");
        List<List<String>> ledger = ExportedFiles.csv(
                owner.get("/api/products/stock-movements/export?location=" + main)
                        .bytes(),
                ';');
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(1)).last().isEqualTo("MAIN");
    }

    @Test
    void goodsMovedIntoAQuarantineAreAnnouncedAsNoLongerForSale() {
        String store = TestStores.newKey("lsq");
        Api owner = owner(store);
        long main = owner.get("/api/products/locations/").at("/results/0/id").asLong();
        long milk = LocationTests.id(owner.post(
                "/api/products/products/",
                json("name", "Молоко", "cost_price", 50, "sale_price", 80, "initial_quantity", 5)));
        long quarantine = LocationTests.id(
                owner.post("/api/products/locations/", json("code", "Q", "name", "Карантин", "type", "quarantine")));
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG));
            Api.Response moved = owner.post(
                    "/api/products/stock-moves/",
                    json("lines", List.of(json("product", milk, "from", main, "quantity", 2, "to", quarantine))));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            List<JsonNode> changes = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestKafka.poll(consumer, store).stream()
                        .filter(e -> e.path("type").asText().equals("StockChanged"))
                        .filter(e -> e.at("/payload/reason").asText().equals("move"))
                        .forEach(changes::add);
                return !changes.isEmpty();
            });
            JsonNode change = changes.get(0).path("payload");
            assertThat(number(change.path("change"))).isEqualByComparingTo("0");
            assertThat(number(change.path("on_hand"))).isEqualByComparingTo("5");
            assertThat(number(change.path("available")))
                    .as("what lies in quarantine is not for sale")
                    .isEqualByComparingTo("3");
        }
    }

    @Test
    void aLotsTraceFollowsItsGoodsToEveryLocationTheyWereMovedTo() {
        String store = TestStores.newKey("lst");
        Api owner = owner(store);
        long main = owner.get("/api/products/locations/").at("/results/0/id").asLong();
        long back = LocationTests.id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        long milk = LocationTests.id(
                owner.post("/api/products/products/", json("name", "Молоко", "cost_price", 50, "sale_price", 80)));
        long lot = receive(owner, milk, 10, LocalDate.now().plusDays(20), back);
        Api.Response moved = owner.post(
                "/api/products/stock-moves/", json("lines", List.of(json("batch", lot, "quantity", 4, "to", main))));
        long shelf = moved.at("/lines/0/to_batch").asLong();
        new TillSales(port, kafka).sell(store, milk, 3, "lot-1", 18L);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        number(owner.get("/api/products/batches/" + shelf + "/").at("/quantity"))
                                        .compareTo(BigDecimal.ONE)
                                == 0);

        Api.Response trace = owner.get("/api/products/batches/" + lot + "/trace/");
        assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
        assertThat(trace.at("/sales/0/receipt_number").asText())
                .as("sold from the shelf's copy, found from the lot's first batch")
                .isEqualTo("R-lot-1");
        assertThat(trace.at("/customers/0").asLong()).isEqualTo(18L);
        assertThat(number(trace.at("/totals/received"))).isEqualByComparingTo("10");
        assertThat(number(trace.at("/totals/sold"))).isEqualByComparingTo("3");
        assertThat(number(trace.at("/totals/on_hand"))).isEqualByComparingTo("7");
        assertThat(trace.at("/adjustments").size())
                .as("moves are not adjustments")
                .isZero();
        List<String> lying = new ArrayList<>();
        trace.at("/lot")
                .forEach(p -> lying.add(p.path("location_code").asText() + "="
                        + number(p.path("quantity")).stripTrailingZeros().toPlainString()));
        assertThat(lying).containsExactly("BACK=6", "MAIN=1");
    }

    /** Receives a batch of the product at a location, answering its id. */
    static long receive(Api owner, long product, int quantity, LocalDate expiry, long location) {
        return LocationTests.id(owner.post(
                "/api/products/batches/",
                json(
                        "product",
                        product,
                        "quantity",
                        quantity,
                        "purchase_price",
                        50,
                        "expiry_date",
                        expiry.toString(),
                        "location",
                        location)));
    }
}
