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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Customers by RFM from their purchases, with every segment reachable and the store's own thresholds. */
@KassaIntegrationTest
class CustomerAnalyticsTests {

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

    void customer(String store, long id, String name) throws Exception {
        EventSamples.Sample created = EventSamples.of("CustomerCreated");
        created.assertConsumedBy("analytics-service");
        kafka.send(Topics.CUSTOMER, store, created.message(store, e -> e.set("/customer_id", id)
                        .set("/full_name", name)
                        .set("/phone", "+9989011100" + id)))
                .get();
    }

    void sale(String store, String id, long customer, LocalDate date, String total) throws Exception {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", id)
                        .set("/receipt_number", "R-" + id)
                        .set("/customer_id", customer)
                        .set("/completed_at", Instant.now().toString())
                        .set("/business_date", date.toString())
                        .set("/total", total)
                        .set("/lines/0/line_total", total)
                        .set("/payments/0/amount", total)))
                .get();
    }

    @Test
    void customersAreScoredAndSegmentedAndTheOwnerTunesTheThresholds() throws Exception {
        String store = TestStores.newKey("rfm");
        Api owner = as(store, "owner");
        customer(store, 11, "Каримова Алия");
        customer(store, 12, "Юсупов Бобур");
        customer(store, 13, "Ким Вера");
        // Алия: three purchases today, 3 000 000 in all
        sale(store, "a1", 11, today(), "1000000.00");
        sale(store, "a2", 11, today(), "1000000.00");
        sale(store, "a3", 11, today(), "1000000.00");
        // Бобур: twenty purchases 75 days ago, 6 000 000: a big spender gone quiet
        for (int i = 0; i < 20; i++) {
            sale(store, "b" + i, 12, today().minusDays(75), "300000.00");
        }
        // Вера: one small purchase today
        sale(store, "c1", 13, today(), "100000.00");

        // sales and customers arrive on two topics, in either order
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(owner.get("/api/analytics/customer-analytics/?customer=12")
                            .text("/results/0/frequency"))
                    .isEqualTo("20");
            assertThat(owner.get("/api/analytics/customer-analytics/?customer=11")
                            .text("/results/0/customer_name"))
                    .isEqualTo("Каримова Алия");
            assertThat(owner.get("/api/analytics/customer-analytics/?customer=12")
                            .text("/results/0/customer_name"))
                    .isEqualTo("Юсупов Бобур");
            assertThat(owner.get("/api/analytics/customer-analytics/?customer=13")
                            .text("/results/0/frequency"))
                    .isEqualTo("1");
        });
        Api.Response alia = owner.get("/api/analytics/customer-analytics/?customer=11");
        assertThat(alia.status()).as(alia.toString()).isEqualTo(200);
        assertThat(alia.text("/results/0/segment")).isEqualTo("Promising");
        assertThat(alia.text("/results/0/customer_name")).isEqualTo("Каримова Алия");
        assertThat(alia.text("/results/0/monetary")).isEqualTo("3000000.00");
        assertThat(alia.text("/results/0/recency_days")).isEqualTo("0");
        assertThat(alia.text("/results/0/period_end")).isEqualTo(today().toString());
        Api.Response bobur = owner.get("/api/analytics/customer_analytics/?segment=Can%27t%20Lose%20Them");
        assertThat(bobur.at("/count").asInt()).isEqualTo(1);
        assertThat(bobur.at("/results/0/customer").asLong()).isEqualTo(12);
        assertThat(bobur.text("/results/0/recency_days")).isEqualTo("75");
        assertThat(owner.get("/api/analytics/customer-analytics/?customer=13").text("/results/0/segment"))
                .isEqualTo("New Customers");
        assertThat(owner.get("/api/analytics/customer-analytics/").text("/results/0/customer"))
                .as("biggest spender first")
                .isEqualTo("12");
        long row = alia.at("/results/0/id").asLong();
        assertThat(owner.get("/api/analytics/customer-analytics/" + row + "/").text("/customer_phone"))
                .isEqualTo("+998901110011");

        Api.Response segments = owner.get("/api/analytics/customer-analytics/segments/");
        assertThat(segments.status()).as(segments.toString()).isEqualTo(200);
        assertThat(segments.text("/segments/0/segment")).isEqualTo("Can't Lose Them");
        assertThat(segments.text("/segments/0/total_spent")).isEqualTo("6000000.00");
        assertThat(segments.text("/period/period_end")).isEqualTo(today().toString());
        Api.Response atRisk = as(store, "manager").get("/api/analytics/customer-analytics/at-risk/");
        assertThat(atRisk.at("/count").asInt()).isEqualTo(1);
        assertThat(atRisk.text("/customers/0/customer_name")).isEqualTo("Юсупов Бобур");

        Api.Response rfm = owner.get("/api/analytics/customer-analytics/export?segment=Can%27t%20Lose%20Them");
        assertThat(rfm.status()).as(rfm.toString()).isEqualTo(200);
        List<List<String>> rfmRows = ExportedFiles.csv(rfm.bytes(), ';');
        assertThat(rfmRows.get(0)).startsWith("Покупатель", "Телефон", "Сегмент", "RFM");
        assertThat(rfmRows).as("the list's filter").hasSize(2);
        assertThat(rfmRows.get(1)).startsWith("Юсупов Бобур");
        assertThat(rfmRows.get(1).get(2)).isEqualTo("Can't Lose Them");
        assertThat(rfmRows.get(1).get(4)).isEqualTo("75");
        assertThat(ExportedFiles.csv(
                                owner.english()
                                        .get("/api/analytics/customer-analytics/export")
                                        .bytes(),
                                ',')
                        .get(0))
                .startsWith("Customer", "Phone", "Segment");
        assertThat(owner.get("/api/analytics/customer-analytics/export?segment=VIP")
                        .status())
                .isEqualTo(400);
        assertThat(as(store, "cashier")
                        .get("/api/analytics/customer-analytics/export")
                        .status())
                .isEqualTo(403);

        // a refund of one of Алия's purchases takes it off her spend
        kafka.send(Topics.SALES, store, EventSamples.of("SaleRefunded").message(store, e -> e.set("/sale_id", "a3")
                        .set("/refund_id", "r1")
                        .set("/receipt_number", "R-a3")
                        .set("/business_date", today().toString())
                        .set("/amount", "1000000.00")
                        .set("/lines/0/amount", "1000000.00")))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(owner.get("/api/analytics/customer-analytics/?customer=11")
                                .text("/results/0/monetary"))
                        .isEqualTo("2000000.00"));

        // the owner's thresholds for a small shop: Алия becomes a Potential Loyalist
        Api.Response settings = owner.get("/api/analytics/settings/");
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(settings.at("/rfm_frequency/0").asInt()).isEqualTo(20);
        Api.Response changed = owner.put(
                "/api/analytics/settings/",
                json(
                        "rfm_frequency",
                        List.of(8, 4, 3, 2),
                        "rfm_monetary",
                        List.of("500000", "200000", "100000", "50000")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.at("/rfm_window_days").asInt()).isEqualTo(90);
        assertThat(owner.get("/api/analytics/customer-analytics/?customer=11").text("/results/0/segment"))
                .isEqualTo("Potential Loyalists");
        assertThat(owner.get("/api/analytics/settings/").at("/rfm_monetary/0").asText())
                .isEqualTo("500000");
    }

    @Test
    void badSettingsAndFiltersAreRefusedAndOnlyOwnersChangeSettings() {
        String store = TestStores.newKey("rfb");
        Api owner = as(store, "owner");
        assertThat(owner.put("/api/analytics/settings/", json("rfm_frequency", List.of(2, 5, 10, 20)))
                        .at("/errors/rfm_frequency")
                        .isArray())
                .isTrue();
        assertThat(owner.put("/api/analytics/settings/", json("rfm_recency_days", List.of(90, 60)))
                        .at("/errors/rfm_recency_days")
                        .isArray())
                .isTrue();
        assertThat(owner.put("/api/analytics/settings/", json("rfm_window_days", 3))
                        .at("/errors/rfm_window_days")
                        .isArray())
                .isTrue();
        assertThat(owner.put("/api/analytics/settings/", json("rfm_monetary", List.of("-1", "0", "0", "0")))
                        .at("/errors/rfm_monetary")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/settings/").at("/rfm_frequency/0").asInt())
                .as("nothing stored")
                .isEqualTo(20);
        assertThat(as(store, "manager").get("/api/analytics/settings/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, "manager")
                        .put("/api/analytics/settings/", json("rfm_window_days", 30))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(owner.get("/api/analytics/customer-analytics/?segment=VIP")
                        .at("/errors/segment")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/customer-analytics/?rfm_score=9")
                        .at("/errors/rfm_score")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/analytics/customer-analytics/?ordering=name")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        Api.Response none = owner.get("/api/analytics/customer-analytics/segments/");
        assertThat(none.status()).as("a report with nothing in it is a report").isEqualTo(200);
        assertThat(none.at("/segments").size()).isZero();
        assertThat(none.text("/period/period_end"))
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Tashkent")).toString());
        assertThat(as(store, "cashier")
                        .get("/api/analytics/customer-analytics/")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, "stockkeeper")
                        .get("/api/analytics/customer-analytics/at-risk/")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(TestStores.newKey("rfo"), "owner")
                        .in(store)
                        .get("/api/analytics/customer-analytics/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/analytics/settings/")
                        .status())
                .isEqualTo(401);
    }
}
