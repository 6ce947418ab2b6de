package dev.kassa.analytics;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Product performance, inventory snapshots and the dashboard, from sales' and catalog's events as they really look. */
@KassaIntegrationTest
class ReportsTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, String role) {
        return Api.member(port, store, 3, role, role);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    record Line(long product, String name, String quantity, String price, String discount, String total, String cost) {}

    void sale(String store, String id, Line... lines) throws Exception {
        EventSamples.Sample sample = EventSamples.of("SaleCompleted");
        String total = Arrays.stream(lines)
                .map(l -> new BigDecimal(l.total()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString();
        kafka.send(Topics.SALES, store, sample.message(store, e -> {
                    e.set("/sale_id", id)
                            .set("/receipt_number", "MAIN-" + id)
                            .set("/completed_at", Instant.now().toString())
                            .set("/business_date", today().toString())
                            .set("/customer_id", null)
                            .set("/discount", "0.00")
                            .set("/tax", "0.00")
                            .set("/total", total)
                            .set("/payments/0/method", "card")
                            .set("/payments/0/amount", total)
                            .set("/payments/0/received", null)
                            .set("/payments/0/change", null);
                    for (int i = 0; i < lines.length; i++) {
                        if (i > 0) {
                            e.addElement("/lines");
                        }
                        Line l = lines[i];
                        e.set("/lines/" + i + "/product_id", l.product())
                                .set("/lines/" + i + "/product_name", l.name())
                                .set("/lines/" + i + "/quantity", l.quantity())
                                .set("/lines/" + i + "/unit_price", l.price())
                                .set("/lines/" + i + "/discount", l.discount())
                                .set("/lines/" + i + "/line_total", l.total())
                                .set("/lines/" + i + "/unit_cost", l.cost());
                    }
                }))
                .get();
    }

    /** One line of {@code product} for {@code total} on {@code date}. */
    void datedSale(String store, String id, LocalDate date, long product, String total) throws Exception {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", id)
                        .set("/receipt_number", "MAIN-" + id)
                        .set("/completed_at", Instant.now().toString())
                        .set("/business_date", date.toString())
                        .set("/customer_id", null)
                        .set("/discount", "0.00")
                        .set("/tax", "0.00")
                        .set("/total", total)
                        .set("/payments/0/method", "card")
                        .set("/payments/0/amount", total)
                        .set("/payments/0/received", null)
                        .set("/payments/0/change", null)
                        .set("/lines/0/product_id", product)
                        .set("/lines/0/product_name", "Товар " + product)
                        .set("/lines/0/quantity", "1.000")
                        .set("/lines/0/unit_price", total)
                        .set("/lines/0/discount", "0.00")
                        .set("/lines/0/line_total", total)
                        .set("/lines/0/unit_cost", "1.00")))
                .get();
    }

