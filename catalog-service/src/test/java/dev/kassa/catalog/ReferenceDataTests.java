package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Suppliers, the category tree, units and tags: who may change them, and the rules that keep them consistent. */
@KassaIntegrationTest
class ReferenceDataTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    @Test
    void suppliersAreKeptAndStockIsReceivedFromThem() {
        String store = TestStores.newKey("sup");
        Api keeper = as(store, "stockkeeper");
        Api.Response created = keeper.post(
                "/api/products/suppliers/",
                json(
                        "name",
                        "ООО Молкомбинат",
                        "code",
                        "MOLK",
                        "email",
                        "sales@molk.uz",
                        "phone",
                        "+998 71 200-00-00",
                        "website",
                        "https://molk.uz",
                        "delivery_time",
                        2,
                        "min_order_amount",
                        500000,
                        "rating",
                        4));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long supplier = created.at("/id").asLong();
        assertThat(keeper.post("/api/products/suppliers/", json("name", "Другой", "code", "MOLK"))
                        .at("/errors/code")
                        .isArray())
                .isTrue();
        assertThat(as(store, "cashier")
                        .get("/api/products/suppliers/?search=молк")
                        .status())
                .isEqualTo(200);
        assertThat(keeper.get("/api/products/suppliers/?rating=4").at("/count").asInt())
                .isEqualTo(1);
        assertThat(keeper.get("/api/products/suppliers/?ordering=phone")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();

        long milk = keeper.post("/api/products/products/", json("name", "Молоко", "sale_price", 12000))
                .at("/id")
                .asLong();
        Api.Response batch =
                keeper.post("/api/products/batches/", json("product", milk, "quantity", 20, "supplier", supplier));
        assertThat(batch.text("/supplier_name")).isEqualTo("ООО Молкомбинат");
        assertThat(keeper.get("/api/products/suppliers/" + supplier + "/").text("/batches_count"))
                .isEqualTo("1");
        assertThat(keeper.get("/api/products/suppliers/" + supplier + "/batches/")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        Api.Response patched = keeper.patch("/api/products/suppliers/" + supplier + "/", json("rating", 5));
        assertThat(patched.text("/rating")).isEqualTo("5");
        assertThat(patched.text("/email")).isEqualTo("sales@molk.uz");

        assertThat(as(store, "owner")
                        .delete("/api/products/suppliers/" + supplier + "/")
                        .status())
                .isEqualTo(204);
        assertThat(keeper.get("/api/products/batches/" + batch.text("/id") + "/")
                        .text("/supplier_name"))
                .as("the name stays on the batch")
                .isEqualTo("ООО Молкомбинат");
        assertThat(keeper.get("/api/products/suppliers/" + supplier + "/").text("/code"))
                .isEqualTo("supplier_not_found");
    }

    @Test
    void theCategoryTreeStaysATree() {
        String store = TestStores.newKey("tre");
        Api manager = as(store, "manager");
        long drinks = manager.post("/api/products/categories/", json("name", "Газировка"))
                .at("/id")
                .asLong();
        Api.Response child = manager.post("/api/products/categories/", json("name", "Кола", "parent", drinks));
        long cola = child.at("/id").asLong();
        assertThat(child.text("/parent_name")).isEqualTo("Газировка");
        assertThat(manager.get("/api/products/categories/" + drinks + "/").text("/children_count"))
                .isEqualTo("1");
        assertThat(manager.get("/api/products/categories/" + drinks + "/children/")
                        .body()
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(cola);
        assertThat(manager.get("/api/products/categories/?root_only=true")
                        .at("/count")
                        .asInt())
                .isEqualTo(17);
        assertThat(manager.patch("/api/products/categories/" + drinks + "/", json("parent", cola))
                        .at("/errors/parent")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/products/categories/" + drinks + "/", json("parent", drinks))
                        .at("/errors/parent")
                        .isArray())
                .isTrue();
        Api.Response renamed = manager.patch("/api/products/categories/" + cola + "/", json("name", "Лимонады"));
        assertThat(renamed.text("/slug")).isEqualTo("limonady");
        assertThat(renamed.text("/parent")).isEqualTo(String.valueOf(drinks));

        long fanta = manager.post(
                        "/api/products/products/",
                        json("name", "Fanta", "sale_price", 9000, "category", String.valueOf(cola)))
                .at("/id")
                .asLong();
        assertThat(manager.get("/api/products/categories/" + cola + "/products/")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(fanta);
        assertThat(manager.delete("/api/products/categories/" + cola + "/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, "owner")
                        .delete("/api/products/categories/" + drinks + "/")
                        .text("/code"))
                .isEqualTo("category_has_children");
        assertThat(as(store, "owner")
                        .delete("/api/products/categories/" + cola + "/")
                        .status())
                .isEqualTo(204);
        assertThat(manager.get("/api/products/products/" + fanta + "/")
                        .at("/category")
                        .isNull())
                .as("products stay")
                .isTrue();
        assertThat(as(store, "cashier")
                        .post("/api/products/categories/", json("name", "X"))
                        .text("/code"))
                .isEqualTo("permission_denied");
    }

    @Test
    void unitsAndTags() {
        String store = TestStores.newKey("utg");
        Api manager = as(store, "manager");
        assertThat(manager.get("/api/products/units/").at("/count").asInt()).isEqualTo(10);
        Api.Response unit = manager.post("/api/products/units/", json("name", "бутылка", "short_name", "бут"));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        assertThat(unit.text("/display_name")).isEqualTo("бутылка (бут)");
        assertThat(manager.post("/api/products/units/", json("name", "бутылка", "short_name", "б"))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/products/units/", json()).at("/errors").fieldNames())
                .toIterable()
                .contains("name", "short_name");
        long product = manager.post(
                        "/api/products/products/", json("name", "Сок", "sale_price", 9000, "unit", unit.text("/id")))
                .at("/id")
                .asLong();
        assertThat(as(store, "owner")
                        .delete("/api/products/units/" + unit.text("/id") + "/")
                        .text("/code"))
                .isEqualTo("unit_in_use");
        assertThat(manager.patch("/api/products/units/" + unit.text("/id") + "/", json("is_active", false))
                        .text("/is_active"))
                .isEqualTo("false");

        Api.Response tag = manager.post("/api/products/tags/", json("name", "Новинка", "color", "#FF0000"));
        assertThat(tag.status()).as(tag.toString()).isEqualTo(201);
        assertThat(tag.text("/slug")).isEqualTo("novinka");
        assertThat(manager.post("/api/products/tags/", json("name", "Хит", "color", "red"))
                        .at("/errors/color")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/products/tags/", json("name", "Новинка"))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        Api.Response tagged = manager.put(
                "/api/products/products/" + product + "/tags/",
                json("tags", List.of(tag.at("/id").asLong())));
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        assertThat(manager.get("/api/products/tags/" + tag.text("/id") + "/").text("/products_count"))
                .isEqualTo("1");
        assertThat(manager.put("/api/products/products/" + product + "/tags/", json("tags", List.of(424242)))
                        .at("/errors/tags")
                        .isArray())
                .isTrue();
        assertThat(as(store, "cashier")
                        .put("/api/products/products/" + product + "/tags/", json("tags", List.of()))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, "owner")
                        .delete("/api/products/tags/" + tag.text("/id") + "/")
                        .status())
                .isEqualTo(204);
        assertThat(manager.get("/api/products/products/" + product + "/tags/")
                        .body()
                        .size())
                .isZero();
    }
}
