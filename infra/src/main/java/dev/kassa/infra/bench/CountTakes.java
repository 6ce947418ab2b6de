package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kassa.infra.bench.Http.json;

/**
 * Issue 63, point 3: a stock-take of 5 000 products, counted in five scanner uploads of 1 000 lines, applied through the
 * gateway while a till keeps selling counted products (each once, sent whole); then the ledger is checked against the
 * batches, and every counted product must hold what was counted less what was sold after its count.
 */
final class CountTakes {

    static final int COUNTED = 5_000;

    private final Suite suite;
    private final Http owner;
    private final String store;
    private final Results results;

    CountTakes(Suite suite, Http owner, String store, Results results) {
        this.suite = suite;
        this.owner = owner;
        this.store = store;
        this.results = results;
    }

    /** A product to count: its id, what it is counted as, and its sale price (to sell it). */
    private record Counted(long id, int quantity, BigDecimal price) {}

    void run() throws Exception {
        var config = suite.config();
        try (Connection c = DriverManager.getConnection(
                suite.jdbcBase() + "/kassa_catalog", config.dbUser(), config.dbPassword())) {
            String schema = Sql.schemaOf(c, store);
            List<Counted> products = toCount(c, schema);
            Http.Answer opened = owner.post(
                    "/api/products/counts/",
                    json(
                            "name",
                            "Инвентаризация 5 000",
                            "products",
                            products.stream().map(Counted::id).toList()));
            Http.require(opened.status() == 201, "open a count", opened);
            String count = "/api/products/counts/" + opened.text("/id");
            double uploads = uploadLines(count, products);
            int sold = applyWhileSelling(count, products, uploads);
            checkAfterwards(c, schema, opened.text("/id"), sold);
        }
    }

    /** The store's first 5 000 products that keep stock, each with what it will be counted as. */
    private static List<Counted> toCount(Connection c, String schema) throws SQLException {
        List<Counted> products = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, sale_price from " + schema
                        + ".products where track_inventory and is_active order by id limit " + COUNTED)) {
            while (rs.next()) {
                // counted as 0 to 6: most products differ, some are right
                products.add(new Counted(rs.getLong(1), products.size() % 7, rs.getBigDecimal(2)));
            }
        }
        Http.require(products.size() == COUNTED, "5 000 products to count", null);
        return products;
    }

    /** Five scanners upload 1 000 count lines each; answers the seconds an upload took. */
    private double uploadLines(String count, List<Counted> products) {
        long lines = System.nanoTime();
        for (int from = 0; from < COUNTED; from += 1000) {
            List<Map<String, Object>> upload = new ArrayList<>();
            for (Counted p : products.subList(from, from + 1000)) {
                upload.add(json("product", p.id(), "counted", p.quantity(), "device", "scanner-" + from / 1000));
            }
            Http.Answer counted = owner.post(count + "/lines/", json("lines", upload));
            Http.require(counted.status() == 201, "count lines", counted);
        }
        return (System.nanoTime() - lines) / 1e9 / 5;
    }

    /** Applies the count while a till sells counted products; answers the sales made meanwhile. */
    private int applyWhileSelling(String count, List<Counted> products, double uploads) throws InterruptedException {
        long shift = shift();
        List<Counted> sellable =
                products.stream().filter(p -> p.quantity() >= 2).toList();
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean selling = new AtomicBoolean(true);
        Thread till = Threads.daemon("count-till", () -> {
            while (selling.get() && sold.get() + refused.get() < sellable.size()) {
                Counted p = sellable.get(sold.get() + refused.get());
                Http.Answer sale = owner.post("/api/sales/sales/", sale(shift, p));
                (sale.status() == 201 ? sold : refused).incrementAndGet();
            }
        });
        // the till sells for a moment before the apply, and during it
        Thread.sleep(500);
        Http.Answer applied = owner.post(count + "/apply", null);
        selling.set(false);
        till.join();
        Http.require(applied.ok(), "apply the count", applied);
        double seconds = applied.nanos() / 1e9;
        results.row(
                "stock-take of 5 000 products applied, a till selling: (s), sales meanwhile",
                String.format("%.2f (≤ 5), %d", seconds, sold.get()),
                seconds <= 5 && refused.get() == 0);
        results.row("  a scanner's upload of 1 000 count lines (s)", String.format("%.2f", uploads), true);
        return sold.get();
    }

    /**
     * The sales reach catalog through Kafka: waits for each one's movement, then checks the ledger against the batches,
     * and each counted product against its count less what was sold after it.
     */
    private void checkAfterwards(Connection c, String schema, String countId, int sold)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long movedSales;
        do {
            Thread.sleep(200);
            movedSales = Sql.single(
                    c,
                    "select count(distinct reference) from " + schema
                            + ".stock_movements where reason = 'sale' and product_id in (select product_id from "
                            + schema + ".stock_count_items where count_id = " + countId + ")");
        } while (movedSales < sold && System.nanoTime() < deadline);
        long ledgerOff = Sql.single(
                c,
                "select count(*) from " + schema + ".products p where (select coalesce(sum(quantity), 0) from "
                        + schema
                        + ".stock_movements m where m.product_id = p.id) <> (select coalesce(sum(quantity), 0)"
                        + " from " + schema + ".batches b where b.product_id = p.id)");
        long countOff = Sql.single(
                c,
                "select count(*) from " + schema + ".stock_count_items i where i.count_id = "
                        + countId + " and i.counted + (select coalesce(sum(m.quantity), 0) from "
                        + schema
                        + ".stock_movements m where m.product_id = i.product_id and m.reason = 'sale' and m.id > "
                        + "(select max(id) from " + schema + ".stock_movements where reason = 'import'))"
                        + " <> (select coalesce(sum(b.quantity), 0) from " + schema
                        + ".batches b where b.product_id = i.product_id)");
        results.row(
                "  afterwards: sales in catalog, products whose ledger or count is off",
                String.format("%d of %d, %d, %d", movedSales, sold, ledgerOff, countOff),
                movedSales == sold && ledgerOff == 0 && countOff == 0);
    }

    /** The owner's open shift, opened when there is none. */
    private long shift() {
        Http.Answer current = owner.get("/api/sales/sessions/current/");
        if (current.ok()) {
            return current.body().at("/data/id").asLong();
        }
        Http.Answer opened = owner.post("/api/sales/sessions/open/", json("opening_balance", 0));
        Http.require(opened.status() == 201, "open shift", opened);
        return opened.body().at("/data/id").asLong();
    }

    private static Map<String, Object> sale(long shift, Counted p) {
        return json(
                "client_id", UUID.randomUUID().toString(),
                "session", shift,
                "sold_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "items", List.of(json("product", p.id(), "quantity", 1)),
                "payments", List.of(json("payment_method", "cash", "amount", p.price())));
    }
}
