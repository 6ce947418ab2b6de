package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Made on sale or made ahead (issue 87 point 2): a film made ahead from granules and ink keeps its own stock of
 * finished batches (none until some are made or received, never the 10 000 m its components would allow), a till holds
 * and sells its own batches and leaves the granules alone; a latte made on sale is still its components; a bag made
 * ahead may be made of the film, never in a circle; a film with stock of its own is not made on sale again; a chain's
 * copy is made as its source is.
 */
@KassaIntegrationTest
class MadeAheadTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    private static Api.Response create(Api owner, Object... fields) {
        Map<String, Object> form = json(fields);
        form.putIfAbsent("sku", "MAH-" + UUID.randomUUID().toString().substring(0, 8));
        return owner.post("/api/products/products/", form);
    }

    private static long product(Api owner, Object... fields) {
        Api.Response r = create(owner, fields);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private static Api.Response recipe(Api owner, long product, Object... componentsAndQuantities) {
        List<Map<String, Object>> components = new ArrayList<>();
        for (int i = 0; i < componentsAndQuantities.length; i += 2) {
            components.add(json("product", componentsAndQuantities[i], "quantity", componentsAndQuantities[i + 1]));
        }
        return owner.put("/api/products/products/" + product + "/recipe/", json("components", components));
    }

    private static Api.Response page(Api owner, long product) {
        return owner.get("/api/products/products/" + product + "/");
    }

    private static void receive(Api owner, long product, Object quantity) {
        Api.Response r = owner.post("/api/products/batches/", json("product", product, "quantity", quantity));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Api.Response hold(String store, long product, int quantity) {
        return Api.member(port, store, 8, "cashier", "cashier")
                .asService()
                .post(
                        "/internal/reservations",
                        json("request_ref", UUID.randomUUID().toString(), "product_id", product, "quantity", quantity));
    }

    @Test
    void aFilmMadeAheadHasOnlyItsOwnBatchesAndATillTakesThemNotItsGranules() {
        String store = TestStores.newKey("mah");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long granules =
                product(owner, "name", "Гранулы ПЭ", "unit", "kg", "cost_price", 15000, "initial_quantity", 200);
        long ink = product(owner, "name", "Краска", "unit", "kg", "cost_price", 80000, "initial_quantity", 20);
        Api.Response made = create(
                owner,
                "name",
                "Плёнка ПЭ 100 мкм",
                "unit",
                "m",
                "cost_price",
                1800,
                "sale_price",
                2500,
                "made",
                "ahead");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.text("/made")).isEqualTo("ahead");
        long film = made.at("/id").asLong();

        Api.Response set = recipe(owner, film, granules, "0.02", ink, "0.001");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.text("/cost")).isEqualTo("380.00");
        assertThat(set.text("/available"))
                .as("how many its components make now, for information")
                .isEqualTo("10000");

        // the complaint: nothing was made, so nothing is in stock
        Api.Response before = page(owner, film);
        assertThat(before.text("/made")).isEqualTo("ahead");
        assertThat(before.text("/has_recipe")).isEqualTo("true");
        assertThat(before.text("/quantity")).isEqualTo("0.000");
        assertThat(before.text("/stock_status")).isEqualTo("out_of_stock");
        assertThat(before.text("/cost_price")).as("its own cost").isEqualTo("1800.00");
        Api.Response refused = hold(store, film, 1);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("insufficient_stock");

        receive(owner, film, 100);
        assertThat(page(owner, film).text("/quantity")).isEqualTo("100.000");
        assertThat(owner.get("/api/products/products/?stock_status=in_stock")
                        .at("/results")
                        .findValuesAsText("name"))
                .as("the list judges it as its page does")
                .contains("Плёнка ПЭ 100 мкм");

        // a till's hold takes the film's own batch, FEFO, and leaves the granules and the ink free
        Api.Response held = hold(store, film, 30);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/allocations").size()).isEqualTo(1);
        assertThat(held.at("/allocations/0/batch_id").isNull()).isFalse();
        assertThat(held.text("/allocations/0/quantity")).isEqualTo("30.000");
        assertThat(held.text("/allocations/0/unit_cost")).isEqualTo("1800.00");
        assertThat(page(owner, film).text("/inventory/available_quantity")).isEqualTo("70.000");
        assertThat(page(owner, granules).text("/inventory/available_quantity")).isEqualTo("200.000");

        // sold: 10 m leave the film's batch; the granules and the ink stay as they were
        new TillSales(port, kafka).sell(store, film, 10, "MAH-1", null);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(page(owner, film).text("/quantity")).isEqualTo("90.000"));
        assertThat(page(owner, granules).text("/quantity")).isEqualTo("200.000");
        assertThat(page(owner, ink).text("/quantity")).isEqualTo("20.000");
        assertThat(owner.get("/api/products/products/" + film + "/movements/")
                        .at("/results")
                        .findValuesAsText("reason"))
                .contains("sale");

        // in the products file its cost and stock are its own, and the last column says how it is made
        List<List<String>> file = ExportedFiles.csv(
                owner.get("/api/products/products/export?search=Плёнка").bytes(), ';');
        List<String> header = file.get(0);
        assertThat(header.get(header.size() - 1)).isEqualTo("Изготовление");
        List<String> row = file.get(1);
        assertThat(row.get(header.indexOf("Себестоимость"))).isEqualTo("1800,00");
        assertThat(row.get(header.indexOf("Остаток"))).isEqualTo("90,000");
        assertThat(row.get(header.size() - 1)).isEqualTo("ahead");

        // a variant is made as its parent is
        Api.Response wide =
                owner.post("/api/products/products/" + film + "/variants/", json("options", Map.of("ширина", "1,5 м")));
        assertThat(wide.status()).as(wide.toString()).isEqualTo(201);
        assertThat(wide.text("/made")).isEqualTo("ahead");
    }

    @Test
    void aProductMadeAheadWithStockOfItsOwnIsNotMadeOnSaleAgain() {
        String store = TestStores.newKey("mas");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long granules = product(owner, "name", "Гранулы", "unit", "kg", "cost_price", 15000, "initial_quantity", 10);
        long film = product(owner, "name", "Плёнка", "unit", "m", "made", "ahead");
        assertThat(recipe(owner, film, granules, 1).status()).isEqualTo(200);
        receive(owner, film, 5);

        Api.Response refused = owner.patch("/api/products/products/" + film + "/", json("made", "on_sale"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("/code")).isEqualTo("made_has_stock");
        Api.Response after = page(owner, film);
        assertThat(after.text("/made")).as("nothing changed").isEqualTo("ahead");
        assertThat(after.text("/quantity")).isEqualTo("5.000");
        assertThat(owner.put(
                                "/api/products/products/" + film + "/",
                                json("name", "Плёнка", "unit", "m", "made", "on_sale"))
                        .text("/code"))
                .as("a PUT as a PATCH")
                .isEqualTo("made_has_stock");

        // a product made on sale with a recipe is made ahead whenever asked: its stock is then its own (none)
        long latte = product(owner, "name", "Латте", "sale_price", 25000);
        assertThat(recipe(owner, latte, granules, 1).status()).isEqualTo(200);
        assertThat(page(owner, latte).text("/quantity")).isEqualTo("10.000");
        Api.Response ahead = owner.patch("/api/products/products/" + latte + "/", json("made", "ahead"));
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(200);
        assertThat(ahead.text("/made")).isEqualTo("ahead");
        assertThat(ahead.text("/quantity")).isEqualTo("0.000");
        // and, without stock of its own, made on sale again: its stock is its components' once more
        Api.Response back = owner.patch("/api/products/products/" + latte + "/", json("made", "on_sale"));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.text("/quantity")).isEqualTo("10.000");
    }

    @Test
    void aLatteMadeOnSaleIsStillItsComponents() {
        String store = TestStores.newKey("mal");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long milk = product(owner, "name", "Молоко", "unit", "ml", "cost_price", 12, "initial_quantity", 1000);
        long latte = product(owner, "name", "Латте", "sale_price", 25000);
        assertThat(recipe(owner, latte, milk, 200).status()).isEqualTo(200);

        Api.Response page = page(owner, latte);
        assertThat(page.text("/made")).as("the default").isEqualTo("on_sale");
        assertThat(page.text("/has_recipe")).isEqualTo("true");
        assertThat(page.text("/quantity")).isEqualTo("5.000");
        assertThat(page.text("/cost_price")).isEqualTo("2400.00");
        Api.Response held = hold(store, latte, 1);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/allocations/0/batch_id").isNull())
                .as("held as its components")
                .isTrue();
        assertThat(page(owner, milk).text("/inventory/available_quantity")).isEqualTo("800.000");

        long cup = product(owner, "name", "Стакан с латте", "made", "ahead");
        assertThat(recipe(owner, cup, latte, 1)
                        .at("/errors/components.0.product")
                        .isArray())
                .as("a product made on sale of others has no stock to go into another")
                .isTrue();
    }

    @Test
    void aBagMadeAheadIsMadeOfAFilmMadeAheadNeverInACircle() {
        String store = TestStores.newKey("mab");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long granules = product(owner, "name", "Гранулы", "unit", "kg", "cost_price", 15000, "initial_quantity", 10);
        long film = product(owner, "name", "Плёнка", "unit", "m", "made", "ahead");
        long bag = product(owner, "name", "Пакет", "made", "ahead");
        assertThat(recipe(owner, film, granules, "0.02").status()).isEqualTo(200);
        receive(owner, film, 12);

        Api.Response set = recipe(owner, bag, film, "1.2");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.text("/available"))
                .as("what the film's own stock makes, not what its granules would")
                .isEqualTo("10");

        Api.Response circle = recipe(owner, film, granules, "0.02", bag, 1);
        assertThat(circle.status()).as(circle.toString()).isEqualTo(400);
        assertThat(circle.at("/errors/components.1.product").isArray()).isTrue();
        long roll = product(owner, "name", "Рулон пакетов", "made", "ahead");
        assertThat(recipe(owner, roll, bag, 100).status()).isEqualTo(200);
        assertThat(recipe(owner, film, roll, 1)
                        .at("/errors/components.0.product")
                        .isArray())
                .as("a circle at any depth: film, roll, bag, film")
                .isTrue();
        assertThat(owner.get("/api/products/products/" + film + "/recipe/")
                        .at("/components")
                        .findValuesAsText("name"))
                .as("nothing refused changed it")
                .containsExactly("Гранулы");

        // the film goes into the bag: made on sale, it would have no stock of its own to go there
        Api.Response onSale = owner.patch("/api/products/products/" + film + "/", json("made", "on_sale"));
        assertThat(onSale.status()).as(onSale.toString()).isEqualTo(400);
        assertThat(onSale.at("/errors/made").isArray()).isTrue();

        // a bag made ahead is held from its own batches, never from the film
        receive(owner, bag, 3);
        Api.Response held = hold(store, bag, 1);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/allocations/0/batch_id").isNull()).isFalse();
        assertThat(page(owner, film).text("/inventory/available_quantity")).isEqualTo("12.000");
    }

    @Test
    void aChainsCopyIsMadeAsTheSourcesProductIs() {
        String depot = TestStores.newKey("mac");
        String shop = TestStores.newKey("mac");
        String token = TestTokens.token(1, "owner1", Map.of(depot, "owner", shop, "owner"));
        Api atDepot = new Api("http://localhost:" + port).as(token).in(depot);
        Api atShop = new Api("http://localhost:" + port).as(token).in(shop);
        String sku = "MAC-" + UUID.randomUUID().toString().substring(0, 8);
        long film = product(atDepot, "name", "Плёнка", "sku", sku, "unit", "m", "made", "ahead");
        Api.Response shared =
                atDepot.post("/api/products/shares/", json("products", List.of(film), "stores", List.of(shop)));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(atShop.get("/api/products/products/?search=" + sku)
                                .at("/results")
                                .findValuesAsText("made"))
                        .containsExactly("ahead"));

        assertThat(atDepot.patch("/api/products/products/" + film + "/", json("made", "on_sale"))
                        .status())
                .as("no recipe: made on sale whenever asked")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(atShop.get("/api/products/products/?search=" + sku)
                                .at("/results")
                                .findValuesAsText("made"))
                        .containsExactly("on_sale"));
    }

    @Test
    void howAProductIsMadeIsOneOfTwoWordsAndOnlyTheBackOfficeSetsIt() {
        String store = TestStores.newKey("mav");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        Api.Response bad = create(owner, "name", "Плёнка", "made", "sideways");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.at("/errors/made").isArray()).isTrue();
        assertThat(owner.get("/api/products/products/?search=Плёнка")
                        .at("/count")
                        .asInt())
                .as("nothing stored")
                .isZero();

        long film = product(owner, "name", "Плёнка");
        Api.Response upper = owner.patch("/api/products/products/" + film + "/", json("made", "AHEAD"));
        assertThat(upper.status()).as(upper.toString()).isEqualTo(400);
        assertThat(upper.at("/errors/made").isArray()).isTrue();

        Api.Response cashier = Api.member(port, store, 3, "cashier", "cashier")
                .patch("/api/products/products/" + film + "/", json("made", "ahead"));
        assertThat(cashier.status()).as(cashier.toString()).isEqualTo(403);
        assertThat(cashier.text("/code")).isEqualTo("permission_denied");
        assertThat(page(owner, film).text("/made")).as("unchanged").isEqualTo("on_sale");
    }
}
