package dev.kassa.infra.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kassa.infra.bench.Http.json;
import static dev.kassa.infra.bench.Http.require;
import static dev.kassa.infra.bench.Sql.schemaOf;

/**
 * (r) Analytics with a year of a store's sales (issue 10): 2,000 products, 100,000 completed sales of three lines over
 * 365 days by six cashiers, 5,000 customers and a daily stock snapshot per product, written straight into the store's analytics schema (a
 * year of events through Kafka would take hours), the reports rebuilt from those facts by analytics itself, then every
 * report endpoint read one call at a time through the gateway: p95 ≤ 100 ms each.
 */
final class YearOfReports {

    private final BenchContext context;
    private final Results results;

    YearOfReports(BenchContext context) {
        this.context = context;
        this.results = context.results();
    }

    void run() throws Exception {
        System.out.println("(r) a year of a store's sales in analytics, every report read through the gateway …");
        Http.Answer registered =
                context.register("rep_" + UUID.randomUUID().toString().substring(0, 8), "Report", "Годовой магазин");
        require(registered.status() == 201, "registration", registered);
        Http owner =
                context.gateway().as(registered.text("/data/tokens/access"), registered.text("/data/store/tenant_key"));
        require(
                owner.get("/api/analytics/daily-sales/today/").ok(),
                "analytics",
                owner.get("/api/analytics/daily-sales/today/"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        long seeding = System.nanoTime();
        seed(registered.text("/data/store/tenant_key"));
        double seeded = (System.nanoTime() - seeding) / 1e9;
        long rebuilding = System.nanoTime();
        rebuild(owner, today);
        double rebuilt = (System.nanoTime() - rebuilding) / 1e9;
        long vacuuming = System.nanoTime();
        vacuum(registered.text("/data/store/tenant_key"));
        results.row(
                "(r) a year: 100,000 sales, 2,000 products, 5,000 customers (reported)",
                String.format(
                        "seeded in %.0f s, rebuilt by analytics in %.0f s, vacuumed in %.0f s",
                        seeded, rebuilt, (System.nanoTime() - vacuuming) / 1e9),
                true);
        readEveryReport(owner, endpoints(owner, today));
    }

    /** Writes the year straight into the store's analytics schema: products, customers, sales, lines and stock. */
    private void seed(String tenantKey) throws SQLException {
        try (Connection c = context.connect("kassa_analytics");
                Statement s = c.createStatement()) {
            String schema = schemaOf(c, tenantKey);
            s.execute("set search_path to " + schema);
            s.execute("select setseed(0.42)");
            s.execute(
                    """
                    insert into products (product_id, name, sku, barcode, sale_price, cost_price, min_quantity, max_quantity, category_id,
                                          category_name)
                    select g, 'Товар ' || g, 'SKU-' || g, '478' || lpad(g::text, 10, '0'), 1000 + (g % 50) * 1000, 700 + (g % 50) * 700, 5, 200,
                           1 + g % 12, 'Категория ' || (1 + g % 12)
                      from generate_series(1, 2000) g""");
            s.execute(
                    """
                    insert into customers (customer_id, full_name, phone, customer_type)
                    select g, 'Покупатель ' || g, '+998' || lpad(g::text, 9, '0'), 'individual' from generate_series(1, 5000) g""");
            s.execute(
                    """
                    insert into sale_facts (sale_id, receipt_number, business_date, completed_at, customer_id, total, discount, tax, items_quantity,
                                            cash, card, kind, recorded_at, cashier_id)
                    select g::text, 'MAIN-' || g, d, d + time '09:00' + (g % 600) * interval '1 minute', case when g % 3 = 0 then 1 + g % 5000 end,
                           0, 0, 0, 3, 0, 0, 'sale', now(), 100 + g % 6
                      from generate_series(1, 100000) g, lateral (select current_date - (g % 365) as d) x""");
            s.execute(
                    """
                    insert into sale_fact_lines (sale_id, product_id, product_name, quantity, unit_price, discount, line_total, unit_cost, business_date)
                    select f.sale_id, p.id, 'Товар ' || p.id, 1, 1000 + (p.id % 50) * 1000, 0, 1000 + (p.id % 50) * 1000, 700 + (p.id % 50) * 700,
                           f.business_date
                      from sale_facts f, lateral (select 1 + (abs(hashtext(f.sale_id || '/' || n)) % 2000) as id from generate_series(1, 3) n) p""");
            s.execute(
                    """
                    update sale_facts f set total = l.total, card = l.total
                      from (select sale_id, sum(line_total) total from sale_fact_lines group by sale_id) l where l.sale_id = f.sale_id""");
            s.execute(
                    """
                    insert into inventory_snapshots (product_id, date, quantity_on_hand, reserved_quantity, available_quantity, total_cost, total_value,
                                                     turnover_rate, days_of_stock, is_out_of_stock, is_low_stock, is_overstock, is_latest)
                    select p, current_date - d, q, 0, q, q * 700, q * 1000, 1.5, 30, q = 0, q between 1 and 5, q > 200, d = 0
                      from generate_series(1, 2000) p, generate_series(0, 364) d, lateral (select (abs(hashtext(p || '/' || d)) % 250) as q) x""");
            s.execute("analyze");
        }
    }

    /** Has analytics rebuild its reports from the year's facts, ten days a call. */
    private static void rebuild(Http owner, LocalDate today) {
        for (LocalDate from = today.minusDays(364); !from.isAfter(today); from = from.plusDays(10)) {
            LocalDate to = from.plusDays(9).isAfter(today) ? today : from.plusDays(9);
            Http.Answer rebuilt = owner.post(
                    "/api/analytics/rebuild/", json("start_date", from.toString(), "end_date", to.toString()));
            require(rebuilt.ok(), "rebuild " + from, rebuilt);
        }
    }

    /**
     * A year written in half a minute leaves PostgreSQL's autovacuum a year of pages to visit, which it does while the
     * reports are read (two cores): done here first, as it would long be done in a store that grew for a year.
     */
    private void vacuum(String tenantKey) throws SQLException {
        try (Connection c = context.connect("kassa_analytics");
                Statement s = c.createStatement()) {
            String schema = schemaOf(c, tenantKey);
            for (String table : List.of(
                    "sale_facts",
                    "sale_fact_lines",
                    "daily_sales",
                    "product_performance",
                    "product_performance_monthly",
                    "cashier_daily",
                    "inventory_snapshots",
                    "customers",
                    "customer_analytics",
                    "products")) {
                s.execute("vacuum analyze " + schema + "." + table);
            }
        }
    }

    /** Every report endpoint by its name, the ones of a single row with a row of the year. */
    private static Map<String, String> endpoints(Http owner, LocalDate today) {
        long someDay = owner.get("/api/analytics/daily-sales/?ordering=-date")
                .body()
                .at("/results/0/id")
                .asLong();
        long someRow = owner.get("/api/analytics/product-performance/")
                .body()
                .at("/results/0/id")
                .asLong();
        long someCustomer = owner.get("/api/analytics/customer-analytics/")
                .body()
                .at("/results/0/id")
                .asLong();
        long someSnapshot = owner.get("/api/analytics/inventory-snapshots/")
                .body()
                .at("/results/0/id")
                .asLong();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("daily-sales", "/api/analytics/daily-sales/");
        endpoints.put("daily-sales/{id}", "/api/analytics/daily-sales/" + someDay + "/");
        endpoints.put("today", "/api/analytics/daily-sales/today/");
        endpoints.put(
                "period (year)",
                "/api/analytics/daily-sales/period/?start_date=" + today.minusDays(364) + "&end_date=" + today);
        endpoints.put("trends (30 days)", "/api/analytics/daily-sales/trends/?days=30");
        endpoints.put("product-performance", "/api/analytics/product-performance/");
        endpoints.put("product-performance/{id}", "/api/analytics/product-performance/" + someRow + "/");
        endpoints.put(
                "top-products (year)",
                "/api/analytics/product-performance/top-products/?start_date=" + today.minusDays(364) + "&end_date="
                        + today + "&limit=20&order_by=profit");
        endpoints.put("slow-movers (90 days)", "/api/analytics/product-performance/slow-movers/?days=90");
        endpoints.put("customer-analytics", "/api/analytics/customer-analytics/?ordering=-monetary");
        endpoints.put("customer-analytics/{id}", "/api/analytics/customer-analytics/" + someCustomer + "/");
        endpoints.put("segments", "/api/analytics/customer-analytics/segments/");
        endpoints.put("at-risk", "/api/analytics/customer-analytics/at-risk/");
        endpoints.put("inventory-snapshots", "/api/analytics/inventory-snapshots/?is_low_stock=true");
        endpoints.put("inventory-snapshots/{id}", "/api/analytics/inventory-snapshots/" + someSnapshot + "/");
        endpoints.put("latest", "/api/analytics/inventory-snapshots/latest/");
        endpoints.put("low-stock-alerts", "/api/analytics/inventory-snapshots/low-stock-alerts/");
        endpoints.put("out-of-stock", "/api/analytics/inventory-snapshots/out-of-stock/");
        endpoints.put("dashboard", "/api/analytics/dashboard/");
        endpoints.put("multi-store (month)", "/api/users/stores/multi-store-analytics/?period=month");
        String year = "/api/analytics/gross-profit/?start_date=" + today.minusDays(364) + "&end_date=" + today;
        for (String by : List.of("day", "product", "category", "cashier")) {
            endpoints.put("gross-profit by " + by + " (year)", year + "&group_by=" + by);
        }
        return endpoints;
    }

    /** Reads each report 45 times (the first five warm it up) and notes the p95 of the rest: the worst ≤ 100 ms. */
    private void readEveryReport(Http owner, Map<String, String> endpoints) {
        Map<String, Double> p95 = new LinkedHashMap<>();
        long errors = 0;
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < 45; i++) {
                Http.Answer answer = owner.get(e.getValue());
                if (i >= 5) {
                    latencies.record(answer);
                }
            }
            errors += latencies.errors.get();
            p95.put(e.getKey(), latencies.percentile(95));
        }
        Map.Entry<String, Double> worst =
                p95.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        StringBuilder all = new StringBuilder();
        p95.forEach((k, v) ->
                all.append(all.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format("%.0f", v)));
        results.row(
                "(r) every report through the gateway, p95 of 40 calls each (≤ 100 ms)",
                String.format("worst %.0f ms (%s), errors %d {%s}", worst.getValue(), worst.getKey(), errors, all),
                worst.getValue() <= 100 && errors == 0);
    }
}
