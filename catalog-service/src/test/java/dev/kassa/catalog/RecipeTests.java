package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recipes (issue 65 point 3): a latte made of 18 g of coffee, 200 ml of milk and a cup is held and sold from them (FEFO),
 * costs what they cost, leaves the guests' menu when one runs out, and oat milk chosen as a modifier takes the milk's
 * place.
 */
@KassaIntegrationTest
class RecipeTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    private long product(Api owner, String name, String unit, Object cost, Object price, Object quantity) {
        Api.Response r = owner.post(
                "/api/products/products/",
                json(
                        "name",
                        name,
                        "sku",
                        "RCP-" + UUID.randomUUID().toString().substring(0, 8),
                        "cost_price",
                        cost,
                        "sale_price",
                        price,
                        "unit",
                        unit,
                        "initial_quantity",
                        quantity));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private Api.Response hold(String store, long product, int quantity, List<Long> modifiers) {
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
                                quantity,
                                "modifiers",
                                modifiers));
    }

    private static String quantity(Api owner, long product) {
        return owner.get("/api/products/products/" + product + "/").text("/quantity");
    }

    @Test
    void aLatteIsHeldAndSoldFromItsComponentsAndOatMilkTakesTheMilksPlace() {
        String store = TestStores.newKey("rcp");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long coffee = product(owner, "Кофе в зёрнах", "g", 200, 0, 200);
        long milk = product(owner, "Молоко", "ml", 12, 0, 2000);
        long oat = product(owner, "Овсяное молоко", "ml", 30, 0, 300);
        long cup = product(owner, "Стакан", "pcs", 500, 0, 10);
        long latte = product(owner, "Латте", "pcs", 0, 25000, 0);
        String recipe = "/api/products/products/" + latte + "/recipe/";

        Api.Response set = owner.put(
                recipe,
                json(
                        "components",
                        List.of(
                                json("product", coffee, "quantity", 18),
                                json("product", milk, "quantity", 200),
                                json("product", cup, "quantity", 1))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.text("/cost")).isEqualTo("6500.00");
        assertThat(set.text("/available")).isEqualTo("10");
        assertThat(set.at("/components").findValuesAsText("name")).containsExactly("Кофе в зёрнах", "Молоко", "Стакан");
        assertThat(set.text("/components/1/cost")).isEqualTo("2400.00");

        // two lattes held: their components are, at what their batches cost; the latte has no stock of its own
        Api.Response two = hold(store, latte, 2, List.of());
        assertThat(two.status()).as(two.toString()).isEqualTo(200);
        assertThat(two.at("/allocations").size()).isEqualTo(1);
        assertThat(two.at("/allocations/0/batch_id").isNull()).isTrue();
        assertThat(two.text("/allocations/0/quantity")).isEqualTo("2.000");
        assertThat(two.text("/allocations/0/unit_cost")).isEqualTo("6500.00");
        assertThat(two.text("/shortfall")).isEqualTo("0.000");
        assertThat(owner.get(recipe).text("/available")).isEqualTo("8");

        // oat milk in place of milk, for 5 000 more: its 200 ml are held, and it costs what oat milk costs
        Api.Response milkGroup = owner.post(
                "/api/products/modifier-groups/",
                json(
                        "name",
                        "Молоко к кофе",
                        "options",
                        List.of(json("name", "Овсяное", "price", 5000, "component", oat, "replaces", milk))));
        assertThat(milkGroup.status()).as(milkGroup.toString()).isEqualTo(201);
        long oatOption = milkGroup.at("/options/0/id").asLong();
        assertThat(milkGroup.at("/options/0/replaces").asLong()).isEqualTo(milk);
        owner.put(
                "/api/products/products/" + latte + "/modifier-groups/",
                json("modifier_groups", List.of(milkGroup.at("/id").asLong())));
        Api.Response withOat = hold(store, latte, 1, List.of(oatOption));
        assertThat(withOat.status()).as(withOat.toString()).isEqualTo(200);
        assertThat(withOat.text("/allocations/0/unit_cost")).isEqualTo("10100.00");
        assertThat(withOat.text("/modifiers/0/name")).isEqualTo("Овсяное");
        assertThat(withOat.at("/modifiers/0").has("component"))
                .as("the recipe's change stays in catalog")
                .isFalse();
        // the next oat latte lacks oat milk (100 ml left): refused naming the latte and the oat milk, nothing held
        Api.Response short_ = hold(store, latte, 1, List.of(oatOption));
        assertThat(short_.status()).as(short_.toString()).isEqualTo(400);
        assertThat(short_.text("/code")).isEqualTo("insufficient_stock");
        assertThat(short_.at("/product_id").asLong()).isEqualTo(latte);
        assertThat(short_.at("/component_id").asLong()).isEqualTo(oat);
        assertThat(short_.text("/message")).contains("Овсяное молоко", "Латте");
        assertThat(owner.get(recipe).text("/available")).isEqualTo("7");

        // an offline till's latte with oat milk that already happened: held anyway, and half a latte's oat milk is
        // short
        Api.Response offline = Api.member(port, store, 8, "cashier", "cashier")
                .asService()
                .post(
                        "/internal/reservations",
                        json(
                                "request_ref",
                                UUID.randomUUID().toString(),
                                "product_id",
                                latte,
                                "quantity",
                                1,
                                "modifiers",
                                List.of(oatOption),
                                "allow_short",
                                true));
        assertThat(offline.status()).as(offline.toString()).isEqualTo(200);
        assertThat(offline.text("/shortfall")).isEqualTo("0.500");
        assertThat(two.text("/shortfall")).as("a till's hold is never short").isEqualTo("0.000");

        // a sale of milk and a latte in one call: both held from the same milk, each line its own
        Api.Response lines = Api.member(port, store, 8, "cashier", "cashier")
                .asService()
                .post(
                        "/internal/reservations/lines",
                        json(
                                "lines",
                                List.of(
                                        json(
                                                "request_ref",
                                                UUID.randomUUID().toString(),
                                                "product_id",
                                                milk,
                                                "quantity",
                                                100),
                                        json(
                                                "request_ref",
                                                UUID.randomUUID().toString(),
                                                "product_id",
                                                latte,
                                                "quantity",
                                                1))));
        assertThat(lines.status()).as(lines.toString()).isEqualTo(200);
        assertThat(lines.text("/holds/1/allocations/0/unit_cost")).isEqualTo("6500.00");
        assertThat(owner.get(recipe).at("/components/1/available").asText()).isEqualTo("1300.000");

        // the latte sold: its components leave the stock (coffee 200 → 182, milk 2000 → 1800, a cup)
        new TillSales(port, kafka).sell(store, latte, 1, "RCP-1", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(quantity(owner, coffee)).isEqualTo("182.000");
            assertThat(quantity(owner, milk)).isEqualTo("1800.000");
            assertThat(quantity(owner, cup)).isEqualTo("9.000");
        });
        // the latte's page: its cost is its components', its stock how many they make now
        Api.Response page = owner.get("/api/products/products/" + latte + "/");
        assertThat(page.text("/cost_price")).isEqualTo("6500.00");
        assertThat(page.text("/pricing/profit")).isEqualTo("18500.00");
        assertThat(page.text("/margin")).isEqualTo("284.62");
        assertThat(page.text("/quantity")).isEqualTo(owner.get(recipe).text("/available") + ".000");
        assertThat(page.text("/stock_status")).isEqualTo("in_stock");
        assertThat(page.text("/has_recipe")).isEqualTo("true");
        assertThat(owner.get("/api/products/products/" + milk + "/").text("/has_recipe"))
                .isEqualTo("false");
        // in the products file its cost and stock are left to its components' rows (not counted twice in the stock
        // value)
        List<List<String>> file = ExportedFiles.csv(
                owner.get("/api/products/products/export?search=Латте").bytes(), ';');
        List<String> header = file.get(0);
        assertThat(file.get(1).get(header.indexOf("Наименование"))).isEqualTo("Латте");
        assertThat(file.get(1).get(header.indexOf("Себестоимость"))).isEmpty();
        assertThat(file.get(1).get(header.indexOf("Остаток"))).isEmpty();
        assertThat(file.get(1).get(header.indexOf("Сумма остатка по себестоимости")))
                .isEmpty();

        // the guests' menu offers the latte while its components last; a raf needing 2 l of milk is not on it
        long raf = product(owner, "Раф", "pcs", 0, 30000, 0);
        owner.put(
                "/api/products/products/" + raf + "/recipe/",
                json("components", List.of(json("product", milk, "quantity", 2000))));
        Api.Response menu =
                new Api("http://localhost:" + port).asService().in(store).get("/internal/menu");
        assertThat(menu.at("/items").findValuesAsText("name")).contains("Латте").doesNotContain("Раф");
        assertThat(owner.get("/api/products/products/" + raf + "/").text("/stock_status"))
                .isEqualTo("out_of_stock");
        assertThat(owner.get("/api/products/products/?stock_status=out_of_stock")
                        .at("/results")
                        .findValuesAsText("name"))
                .as("the list's filter judges it as its page does")
                .contains("Раф")
                .doesNotContain("Латте");
        assertThat(owner.get("/api/products/products/?stock_status=in_stock")
                        .at("/results")
                        .findValuesAsText("name"))
                .contains("Латте");
        assertThat(owner.get("/api/products/products/low-stock/?min_quantity=100")
                        .at("/results")
                        .findValuesAsText("name"))
                .as("running low as its page judges it: a few lattes left, no raf at all")
                .contains("Латте")
                .doesNotContain("Раф");
        // the raf made of nothing again: sold from its own (empty) stock, still off the menu
        assertThat(owner.put("/api/products/products/" + raf + "/recipe/", json("components", List.of()))
                        .at("/components")
                        .size())
                .isZero();
    }

    @Test
    void badRecipesAreRefusedAndOnlyTheBackOfficeSetsThem() {
        String store = TestStores.newKey("rcb");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        long milk = product(owner, "Молоко", "ml", 12, 0, 1000);
        long latte = product(owner, "Латте", "pcs", 0, 25000, 0);
        long xl = product(owner, "Латте XL", "pcs", 0, 32000, 0);
        String recipe = "/api/products/products/" + latte + "/recipe/";
        assertThat(owner.put(recipe, json("components", List.of(json("product", milk, "quantity", 200))))
                        .status())
                .isEqualTo(200);

        Api.Response bad = owner.put(
                recipe,
                json(
                        "components",
                        List.of(
                                json("product", latte, "quantity", 1),
                                json("product", 999999, "quantity", 1),
                                json("product", milk, "quantity", 0))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.at("/errors/components.2.quantity").isArray()).isTrue();
        Api.Response wrong = owner.put(
                recipe,
                json(
                        "components",
                        List.of(json("product", latte, "quantity", 1), json("product", 999999, "quantity", 1))));
        assertThat(wrong.at("/errors/components.0.product").isArray())
                .as(wrong.toString())
                .isTrue();
        Api.Response twice = owner.put(
                recipe,
                json(
                        "components",
                        List.of(json("product", milk, "quantity", 1), json("product", milk, "quantity", 2))));
        assertThat(twice.at("/errors/components.1.product").isArray()).isTrue();
        assertThat(owner.put(
                                "/api/products/products/" + xl + "/recipe/",
                                json("components", List.of(json("product", latte, "quantity", 1))))
                        .at("/errors/components.0.product")
                        .isArray())
                .as("a component made of others")
                .isTrue();
        assertThat(owner.put(
                                "/api/products/products/" + milk + "/recipe/",
                                json("components", List.of(json("product", xl, "quantity", 1))))
                        .at("/errors/components")
                        .isArray())
                .as("a component given a recipe")
                .isTrue();
        assertThat(owner.put(recipe, json()).at("/errors/components").isArray()).isTrue();
        assertThat(owner.get(recipe).at("/components").size())
                .as("nothing refused changed it")
                .isEqualTo(1);
        assertThat(owner.delete("/api/products/products/" + milk + "/").text("/code"))
                .isEqualTo("product_in_use");
        long syrup = product(owner, "Сироп ванильный", "ml", 10, 0, 500);
        assertThat(owner.post(
                                "/api/products/modifier-groups/",
                                json("name", "Добавки", "options", List.of(json("name", "Ваниль", "component", syrup))))
                        .status())
                .isEqualTo(201);
        assertThat(owner.put(
                                "/api/products/products/" + syrup + "/recipe/",
                                json("components", List.of(json("product", milk, "quantity", 1))))
                        .at("/errors/components")
                        .isArray())
                .as("a product an option puts into recipes has none of its own")
                .isTrue();
        assertThat(owner.post(
                                "/api/products/modifier-groups/",
                                json("name", "Сироп", "options", List.of(json("name", "Ваниль", "component", latte))))
                        .at("/errors/options.0.component")
                        .isArray())
                .as("an option cannot put in a product made of others")
                .isTrue();

        Api cashier = Api.member(port, store, 3, "cashier", "cashier");
        assertThat(cashier.get(recipe).status()).isEqualTo(200);
        assertThat(cashier.put(recipe, json("components", List.of())).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(Api.member(port, TestStores.newKey("rco"), 1, "owner", "owner")
                        .get(recipe)
                        .text("/code"))
                .isEqualTo("product_not_found");
        assertThat(Api.member(port, store, 1, "owner", "owner")
                        .in(TestStores.newKey("rcn"))
                        .put(recipe, json("components", List.of()))
                        .text("/code"))
                .as("a key of a store the caller is no member of")
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port).in(store).get(recipe).status())
                .isEqualTo(401);
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .put(recipe, json("components", List.of()))
                        .status())
                .isEqualTo(401);
    }
}
