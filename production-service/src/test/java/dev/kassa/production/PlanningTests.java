package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning an order (issue 87 point 4): each operation on the fitting line where it finishes first, in the line's
 * calendar (the store's zone, Asia/Tashkent), after the operation before it and around work planned before; the queues
 * and the figures show it; what cannot be planned is refused and nothing changes.
 */
@KassaIntegrationTest
class PlanningTests extends CatalogBackedTests {

    static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    /** 4 January 2027 is a Monday. */
    static String at(int day, int hour) {
        return LocalDateTime.of(2027, 1, day, hour, 0)
                .atZone(TASHKENT)
                .toInstant()
                .toString();
    }

    static Map<String, Object> weekdays(String opens, String closes) {
        return json(
                "hours",
                List.of(1, 2, 3, 4, 5).stream()
                        .map(d -> json("weekday", d, "opens", opens, "closes", closes))
                        .toList());
    }

    @Test
    void ordersArePlannedOnTheLineWhereTheyFinishFirstInItsCalendarAroundWorkPlannedBefore() {
        String store = TestStores.newKey("pln");
        Api manager = Api.member(port, store, 2, "m", "manager");
        long e1 = manager.post(
                        "/api/production/lines/",
                        json(
                                "code",
                                "EXTRUDER-1",
                                "name",
                                "Экструдер 1",
                                "kind",
                                "extruder",
                                "calendar",
                                weekdays("08:00", "20:00")))
                .at("/id")
                .asLong();
        manager.post(
                "/api/production/lines/",
                json(
                        "code",
                        "EXTRUDER-2",
                        "name",
                        "Экструдер 2",
                        "kind",
                        "extruder",
                        "calendar",
                        json("hours", List.of(json("weekday", 1, "opens", "08:00", "closes", "12:00")))));
        long slitter = manager.post("/api/production/lines/", json("code", "SLITTER-1", "name", "Резка"))
                .at("/id")
                .asLong();
        manager.put(
                "/api/production/routings/" + FakeCatalog.FILM + "/",
                json(
                        "operations",
                        List.of(
                                json(
                                        "name",
                                        "Экструзия",
                                        "line_kind",
                                        "extruder",
                                        "setup_minutes",
                                        60,
                                        "run_rate",
                                        "1000"),
                                json("name", "Резка", "line", slitter, "run_rate", "2000"))));
        long a = order(manager, "2027-01-05");
        long b = order(manager, "2027-01-05");
        assertThat(manager.get("/api/production/planning/new-orders/")
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
        assertThat(manager.get("/api/production/planning/new-orders/").text("/results/0/hours"))
                .as("1 h setup + 10 h extrusion + 5 h slitting")
                .isEqualTo("16.00");

        Api.Response first =
                manager.post("/api/production/orders/" + a + "/plan/", json("not_before", "2027-01-04T08:00:00"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.at("/operations/0/line").asLong()).isEqualTo(e1);
        assertThat(first.text("/operations/0/planned_start")).isEqualTo(at(4, 8));
        assertThat(first.text("/operations/0/planned_end")).isEqualTo(at(4, 19));
        assertThat(first.text("/operations/1/planned_start")).isEqualTo(at(4, 19));
        assertThat(first.text("/operations/1/planned_end")).isEqualTo(at(5, 0));
        assertThat(first.at("/late").asBoolean()).isFalse();
        assertThat(manager.get("/api/production/orders/" + a + "/").text("/status"))
                .isEqualTo("planned");

        // the second waits for the first on EXTRUDER-1 (1 h on Monday evening, 10 h on Tuesday), then for the slitter
        Api.Response second =
                manager.post("/api/production/orders/" + b + "/plan/", json("not_before", "2027-01-04T08:00:00"));
        assertThat(second.at("/operations/0/line").asLong()).isEqualTo(e1);
        assertThat(second.text("/operations/0/planned_start")).isEqualTo(at(4, 19));
        assertThat(second.text("/operations/0/planned_end")).isEqualTo(at(5, 18));
        assertThat(second.text("/operations/1/planned_start")).isEqualTo(at(5, 18));
        assertThat(second.text("/operations/1/planned_end")).isEqualTo(at(5, 23));
        assertThat(second.at("/late").asBoolean()).isFalse();

        Api.Response queue = manager.get("/api/production/planning/queue/?line=" + e1);
        assertThat(queue.at("/lines").size()).isEqualTo(1);
        assertThat(queue.at("/lines/0/operations").size()).isEqualTo(2);
        assertThat(queue.text("/lines/0/operations/1/order_number")).isEqualTo("PR-000002");
        assertThat(manager.get("/api/production/planning/queue/").at("/lines").size())
                .isEqualTo(3);
        Api.Response stats = manager.get("/api/production/planning/stats/");
        assertThat(stats.at("/orders_by_status/planned").asInt()).isEqualTo(2);
        assertThat(stats.at("/lines").size()).isEqualTo(3);
        assertThat(manager.get("/api/production/orders/" + b + "/plan/")
                        .at("/operations")
                        .size())
                .isEqualTo(2);

        // planned again by hand: the slitting of the first at a given start
        Api.Response byHand = manager.post(
                "/api/production/orders/" + a + "/plan/",
                json(
                        "not_before",
                        "2027-01-04T08:00:00",
                        "operations",
                        List.of(json("seq", 2, "start", "2027-01-06T09:00:00"))));
        assertThat(byHand.status()).as(byHand.toString()).isEqualTo(200);
        assertThat(byHand.text("/operations/1/planned_start")).isEqualTo(at(6, 9));
        Api.Response clash = manager.post(
                "/api/production/orders/" + a + "/plan/",
                json(
                        "not_before",
                        "2027-01-04T08:00:00",
                        "operations",
                        List.of(json("seq", 2, "start", "2027-01-05T19:00:00"))));
        assertThat(clash.status())
                .as("the slitter is taken by the second order then")
                .isEqualTo(409);
        assertThat(clash.text("/code")).isEqualTo("slot_not_free");
        assertThat(manager.get("/api/production/orders/" + a + "/plan/").text("/operations/1/planned_start"))
                .as("a refused plan changes nothing")
                .isEqualTo(at(6, 9));
    }

    @Test
    void whatCannotBePlannedIsRefusedAndNothingChanges() {
        String store = TestStores.newKey("plb");
        Api owner = Api.member(port, store, 1, "o", "owner");
        long noRouting = order(owner, null);
        Api.Response none = owner.post("/api/production/orders/" + noRouting + "/plan/", null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.text("/code")).isEqualTo("no_routing");

        long oven = owner.post("/api/production/lines/", json("code", "OVEN-1", "name", "Печь", "kind", "oven"))
                .at("/id")
                .asLong();
        owner.put(
                "/api/production/routings/" + FakeCatalog.FILM + "/",
                json("operations", List.of(json("name", "Выпечка", "line_kind", "oven", "run_rate", "100"))));
        owner.patch("/api/production/lines/" + oven + "/", json("is_active", false));
        Api.Response noLine = owner.post("/api/production/orders/" + noRouting + "/plan/", null);
        assertThat(noLine.status()).isEqualTo(409);
        assertThat(noLine.text("/code")).isEqualTo("no_fitting_line");
        owner.patch(
                "/api/production/lines/" + oven + "/",
                json("is_active", true, "calendar", json("hours", List.of(), "closed_days", List.of())));
        assertThat(owner.post(
                                "/api/production/orders/" + noRouting + "/plan/",
                                json("not_before", "soon", "operations", List.of(json("seq", 7))))
                        .body()
                        .path("errors")
                        .fieldNames())
                .toIterable()
                .contains("not_before");
        assertThat(owner.get("/api/production/orders/" + noRouting + "/").text("/status"))
                .isEqualTo("new");

        owner.post("/api/production/orders/" + noRouting + "/cancel/", null);
        Api.Response cancelled = owner.post("/api/production/orders/" + noRouting + "/plan/", null);
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.text("/code")).isEqualTo("production_order_status");
        assertThat(Api.member(port, store, 7, "op", "operator")
                        .post("/api/production/orders/" + noRouting + "/plan/", null)
                        .status())
                .isEqualTo(403);
        assertThat(owner.get("/api/production/orders/999/plan/").status()).isEqualTo(404);
        assertThat(Instant.parse(at(4, 8))).isBefore(Instant.parse(at(4, 9)));
    }

    private static long order(Api api, String due) {
        Api.Response made = api.post(
                "/api/production/orders/",
                due == null
                        ? json("product", FakeCatalog.FILM, "quantity", "10000")
                        : json("product", FakeCatalog.FILM, "quantity", "10000", "due_date", due));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.at("/id").asLong();
    }
}
