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
 * Sales by modifier (issue 65 point 2) from sales' events as they look: lattes sold with oat milk and an extra shot, each
 * option counted with the units sold with it and what it added, each sale once however often it arrives.
 */
@KassaIntegrationTest
class ModifierReportTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    /** A latte sale of {@code quantity} with the options given as id, name, price, id, name, price… */
    void sale(String store, String id, int quantity, Object... options) throws Exception {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> {
                    String price = String.valueOf(25000 + 5000 * (options.length / 3)) + ".00";
                    String total = String.valueOf(Integer.parseInt(price.replace(".00", "")) * quantity) + ".00";
                    e.set("/sale_id", id)
                            .set("/receipt_number", "MAIN-" + id)
                            .set("/completed_at", Instant.now().toString())
                            .set("/business_date", today().toString())
                            .set("/customer_id", null)
                            .set("/discount", "0.00")
                            .set("/tax", "0.00")
                            .set("/total", total)
                            .set("/lines/0/product_id", 901)
                            .set("/lines/0/product_name", "Латте")
                            .set("/lines/0/quantity", quantity + ".000")
                            .set("/lines/0/unit_price", price)
                            .set("/lines/0/discount", "0.00")
                            .set("/lines/0/line_total", total)
                            .set("/payments/0/method", "card")
                            .set("/payments/0/amount", total)
                            .set("/payments/0/received", null)
                            .set("/payments/0/change", null);
                    for (int i = 0; i < options.length / 3; i++) {
                        if (i > 0) {
                            e.addElement("/lines/0/modifiers");
                        }
                        String at = "/lines/0/modifiers/" + i;
                        e.set(at + "/option_id", options[3 * i])
                                .set(at + "/group", "Молоко и шоты")
                                .set(at + "/name", options[3 * i + 1])
                                .set(at + "/price", options[3 * i + 2]);
                    }
                }))
                .get();
    }

    @Test
    void eachOptionShowsTheUnitsSoldWithItAndWhatItAdded() throws Exception {
        String store = TestStores.newKey("mdr");
        Api owner = Api.member(port, store, 3, "owner", "owner");
        sale(store, "1", 2, 501, "Овсяное", "5000.00", 502, "Шот", "3000.00");
        sale(store, "2", 1, 501, "Овсяное", "5000.00");
        sale(store, "1", 2, 501, "Овсяное", "5000.00", 502, "Шот", "3000.00"); // delivered again

        String period = "/api/analytics/modifiers/?start_date=" + today() + "&end_date=" + today();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response report = owner.get(period);
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            assertThat(report.at("/results").findValuesAsText("name")).containsExactly("Овсяное", "Шот");
            assertThat(report.text("/results/0/sales_count")).isEqualTo("2");
            assertThat(report.text("/results/0/quantity")).isEqualTo("3.000");
            assertThat(report.text("/results/0/amount")).isEqualTo("15000.00");
            assertThat(report.text("/results/1/quantity")).isEqualTo("2.000");
            assertThat(report.text("/results/1/amount")).isEqualTo("6000.00");
            assertThat(report.text("/results/1/group")).isEqualTo("Молоко и шоты");
            assertThat(report.text("/amount")).isEqualTo("21000.00");
        });

        Api.Response file = owner.english()
                .get("/api/analytics/modifiers/export/?format=csv&start_date=" + today() + "&end_date=" + today());
        assertThat(file.status()).isEqualTo(200);
        List<List<String>> rows = ExportedFiles.csv(file.bytes(), ',');
        assertThat(rows.get(0))
                .containsExactly("Option id", "Group", "Modifier", "Sales", "Units sold with it", "Added to sales");
        assertThat(rows.get(1)).containsExactly("501", "Молоко и шоты", "Овсяное", "2", "3.000", "15000.00");

        // one latte of the first sale given back (the refund delivered twice): its options come off, its sale still
        // counts
        for (int delivery = 0; delivery < 2; delivery++) {
            kafka.send(Topics.SALES, store, EventSamples.of("SaleRefunded").message(store, e -> {
                        e.set("/sale_id", "1")
                                .set("/refund_id", "1")
                                .set("/receipt_number", "MAIN-1")
                                .set("/customer_id", null)
                                .set("/business_date", today().toString())
                                .set("/amount", "33000.00")
                                .set("/method", "card")
                                .set("/lines/0/product_id", 901)
                                .set("/lines/0/quantity", "1.000")
                                .set("/lines/0/amount", "33000.00")
                                .set("/lines/0/modifiers/0/option_id", 501)
                                .set("/lines/0/modifiers/0/group", "Молоко и шоты")
                                .set("/lines/0/modifiers/0/name", "Овсяное")
                                .set("/lines/0/modifiers/0/price", "5000.00")
                                .addElement("/lines/0/modifiers");
                        e.set("/lines/0/modifiers/1/option_id", 502)
                                .set("/lines/0/modifiers/1/group", "Молоко и шоты")
                                .set("/lines/0/modifiers/1/name", "Шот")
                                .set("/lines/0/modifiers/1/price", "3000.00");
                    }))
                    .get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response report = owner.get(period);
            assertThat(report.text("/results/0/name")).isEqualTo("Овсяное");
            assertThat(report.text("/results/0/sales_count")).isEqualTo("2");
            assertThat(report.text("/results/0/quantity")).isEqualTo("2.000");
            assertThat(report.text("/results/0/amount")).isEqualTo("10000.00");
            assertThat(report.text("/results/1/quantity")).isEqualTo("1.000");
            assertThat(report.text("/results/1/amount")).isEqualTo("3000.00");
            assertThat(report.text("/amount")).isEqualTo("13000.00");
        });

        assertThat(owner.get("/api/analytics/modifiers/?end_date=someday")
                        .at("/errors/end_date")
                        .isArray())
                .isTrue();
        assertThat(Api.member(port, store, 5, "cashier", "cashier").get(period).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port).in(store).get(period).status())
                .isEqualTo(401);
        String other = TestStores.newKey("mdq");
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
