package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Routings (issue 87 point 2): what making a product takes, each operation on a kind of line or on one line. */
@KassaIntegrationTest
class RoutingTests extends CatalogBackedTests {

    @Test
    void aManagerSetsWhatMakingAProductTakesOnTheStoresLines() {
        String store = TestStores.newKey("rtg");
        Api manager = as(store, 2, "manager");
        manager.post("/api/production/lines/", json("code", "EXTRUDER-1", "name", "Экструдер", "kind", "extruder"));
        long slitter = manager.post(
                        "/api/production/lines/", json("code", "SLITTER-1", "name", "Резка", "kind", "slitter"))
                .at("/id")
                .asLong();
        String path = "/api/production/routings/" + FakeCatalog.FILM + "/";
        assertThat(manager.get(path).status()).isEqualTo(404);

        Api.Response set = manager.put(
                path,
                json(
                        "operations",
                        List.of(
                                json(
                                        "name",
                                        "Экструзия",
                                        "line_kind",
                                        "Extruder",
                                        "setup_minutes",
                                        45,
                                        "run_rate",
                                        "1200"),
                                json("name", "Резка", "line", slitter, "run_rate", "2000"))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.text("/product_name")).isEqualTo("Плёнка ПВД 50 мкм");
        assertThat(set.at("/operations").size()).isEqualTo(2);
        assertThat(set.at("/operations/0/seq").asInt()).isEqualTo(1);
        assertThat(set.text("/operations/0/line_kind")).isEqualTo("Extruder");
        assertThat(set.at("/operations/1/line").asLong()).isEqualTo(slitter);
        assertThat(set.at("/operations/1/setup_minutes").asInt()).isZero();
        assertThat(as(store, 7, "operator").get(path).at("/operations").size()).isEqualTo(2);
        assertThat(manager.get("/api/production/routings/").at("/count").asInt())
                .isEqualTo(1);

        // replaced as a whole
        Api.Response again = manager.put(
                path, json("operations", List.of(json("name", "Резка", "line_kind", "slitter", "run_rate", "2500"))));
        assertThat(again.at("/operations").size()).isEqualTo(1);
        assertThat(manager.delete(path).status()).isEqualTo(204);
        assertThat(manager.get(path).status()).isEqualTo(404);
    }

    @Test
    void aRoutingTheStoresLinesCannotRunIsRefusedAndNothingIsKept() {
        String store = TestStores.newKey("rtb");
        Api owner = as(store, 1, "owner");
        owner.post("/api/production/lines/", json("code", "OVEN-1", "name", "Печь", "kind", "oven"));
        String path = "/api/production/routings/" + FakeCatalog.BREAD + "/";

        Api.Response bad = owner.put(
                path,
                json(
                        "operations",
                        List.of(
                                json("name", "Выпечка", "run_rate", "100"),
                                json("name", "Оба", "line_kind", "oven", "line", 1, "run_rate", "100"),
                                json("name", "Нет линии", "line", 999, "run_rate", "100"),
                                json("name", "Нет вида", "line_kind", "fryer", "run_rate", "100"),
                                json("line_kind", "oven", "run_rate", "0", "setup_minutes", -1))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body().path("errors").fieldNames())
                .toIterable()
                .contains(
                        "operations.0.line_kind",
                        "operations.1.line_kind",
                        "operations.2.line",
                        "operations.3.line_kind",
                        "operations.4.name",
                        "operations.4.run_rate",
                        "operations.4.setup_minutes");
        assertThat(owner.put(path, json("operations", List.of()))
                        .at("/errors/operations")
                        .isArray())
                .isTrue();
        java.util.List<Object> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThat(owner.put(path, json("operations", withNull)).status())
                .as("a null operation is bad input, not a failure")
                .isEqualTo(400);
        assertThat(owner.put(
                                "/api/production/routings/99/",
                                json("operations", List.of(json("name", "X", "line_kind", "oven", "run_rate", "1"))))
                        .text("/code"))
                .isEqualTo("product_not_found");
        assertThat(owner.get("/api/production/routings/").at("/count").asInt()).isZero();
        assertThat(as(store, 7, "operator")
                        .put(path, json("operations", List.of(json("name", "X", "line_kind", "oven", "run_rate", "1"))))
                        .status())
                .isEqualTo(403);
        assertThat(as(store, 5, "cashier").get("/api/production/routings/").status())
                .isEqualTo(403);
    }
}
