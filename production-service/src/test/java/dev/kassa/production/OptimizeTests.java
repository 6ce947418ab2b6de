package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimising the queues (issue 87 point 4): the solver re-sequences the planned orders to cut lateness, then
 * changeovers, never doing worse than earliest-due-date order; a dry run changes nothing.
 */
@KassaIntegrationTest
class OptimizeTests extends CatalogBackedTests {

    Api store(String prefix) {
        String store = TestStores.newKey(prefix);
        Api manager = Api.member(port, store, 2, "m", "manager");
        manager.post("/api/production/lines/", json("code", "LINE-1", "name", "Линия", "kind", "mixer"));
        for (long product : List.of(FakeCatalog.FILM, FakeCatalog.BREAD)) {
            manager.put(
                    "/api/production/routings/" + product + "/",
                    json(
                            "operations",
                            List.of(json(
                                    "name", "Замес", "line_kind", "mixer", "setup_minutes", 60, "run_rate", "1000"))));
        }
        return manager;
    }

    long planned(Api manager, long product, String quantity, String due) {
        long order = manager.post(
                        "/api/production/orders/", json("product", product, "quantity", quantity, "due_date", due))
                .at("/id")
                .asLong();
        Api.Response plan =
                manager.post("/api/production/orders/" + order + "/plan/", json("not_before", "2027-01-04T08:00:00"));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return order;
    }

    @Test
    void aLateOrderIsMovedAheadAndADryRunChangesNothing() {
        Api manager = store("opt");
        long slow = planned(manager, FakeCatalog.FILM, "10000", "2027-02-01");
        long urgent = planned(manager, FakeCatalog.BREAD, "3000", "2027-01-03");
        String queue = "/api/production/planning/queue/";
        assertThat(manager.get(queue).at("/lines/0/operations/0/order").asLong())
                .isEqualTo(slow);

        Api.Response preview = manager.post("/api/production/planning/optimize/", json("dry_run", true, "seconds", 1));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.at("/orders").asInt()).isEqualTo(2);
        assertThat(preview.at("/before/orders_late").asInt())
                .as("the bread is due before Monday")
                .isEqualTo(1);
        assertThat(new BigDecimal(preview.text("/after/total_lateness_hours")))
                .isLessThanOrEqualTo(new BigDecimal(preview.text("/earliest_due_date/total_lateness_hours")));
        assertThat(manager.get(queue).at("/lines/0/operations/0/order").asLong())
                .as("a dry run changes nothing")
                .isEqualTo(slow);

        Api.Response done = manager.post("/api/production/planning/optimize/", json("seconds", 1));
        assertThat(done.at("/after/orders_late").asInt()).isZero();
        assertThat(manager.get(queue).at("/lines/0/operations/0/order").asLong())
                .as("the one due first runs first")
                .isEqualTo(urgent);
        assertThat(manager.get("/api/production/orders/" + slow + "/").text("/history/2/note"))
                .isEqualTo("optimised");
    }

    @Test
    void ordersOfOneProductAreRunTogetherToSaveChangeovers() {
        Api manager = store("opc");
        planned(manager, FakeCatalog.FILM, "1000", "2027-03-01");
        planned(manager, FakeCatalog.BREAD, "1000", "2027-03-01");
        planned(manager, FakeCatalog.FILM, "1000", "2027-03-01");

        Api.Response optimised = manager.post("/api/production/planning/optimize/", json("seconds", 1));
        assertThat(optimised.status()).as(optimised.toString()).isEqualTo(200);
        assertThat(optimised.at("/earliest_due_date/setups").asInt())
                .as("film, bread, film")
                .isEqualTo(3);
        assertThat(optimised.at("/after/setups").asInt())
                .as("film, film, bread")
                .isEqualTo(2);
        assertThat(optimised.at("/after/orders_late").asInt()).isZero();

        assertThat(manager.post("/api/production/planning/optimize/", json("seconds", 99))
                        .at("/errors/seconds")
                        .isArray())
                .isTrue();
        assertThat(Api.member(port, TestStores.newKey("opo"), 7, "op", "operator")
                        .post("/api/production/planning/optimize/", null)
                        .status())
                .isEqualTo(403);
    }
}
