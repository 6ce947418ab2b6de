package dev.kassa.infra.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.kassa.infra.bench.Http.json;

/**
 * Issue 87 point 4's target: a plant of 10 lines (extruders, printers, a laminator, slitters, bag makers, open Monday
 * to Saturday 6 to 22) with three products' routings and 500 orders planned on them one by one (untimed), then the
 * queues optimised by the solver: the call timed (≤ 5 s), and its lateness no worse than earliest-due-date order.
 */
final class PlanningRun {

    static final int ORDERS = 500;

    private final Http owner;
    private final Results results;

    PlanningRun(Http owner, Results results) {
        this.owner = owner;
        this.results = results;
    }

    void run() {
        List<Long> products = plant();
        orders(products);
        optimise();
    }

    /** Ten lines, and the routings of three of the store's products on them: the products. */
    private List<Long> plant() {
        List<Long> products = new ArrayList<>();
        owner.get("/api/products/products/?page_size=3")
                .body()
                .path("results")
                .forEach(p -> products.add(p.path("id").asLong()));
        Http.require(products.size() == 3, "three products to make", null);
        List<Map<String, Object>> week = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            week.add(json("weekday", day, "opens", "06:00", "closes", "22:00"));
        }
        String[][] lines = {
            {"EXTRUDER-1", "extruder"},
            {"EXTRUDER-2", "extruder"},
            {"EXTRUDER-3", "extruder"},
            {"PRINT-LINE-1", "printer"},
            {"PRINT-LINE-2", "printer"},
            {"LAMINATOR-1", "laminator"},
            {"SLITTER-1", "slitter"},
            {"SLITTER-2", "slitter"},
            {"BAG-MAKER-1", "bagger"},
            {"BAG-MAKER-2", "bagger"}
        };
        for (String[] l : lines) {
            Http.Answer made = owner.post(
                    "/api/production/lines/",
                    json("code", l[0], "name", l[0], "kind", l[1], "calendar", json("hours", week)));
            Http.require(made.status() == 201, "a line", made);
        }
        String[][] routes = {
            {"extruder", "printer", "slitter"}, {"extruder", "laminator", "slitter"}, {"extruder", "bagger"}
        };
        for (int p = 0; p < 3; p++) {
            List<Map<String, Object>> operations = new ArrayList<>();
            for (String kind : routes[p]) {
                operations.add(json("name", kind, "line_kind", kind, "setup_minutes", 45, "run_rate", "1500"));
            }
            Http.Answer set = owner.send(
                    "PUT", "/api/production/routings/" + products.get(p) + "/", json("operations", operations));
            Http.require(set.ok(), "a routing", set);
        }
        return products;
    }

    /** The orders, each planned as it is made. */
    private void orders(List<Long> products) {
        Random random = new Random(87);
        LocalDate today = LocalDate.now();
        String[] priorities = {"low", "normal", "normal", "high", "urgent"};
        for (int i = 0; i < ORDERS; i++) {
            Http.Answer order = owner.post(
                    "/api/production/orders/",
                    json(
                            "product", products.get(random.nextInt(3)),
                            "quantity", String.valueOf(500 + random.nextInt(4500)),
                            "due_date", today.plusDays(2 + random.nextInt(60)).toString(),
                            "priority", priorities[random.nextInt(priorities.length)]));
            Http.require(order.status() == 201, "an order", order);
            Http.Answer plan = owner.post(
                    "/api/production/orders/" + order.body().path("id").asLong() + "/plan/", null);
            Http.require(plan.ok(), "an order planned", plan);
        }
    }

    private void optimise() {
        long start = System.nanoTime();
        Http.Answer optimised = owner.post("/api/production/planning/optimize/", json("seconds", 3));
        double seconds = (System.nanoTime() - start) / 1e9;
        Http.require(optimised.ok(), "the queues optimised", optimised);
        BigDecimal after = new BigDecimal(optimised.text("/after/total_lateness_hours"));
        BigDecimal edd = new BigDecimal(optimised.text("/earliest_due_date/total_lateness_hours"));
        results.row(
                String.format("%d orders on 10 lines optimised (s); lateness after, EDD, before (h)", ORDERS),
                String.format(
                        "%.1f (≤ 5); %s ≤ %s, %s; setups %s (EDD %s)",
                        seconds,
                        after,
                        edd,
                        optimised.text("/before/total_lateness_hours"),
                        optimised.text("/after/setups"),
                        optimised.text("/earliest_due_date/setups")),
                seconds <= 5 && after.compareTo(edd) <= 0);
    }
}
