package dev.kassa.analytics;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cost of goods sold and gross profit (issue 63 point 7) from sales' and catalog's events as they really look: a sale's
 * discount shared over its lines, a refund taking back its sale's share at the cost of what it returned (also when it
 * arrives before its sale), per day, product, category and cashier, adding up to the day.
 */
@KassaIntegrationTest
class GrossProfitTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    record Line(long product, String quantity, String total, String cost) {}

    void sale(String store, String id, long cashier, String discount, String total, Line... lines) throws Exception {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> {
                    e.set("/sale_id", id)
                            .set("/receipt_number", "MAIN-" + id)
                            .set("/cashier_id", cashier)
                            .set("/completed_at", Instant.now().toString())
                            .set("/business_date", today().toString())
                            .set("/customer_id", null)
                            .set("/discount", discount)
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
                                .set("/lines/" + i + "/product_name", "Товар " + l.product())
                                .set("/lines/" + i + "/quantity", l.quantity())
                                .set("/lines/" + i + "/unit_price", l.total())
                                .set("/lines/" + i + "/discount", "0.00")
                                .set("/lines/" + i + "/line_total", l.total())
                                .set("/lines/" + i + "/unit_cost", l.cost());
                    }
                }))
                .get();
    }

    void refund(String store, String sale, String refund, long product, String quantity, String amount)
            throws Exception {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleRefunded").message(store, e -> e.set("/sale_id", sale)
                        .set("/refund_id", refund)
                        .set("/receipt_number", "MAIN-" + sale)
                        .set("/customer_id", null)
                        .set("/business_date", today().toString())
                        .set("/amount", amount)
                        .set("/method", "card")
                        .set("/lines/0/product_id", product)
                        .set("/lines/0/quantity", quantity)
                        .set("/lines/0/amount", amount)))
                .get();
    }

    void product(String store, long id, Long category, String categoryName) throws Exception {
        kafka.send(Topics.CATALOG, store, EventSamples.of("ProductCreated").message(store, e -> e.set("/product_id", id)
                        .set("/name", "Товар " + id)
                        .set("/sku", "SKU-" + id)
                        .set("/barcode", null)
                        .set("/category_id", category)
                        .set("/category_name", categoryName)))
                .get();
    }

    void cashier(String store, long userId, String name) throws Exception {
        kafka.send(Topics.AUTH, store, EventSamples.of("EmployeeCreated").message(store, e -> e.set(
                                "/tenant_key", store)
                        .set("/employee_id", userId + 1000)
                        .set("/user_id", userId)
                        .set("/full_name", name)))
                .get();
    }

    @Test
    void grossProfitPerDayProductCategoryAndCashierAddsUpAfterDiscountsAndRefunds() throws Exception {
        String store = TestStores.newKey("gp");
        Api owner = Api.member(port, store, 3, "owner", "owner");
        product(store, 701, 5L, "Напитки");
        product(store, 702, 6L, "Снеки");
        product(store, 703, null, null);
        cashier(store, 41, "Дилноза Каримова");
        cashier(store, 42, "Бахтиёр Умаров");
        // 25 000 of goods for 22 500 (a sale discount of 2 500): the drinks were paid 18 000, the snack 4 500
        sale(
                store,
                "1",
                41,
                "2500.00",
                "22500.00",
                new Line(701, "2.000", "20000.00", "6000.00"),
                new Line(702, "1.000", "5000.00", "2000.00"));
        sale(store, "2", 42, "0.00", "3000.00", new Line(703, "1.000", "3000.00", "1000.00"));
        // one of the two drinks comes back for what was paid for it: its batch's cost comes back with it
        refund(store, "1", "1", 701, "1.000", "9000.00");
        // a refund that arrives before its sale: it gets the sale's cost and cashier when the sale comes
        refund(store, "3", "2", 702, "1.000", "5000.00");
        sale(store, "3", 42, "0.00", "5000.00", new Line(702, "1.000", "5000.00", "2000.00"));

        String period = "/api/analytics/gross-profit/?start_date=" + today() + "&end_date=" + today();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response day = owner.get(period);
            assertThat(day.status()).isEqualTo(200);
            // net sales 22 500 + 3 000 − 9 000 + 5 000 − 5 000; cost 14 000 + 1 000 − 6 000 + 2 000 − 2 000
            assertThat(day.text("/totals/revenue")).isEqualTo("16500.00");
            assertThat(day.text("/totals/cost")).isEqualTo("9000.00");
            assertThat(day.text("/totals/gross_profit")).isEqualTo("7500.00");
            assertThat(day.text("/totals/gross_margin")).isEqualTo("45.45");
            assertThat(day.text("/group_by")).isEqualTo("day");
            assertThat(day.text("/results/0/date")).isEqualTo(today().toString());
            assertThat(day.text("/results/0/gross_profit")).isEqualTo("7500.00");
        });
        Api.Response today = owner.get("/api/analytics/daily-sales/today/");
        assertThat(today.text("/total_cost")).isEqualTo("9000.00");
        assertThat(today.text("/gross_profit")).isEqualTo("7500.00");
        assertThat(today.text("/gross_margin")).isEqualTo("45.45");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response products = owner.get(period + "&group_by=product");
            assertThat(products.at("/count").asInt()).isEqualTo(3);
            // the drinks: 18 000 − 9 000 paid, 12 000 − 6 000 cost; the snack: its share of the discount taken off
            assertThat(products.text("/results/0/id")).isEqualTo("701");
            assertThat(products.text("/results/0/sku")).isEqualTo("SKU-701");
            assertThat(products.text("/results/0/revenue")).isEqualTo("9000.00");
            assertThat(products.text("/results/0/cost")).isEqualTo("6000.00");
            assertThat(products.text("/results/0/gross_profit")).isEqualTo("3000.00");
            assertThat(products.text("/results/0/quantity")).isEqualTo("1.000");
            assertThat(products.text("/results/1/id")).isEqualTo("702");
            assertThat(products.text("/results/1/revenue")).isEqualTo("4500.00");
            assertThat(products.text("/results/1/gross_profit")).isEqualTo("2500.00");
            assertThat(products.text("/results/2/gross_profit")).isEqualTo("2000.00");

            Api.Response categories = owner.get(period + "&group_by=category");
            assertThat(categories.text("/results/0/name")).isEqualTo("Напитки");
            assertThat(categories.text("/results/0/gross_profit")).isEqualTo("3000.00");
            assertThat(categories.text("/results/1/name")).isEqualTo("Снеки");
            assertThat(categories.at("/results/2/id").isNull()).isTrue();
            assertThat(categories.text("/results/2/name")).isEqualTo("Без категории");
            assertThat(categories.text("/results/2/gross_margin")).isEqualTo("66.67");

            Api.Response cashiers = owner.get(period + "&group_by=cashier");
            assertThat(cashiers.text("/results/0/id")).isEqualTo("41");
            assertThat(cashiers.text("/results/0/name")).isEqualTo("Дилноза Каримова");
            assertThat(cashiers.text("/results/0/revenue")).isEqualTo("13500.00");
            assertThat(cashiers.text("/results/0/cost")).isEqualTo("8000.00");
            assertThat(cashiers.text("/results/0/sales_count")).isEqualTo("1");
            assertThat(cashiers.text("/results/1/name")).isEqualTo("Бахтиёр Умаров");
            assertThat(cashiers.text("/results/1/revenue")).isEqualTo("3000.00");
            assertThat(cashiers.text("/results/1/gross_profit")).isEqualTo("2000.00");
            assertThat(cashiers.text("/results/1/sales_count")).isEqualTo("2");
        });
        assertThat(owner.get(period + "&group_by=product&limit=1")
                        .at("/results")
                        .size())
                .isEqualTo(1);
        assertThat(owner.get(period + "&group_by=product&limit=1").at("/count").asInt())
                .as("the groups in all")
                .isEqualTo(3);

        // the same as a file, in the owner's language or in English
        Api.Response file = owner.get("/api/analytics/gross-profit/export/?format=csv&group_by=category&start_date="
                + today() + "&end_date=" + today());
        assertThat(file.status()).isEqualTo(200);
        List<List<String>> rows = ExportedFiles.csv(file.bytes(), ';');
        assertThat(rows.get(0))
                .containsExactly("Категория", "Продано", "Выручка", "Себестоимость", "Валовая прибыль", "Маржа, %");
        assertThat(rows.get(3).get(0)).isEqualTo("Без категории");
        Api.Response english = owner.english()
                .get("/api/analytics/gross-profit/export/?format=xlsx&group_by=cashier&start_date=" + today()
                        + "&end_date=" + today());
        List<Row> sheet = ExportedFiles.xlsx(english.bytes());
        assertThat(sheet.get(0).getCellText(0)).isEqualTo("Cashier");
        assertThat(sheet.get(0).getCellText(5)).isEqualTo("Gross profit");
        assertThat(sheet.get(1).getCellText(0)).isEqualTo("Дилноза Каримова");
        assertThat(sheet.get(1).getCellText(5)).isEqualTo("5500.00");

        // a rebuild from the facts gives the same figures
        assertThat(owner.post(
                                "/api/analytics/rebuild/",
                                Api.json("start_date", today().toString(), "end_date", today().toString()))
                        .status())
                .isEqualTo(200);
        Api.Response rebuilt = owner.get(period + "&group_by=cashier");
        assertThat(rebuilt.text("/results/0/gross_profit")).isEqualTo("5500.00");
        assertThat(rebuilt.text("/totals/gross_profit")).isEqualTo("7500.00");
    }
}
