package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releasing an order (issue 87 point 5): its recipe's materials for its quantity checked and held in catalog, kept;
 * a short material is answered with every shortfall and nothing is held; released twice, or before it is planned: 409.
 */
@KassaIntegrationTest
class ReleaseTests extends CatalogBackedTests {

    long planned(Api manager, String quantity) {
        long order = manager.post("/api/production/orders/", json("product", FakeCatalog.FILM, "quantity", quantity))
                .at("/id")
                .asLong();
        Api.Response plan = manager.post("/api/production/orders/" + order + "/plan/", null);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return order;
    }

    /** What catalog was asked to hold of {@code material} for {@code order}. */
    static com.fasterxml.jackson.databind.JsonNode held(long order, long material) {
        return catalog.holds.entrySet().stream()
                .filter(e -> e.getKey().startsWith("po-" + order + "-" + material + "-"))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPlannedOrderHoldsItsMaterialsOrSaysWhatIsShort() {
        String store = TestStores.newKey("rel");
        Api manager = Api.member(port, store, 2, "m", "manager");
        manager.post("/api/production/lines/", json("code", "EXTRUDER-1", "name", "Экструдер", "kind", "extruder"));
        manager.put(
                "/api/production/routings/" + FakeCatalog.FILM + "/",
                json("operations", List.of(json("name", "Экструзия", "line_kind", "extruder", "run_rate", "1000"))));

        long big = planned(manager, "10000");
        Api.Response refused = manager.post("/api/production/orders/" + big + "/release/", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("/code")).isEqualTo("materials_short");
        assertThat(refused.at("/shortfalls").size()).as("only the ink is short").isEqualTo(1);
        assertThat(refused.at("/shortfalls/0/product").asLong()).isEqualTo(FakeCatalog.INK);
        assertThat(refused.text("/shortfalls/0/needed")).isEqualTo("20.000");
        assertThat(refused.text("/shortfalls/0/missing")).isEqualTo("15.000");
        assertThat(catalog.holds.keySet()).as("nothing held").noneMatch(r -> r.startsWith("po-" + big + "-"));
        assertThat(manager.get("/api/production/orders/" + big + "/").text("/status"))
                .isEqualTo("planned");

        long small = planned(manager, "1000");
        // its quantity changed: its plan was timed for the old one, so it waits to be planned again
        Api.Response more = manager.patch("/api/production/orders/" + small + "/", json("quantity", "2000"));
        assertThat(more.text("/status")).as(more.toString()).isEqualTo("new");
        assertThat(manager.get("/api/production/orders/" + small + "/plan/")
                        .at("/operations")
                        .size())
                .isZero();
        assertThat(manager.post("/api/production/orders/" + small + "/plan/", null)
                        .status())
                .isEqualTo(200);
        Api.Response released = manager.post("/api/production/orders/" + small + "/release/", null);
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.at("/materials").size()).isEqualTo(2);
        assertThat(released.text("/materials/0/quantity")).isEqualTo("100.000");
        assertThat(released.text("/materials/1/quantity")).isEqualTo("4.000");
        assertThat(held(small, FakeCatalog.GRANULES).path("kept").asBoolean())
                .as("held in catalog, kept")
                .isTrue();
        assertThat(held(small, FakeCatalog.INK).path("quantity").asText()).isEqualTo("4.000");
        assertThat(manager.get("/api/production/orders/" + small + "/").text("/status"))
                .isEqualTo("released");
        assertThat(manager.get("/api/production/orders/" + small + "/materials/")
                        .at("/materials")
                        .size())
                .isEqualTo(2);

        assertThat(manager.post("/api/production/orders/" + small + "/plan/", null)
                        .text("/code"))
                .as("released work is never moved")
                .isEqualTo("production_order_status");
        Api.Response twice = manager.post("/api/production/orders/" + small + "/release/", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/code")).isEqualTo("production_order_status");
        long fresh = manager.post("/api/production/orders/", json("product", FakeCatalog.FILM, "quantity", "1"))
                .at("/id")
                .asLong();
        assertThat(manager.post("/api/production/orders/" + fresh + "/release/", null)
                        .text("/order_status"))
                .as("an order is planned before it is released")
                .isEqualTo("new");
        assertThat(Api.member(port, store, 7, "op", "operator")
                        .post("/api/production/orders/" + small + "/release/", null)
                        .status())
                .isEqualTo(403);
        assertThat(manager.post("/api/production/orders/" + small + "/cancel/", json("reason", "Отменили"))
                        .text("/status"))
                .as("a released order may still be cancelled (catalog then releases its holds)")
                .isEqualTo("cancelled");
    }
}
