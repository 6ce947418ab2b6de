package dev.kassa.analytics;

import dev.kassa.analytics.housekeeping.AnalyticsJobs;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding reports from the facts, and the daily close: stock carried into the new day, old rows removed. */
@KassaIntegrationTest
class HousekeepingTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantProvisioner tenants;

    @Autowired
    AnalyticsJobs jobs;

    Api as(String store, String role) {
        return Api.member(port, store, 3, role, role);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    @Test
    void anOwnerRebuildsADaysReportsFromTheFacts() throws Exception {
        String store = TestStores.newKey("reb");
        Api owner = as(store, "owner");
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", "1")
                        .set("/completed_at", Instant.now().toString())
                        .set("/business_date", today().toString())
                        .set("/total", "24000.00")))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/analytics/daily-sales/today/").text("/total_sales"))
                .isEqualTo("24000.00"));
        String schema = TestStores.schema(store);
        jdbc.update("delete from " + schema + ".daily_sales");
        jdbc.update("delete from " + schema + ".product_performance");
        assertThat(owner.get("/api/analytics/daily-sales/today/").text("/total_sales"))
                .as("the reports lost")
                .isEqualTo("0.00");

        Api.Response rebuilt = owner.post("/api/analytics/rebuild/", json("date", today().toString()));
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.text("/rebuilt/days")).isEqualTo("1");
        assertThat(owner.get("/api/analytics/daily-sales/today/").text("/total_sales"))
                .isEqualTo("24000.00");
        assertThat(owner.get("/api/analytics/product-performance/?date=" + today())
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(owner.post(
                                "/api/analytics/rebuild/",
                                json("start_date", today().minusDays(6).toString(), "end_date", today().toString()))
                        .text("/rebuilt/days"))
                .isEqualTo("7");

        assertThat(owner.post("/api/analytics/rebuild/", json("start_date", "2025-02-01", "end_date", "2025-01-01"))
                        .at("/errors/end_date")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/analytics/rebuild/", json())
                        .at("/errors/start_date")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/analytics/rebuild/", json("date", "tomorrow"))
                        .at("/errors/date")
                        .isArray())
                .isTrue();
        assertThat(as(store, "manager")
                        .post("/api/analytics/rebuild/", json("date", today().toString()))
                        .text("/code"))
                .isEqualTo("permission_denied");
    }

    @Test
    void closingTheDayCarriesStockIntoTheNewDayAndDropsRowsPastTheRetention() throws Exception {
        String store = TestStores.newKey("job");
        var tenant = tenants.ensureReady(store);
        String schema = TestStores.schema(store);
        LocalDate today = tenant.today();
        jdbc.update(
                "insert into " + schema
                        + ".inventory_snapshots (product_id, date, quantity_on_hand, reserved_quantity, available_quantity, "
                        + "total_cost, total_value, turnover_rate, days_of_stock, is_out_of_stock, is_low_stock, is_overstock, is_latest) "
                        + "values (701, ?, 12, 0, 12, 0, 0, 0, 0, false, false, false, true), "
                        + "(703, ?, 4, 1, 3, 0, 0, 0, 0, false, false, false, false), "
                        + "(703, ?, 5, 0, 5, 0, 0, 0, 0, false, false, false, true)",
                today.minusDays(1),
                today.minusDays(3),
                today.minusDays(2));
        jdbc.update(
                "insert into " + schema
                        + ".daily_sales (date, total_sales, total_sales_count, avg_sale_amount, cash_sales, card_sales, "
                        + "total_discount, total_tax, total_items_sold, unique_products_sold, unique_customers) values (?, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0)",
                today.minusDays(400));
        // a product's days either side of the retention's edge, and its months summed from them
        LocalDate oldest = today.minusDays(365);
        for (LocalDate day : new LocalDate[] {oldest.minusDays(1), oldest}) {
            jdbc.update(
                    "insert into " + schema
                            + ".product_performance (product_id, date, quantity_sold, total_revenue, sales_count, avg_price, "
                            + "avg_discount, total_cost, total_profit, profit_margin) values (702, ?, 1, ?, 1, 0, 0, 0, 0, 0)",
                    day,
                    day.equals(oldest) ? new BigDecimal("5.00") : new BigDecimal("700.00"));
        }
        jdbc.update("insert into " + schema
                + ".product_performance_monthly (month, product_id, quantity_sold, total_revenue, total_profit, "
                + "sales_count, days) select date_trunc('month', date)::date, product_id, sum(quantity_sold), sum(total_revenue), 0, sum(sales_count), "
                + "count(*) from " + schema + ".product_performance where product_id = 702 group by 1, 2");

        assertThat(jobs.closeDay(tenant)).isTrue();
        Api.Response latest =
                as(store, "stockkeeper").get("/api/analytics/inventory-snapshots/?product=701&date=" + today);
        assertThat(latest.at("/count").asInt()).as(latest.toString()).isEqualTo(1);
        assertThat(latest.text("/results/0/quantity_on_hand")).isEqualTo("12.000");
        assertThat(jdbc.queryForObject(
                        "select string_agg(date::text, ',') from " + schema
                                + ".inventory_snapshots where product_id = 701 and is_latest",
                        String.class))
                .as("today's row is now the stock as it stands")
                .isEqualTo(today.toString());
        assertThat(jdbc.queryForList(
                        "select product_id || ' ' || date || ' ' || quantity_on_hand || ' ' || is_latest from " + schema
                                + ".inventory_snapshots where product_id in (701, 703) order by product_id, date",
                        String.class))
                .as(
                        "every product carried in one statement, each with its own last stock and only today's row the newest")
                .containsExactly(
                        "701 " + today.minusDays(1) + " 12.000 false",
                        "701 " + today + " 12.000 true",
                        "703 " + today.minusDays(3) + " 4.000 false",
                        "703 " + today.minusDays(2) + " 5.000 false",
                        "703 " + today + " 5.000 true");
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + schema + ".daily_sales where date < ?",
                        Integer.class,
                        today.minusDays(365)))
                .as("past the retention")
                .isZero();
        assertThat(jdbc.queryForList(
                        "select total_revenue || '/' || days from " + schema
                                + ".product_performance_monthly where product_id = 702",
                        String.class))
                .as("the oldest month sums only the days it kept")
                .containsExactly("5.00/1");
        assertThat(jobs.closeDay(tenant)).as("once a day").isFalse();
    }

    @Test
    void instancesRunningTheHourlyJobTogetherCloseTheDayOnce() throws Exception {
        String store = TestStores.newKey("job");
        var tenant = tenants.ensureReady(store);
        String schema = TestStores.schema(store);
        jdbc.update(
                "insert into " + schema
                        + ".inventory_snapshots (product_id, date, quantity_on_hand, reserved_quantity, available_quantity, "
                        + "total_cost, total_value, turnover_rate, days_of_stock, is_out_of_stock, is_low_stock, is_overstock, is_latest) "
                        + "values (703, ?, 7, 0, 7, 0, 0, 0, 0, false, false, false, true)",
                tenant.today().minusDays(1));
        // every instance's cron fires at the same minute and walks the stores in the same order
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return jobs.closeDay(tenant);
            }));
        }
        start.countDown();
        int closed = 0;
        for (var instance : instances) {
            closed += instance.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(closed)
                .as("one instance closes the day, the others find it closed")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + schema + ".inventory_snapshots where product_id = 703 and date = ?",
                        Integer.class,
                        tenant.today()))
                .isEqualTo(1);
    }
}
