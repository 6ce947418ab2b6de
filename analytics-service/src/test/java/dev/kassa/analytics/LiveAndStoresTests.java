package dev.kassa.analytics;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Revocations;
import dev.kassa.platform.tenancy.EmployeeDirectory;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live feed of a store's sales and the owner's view of all their stores. */
@KassaIntegrationTest
class LiveAndStoresTests {

    @Autowired
    Revocations revocations;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmployeeDirectory staff;

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent")).toString();
    }

    void sale(String store, String id, String total) throws Exception {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", id)
                        .set("/receipt_number", "R-" + id)
                        .set("/completed_at", Instant.now().toString())
                        .set("/business_date", today())
                        .set("/total", total)
                        .set("/lines/0/line_total", total)
                        .set("/payments/0/amount", total)
                        .set("/cashier_id", 57)))
                .get();
    }

    @Test
    void aStreamSeesTheStoresSalesWithinASecondAndEndsWithItsToken() throws Exception {
        String store = TestStores.newKey("liv");
        String other = TestStores.newKey("liw");
        String token = TestTokens.expiring(
                3, "owner3", Map.of(store, "owner"), Instant.now().plusSeconds(8));
        staff.save(new EmployeeDirectory.Employee(store, 7, 57, "Кассир Анна", "cashier", "", true));
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/analytics/live"))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Tenant-Key", store)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        CompletableFuture<Void> reading =
                CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));

        sale(other, "900", "1.00");
        long sent = System.nanoTime();
        sale(store, "901", "15000.00");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("R-901")));
        assertThat(Duration.ofNanos(System.nanoTime() - sent))
                .as("promptly (the 1 s target is measured by the benchmark)")
                .isLessThan(Duration.ofSeconds(3));
        String data =
                lines.stream().filter(l -> l.contains("R-901")).findFirst().orElseThrow();
        assertThat(data).contains("\"total\":\"15000.00\"", "\"cashier_id\":57", "\"cashier_name\":\"Кассир Анна\"");
        assertThat(lines).noneMatch(l -> l.contains("R-900"));

        // catalog's StockLow (a product under its reorder point) reaches the owner's feed too, another store's does not
        EventSamples.Sample low = EventSamples.of("StockLow");
        low.assertConsumedBy("analytics-service");
        kafka.send(Topics.CATALOG, other, low.message(other, e -> e.set("/name", "Чужой кефир")))
                .get();
        kafka.send(Topics.CATALOG, store, low.message(store, e -> e.set("/name", "Кефир 1 л")))
                .get();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:stock_low"));
        String alert =
                lines.stream().filter(l -> l.contains("Кефир 1 л")).findFirst().orElseThrow();
        assertThat(alert).contains("\"reorder_point\":\"12.000\"", "\"suggested_quantity\":\"36.000\"");
        assertThat(lines).noneMatch(l -> l.contains("Чужой кефир"));

        // the token ends: so does the stream, with a last event saying why
        reading.get(20, TimeUnit.SECONDS);
        assertThat(lines).contains("event:end");
    }

    @Test
    void aLinesStatusReachesTheOwnersFeed() throws Exception {
        String store = TestStores.newKey("lip");
        String token = TestTokens.expiring(
                3, "owner3", Map.of(store, "owner"), Instant.now().plusSeconds(15));
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/analytics/live"))
                                .header("Authorization", "Bearer " + token)
                                .header("X-Tenant-Key", store)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get();
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<Void> reading =
                CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));

        EventSamples.Sample down = EventSamples.of("LineStatusChanged");
        kafka.send(Topics.PRODUCTION, store, down.message(store, e -> {})).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:line_status"));
        assertThat(lines.stream()
                        .filter(l -> l.contains("EXTRUDER-1"))
                        .findFirst()
                        .orElseThrow())
                .contains("\"to_status\":\"down\"", "\"reason\":\"Перегрев шнека\"");
        reading.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theLiveFeedIsForOwnersAndManagers() {
        String store = TestStores.newKey("lir");
        Api cashier = new Api("http://localhost:" + port)
                .as(TestTokens.token(5, "c5", Map.of(store, "cashier")))
                .in(store);
        assertThat(cashier.get("/api/analytics/live").text("/code")).isEqualTo("permission_denied");
        Api keeper = new Api("http://localhost:" + port)
                .as(TestTokens.token(6, "s6", Map.of(store, "stockkeeper")))
                .in(store);
        assertThat(keeper.get("/api/analytics/live").text("/code")).isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/analytics/live")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anOwnerSeesEveryOwnedStoreSideBySideAndNothingElse() throws Exception {
        String first = TestStores.newKey("msa");
        String second = TestStores.newKey("msb");
        String managed = TestStores.newKey("msc");
        EventSamples.Sample created = EventSamples.of("StoreCreated");
        String slug = first.substring(0, first.lastIndexOf('_'));
        kafka.send(Topics.AUTH, first, created.message(first, e -> e.set("/store_id", 4101)
                        .set("/tenant_key", first)
                        .set("/slug", slug)
                        .set("/schema_name", "tenant_" + slug)
                        .set("/name", "Магазин на Навои")
                        .set("/time_zone", "Asia/Tashkent")))
                .get();
        sale(first, "1", "100000.00");
        sale(first, "2", "50000.00");
        // the second store's stock: 12 units at cost 4 000 (its value at cost per store, issue 64)
        kafka.send(Topics.CATALOG, second, EventSamples.of("ProductCreated").message(second, e -> e.set(
                                "/product_id", 77)
                        .set("/cost_price", "4000.00")
                        .set("/sale_price", "6000.00")))
                .get();
        kafka.send(Topics.CATALOG, second, EventSamples.of("StockChanged").message(second, e -> e.set("/product_id", 77)
                        .set("/on_hand", "12.000")
                        .set("/available", "12.000")))
                .get();
        sale(second, "3", "70000.00");
        sale(managed, "4", "999.00");
        Api owner = new Api("http://localhost:" + port)
                .as(TestTokens.token(3, "owner3", Map.of(first, "owner", second, "owner", managed, "manager")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response r = owner.get("/api/users/stores/multi-store-analytics/?period=today");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.text("/data/aggregated/total_sales")).isEqualTo("220000.00");
            assertThat(r.text("/data/by_store/1/stock_value")).isEqualTo("48000.00");
        });
        Api.Response r = owner.get("/api/users/stores/multi_store_analytics/?period=today");
        assertThat(r.at("/data/total_stores").asInt()).isEqualTo(2);
        assertThat(r.text("/data/aggregated/total_sales_count")).isEqualTo("3");
        assertThat(r.text("/data/by_store/0/tenant_key")).isEqualTo(first);
        assertThat(r.text("/data/by_store/0/store_name")).isEqualTo("Магазин на Навои");
        assertThat(r.at("/data/by_store/0/store_id").asLong()).isEqualTo(4101);
        assertThat(r.text("/data/by_store/0/avg_sale")).isEqualTo("75000.00");
        assertThat(r.text("/data/by_store/1/total_sales")).isEqualTo("70000.00");
        assertThat(r.text("/data/by_store/1/stock_retail_value")).isEqualTo("72000.00");
        assertThat(r.text("/data/aggregated/stock_value")).isEqualTo("48000.00");
        assertThat(r.raw()).doesNotContain(managed);
        assertThat(owner.get("/api/users/stores/multi-store-analytics/?period=yesterday")
                        .text("/data/aggregated/total_sales"))
                .isEqualTo("0.00");
        assertThat(owner.get("/api/users/stores/multi-store-analytics/?period=decade")
                        .at("/errors/period")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/users/stores/multi-store-analytics/?start_date=2025-05-01&end_date=2025-04-01")
                        .at("/errors/end_date")
                        .isArray())
                .isTrue();
        // the same as a file (issue 62): a row a store, best first, then the total; the managed store left out
        Api.Response file = owner.get("/api/users/stores/multi-store-analytics/export?period=today");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/csv");
        assertThat(file.header("Content-Disposition")).contains("stores-owner-3-");
        List<List<String>> rows = ExportedFiles.csv(file.bytes(), ';');
        assertThat(rows.get(0)).startsWith("Магазин", "Ключ магазина", "Адрес", "С", "По", "Продаж", "Выручка");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).subList(0, 2)).containsExactly("Магазин на Навои", first);
        assertThat(rows.get(1).get(6)).isEqualTo("150000,00");
        assertThat(rows.get(2).get(1)).isEqualTo(second);
        assertThat(rows.get(3).get(0)).isEqualTo("Итого");
        assertThat(rows.get(3).get(5)).isEqualTo("3");
        assertThat(rows.get(3).get(6)).isEqualTo("220000,00");
        assertThat(file.raw()).doesNotContain(managed);
        assertThat(ExportedFiles.csv(
                                owner.english()
                                        .get("/api/users/stores/multi-store-analytics/export?period=today")
                                        .bytes(),
                                ',')
                        .get(3)
                        .get(0))
                .isEqualTo("Total");
        assertThat(owner.get("/api/users/stores/multi-store-analytics/export?format=pdf")
                        .status())
                .isEqualTo(400);
        Api manager = new Api("http://localhost:" + port).as(TestTokens.token(4, "m4", Map.of(managed, "manager")));
        assertThat(manager.get("/api/users/stores/multi-store-analytics/export").status())
                .isEqualTo(404);
        assertThat(new Api("http://localhost:" + port)
                        .get("/api/users/stores/multi-store-analytics/export")
                        .status())
                .isEqualTo(401);
        Api.Response none = manager.get("/api/users/stores/multi-store-analytics/");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text("/message")).isEqualTo("У вас нет активных магазинов");
        // issue 84, point 9: a store whose role changed after the token was issued: this route of no one store refuses
        // the
        // token until it is refreshed (and the refreshed token names only the stores the user still owns)
        revocations.revoke(second, 3L, Instant.now().plusSeconds(2));
        Api.Response revoked = owner.get("/api/users/stores/multi-store-analytics/?period=today");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(401);
        assertThat(revoked.text("/code")).isEqualTo("token_revoked");
        assertThat(new Api("http://localhost:" + port)
                        .get("/api/users/stores/multi-store-analytics/")
                        .status())
                .isEqualTo(401);
    }
}
