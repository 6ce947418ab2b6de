package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production orders (issue 87 point 3): a manager orders a product catalog has, numbered in the store, changed while new,
 * cancelled with a reason, every move kept; refusals (an unknown product, catalog away, a done order, a role without the
 * right) store nothing.
 */
@KassaIntegrationTest
class OrderTests extends CatalogBackedTests {

    @Test
    void aManagerOrdersAProductAndChangesTheOrderWhileItIsNew() {
        String store = TestStores.newKey("ord");
        Api manager = as(store, 2, "manager");
        Api.Response made = manager.post(
                "/api/production/orders/",
                json(
                        "product", FakeCatalog.FILM,
                        "quantity", "10000",
                        "due_date", "2026-12-15",
                        "priority", "high",
                        "customer", 7,
                        "spec", "ПВД 50 мкм, ширина 1200 мм\nпечать 4+0"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        long order = made.at("/id").asLong();
        assertThat(made.text("/number")).isEqualTo("PR-000001");
        assertThat(made.text("/status")).isEqualTo("new");
        assertThat(made.text("/product_name")).isEqualTo("Плёнка ПВД 50 мкм");
        assertThat(made.text("/unit")).isEqualTo("м");
        assertThat(made.text("/quantity")).isEqualTo("10000.000");
        assertThat(made.at("/history").size()).isEqualTo(1);
        assertThat(made.text("/history/0/to_status")).isEqualTo("new");
        Api.Response bread = manager.post(
                "/api/production/orders/",
                json("product", FakeCatalog.BREAD, "quantity", "300", "due_date", "2026-12-01"));
        assertThat(bread.text("/number")).isEqualTo("PR-000002");
        assertThat(bread.text("/priority")).isEqualTo("normal");

        assertThat(manager.get("/api/production/orders/").at("/count").asInt()).isEqualTo(2);
        assertThat(manager.get("/api/production/orders/").text("/results/0/number"))
                .as("the earliest due first")
                .isEqualTo("PR-000002");
        assertThat(manager.get("/api/production/orders/?ordering=priority").text("/results/0/number"))
                .isEqualTo("PR-000001");
        assertThat(manager.get("/api/production/orders/?search=пвд")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/production/orders/?product=43&status=new,planned")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/production/orders/?due_before=2026-12-10")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/production/orders/?status=nonsense")
                        .at("/errors/status")
                        .isArray())
                .isTrue();

        Api.Response changed =
                manager.patch("/api/production/orders/" + order + "/", json("quantity", "12000", "priority", "urgent"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("/quantity")).isEqualTo("12000.000");
        assertThat(changed.text("/priority")).isEqualTo("urgent");
        assertThat(changed.text("/due_date")).isEqualTo("2026-12-15");
        assertThat(manager.patch("/api/production/orders/" + order + "/", json("product", FakeCatalog.BREAD))
                        .at("/errors/product")
                        .isArray())
                .isTrue();

        Api.Response cancelled =
                manager.post("/api/production/orders/" + order + "/cancel/", json("reason", "Заказчик отказался"));
        assertThat(cancelled.text("/status")).isEqualTo("cancelled");
        assertThat(cancelled.text("/history/1/from_status")).isEqualTo("new");
        assertThat(cancelled.text("/history/1/note")).isEqualTo("Заказчик отказался");
        assertThat(manager.post("/api/production/orders/" + order + "/cancel/", null)
                        .at("/history")
                        .size())
                .as("cancelled again: no second move")
                .isEqualTo(2);
        Api.Response late = manager.patch("/api/production/orders/" + order + "/", json("quantity", "1"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("/code")).isEqualTo("production_order_status");
        assertThat(late.text("/order_status")).isEqualTo("cancelled");
    }

    @Test
    void anOrderCatalogCannotConfirmIsNotMadeAndRolesWithoutTheRightAreRefused() {
        String store = TestStores.newKey("orb");
        Api owner = as(store, 1, "owner");

        Api.Response unknown = owner.post("/api/production/orders/", json("product", 99, "quantity", "5"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.at("/errors/product").isArray()).isTrue();
        Api.Response bad = owner.post(
                "/api/production/orders/",
                json("quantity", "-1", "due_date", "15.12.2026", "priority", "asap", "customer", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").fieldNames())
                .toIterable()
                .contains("product", "quantity", "due_date", "priority", "customer");
        catalog.down = true;
        try {
            Api.Response away =
                    owner.post("/api/production/orders/", json("product", FakeCatalog.FILM, "quantity", "5"));
            assertThat(away.status()).isEqualTo(503);
            assertThat(away.text("/code")).isEqualTo("catalog_unavailable");
        } finally {
            catalog.down = false;
        }
        assertThat(owner.get("/api/production/orders/").at("/count").asInt())
                .as("nothing was stored")
                .isZero();

        long order = owner.post("/api/production/orders/", json("product", FakeCatalog.FILM, "quantity", "5"))
                .at("/id")
                .asLong();
        assertThat(as(store, 7, "operator")
                        .get("/api/production/orders/" + order + "/")
                        .status())
                .isEqualTo(200);
        assertThat(as(store, 7, "operator")
                        .post("/api/production/orders/", json("product", FakeCatalog.FILM, "quantity", "5"))
                        .status())
                .isEqualTo(403);
        assertThat(as(store, 7, "operator")
                        .post("/api/production/orders/" + order + "/cancel/", null)
                        .status())
                .isEqualTo(403);
        assertThat(as(store, 5, "cashier").get("/api/production/orders/").status())
                .isEqualTo(403);
        assertThat(as(TestStores.newKey("oro"), 1, "owner")
                        .get("/api/production/orders/" + order + "/")
                        .status())
                .isEqualTo(404);
        assertThat(owner.get("/api/production/orders/abc/").status()).isEqualTo(404);
    }
}
