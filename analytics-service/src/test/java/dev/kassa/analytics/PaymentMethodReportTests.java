package dev.kassa.analytics;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sales by payment method (issue 65 point 7) from sales' events as they look: a sale split between the store's own method
 * (Click) and cash, a card sale, a refund paid back by Click, each sale counted once however often it arrives.
 */
@KassaIntegrationTest
class PaymentMethodReportTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    void sale(String store, String id, String total, String... methodAndAmount) throws Exception {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> {
                    e.set("/sale_id", id)
                            .set("/receipt_number", "MAIN-" + id)
                            .set("/completed_at", Instant.now().toString())
                            .set("/business_date", today().toString())
                            .set("/customer_id", null)
                            .set("/discount", "0.00")
                            .set("/tax", "0.00")
                            .set("/total", total)
                            .set("/lines/0/product_id", 801)
                            .set("/lines/0/quantity", "1.000")
                            .set("/lines/0/unit_price", total)
                            .set("/lines/0/discount", "0.00")
                            .set("/lines/0/line_total", total)
                            .set("/lines/0/unit_cost", "100.00");
                    for (int i = 0; i < methodAndAmount.length / 2; i++) {
                        if (i > 0) {
                            e.addElement("/payments");
                        }
                        e.set("/payments/" + i + "/method", methodAndAmount[2 * i])
                                .set("/payments/" + i + "/amount", methodAndAmount[2 * i + 1])
                                .set("/payments/" + i + "/received", null)
                                .set("/payments/" + i + "/change", null);
                    }
                }))
                .get();
    }

    @Test
    void eachMethodShowsWhatItTookAndPaidBackInThePeriod() throws Exception {
        String store = TestStores.newKey("pmr");
        Api owner = Api.member(port, store, 3, "owner", "owner");
        sale(store, "1", "15000.00", "click", "10000.00", "cash", "5000.00");
        sale(store, "2", "8000.00", "card", "8000.00");
        sale(store, "1", "15000.00", "click", "10000.00", "cash", "5000.00"); // delivered again
        kafka.send(Topics.SALES, store, EventSamples.of("SaleRefunded").message(store, e -> e.set("/sale_id", "1")
                        .set("/refund_id", "1")
                        .set("/receipt_number", "MAIN-1")
                        .set("/customer_id", null)
                        .set("/business_date", today().toString())
                        .set("/amount", "4000.00")
                        .set("/method", "click")
                        .set("/lines/0/product_id", 801)
                        .set("/lines/0/quantity", "1.000")
                        .set("/lines/0/amount", "4000.00")))
                .get();

        String period = "/api/analytics/payment-methods/?start_date=" + today() + "&end_date=" + today();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response report = owner.get(period);
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            assertThat(report.text("/totals/sales")).isEqualTo("23000.00");
            assertThat(report.text("/totals/refunds")).isEqualTo("4000.00");
            assertThat(report.text("/totals/net")).isEqualTo("19000.00");
            assertThat(report.at("/results").findValuesAsText("payment_method"))
                    .containsExactly("card", "click", "cash");
            assertThat(report.text("/results/1/sales")).isEqualTo("10000.00");
            assertThat(report.text("/results/1/sales_count")).isEqualTo("1");
            assertThat(report.text("/results/1/refunds")).isEqualTo("4000.00");
            assertThat(report.text("/results/1/net")).isEqualTo("6000.00");
            assertThat(report.text("/results/1/name")).isEqualTo("click");
            assertThat(report.text("/results/2/name")).isEqualTo("Наличные");
        });

        // as a file, in the owner's language
        Api.Response file = owner.get(
                "/api/analytics/payment-methods/export/?format=csv&start_date=" + today() + "&end_date=" + today());
        assertThat(file.status()).isEqualTo(200);
        List<List<String>> rows = ExportedFiles.csv(file.bytes(), ';');
        assertThat(rows.get(0))
                .containsExactly("Код способа", "Способ оплаты", "Продаж", "Продажи", "Возвраты", "Итого");
        // the Russian file writes decimal commas, as Excel reads them there
        assertThat(rows.get(2)).containsExactly("click", "click", "1", "10000,00", "4000,00", "6000,00");

        // bad dates, a cashier, no token, another store's owner
        assertThat(owner.get("/api/analytics/payment-methods/?start_date=yesterday")
                        .at("/errors/start_date")
                        .isArray())
                .isTrue();
        assertThat(Api.member(port, store, 5, "cashier", "cashier").get(period).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port).in(store).get(period).status())
                .isEqualTo(401);
        String other = TestStores.newKey("pmq");
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(3, "owner", Map.of(other, "owner")))
                        .in(store)
                        .get(period)
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(Api.member(port, other, 3, "owner", "owner")
                        .get(period)
                        .at("/results")
                        .size())
                .isZero();
    }
}
