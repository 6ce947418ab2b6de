package dev.kassa.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KassaIntegrationTest
class DailySalesTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, String role) {
        return Api.member(port, store, 3, role, role);
    }

    /** A SaleCompleted exactly as sales emits it (its golden sample), with this test's sale. */
    String saleCompleted(String store, String saleId, LocalDate date, String total, List<Line> lines, String method) {
        EventSamples.Sample sample = EventSamples.of("SaleCompleted");
        sample.assertConsumedBy("analytics-service");
        return sample.message(store, e -> {
            e.set("/sale_id", saleId)
                    .set("/receipt_number", "MAIN-" + saleId)
                    .set("/completed_at", Instant.now().toString())
                    .set("/business_date", date.toString())
                    .set("/discount", "0.00")
                    .set("/tax", "0.00")
                    .set("/total", total)
                    .set("/payments/0/method", method)
                    .set("/payments/0/amount", total);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    e.addElement("/lines");
                }
                e.set("/lines/" + i + "/product_id", lines.get(i).product())
                        .set("/lines/" + i + "/quantity", lines.get(i).quantity())
                        .set("/lines/" + i + "/line_total", lines.get(i).total())
                        .set("/lines/" + i + "/unit_cost", "1.00");
            }
        });
    }

    record Line(long product, String quantity, String total) {}

    static Line line(long product, String qty, String total) {
        return new Line(product, qty, total);
    }

    @Test
    void theDailyReportAndTheProductsOfAPeriodLeaveAsFilesForOwnersAndManagers() throws Exception {
        String store = TestStores.newKey("anx");
        Api owner = as(store, "owner");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(
                                store,
                                "1",
                                today,
                                "150000.00",
                                List.of(line(18, "2.000", "100000.00"), line(19, "1.000", "50000.00")),
                                "cash"))
                .get();
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(
                                store,
                                "2",
                                today.minusDays(2),
                                "30000.00",
                                List.of(line(19, "1.000", "30000.00")),
                                "card"))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/analytics/daily-sales/").at("/count").asInt())
                .isEqualTo(2));

        String period = "?start_date=" + today.minusDays(2) + "&end_date=" + today;
        Api.Response daily = owner.get("/api/analytics/daily-sales/export" + period);
        assertThat(daily.status()).as(daily.toString()).isEqualTo(200);
        assertThat(daily.header("Content-Disposition"))
                .contains("daily-sales-")
                .contains(today.minusDays(2) + "_" + today + ".csv");
        List<List<String>> days = ExportedFiles.csv(daily.bytes(), ';');
        assertThat(days.get(0)).startsWith("Дата", "Продаж", "Выручка", "Наличными", "Картой");
        assertThat(days)
                .as("every day of the period, the one without sales too")
                .hasSize(4);
        assertThat(days.get(1)).startsWith(today.minusDays(2).toString(), "1", "30000,00", "0,00", "30000,00");
        assertThat(days.get(2)).startsWith(today.minusDays(1).toString(), "0", "0,00");
        assertThat(days.get(3)).startsWith(today.toString(), "1", "150000,00", "150000,00");

        Api.Response products = owner.english().get("/api/analytics/product-performance/export" + period);
        assertThat(products.status()).as(products.toString()).isEqualTo(200);
        List<List<String>> rows = ExportedFiles.csv(products.bytes(), ',');
        assertThat(rows.get(0))
                .containsExactly("SKU", "Name", "Quantity sold", "Revenue", "Profit", "Margin, %", "Sales");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(2))
                .as("best revenue first: product 18, then 19")
                .isEqualTo("2.000");
        assertThat(rows.get(1).get(3)).isEqualTo("100000.00");
        assertThat(rows.get(1).get(4)).as("at the batches' cost of 1.00 a unit").isEqualTo("99998.00");
        assertThat(rows.get(2).get(3)).isEqualTo("80000.00");

        Api.Response xlsx = as(store, "manager").get("/api/analytics/daily-sales/export" + period + "&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(ExportedFiles.xlsx(xlsx.bytes())).hasSize(4);

        assertThat(as(store, "cashier").get("/api/analytics/daily-sales/export").status())
                .isEqualTo(403);
        assertThat(as(store, "stockkeeper")
                        .get("/api/analytics/product-performance/export")
                        .status())
                .isEqualTo(403);
        assertThat(owner.get("/api/analytics/daily-sales/export?start_date=yesterday")
                        .at("/errors/start_date")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/product-performance/export?format=pdf")
                        .at("/errors/format")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/daily-sales/export?start_date=2020-01-01&end_date=2026-01-01")
                        .status())
                .as("at most 366 days")
                .isEqualTo(400);
    }

    @Test
    void completedSalesAddUpOncePerSaleInTheStoresLocalDay() throws Exception {
        String store = TestStores.newKey("ana");
        Api manager = as(store, "manager");
        Api.Response empty = manager.get("/api/analytics/daily-sales/today/");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        assertThat(empty.text("/total_sales")).isEqualTo("0.00");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        assertThat(empty.text("/date")).isEqualTo(today.toString());

        String first = saleCompleted(
                store,
                "1",
                today,
                "150000.00",
                List.of(line(18, "1.000", "75000.00"), line(19, "1.000", "50000.00"), line(20, "2.500", "25000.00")),
                "cash");
        kafka.send(Topics.SALES, store, first).get();
        kafka.send(Topics.SALES, store, first).get();
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(store, "2", today, "50000.00", List.of(line(18, "1.000", "50000.00")), "card"))
                .get();
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(
                                store, "3", today.minusDays(1), "999.00", List.of(line(18, "1.000", "999.00")), "cash"))
                .get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response r = manager.get("/api/analytics/daily-sales/today/");
            assertThat(r.text("/total_sales_count")).isEqualTo("2");
            assertThat(r.text("/total_sales")).isEqualTo("200000.00");
        });
        // sales reports are for owners and managers (issue 10); a stockkeeper sees stock analytics only
        assertThat(as(store, "stockkeeper")
                        .get("/api/analytics/daily-sales/today")
                        .text("/code"))
                .isEqualTo("permission_denied");
        Api.Response r = manager.get("/api/analytics/daily-sales/today");
        assertThat(r.text("/avg_sale_amount")).isEqualTo("100000.00");
        assertThat(r.text("/cash_sales")).isEqualTo("150000.00");
        assertThat(r.text("/card_sales")).isEqualTo("50000.00");
        assertThat(r.text("/total_items_sold")).isEqualTo("5.500");
        assertThat(r.text("/unique_products_sold")).isEqualTo("3");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        manager.get("/api/analytics/daily-sales/").at("/count").asInt())
                .isEqualTo(2));

        // a cash refund of 50000 today: net sales drop, the sales count stays, the refund is shown
        EventSamples.Sample refunded = EventSamples.of("SaleRefunded");
        refunded.assertConsumedBy("analytics-service");
        String refund = refunded.message(store, e -> e.set("/sale_id", "1")
                .set("/refund_id", "1")
                .set("/receipt_number", "MAIN-1")
                .set("/business_date", today.toString())
                .set("/amount", "50000.00")
                .set("/method", "cash")
                .set("/lines/0/product_id", 18)
                .set("/lines/0/quantity", "1.000")
                .set("/lines/0/amount", "50000.00"));
        kafka.send(Topics.SALES, store, refund).get();
        kafka.send(Topics.SALES, store, refund).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response net = manager.get("/api/analytics/daily-sales/today/");
            assertThat(net.text("/total_sales")).isEqualTo("150000.00");
            assertThat(net.text("/total_refunds")).isEqualTo("50000.00");
            assertThat(net.text("/refunds_count")).isEqualTo("1");
            assertThat(net.text("/total_sales_count")).isEqualTo("2");
            assertThat(net.text("/cash_sales")).isEqualTo("100000.00");
        });
        assertTheDayIsWhatARebuildMakesOfIt(store);
    }

    /** The day's report, added up fact by fact as the events came, is the one an owner's rebuild makes of all its facts at once. */
    void assertTheDayIsWhatARebuildMakesOfIt(String store) {
        Api owner = as(store, "owner");
        Api.Response added = owner.get("/api/analytics/daily-sales/today/");
        Api.Response rebuild = owner.post("/api/analytics/rebuild/", json("date", added.text("/date")));
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(200);
        Api.Response rebuilt = owner.get("/api/analytics/daily-sales/today/");
        for (String field : List.of(
                "total_sales",
                "total_sales_count",
                "avg_sale_amount",
                "cash_sales",
                "card_sales",
                "total_discount",
                "total_tax",
                "total_items_sold",
                "unique_products_sold",
                "unique_customers",
                "total_refunds",
                "refunds_count",
                "credit_sales")) {
            assertThat(rebuilt.text("/" + field)).as(field).isEqualTo(added.text("/" + field));
        }
    }

    @Test
    void aBurstOfSalesSharingProductsAndBuyersIsAddedUpAsARebuildWouldMakeIt() throws Exception {
        // sent without waiting, so a poll carries several of them: they are added to the day in one statement, and a
        // product or buyer several of them share is still the day's first once
        String store = TestStores.newKey("ana");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String sale = saleCompleted(
                    store,
                    String.valueOf(i),
                    today,
                    "30.00",
                    List.of(line(10 + i % 3, "1.000", "10.00"), line(3, "2.000", "20.00")),
                    i % 2 == 0 ? "card" : "cash");
            sent.add(kafka.send(Topics.SALES, store, i % 4 == 0 ? sale : withCustomer(sale, 40 + i % 3)));
        }
        for (var f : sent) {
            f.get();
        }
        Api owner = as(store, "owner");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response day = owner.get("/api/analytics/daily-sales/today/");
            assertThat(day.text("/total_sales_count")).isEqualTo("8");
            assertThat(day.text("/total_sales")).isEqualTo("240.00");
            assertThat(day.text("/unique_products_sold")).isEqualTo("4");
            // buyers 40, 41 and 42, and the sample's own buyer (18) on the sales that name none
            assertThat(day.text("/unique_customers")).isEqualTo("4");
        });
        Api.Response top = owner.get("/api/analytics/product-performance/?ordering=-quantity_sold");
        assertThat(top.text("/results/0/product")).isEqualTo("3");
        assertThat(top.text("/results/0/quantity_sold")).isEqualTo("16.000");
        assertThat(top.text("/results/0/sales_count")).isEqualTo("8");
        assertTheDayIsWhatARebuildMakesOfIt(store);
    }

    @Test
    void theDayCountsItsShiftsAndTheCustomersWhoBoughtForTheFirstTime() throws Exception {
        String store = TestStores.newKey("ana");
        Api owner = as(store, "owner");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        EventSamples.Sample opened = EventSamples.of("SessionOpened");
        EventSamples.Sample closed = EventSamples.of("SessionClosed");
        closed.assertConsumedBy("analytics-service");
        // two shifts today, one of them closed by now; a shift and nothing sold is still a day with shifts
        kafka.send(Topics.SALES, store, opened.message(store, e -> e.set("/session_id", 1)
                        .set("/business_date", today.toString())))
                .get();
        kafka.send(Topics.SALES, store, opened.message(store, e -> e.set("/session_id", 2)
                        .set("/business_date", today.toString())))
                .get();
        kafka.send(Topics.SALES, store, closed.message(store, e -> e.set("/session_id", 1)
                        .set("/business_date", today.toString())))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response day = owner.get("/api/analytics/daily-sales/today/");
            assertThat(day.text("/sessions_opened")).isEqualTo("2");
            assertThat(day.text("/sessions_closed")).isEqualTo("1");
            assertThat(day.text("/total_sales_count")).isEqualTo("0");
        });

        // customer 7 bought yesterday and today, customer 8 for the first time today (twice): one new customer today
        kafka.send(
                        Topics.SALES,
                        store,
                        withCustomer(
                                saleCompleted(
                                        store,
                                        "1",
                                        today.minusDays(1),
                                        "10.00",
                                        List.of(line(1, "1.000", "10.00")),
                                        "cash"),
                                7))
                .get();
        kafka.send(
                        Topics.SALES,
                        store,
                        withCustomer(
                                saleCompleted(store, "2", today, "10.00", List.of(line(1, "1.000", "10.00")), "cash"),
                                7))
                .get();
        kafka.send(
                        Topics.SALES,
                        store,
                        withCustomer(
                                saleCompleted(store, "3", today, "10.00", List.of(line(1, "1.000", "10.00")), "cash"),
                                8))
                .get();
        kafka.send(
                        Topics.SALES,
                        store,
                        withCustomer(
                                saleCompleted(store, "4", today, "10.00", List.of(line(1, "1.000", "10.00")), "cash"),
                                8))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response day = owner.get("/api/analytics/daily-sales/today/");
            assertThat(day.text("/total_sales_count")).isEqualTo("3");
            assertThat(day.text("/unique_customers")).isEqualTo("2");
            assertThat(day.text("/new_customers")).isEqualTo("1");
            assertThat(day.text("/sessions_opened")).isEqualTo("2");
        });
        Api.Response list = owner.get("/api/analytics/daily-sales/?ordering=date");
        assertThat(list.text("/results/0/new_customers"))
                .as("yesterday customer 7 was new")
                .isEqualTo("1");
        assertThat(list.text("/results/0/sessions_opened")).isEqualTo("0");
        assertThat(list.text("/results/1/sessions_closed")).isEqualTo("1");
        // a period's days carry the same figures (read in one pass for the whole period)
        Api.Response period =
                owner.get("/api/analytics/daily-sales/period/?start_date=" + today.minusDays(1) + "&end_date=" + today);
        assertThat(period.text("/daily_reports/0/new_customers")).isEqualTo("1");
        assertThat(period.text("/daily_reports/1/new_customers")).isEqualTo("1");
        assertThat(period.text("/daily_reports/1/sessions_opened")).isEqualTo("2");
        assertThat(period.text("/daily_reports/1/sessions_closed")).isEqualTo("1");
        assertTheDayIsWhatARebuildMakesOfIt(store);
    }

    @Test
    void aBadEventAmongAPollsSalesIsParkedAndEveryOtherSaleOfEveryStoreIsCounted() throws Exception {
        String store = TestStores.newKey("ana");
        String other = TestStores.newKey("ana");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        double parkedBefore = parked();
        // sent together, so that they tend to arrive in one poll: the bad one sits between two good sales of its store
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            sent.add(kafka.send(
                    Topics.SALES,
                    store,
                    saleCompleted(store, "a" + i, today, "10.00", List.of(line(5, "1.000", "10.00")), "cash")));
            if (i == 10) {
                String bad = saleCompleted(store, "bad", today, "10.00", List.of(line(5, "1.000", "10.00")), "cash")
                        .replace("\"total\":\"10.00\"", "\"total\":\"ten\"");
                assertThat(bad).contains("\"total\":\"ten\"");
                sent.add(kafka.send(Topics.SALES, store, bad));
            }
            sent.add(kafka.send(
                    Topics.SALES,
                    other,
                    saleCompleted(other, "b" + i, today, "5.00", List.of(line(6, "2.000", "5.00")), "card")));
        }
        for (CompletableFuture<?> f : sent) {
            f.get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response mine = as(store, "owner").get("/api/analytics/daily-sales/today/");
            assertThat(mine.text("/total_sales_count")).isEqualTo("20");
            assertThat(mine.text("/total_sales")).isEqualTo("200.00");
            Api.Response theirs = as(other, "owner").get("/api/analytics/daily-sales/today/");
            assertThat(theirs.text("/total_sales_count")).isEqualTo("20");
            assertThat(theirs.text("/total_items_sold")).isEqualTo("40.000");
            assertThat(parked())
                    .as("the bad event is on the dead-letter topic, once for the reports' consumer")
                    .isEqualTo(parkedBefore + 1);
        });
        Api.Response top = as(store, "owner").get("/api/analytics/product-performance/?product=5");
        assertThat(top.text("/results/0/quantity_sold")).isEqualTo("20.000");
    }

    @Autowired
    MeterRegistry meters;

    double parked() {
        Counter counter = meters.find("kassa.events.dead.lettered")
                .tag("topic", Topics.SALES)
                .tag("group", "analytics-service")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    String withCustomer(String message, long customer) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode envelope = (ObjectNode) json.readTree(message);
        ((ObjectNode) envelope.get("payload")).put("customer_id", customer);
        return json.writeValueAsString(envelope);
    }

    @Test
    void creditSalesAreShownApartAndACreditRefundTakesThemBack() throws Exception {
        String store = TestStores.newKey("ana");
        Api manager = as(store, "manager");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(store, "1", today, "40000.00", List.of(line(18, "1.000", "40000.00")), "credit"))
                .get();
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(store, "2", today, "10000.00", List.of(line(18, "1.000", "10000.00")), "cash"))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response r = manager.get("/api/analytics/daily-sales/today/");
            assertThat(r.text("/total_sales")).isEqualTo("50000.00");
            assertThat(r.text("/credit_sales")).isEqualTo("40000.00");
            assertThat(r.text("/cash_sales")).isEqualTo("10000.00");
        });
        String refund = EventSamples.of("SaleRefunded").message(store, e -> e.set("/sale_id", "1")
                .set("/refund_id", "1")
                .set("/receipt_number", "MAIN-1")
                .set("/business_date", today.toString())
                .set("/amount", "15000.00")
                .set("/credit_amount", "15000.00")
                .set("/method", "credit")
                .set("/lines/0/product_id", 18)
                .set("/lines/0/quantity", "1.000")
                .set("/lines/0/amount", "15000.00"));
        kafka.send(Topics.SALES, store, refund).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response r = manager.get("/api/analytics/daily-sales/today/");
            assertThat(r.text("/total_sales")).isEqualTo("35000.00");
            assertThat(r.text("/credit_sales")).isEqualTo("25000.00");
            assertThat(r.text("/cash_sales")).isEqualTo("10000.00");
        });
        assertThat(manager.get("/api/analytics/daily-sales/period/?start_date=" + today + "&end_date=" + today)
                        .text("/daily_reports/0/credit_sales"))
                .isEqualTo("25000.00");
        assertTheDayIsWhatARebuildMakesOfIt(store);
    }

    @Test
    void periodAndTrendsAddUpTheDays() throws Exception {
        String store = TestStores.newKey("ana");
        Api manager = as(store, "manager");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(store, "1", today, "100.00", List.of(line(1, "1.000", "100.00")), "cash"))
                .get();
        kafka.send(
                        Topics.SALES,
                        store,
                        saleCompleted(
                                store, "2", today.minusDays(2), "50.00", List.of(line(1, "1.000", "50.00")), "card"))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        manager.get("/api/analytics/daily-sales/").at("/count").asInt())
                .isEqualTo(2));
        // erp-v2-api.md 4.1, with this store's dates
        Api.Response period = manager.get(
                "/api/analytics/daily-sales/period/?start_date=" + today.minusDays(6) + "&end_date=" + today);
        assertThat(period.status()).as(period.toString()).isEqualTo(200);
        assertThat(period.text("/period/days")).isEqualTo("7");
        assertThat(period.text("/totals/total_sales")).isEqualTo("150.00");
        assertThat(period.text("/totals/total_count")).isEqualTo("2");
        assertThat(period.text("/totals/avg_sale")).isEqualTo("75.00");
        assertThat(period.at("/daily_reports").size()).isEqualTo(2);
        Api.Response trends = manager.get("/api/analytics/daily-sales/trends/?days=3");
        assertThat(trends.at("/trends").size()).isEqualTo(3);
        assertThat(trends.text("/trends/0/total_sales")).isEqualTo("50.00");
        assertThat(trends.text("/trends/1/total_sales")).isEqualTo("0.00");
        assertThat(trends.text("/trends/2/total_sales")).isEqualTo("100.00");
        assertThat(manager.get("/api/analytics/daily-sales/trends/")
                        .at("/trends")
                        .size())
                .isEqualTo(30);
        assertThat(manager.get("/api/analytics/daily-sales/period/?start_date=2025-13-01&end_date=2025-01-31")
                        .at("/errors/start_date")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/analytics/daily-sales/period/?start_date=2025-02-01&end_date=2025-01-31")
                        .at("/errors/end_date")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/analytics/daily-sales/period/").status()).isEqualTo(400);
        assertThat(manager.get("/api/analytics/daily-sales/trends/?days=abc").status())
                .isEqualTo(400);
        assertThat(as(store, "cashier")
                        .get("/api/analytics/daily-sales/trends/")
                        .text("/code"))
                .isEqualTo("permission_denied");
    }
}
