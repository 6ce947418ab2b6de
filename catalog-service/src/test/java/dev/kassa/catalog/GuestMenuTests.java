package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guests' menu sales shows at a table's public link (issue 65 point 6): the store's active products that can be sold
 * now (stock left after the tills' holds, or stock not tracked), by category, with prices and never costs or stock; asked
 * by Kassa's own components only, with no user behind the call.
 */
@KassaIntegrationTest
class GuestMenuTests {

    @LocalServerPort
    int port;

    long product(Api owner, String name, Object quantity, Object category, Boolean tracked) {
        Map<String, Object> body = json(
                "name",
                name,
                "sku",
                "M-" + UUID.randomUUID().toString().substring(0, 8),
                "cost_price",
                5000,
                "sale_price",
                18000,
                "unit",
                "pcs",
                "initial_quantity",
                quantity,
                "category",
                category,
                "track_inventory",
                tracked);
        Api.Response r = owner.post("/api/products/products/", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    @Test
    void theMenuHoldsWhatMayBeOrderedNowAndOnlyKassaMayAskForIt() {
        String store = TestStores.newKey("mnu");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long coffee = owner.post("/api/products/categories/", json("name", "Кофе"))
                .at("/id")
                .asLong();
        long latte = product(owner, "Латте", 5, coffee, null);
        product(owner, "Круассан", 0, null, null);
        long tea = product(owner, "Чай", 0, null, false);
        long old = product(owner, "Старое блюдо", 3, coffee, null);
        assertThat(owner.patch("/api/products/products/" + old + "/", json("is_active", false))
                        .status())
                .isEqualTo(200);
        // every cup of the cappuccino is held by a till: nothing of it is left to order
        long cappuccino = product(owner, "Капучино", 1, coffee, null);
        Api service = new Api("http://localhost:" + port).asService().in(store);
        assertThat(Api.member(port, store, 8, "cashier", "cashier")
                        .asService()
                        .post(
                                "/internal/reservations",
                                json(
                                        "request_ref",
                                        UUID.randomUUID().toString(),
                                        "product_id",
                                        cappuccino,
                                        "quantity",
                                        1))
                        .status())
                .isEqualTo(200);

        Api.Response menu = service.get("/internal/menu");
        assertThat(menu.status()).as(menu.toString()).isEqualTo(200);
        assertThat(menu.at("/items").findValuesAsText("name")).containsExactly("Латте", "Чай");
        assertThat(menu.at("/items/0/id").asLong()).isEqualTo(latte);
        assertThat(menu.text("/items/0/category")).isEqualTo("Кофе");
        assertThat(menu.text("/items/0/price")).isEqualTo("18000.00");
        assertThat(menu.at("/items/1/id").asLong()).isEqualTo(tea);
        assertThat(menu.at("/items/1/category").isNull()).isTrue();
        assertThat(menu.at("/items/0").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id", "name", "description", "price", "unit", "category_id", "category", "modifier_groups");

        // anyone else is refused: a user's own token, no token, no store
        assertThat(owner.get("/internal/menu").text("/code")).isEqualTo("internal_only");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/internal/menu")
                        .text("/code"))
                .isEqualTo("internal_only");
        assertThat(new Api("http://localhost:" + port)
                        .asService()
                        .get("/internal/menu")
                        .text("/code"))
                .isEqualTo("missing_tenant_key");
        assertThat(service.get("/internal/menu").at("/items").size())
                .as("another store's menu is its own")
                .isEqualTo(2);
        assertThat(new Api("http://localhost:" + port)
                        .asService()
                        .in(TestStores.newKey("mno"))
                        .get("/internal/menu")
                        .at("/items")
                        .size())
                .isZero();
    }
}
