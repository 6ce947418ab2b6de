package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.catalog.catalogue.product.ProductsShared;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One catalogue across an owner's stores (issue 86 point 2): an owner shares a category's products and a product with
 * another store; that store gets the same products by events (made, or its own product with the same SKU linked), a
 * change at the source follows them there, and the store's own sale price stays its own; sharing again doubles nothing;
 * a transfer to a store that lacks a product makes it there; who may not share is refused.
 */
@KassaIntegrationTest
class ChainCatalogueTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api in(String store, String token) {
        return new Api("http://localhost:" + port).as(token).in(store);
    }

    /** The store's products with this SKU. */
    static List<JsonNode> withSku(Api api, String sku) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.get("/api/products/products/?search=" + sku).at("/results").forEach(p -> {
            if (sku.equals(p.path("sku").asText())) {
                found.add(p);
            }
        });
        return found;
    }

    @Test
    void sharedProductsAreTheSameInTheOtherStoreAndFollowTheSourcesChangesButNotItsOwnPrice() {
        String depot = TestStores.newKey("chn");
        String shop = TestStores.newKey("chn");
        String token = TestTokens.token(1, "owner1", Map.of(depot, "owner", shop, "owner"));
        Api atDepot = in(depot, token);
        Api atShop = in(shop, token);
        long dairy = atDepot.post("/api/products/categories/", json("name", "Молочные продукты"))
                .at("/id")
                .asLong();
        long kefir = atDepot.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Кефир 1 л",
                                "sku",
                                "KEF-1L",
                                "category",
                                String.valueOf(dairy),
                                "cost_price",
                                9000,
                                "sale_price",
                                12000,
                                "initial_quantity",
                                10))
                .at("/id")
                .asLong();
        atDepot.post(
                "/api/products/products/",
                json(
                        "name",
                        "Молоко 1 л",
                        "sku",
                        "MLK-1L",
                        "category",
                        String.valueOf(dairy),
                        "cost_price",
                        8000,
                        "sale_price",
                        10000));
        long solvent = atDepot.post(
                        "/api/products/products/",
                        json("name", "Растворитель", "sku", "SOLV", "cost_price", 100, "sale_price", 150))
                .at("/id")
                .asLong();
        long shopsMilk = atShop.post(
                        "/api/products/products/",
                        json("name", "Молоко (наше)", "sku", "MLK-1L", "cost_price", 8500, "sale_price", 11000))
                .at("/id")
                .asLong();

        Api.Response shared = atDepot.post(
                "/api/products/shares/",
                json("categories", List.of(dairy), "products", List.of(solvent), "stores", List.of(shop)));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(shared.at("/products").asInt()).isEqualTo(3);
        JsonNode sent = EventSamples.awaitEmitted(ProductsShared.class, depot);
        assertThat(sent.at("/payload/to_store").asText()).isEqualTo(shop);

        JsonNode copy = await().atMost(Duration.ofSeconds(30))
                .until(() -> withSku(atShop, "KEF-1L"), l -> !l.isEmpty())
                .get(0);
        assertThat(copy.path("name").asText()).isEqualTo("Кефир 1 л");
        assertThat(new BigDecimal(copy.path("sale_price").asText())).isEqualByComparingTo("12000");
        assertThat(new BigDecimal(copy.path("quantity").asText()))
                .as("the shop has none of the depot's stock")
                .isEqualByComparingTo("0");
        long shopsKefir = copy.path("id").asLong();
        JsonNode depotChain =
                atDepot.get("/api/products/products/" + kefir + "/shares/").body();
        JsonNode shopChain =
                atShop.get("/api/products/products/" + shopsKefir + "/shares/").body();
        assertThat(shopChain.path("chain_key").asText())
                .isEqualTo(depotChain.path("chain_key").asText());
        assertThat(shopChain.path("shared_from").asText()).isEqualTo(depot);
        assertThat(depotChain.at("/shared_with/0/store").asText()).isEqualTo(shop);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> atShop.get("/api/products/products/" + shopsMilk + "/shares/")
                        .body()
                        .path("shared_from")
                        .asText()
                        .equals(depot));
        assertThat(withSku(atShop, "MLK-1L"))
                .as("the shop's own milk became the chain's, not a second one")
                .singleElement()
                .satisfies(m -> assertThat(m.path("name").asText()).isEqualTo("Молоко 1 л"));
        assertThat(copy.path("category_name").asText())
                .as("the shop had no such category: it was made")
                .isEqualTo("Молочные продукты");

        // the shop sets its own price; the depot renames and reprices: the name follows, the shop's price stays
        assertThat(atShop.patch("/api/products/products/" + shopsKefir + "/", json("sale_price", 13000))
                        .status())
                .isEqualTo(200);
        assertThat(atDepot.patch(
                                "/api/products/products/" + kefir + "/",
                                json("name", "Кефир 2,5% 1 л", "sale_price", 12500))
                        .status())
                .isEqualTo(200);
        JsonNode renamed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> atShop.get("/api/products/products/" + shopsKefir + "/")
                                .body(),
                        p -> p.path("name").asText().equals("Кефир 2,5% 1 л"));
        assertThat(new BigDecimal(renamed.path("sale_price").asText()))
                .as("the shop's own price")
                .isEqualByComparingTo("13000");

        // sharing again sends the entries again and doubles nothing
        assertThat(atDepot.post("/api/products/shares/", json("products", List.of(kefir), "stores", List.of(shop)))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> atShop.get("/api/products/products/" + shopsKefir + "/shares/")
                        .body()
                        .path("own_sale_price")
                        .asBoolean());
        assertThat(withSku(atShop, "KEF-1L")).hasSize(1);

        // the depot stops sharing the kefir: the shop keeps its copy, which the depot's changes no longer reach (the
        // solvent, still shared, is renamed after it: once its new name is at the shop, the kefir's would be too)
        Api.Response stopped = atDepot.delete("/api/products/products/" + kefir + "/shares/" + shop + "/");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.at("/shared_with").size()).isZero();
        assertThat(atDepot.delete("/api/products/products/" + kefir + "/shares/" + shop + "/")
                        .text("/code"))
                .isEqualTo("share_not_found");
        atDepot.patch("/api/products/products/" + kefir + "/", json("name", "Кефир 1% 1 л"));
        atDepot.patch("/api/products/products/" + solvent + "/", json("name", "Растворитель 646"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        withSku(atShop, "SOLV").get(0).path("name").asText().equals("Растворитель 646"));
        assertThat(atShop.get("/api/products/products/" + shopsKefir + "/").text("/name"))
                .isEqualTo("Кефир 2,5% 1 л");
    }

    @Test
    void aTransferToAStoreThatLacksTheProductMakesItThereAndTheGoodsArriveInIt() {
        String depot = TestStores.newKey("cht");
        String shop = TestStores.newKey("cht");
        String token = TestTokens.token(1, "owner1", Map.of(depot, "owner", shop, "owner"));
        Api atDepot = in(depot, token);
        Api atShop = in(shop, token);
        long ayran = atDepot.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Айран 0,5 л",
                                "sku",
                                "AYR-05",
                                "cost_price",
                                5000,
                                "sale_price",
                                7000,
                                "initial_quantity",
                                20))
                .at("/id")
                .asLong();
        Api.Response draft = atDepot.post(
                "/api/products/transfers/",
                json("to_store", shop, "lines", List.of(json("product", ayran, "quantity", 6))));
        assertThat(draft.status())
                .as("the shop lacks the product: it is made there, not refused " + draft)
                .isEqualTo(201);
        Api.Response shipped =
                atDepot.post("/api/products/transfers/" + draft.at("/id").asLong() + "/ship", null);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        JsonNode arrived = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> atShop.get("/api/products/transfers/?direction=in")
                                .at("/results/0"),
                        n -> !n.isMissingNode());
        JsonNode incoming = atShop.get(
                        "/api/products/transfers/" + arrived.path("id").asLong() + "/")
                .body();
        assertThat(incoming.at("/lines/0/product").isNumber())
                .as("the shop's copy of the transfer names the shop's new product " + incoming)
                .isTrue();
        Api.Response received =
                atShop.post("/api/products/transfers/" + arrived.path("id").asLong() + "/receive", json("close", true));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        JsonNode copy = withSku(atShop, "AYR-05").get(0);
        assertThat(copy.path("name").asText()).isEqualTo("Айран 0,5 л");
        assertThat(new BigDecimal(copy.path("sale_price").asText())).isEqualByComparingTo("7000");
        assertThat(new BigDecimal(
                        atShop.get("/api/products/products/" + copy.path("id").asLong() + "/")
                                .text("/quantity")))
                .isEqualByComparingTo("6");
        assertThat(atShop.get("/api/products/products/" + copy.path("id").asLong() + "/shares/")
                        .text("/shared_from"))
                .isEqualTo(depot);
    }

    @Test
    void aStoreOpenedWithACopyOfAnothersCatalogueGetsItsProducts() {
        String first = TestStores.newKey("chc");
        String second = TestStores.newKey("chc");
        String token = TestTokens.token(1, "owner1", Map.of(first, "owner", second, "owner"));
        Api atFirst = in(first, token);
        atFirst.post("/api/products/products/", json("name", "Чай зелёный", "sku", "TEA-G", "sale_price", 15000));
        atFirst.post("/api/products/products/", json("name", "Чай чёрный", "sku", "TEA-B", "sale_price", 14000));
        // auth announces the new store naming the store whose catalogue it starts with (auth's StoreTests check that
        // only an owner's own store may be named)
        kafka.send(Topics.AUTH, second, EventSamples.of(StoreCreated.class).message(second, e -> e.set(
                                "/tenant_key", second)
                        .set("/owner_user_id", 1)
                        .set("/copy_catalogue_from", first)))
                .join();
        Api atSecond = in(second, token);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> withSku(atSecond, "TEA-G").size()
                                + withSku(atSecond, "TEA-B").size()
                        == 2);
        assertThat(new BigDecimal(
                        withSku(atSecond, "TEA-B").get(0).path("sale_price").asText()))
                .isEqualByComparingTo("14000");
        assertThat(atFirst.get("/api/products/products/"
                                + withSku(atFirst, "TEA-G").get(0).path("id").asLong() + "/shares/")
                        .at("/shared_with/0/store")
                        .asText())
                .isEqualTo(second);
        EventSamples.of(StoreCreated.class).assertConsumedBy("catalog-service");
    }

    @Test
    void onlyAnOwnerOfBothStoresSharesAndBadInputChangesNothing() {
        String depot = TestStores.newKey("chr");
        String shop = TestStores.newKey("chr");
        String managed = TestStores.newKey("chr");
        String owner = TestTokens.token(1, "owner1", Map.of(depot, "owner", shop, "owner", managed, "manager"));
        Api atDepot = in(depot, owner);
        long kefir = atDepot.post("/api/products/products/", json("name", "Кефир", "sale_price", 100))
                .at("/id")
                .asLong();

        Api.Response notOwned = atDepot.post(
                "/api/products/shares/", json("products", List.of(kefir), "stores", List.of(managed, depot)));
        assertThat(notOwned.status()).as(notOwned.toString()).isEqualTo(400);
        assertThat(notOwned.at("/errors").fieldNames()).toIterable().containsExactlyInAnyOrder("stores.0", "stores.1");
        assertThat(atDepot.post("/api/products/shares/", json("stores", List.of(shop)))
                        .at("/errors/products/0")
                        .asText())
                .isNotBlank();
        assertThat(atDepot.post("/api/products/shares/", json("products", List.of(999999), "stores", List.of(shop)))
                        .status())
                .as("a product this store does not have")
                .isEqualTo(400);
        assertThat(atDepot.post("/api/products/shares/", json("products", List.of(kefir)))
                        .at("/errors/stores/0")
                        .asText())
                .isNotBlank();
        assertThat(atDepot.post("/api/products/shares/", "not json").status()).isEqualTo(400);

        String manager = TestTokens.token(2, "manager2", Map.of(depot, "manager", shop, "owner"));
        Api.Response byManager = in(depot, manager)
                .post("/api/products/shares/", json("products", List.of(kefir), "stores", List.of(shop)));
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(403);
        assertThat(byManager.text("/code")).isEqualTo("permission_denied");
        assertThat(in(depot, manager)
                        .delete("/api/products/products/" + kefir + "/shares/" + shop + "/")
                        .status())
                .isEqualTo(403);
        assertThat(new Api("http://localhost:" + port)
                        .in(depot)
                        .post("/api/products/shares/", json("products", List.of(kefir), "stores", List.of(shop)))
                        .status())
                .isEqualTo(401);
        assertThat(atDepot.get("/api/products/products/" + kefir + "/shares/")
                        .at("/shared_with")
                        .size())
                .as("nothing shared by the refusals")
                .isZero();
        assertThat(atDepot.get("/api/products/products/999999/shares/").status())
                .isEqualTo(404);
    }
}
