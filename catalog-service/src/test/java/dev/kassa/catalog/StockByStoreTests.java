package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.security.Revocations;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One product's stock across an owner's stores (issue 64 point 7): matched by SKU in each store, with what is on order
 * and its value; a manager of one store sees that store only; other callers refused.
 */
@KassaIntegrationTest
class StockByStoreTests {

    @LocalServerPort
    int port;

    @Autowired
    Revocations revocations;

    Api in(String token, String store) {
        return new Api("http://localhost:" + port).as(token).in(store);
    }

    @Test
    void anOwnerSeesOneProductInEachOfTheirStoresByItsSku() {
        String shop = TestStores.newKey("sbs");
        String depot = TestStores.newKey("sbs");
        String elsewhere = TestStores.newKey("sbs");
        String owner = TestTokens.token(1, "owner", Map.of(shop, "owner", depot, "owner"));
        Api atShop = in(owner, shop);
        Api atDepot = in(owner, depot);
        long here = atShop.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Рис 1 кг",
                                "sku",
                                "RICE-1",
                                "cost_price",
                                9000,
                                "sale_price",
                                14000,
                                "initial_quantity",
                                12))
                .at("/id")
                .asLong();
        long there = atDepot.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Рис 1 кг",
                                "sku",
                                "RICE-1",
                                "cost_price",
                                8000,
                                "sale_price",
                                14000,
                                "initial_quantity",
                                100))
                .at("/id")
                .asLong();
        long supplier = atDepot.post("/api/products/suppliers/", json("name", "Агро"))
                .at("/id")
                .asLong();
        long order = atDepot.post(
                        "/api/products/purchase-orders/",
                        json("supplier", supplier, "lines", List.of(json("product", there, "quantity", 50))))
                .at("/id")
                .asLong();
        atDepot.post("/api/products/purchase-orders/" + order + "/order", null);

        Api.Response seen = atShop.get("/api/products/products/" + here + "/stock-by-store");
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        assertThat(seen.text("/matched_by")).isEqualTo("sku");
        assertThat(seen.at("/stores").size()).isEqualTo(2);
        assertThat(seen.text("/stores/0/tenant_key")).isEqualTo(shop);
        assertThat(seen.at("/stores/0/current").asBoolean()).isTrue();
        assertThat(seen.text("/stores/0/on_hand")).isEqualTo("12.000");
        assertThat(seen.text("/stores/0/stock_value")).isEqualTo("108000.00");
        assertThat(seen.text("/stores/1/tenant_key")).isEqualTo(depot);
        assertThat(seen.at("/stores/1/product").asLong()).isEqualTo(there);
        assertThat(seen.text("/stores/1/on_hand")).isEqualTo("100.000");
        assertThat(seen.text("/stores/1/on_order")).isEqualTo("50.000");
        assertThat(seen.text("/on_hand")).isEqualTo("112.000");
        assertThat(seen.text("/stock_value")).isEqualTo("908000.00");

        // a store without the product shows it has none; a manager of one store sees that store only
        String wider = TestTokens.token(1, "owner", Map.of(shop, "owner", depot, "owner", elsewhere, "owner"));
        Api.Response three = in(wider, shop).get("/api/products/products/" + here + "/stock-by-store");
        assertThat(three.at("/stores").size()).isEqualTo(3);
        JsonNode none = null;
        for (JsonNode store : three.at("/stores")) {
            if (elsewhere.equals(store.path("tenant_key").asText())) {
                none = store;
            }
        }
        assertThat(none).as(three.toString()).isNotNull();
        assertThat(none.path("product").isNull()).as(three.toString()).isTrue();
        assertThat(none.path("on_hand").asText()).isEqualTo("0.000");
        String manager = TestTokens.token(2, "manager", Map.of(shop, "manager", depot, "cashier"));
        assertThat(in(manager, shop)
                        .get("/api/products/products/" + here + "/stock-by-store")
                        .at("/stores")
                        .size())
                .isEqualTo(1);

        assertThat(in(TestTokens.token(3, "cashier", Map.of(shop, "cashier")), shop)
                        .get("/api/products/products/" + here + "/stock-by-store")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(atShop.get("/api/products/products/987654/stock-by-store").status())
                .isEqualTo(404);
        assertThat(in(owner, elsewhere)
                        .get("/api/products/products/" + here + "/stock-by-store")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port)
                        .in(shop)
                        .get("/api/products/products/" + here + "/stock-by-store")
                        .status())
                .isEqualTo(401);
    }

    /**
     * Issue 84, point 9: a manager demoted (or deactivated) in the depot loses the depot at once in what reaches it from
     * the shop, as in the depot's own requests, not when the token expires.
     */
    @Test
    void aRoleTakenAwayInAnotherStoreIsGoneThereBeforeTheTokenExpires() {
        String shop = TestStores.newKey("sbr");
        String depot = TestStores.newKey("sbr");
        Api atShop = in(TestTokens.token(1, "owner", Map.of(shop, "owner")), shop);
        Api atDepot = in(TestTokens.token(1, "owner", Map.of(depot, "owner")), depot);
        long rice = atShop.post(
                        "/api/products/products/",
                        json("name", "Рис 1 кг", "sku", "RICE-1", "sale_price", 14000, "initial_quantity", 12))
                .at("/id")
                .asLong();
        atDepot.post("/api/products/products/", json("name", "Рис 1 кг", "sku", "RICE-1", "sale_price", 14000));
        String manager = TestTokens.token(4, "manager", Map.of(shop, "manager", depot, "manager"));
        Api managerAtShop = in(manager, shop);
        String stockByStore = "/api/products/products/" + rice + "/stock-by-store";
        Map<String, Object> transfer = json("to_store", depot, "lines", List.of(json("product", rice, "quantity", 1)));
        assertThat(managerAtShop.get(stockByStore).at("/stores").size()).isEqualTo(2);
        long draft = managerAtShop
                .post("/api/products/transfers/", transfer)
                .at("/id")
                .asLong();
        assertThat(draft).isPositive();

        // demoted in the depot after the token was issued (auth's EmployeeRoleChanged records this)
        revocations.revoke(depot, 4L, Instant.now().plusSeconds(2));
        assertThat(in(manager, depot).get("/api/products/products/").text("/code"))
                .as("the depot's own requests refuse the token")
                .isEqualTo("token_revoked");
        Api.Response seen = managerAtShop.get(stockByStore);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.at("/stores").size())
                .as("the depot's stock is not shown")
                .isEqualTo(1);
        assertThat(seen.toString()).doesNotContain(depot);
        Api.Response refused = managerAtShop.post("/api/products/transfers/", transfer);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("/code")).isEqualTo("transfer_store_forbidden");
        assertThat(managerAtShop
                        .get("/api/products/transfers/?direction=out")
                        .at("/count")
                        .asInt())
                .as("only the transfer made before")
                .isEqualTo(1);
        // nor can the draft made before the demotion be shipped into the depot: nothing leaves the shop
        Api.Response ship = managerAtShop.post("/api/products/transfers/" + draft + "/ship", null);
        assertThat(ship.status()).as(ship.toString()).isEqualTo(403);
        assertThat(ship.text("/code")).isEqualTo("transfer_store_forbidden");
        assertThat(managerAtShop.get("/api/products/transfers/" + draft).text("/status"))
                .isEqualTo("draft");
        assertThat(managerAtShop.get("/api/products/products/" + rice + "/").text("/quantity"))
                .isEqualTo("12.000");
        // the owner of both ships it
        Api owner = in(TestTokens.token(1, "owner", Map.of(shop, "owner", depot, "owner")), shop);
        assertThat(owner.post("/api/products/transfers/" + draft + "/ship", null)
                        .text("/status"))
                .isEqualTo("shipped");
    }
}