    @Test
    void aPeriodsBestProductsAddUpItsWholeMonthsAndTheDaysOfItsPartialOnes() throws Exception {
        String store = TestStores.newKey("top");
        Api owner = as(store, "owner");
        LocalDate start = today().withDayOfMonth(1).minusMonths(2).plusDays(20);
        datedSale(store, "1", start, 601, "3000.00");
        datedSale(store, "2", today().withDayOfMonth(1).minusMonths(1).plusDays(14), 601, "5000.00");
        datedSale(store, "3", today(), 602, "7000.00");
        datedSale(store, "4", start.minusDays(1), 601, "100000.00");
        datedSale(store, "5", start.minusDays(1), 602, "100000.00");
        String url = "/api/analytics/product-performance/top-products/?start_date=" + start + "&end_date=" + today();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response top = owner.get(url);
            assertThat(top.at("/top_products/0/product_id").asLong()).isEqualTo(601);
            assertThat(top.text("/top_products/0/total_revenue"))
                    .as("its partial first month's day and a whole month")
                    .isEqualTo("8000.00");
            assertThat(top.text("/top_products/1/total_revenue"))
                    .as("a day of the partial last month")
                    .isEqualTo("7000.00");
        });
        // a day earlier, the sales before the period count too
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(owner.get("/api/analytics/product-performance/top-products/?start_date="
                                        + start.minusDays(1) + "&end_date=" + today() + "&order_by=quantity")
                                .text("/top_products/0/total_quantity"))
                        .isEqualTo("3.000"));
    }

    @Test
    void aPeriodCoveringMostOfItsEdgeMonthsLeavesOutTheDaysOutsideIt() throws Exception {
        String store = TestStores.newKey("topedge");
        Api owner = as(store, "owner");
        LocalDate first = today().withDayOfMonth(1).minusMonths(3);
        LocalDate start = first.plusDays(2);
        LocalDate end = first.plusMonths(1).plusDays(26);
        datedSale(store, "1", first.plusDays(1), 701, "100000.00");
        datedSale(store, "2", start, 701, "3000.00");
        datedSale(store, "3", first.plusDays(19), 702, "4000.00");
        datedSale(store, "4", end, 702, "5000.00");
        datedSale(store, "5", end.plusDays(1), 701, "100000.00");
        datedSale(store, "6", first, 703, "100000.00");
        String url = "/api/analytics/product-performance/top-products/?start_date=" + start + "&end_date=" + end
                + "&order_by=profit";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response top = owner.get(url);
            assertThat(top.at("/top_products").size())
                    .as("a product sold only outside the period is not listed: " + top)
                    .isEqualTo(2);
            assertThat(top.at("/top_products/0/product_id").asLong()).isEqualTo(702);
            assertThat(top.text("/top_products/0/total_revenue"))
                    .as("both its days inside")
                    .isEqualTo("9000.00");
            assertThat(top.at("/top_products/1/product_id").asLong()).isEqualTo(701);
            assertThat(top.text("/top_products/1/total_revenue"))
                    .as("the day before and the day after the period left out")
                    .isEqualTo("3000.00");
            assertThat(top.at("/top_products/1/sales_count").asLong()).isEqualTo(1);
        });
    }

    void product(String store, long id, String name, String cost, String price, String min, String max)
            throws Exception {
        EventSamples.Sample created = EventSamples.of("ProductCreated");
        created.assertConsumedBy("analytics-service");
        kafka.send(Topics.CATALOG, store, created.message(store, e -> e.set("/product_id", id)
                        .set("/name", name)
                        .set("/sku", "SKU-" + id)
                        .set("/barcode", "478000000" + id)
                        .set("/cost_price", cost)
                        .set("/sale_price", price)
                        .set("/min_quantity", min)
                        .set("/max_quantity", max)))
                .get();
    }

    void stock(String store, long id, String onHand, String available) throws Exception {
        EventSamples.Sample changed = EventSamples.of("StockChanged");
        changed.assertConsumedBy("analytics-service");
        kafka.send(Topics.CATALOG, store, changed.message(store, e -> e.set("/product_id", id)
                        .set("/on_hand", onHand)
                        .set("/available", available)
                        .set("/change", "-1.000")))
                .get();
    }

    @Test
    void productsSellNetOfRefundsWithTheCostOfTheBatchSoldAndStockIsFlagged() throws Exception {
        String store = TestStores.newKey("rep");
        Api owner = as(store, "owner");
        // two sales of milk from two batches (cost 6000 and 7000) and one of bread with a line discount
        sale(
                store,
                "1",
                new Line(501, "Молоко", "2.000", "10000.00", "0.00", "20000.00", "6000.00"),
                new Line(502, "Хлеб", "1.000", "5000.00", "500.00", "4500.00", "3000.00"));
        sale(store, "2", new Line(501, "Молоко", "1.000", "10000.00", "0.00", "10000.00", "7000.00"));
        // one milk of the first sale comes back
        EventSamples.Sample refunded = EventSamples.of("SaleRefunded");
        kafka.send(Topics.SALES, store, refunded.message(store, e -> e.set("/sale_id", "1")
                        .set("/refund_id", "9")
                        .set("/receipt_number", "MAIN-1")
                        .set("/business_date", today().toString())
                        .set("/amount", "10000.00")
                        .set("/method", "card")
                        .set("/customer_id", null)
                        .set("/lines/0/product_id", 501)
                        .set("/lines/0/quantity", "1.000")
                        .set("/lines/0/amount", "10000.00")))
                .get();
        EventSamples.Sample opened = EventSamples.of("SessionOpened");
        opened.assertConsumedBy("analytics-service");
        kafka.send(Topics.SALES, store, opened.message(store, e -> e.set("/session_id", 77)
                        .set("/business_date", today().toString())))
                .get();

        // two sales and a refund, in whatever order they are read: wait for all three (one sale alone also sold 2)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response r = owner.get("/api/analytics/product-performance/?product=501");
            assertThat(r.text("/results/0/quantity_sold")).isEqualTo("2.000");
            assertThat(r.text("/results/0/sales_count")).isEqualTo("2");
        });
        Api.Response milk = owner.get("/api/analytics/product-performance/?product=501&date=" + today());
        assertThat(milk.status()).as(milk.toString()).isEqualTo(200);
        assertThat(milk.text("/results/0/total_revenue")).isEqualTo("20000.00");
        assertThat(milk.text("/results/0/sales_count")).isEqualTo("2");
        // 2 × 6000 + 1 × 7000 − the returned unit at its own batch's 6000
        assertThat(milk.text("/results/0/total_cost")).isEqualTo("13000.00");
        assertThat(milk.text("/results/0/total_profit")).isEqualTo("7000.00");
        assertThat(milk.text("/results/0/profit_margin")).isEqualTo("35.00");
        assertThat(milk.text("/results/0/product_name")).isEqualTo("Молоко");
        long milkRow = milk.at("/results/0/id").asLong();
        assertThat(owner.get("/api/analytics/product-performance/" + milkRow + "/")
                        .text("/avg_price"))
                .isEqualTo("10000.00");
        Api.Response bread = owner.get("/api/analytics/product_performance/?product=502");
        assertThat(bread.text("/results/0/avg_discount")).isEqualTo("10.00");
        assertThat(bread.text("/results/0/profit_margin")).isEqualTo("33.33");

        Api.Response top = owner.get("/api/analytics/product-performance/top-products/?start_date="
                + today().minusDays(6) + "&end_date=" + today());
        assertThat(top.status()).as(top.toString()).isEqualTo(200);
        assertThat(top.at("/top_products/0/product_id").asLong()).isEqualTo(501);
        assertThat(top.text("/top_products/0/total_revenue")).isEqualTo("20000.00");
        assertThat(top.text("/top_products/1/total_profit")).isEqualTo("1500.00");
        assertThat(owner.get("/api/analytics/product-performance/top_products/?order_by=quantity&limit=1")
                        .at("/top_products")
                        .size())
                .isEqualTo(1);

        // catalog's products and stock: milk low (3 ≤ 5), bread sold out, kefir never stocked (out of stock all the
        // same)
        product(store, 501, "Молоко 1 л", "6000.00", "10000.00", "5.000", "100.000");
        product(store, 502, "Хлеб", "3000.00", "5000.00", "2.000", null);
        product(store, 503, "Кефир", "4000.00", "7000.00", "5.000", null);
        EventSamples.Sample delivery = EventSamples.of("ProductCreated");
        kafka.send(Topics.CATALOG, store, delivery.message(store, e -> e.set("/product_id", 504)
                        .set("/name", "Доставка")
                        .set("/sku", "SKU-504")
                        .set("/barcode", "478000000504")
                        .set("/track_inventory", false)))
                .get();
        stock(store, 501, "3.000", "2.000");
        stock(store, 502, "0.000", "0.000");
        // a service (no stock kept) is never out of stock
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response out = owner.get("/api/analytics/inventory-snapshots/out-of-stock/");
            assertThat(out.at("/count").asInt()).isEqualTo(2);
            assertThat(out.at("/products").findValuesAsText("product_name")).containsExactly("Кефир", "Хлеб");
        });
        Api.Response low = as(store, "stockkeeper").get("/api/analytics/inventory-snapshots/low-stock-alerts/");
        assertThat(low.status()).as(low.toString()).isEqualTo(200);
        assertThat(low.at("/count").asInt()).isEqualTo(1);
        assertThat(low.at("/products/0/product").asLong()).isEqualTo(501);
        assertThat(low.text("/products/0/reserved_quantity")).isEqualTo("1.000");
        assertThat(low.text("/products/0/total_cost")).isEqualTo("18000.00");
        assertThat(low.text("/products/0/total_value")).isEqualTo("30000.00");
        // 2 sold (net) in 30 days against 3 on hand
        assertThat(low.text("/products/0/turnover_rate")).isEqualTo("0.67");
        assertThat(low.text("/products/0/days_of_stock")).isEqualTo("45");
        assertThat(low.text("/date")).isEqualTo(today().toString());
        assertThat(owner.get("/api/analytics/inventory-snapshots/latest/")
                        .at("/snapshots")
                        .size())
                .isEqualTo(3);
        Api.Response stockFile = owner.get("/api/analytics/inventory-snapshots/export");
        assertThat(stockFile.status()).as(stockFile.toString()).isEqualTo(200);
        assertThat(stockFile.header("Content-Disposition")).contains("stock-");
        List<List<String>> stockRows = ExportedFiles.csv(stockFile.bytes(), ';');
        assertThat(stockRows.get(0)).startsWith("Товар", "Дата снимка", "Остаток", "В резерве", "Доступно");
        assertThat(stockRows).as("each product's latest snapshot, by name").hasSize(4);
        List<String> held = stockRows.stream()
                .filter(r -> r.get(3).equals("1,000"))
                .findFirst()
                .orElseThrow();
        assertThat(held.get(5)).as("value at cost").isEqualTo("18000,00");
        assertThat(held.get(6)).as("value at retail").isEqualTo("30000,00");
        assertThat(held.get(10)).as("low").isEqualTo("да");
        assertThat(as(store, "stockkeeper")
                        .get("/api/analytics/inventory-snapshots/export")
                        .status())
                .as("files are for owners and managers")
                .isEqualTo(403);
        assertThat(owner.get("/api/analytics/inventory-snapshots/?is_out_of_stock=true")
                        .at("/results")
                        .findValuesAsText("product_name"))
                .containsExactlyInAnyOrder("Хлеб", "Кефир");
        assertThat(owner.get("/api/analytics/product-performance/slow-movers/?days=30")
                        .at("/slow_movers/0/product__name")
                        .asText())
                .as("never sold counts as slow")
                .isEqualTo("Кефир");

        Api.Response dashboard = as(store, "manager").get("/api/analytics/dashboard/");
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        assertThat(dashboard.text("/today/total_sales")).isEqualTo("24500.00");
        assertThat(dashboard.text("/today/sales_count")).isEqualTo("2");
        assertThat(dashboard.text("/refunds/total")).isEqualTo("10000.00");
        assertThat(dashboard.at("/top_products/0/product_id").asLong()).isEqualTo(501);
        assertThat(dashboard.at("/stock/low_stock_count").asInt()).isEqualTo(1);
        assertThat(dashboard.at("/stock/out_of_stock_count").asInt())
                .as("bread and the never stocked kefir")
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as(store, "manager")
                        .get("/api/analytics/dashboard/")
                        .at("/open_shifts/count")
                        .asInt())
                .isEqualTo(1));
        assertThat(dashboard.at("/change_vs_yesterday/total_sales_percent").isNull())
                .as("no sales yesterday")
                .isTrue();
        assertTheProductRowsAreWhatARebuildMakesOfThem(owner, 2);
    }

    /** The product rows, added to fact by fact as the events came, are the ones an owner's rebuild makes of all the day's facts. */
    static void assertTheProductRowsAreWhatARebuildMakesOfThem(Api owner, int products) {
        String url = "/api/analytics/product-performance/?date=" + today();
        String top = "/api/analytics/product-performance/top-products/?start_date=" + today().minusDays(40)
                + "&end_date=" + today();
        Api.Response added = owner.get(url);
        Api.Response addedTop = owner.get(top);
        assertThat(added.at("/results").size()).isEqualTo(products);
        Api.Response rebuild = owner.post("/api/analytics/rebuild/", Api.json("date", today().toString()));
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(200);
        Api.Response rebuilt = owner.get(url);
        for (int i = 0; i < products; i++) {
            for (String field : List.of(
                    "product",
                    "quantity_sold",
                    "total_revenue",
                    "sales_count",
                    "avg_price",
                    "avg_discount",
                    "total_cost",
                    "total_profit",
                    "profit_margin")) {
                assertThat(rebuilt.text("/results/" + i + "/" + field))
                        .as(field)
                        .isEqualTo(added.text("/results/" + i + "/" + field));
            }
        }
        assertThat(owner.get(top).at("/top_products")).isEqualTo(addedTop.at("/top_products"));
    }

    @Test
    void badInputIsRefusedInTheErrorBody() {
        String store = TestStores.newKey("rbi");
        Api owner = as(store, "owner");
        assertThat(owner.get("/api/analytics/product-performance/?ordering=price")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/product-performance/?date=yesterday")
                        .at("/errors/date")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/inventory-snapshots/?is_low_stock=maybe")
                        .at("/errors/is_low_stock")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/inventory-snapshots/?product=milk")
                        .at("/errors/product")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/daily-sales/?date=2025-02-30")
                        .at("/errors/date")
                        .isArray())
                .isTrue();
        Api.Response missing = owner.get("/api/analytics/product-performance/999999/");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("/code")).isEqualTo("not_found");
        assertThat(owner.get("/api/analytics/daily-sales/999999/").status()).isEqualTo(404);
        Api.Response none = owner.get("/api/analytics/inventory-snapshots/latest/");
        assertThat(none.status()).as("an empty stock list is a list").isEqualTo(200);
        assertThat(none.at("/snapshots").size()).isZero();
        assertThat(none.text("/date")).isEqualTo(today().toString());
        assertThat(owner.get("/api/analytics/inventory-snapshots/out-of-stock/")
                        .at("/count")
                        .asInt())
                .isZero();
        Api.Response empty = owner.get("/api/analytics/dashboard/");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        assertThat(empty.text("/today/total_sales")).isEqualTo("0.00");
    }

    @Test
    void salesReportsAreForOwnersAndManagersStockAnalyticsForStockkeepersToo() {
        String store = TestStores.newKey("rro");
        for (String path : new String[] {
            "/api/analytics/product-performance/",
            "/api/analytics/product-performance/top-products/",
            "/api/analytics/product-performance/slow-movers/",
            "/api/analytics/dashboard/",
            "/api/analytics/daily-sales/"
        }) {
            assertThat(as(store, "cashier").get(path).text("/code")).as(path).isEqualTo("permission_denied");
            assertThat(as(store, "stockkeeper").get(path).text("/code"))
                    .as(path)
                    .isEqualTo("permission_denied");
            assertThat(as(store, "manager").get(path).status()).as(path).isEqualTo(200);
            assertThat(as(TestStores.newKey("oth"), "owner").in(store).get(path).text("/code"))
                    .as(path)
                    .isEqualTo("not_a_member");
            assertThat(new Api("http://localhost:" + port).in(store).get(path).status())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(as(store, "stockkeeper")
                        .get("/api/analytics/inventory-snapshots/")
                        .status())
                .isEqualTo(200);
        assertThat(as(store, "cashier")
                        .get("/api/analytics/inventory-snapshots/")
                        .text("/code"))
                .isEqualTo("permission_denied");
    }
}
