package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modifier groups (issue 65 point 2): "Milk: regular / oat +5 000" a latte must choose from once, "Extra shot +3 000" it
 * may take twice; the till's hold, the order's line and the guests' menu all priced and checked by the same rule.
 */
@KassaIntegrationTest
class ModifierTests {

    private static final String GROUPS = "/api/products/modifier-groups/";

    @LocalServerPort
    int port;

    private long product(Api owner, String name, int quantity) {
        Api.Response r = owner.post(
                "/api/products/products/",
                json(
                        "name",
                        name,
                        "sku",
                        "MOD-" + UUID.randomUUID().toString().substring(0, 8),
                        "cost_price",
                        6000,
                        "sale_price",
                        25000,
                        "unit",
                        "pcs",
                        "initial_quantity",
                        quantity));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private Api.Response hold(String store, long product, List<Long> modifiers) {
        return Api.member(port, store, 8, "cashier", "cashier")
                .asService()
                .post(
                        "/internal/reservations",
                        json(
                                "request_ref",
                                UUID.randomUUID().toString(),
                                "product_id",
                                product,
                                "quantity",
                                1,
                                "modifiers",
                                modifiers));
    }

    private static long option(Api.Response group, int i) {
        return group.at("/options/" + i + "/id").asLong();
    }

    @Test
    void aLatteIsHeldWithTheMilkAndShotsItChoseAtTheirPricesAndRefusedWithoutItsMilk() {
        String store = TestStores.newKey("mod");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long latte = product(owner, "Латте", 1);
        Api.Response milk = owner.post(
                GROUPS,
                json(
                        "name",
                        "Молоко",
                        "min",
                        1,
                        "max",
                        1,
                        "options",
                        List.of(json("name", "Обычное"), json("name", "Овсяное", "price", 5000))));
        assertThat(milk.status()).as(milk.toString()).isEqualTo(201);
        assertThat(milk.text("/options/0/price")).isEqualTo("0.00");
        Api.Response shots = owner.post(
                GROUPS, json("name", "Доп. шот", "max", 2, "options", List.of(json("name", "Шот", "price", 3000))));
        assertThat(shots.status()).as(shots.toString()).isEqualTo(201);
        assertThat(shots.at("/min").asInt()).isZero();
        Api.Response syrup = owner.post(GROUPS, json("name", "Сироп", "options", List.of(json("name", "Ваниль"))));
        long regular = option(milk, 0);
        long oat = option(milk, 1);
        long shot = option(shots, 0);

        Api.Response offered = owner.put(
                "/api/products/products/" + latte + "/modifier-groups/",
                json(
                        "modifier_groups",
                        List.of(milk.at("/id").asLong(), shots.at("/id").asLong())));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        assertThat(offered.body().findValuesAsText("name")).contains("Молоко", "Доп. шот");
        assertThat(owner.get(GROUPS + milk.at("/id").asLong() + "/")
                        .at("/products_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(owner.get(GROUPS + "?search=мол").at("/results").size()).isEqualTo(1);

        // the hold carries the milk and the shots with their prices; the till adds them to the latte's 25 000
        Api.Response held = hold(store, latte, List.of(oat, shot));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("/product/sale_price")).isEqualTo("25000.00");
        assertThat(held.at("/modifiers").findValuesAsText("name")).containsExactly("Овсяное", "Шот");
        assertThat(held.at("/modifiers").findValuesAsText("price")).containsExactly("5000.00", "3000.00");
        assertThat(held.text("/modifiers/0/group")).isEqualTo("Молоко");

        // refused, nothing held: the only latte is still free for the hold that chose right
        Api.Response noMilk = hold(store, latte, List.of());
        assertThat(noMilk.status()).as(noMilk.toString()).isEqualTo(400);
        assertThat(noMilk.text("/errors/modifiers/0")).contains("Молоко").contains("1");
        assertThat(hold(store, latte, List.of(regular, oat)).text("/errors/modifiers/0"))
                .contains("Молоко");
        assertThat(hold(store, latte, List.of(oat, shot, shot)).status()).isEqualTo(400);
        assertThat(hold(store, latte, List.of(oat, option(syrup, 0))).text("/errors/modifiers/0"))
                .as("an option of a group the latte does not offer")
                .contains(String.valueOf(option(syrup, 0)));
        Api.Response english = Api.member(port, store, 8, "cashier", "cashier")
                .asService()
                .english()
                .post(
                        "/internal/reservations/lines",
                        json(
                                "lines",
                                List.of(
                                        json(
                                                "request_ref",
                                                UUID.randomUUID().toString(),
                                                "product_id",
                                                latte,
                                                "quantity",
                                                1,
                                                "modifiers",
                                                List.of(regular)),
                                        json(
                                                "request_ref",
                                                UUID.randomUUID().toString(),
                                                "product_id",
                                                latte,
                                                "quantity",
                                                1))));
        assertThat(english.status()).as(english.toString()).isEqualTo(400);
        assertThat(english.text("/errors/lines.1.modifiers/0")).isEqualTo("\"Молоко\": choose at least 1");

        // a sale that already happened (an offline till's, a table's served order) is taken as it was: an option gone
        // since is left out, the groups' rules of now are not applied
        Api.Response happened = Api.member(port, store, 8, "cashier", "cashier")
                .asService()
                .post(
                        "/internal/reservations/lines",
                        json(
                                "lines",
                                List.of(json(
                                        "request_ref",
                                        UUID.randomUUID().toString(),
                                        "product_id",
                                        latte,
                                        "quantity",
                                        1,
                                        "allow_short",
                                        true,
                                        "modifiers",
                                        List.of(shot, 987654)))));
        assertThat(happened.status()).as(happened.toString()).isEqualTo(200);
        assertThat(happened.at("/holds/0/modifiers").findValuesAsText("name")).containsExactly("Шот");

        // the group repriced and an option renamed: the next hold takes the new price; a sold line keeps its own copy
        Api.Response repriced = owner.put(
                GROUPS + milk.at("/id").asLong() + "/",
                json(
                        "name",
                        "Молоко",
                        "min",
                        1,
                        "max",
                        1,
                        "options",
                        List.of(
                                json("id", oat, "name", "Овсяное молоко", "price", 6000),
                                json("id", regular, "name", "Обычное"),
                                json("name", "Кокосовое", "price", 7000))));
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);
        assertThat(repriced.at("/options").findValuesAsText("name"))
                .containsExactly("Овсяное молоко", "Обычное", "Кокосовое");
        assertThat(option(repriced, 0)).isEqualTo(oat);
        assertThat(owner.put(
                                GROUPS + milk.at("/id").asLong() + "/",
                                json("name", "Молоко", "options", List.of(json("id", shot, "name", "Шот"))))
                        .at("/errors/options.0.id")
                        .isArray())
                .as("an option of another group")
                .isTrue();
        assertThat(hold(store, product(owner, "Капучино", 1), List.of(oat)).status())
                .as("a product without the group offers none of its options")
                .isEqualTo(400);

        // a group deleted: products no longer offer it (and no longer need its choice)
        assertThat(owner.delete(GROUPS + milk.at("/id").asLong() + "/").status())
                .isEqualTo(204);
        Api.Response left = owner.get("/api/products/products/" + latte + "/modifier-groups/");
        assertThat(left.body().size()).isEqualTo(1);
        assertThat(left.text("/0/name")).isEqualTo("Доп. шот");
        assertThat(owner.get(GROUPS + milk.at("/id").asLong() + "/").text("/code"))
                .isEqualTo("modifier_group_not_found");
    }

    @Test
    void theMenuOffersTheGroupsAndPricesAnOrdersLinesByTheSameRule() {
        String store = TestStores.newKey("mdm");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long latte = product(owner, "Латте", 5);
        long soldOut = product(owner, "Раф", 0);
        Api.Response milk = owner.post(
                GROUPS,
                json(
                        "name",
                        "Молоко",
                        "min",
                        1,
                        "options",
                        List.of(json("name", "Обычное"), json("name", "Овсяное", "price", 5000))));
        long oat = option(milk, 1);
        owner.put(
                "/api/products/products/" + latte + "/modifier-groups/",
                json("modifier_groups", List.of(milk.at("/id").asLong())));
        Api service = new Api("http://localhost:" + port).asService().in(store);

        Api.Response menu = service.get("/internal/menu");
        assertThat(menu.at("/items/0/modifier_groups/0/name").asText()).isEqualTo("Молоко");
        assertThat(menu.at("/items/0/modifier_groups/0/min").asInt()).isEqualTo(1);
        assertThat(menu.at("/items/0/modifier_groups/0/options/1/price").asText())
                .isEqualTo("5000.00");

        Api.Response priced = service.post(
                "/internal/menu/lines",
                json("lines", List.of(json("product", latte, "modifiers", List.of(oat)), json("product", soldOut))));
        assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
        assertThat(priced.text("/lines/0/item/price")).isEqualTo("25000.00");
        assertThat(priced.text("/lines/0/modifiers/0/price")).isEqualTo("5000.00");
        assertThat(priced.at("/lines/1/item").isNull())
                .as("what the menu no longer offers")
                .isTrue();
        Api.Response refused = service.post("/internal/menu/lines", json("lines", List.of(json("product", latte))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/errors/lines.0.modifiers").isArray()).isTrue();
        assertThat(owner.post("/internal/menu/lines", json("lines", List.of(json("product", latte))))
                        .text("/code"))
                .as("a user's own token")
                .isEqualTo("internal_only");
        assertThat(service.post("/internal/menu/lines", json("lines", List.of()))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void badGroupsAreRefusedAndOnlyTheBackOfficeChangesThem() {
        String store = TestStores.newKey("mdb");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        Api.Response bad = owner.post(GROUPS, json("min", 2, "max", 1, "options", List.of()));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.at("/errors/name").isArray()).isTrue();
        assertThat(bad.at("/errors/options").isArray()).isTrue();
        assertThat(owner.post(GROUPS, json("name", "Размер", "min", 2, "max", 1, "options", List.of(json("name", "S"))))
                        .at("/errors/min")
                        .isArray())
                .isTrue();
        assertThat(owner.post(GROUPS, json("name", "Размер", "min", 2, "max", 2, "options", List.of(json("name", "S"))))
                        .at("/errors/min")
                        .isArray())
                .as("more to choose than there are options")
                .isTrue();
        Api.Response twice = owner.post(
                GROUPS, json("name", "Размер", "options", List.of(json("name", "S", "price", -1), json("price", 1))));
        assertThat(twice.at("/errors/options.0.price").isArray()).isTrue();
        assertThat(twice.at("/errors/options.1.name").isArray()).isTrue();
        assertThat(owner.post(GROUPS, json("name", "Размер", "options", List.of(json("name", "S"), json("name", "s "))))
                        .at("/errors/options.1.name")
                        .isArray())
                .as("an option's name twice")
                .isTrue();
        assertThat(owner.send("POST", GROUPS, "{\"name\": ").status()).isEqualTo(400);
        Api.Response size = owner.post(GROUPS, json("name", "Размер", "options", List.of(json("name", "S"))));
        assertThat(size.status()).isEqualTo(201);
        assertThat(owner.post(GROUPS, json("name", "Размер", "options", List.of(json("name", "M"))))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        long shirt = product(owner, "Рубашка", 1);
        assertThat(owner.put(
                                "/api/products/products/" + shirt + "/modifier-groups/",
                                json("modifier_groups", List.of(999_999)))
                        .at("/errors/modifier_groups")
                        .isArray())
                .isTrue();
        assertThat(owner.put("/api/products/products/999999/modifier-groups/", json("modifier_groups", List.of()))
                        .text("/code"))
                .isEqualTo("product_not_found");

        String url = GROUPS + size.at("/id").asLong() + "/";
        Api cashier = Api.member(port, store, 3, "cashier", "cashier");
        assertThat(cashier.get(url).status()).as("the till reads them").isEqualTo(200);
        assertThat(cashier.post(GROUPS, json("name", "Тест", "options", List.of(json("name", "A"))))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.delete(url).text("/code")).isEqualTo("permission_denied");
        assertThat(Api.member(port, store, 4, "kitchen", "kitchen").get(url).status())
                .isEqualTo(403);
        assertThat(Api.member(port, TestStores.newKey("mdo"), 1, "owner", "owner")
                        .get(url)
                        .text("/code"))
                .as("another store's group")
                .isEqualTo("modifier_group_not_found");
        assertThat(Api.member(port, store, 1, "owner", "owner")
                        .in(TestStores.newKey("notmine"))
                        .get(url)
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port).in(store).get(url).status())
                .isEqualTo(401);
        assertThat(owner.get(url).at("/options").size())
                .as("nothing refused changed it")
                .isEqualTo(1);
    }
}
