package dev.kassa.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.ResponseExampleRecorder;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every report's OpenAPI shows a real answer (issue 10): a store with products, stock, customers, sales, a refund and a
 * shift is read through every operation and the answers are the examples ({@code openapi/response-examples.json}).
 */
@KassaIntegrationTest
class ResponseExamplesTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tashkent"));
    }

    @Test
    void everyOperationShowsARealAnswerAsItsExample() throws Exception {
        String store = TestStores.newKey("exm");
        Api owner = new Api("http://localhost:" + port)
                .as(TestTokens.token(3, "owner3", Map.of(store, "owner")))
                .in(store);
        product(store, 501, "Молоко 1 л", "6000.00", "10000.00", "5.000", "100.000");
        product(store, 502, "Хлеб", "3000.00", "5000.00", "10.000", "200.000");
        product(store, 503, "Сахар 1 кг", "9000.00", "13000.00", "5.000", "50.000");
        stock(store, 501, "3.000");
        stock(store, 503, "0.000");
        customer(store, 18, "Каримова Алия");
        customer(store, 19, "Юсупов Тимур");
        send(Topics.SALES, store, EventSamples.of("SessionOpened").message(store, e -> e.set("/session_id", 77)
                .set("/business_date", today().toString())));
        sale(store, "1", 18, today().minusDays(1), "20000.00");
        sale(store, "2", 18, today(), "20000.00");
        sale(store, "3", 19, today(), "20000.00");
        send(Topics.SALES, store, EventSamples.of("SaleRefunded").message(store, e -> e.set("/sale_id", "2")
                .set("/refund_id", "9")
                .set("/receipt_number", "MAIN-2")
                .set("/business_date", today().toString())
                .set("/amount", "10000.00")
                .set("/method", "card")
                .set("/customer_id", 18)
                .set("/lines/0/product_id", 501)
                .set("/lines/0/quantity", "1.000")
                .set("/lines/0/amount", "10000.00")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response day = owner.get("/api/analytics/daily-sales/today/");
            assertThat(day.text("/total_sales_count")).isEqualTo("2");
            assertThat(day.text("/refunds_count")).isEqualTo("1");
            assertThat(owner.get("/api/analytics/customer-analytics/")
                            .at("/count")
                            .asInt())
                    .isEqualTo(2);
            assertThat(owner.get("/api/analytics/inventory-snapshots/out-of-stock/")
                            .body()
                            .toString())
                    .contains("503");
        });

        ResponseExampleRecorder examples = new ResponseExampleRecorder();
        String base = "/api/analytics/";
        long day = examples.record("GET " + base + "daily-sales", owner.get(base + "daily-sales/"))
                .at("/results/0/id")
                .asLong();
        examples.record("GET " + base + "daily-sales/{id}", owner.get(base + "daily-sales/" + day + "/"));
        examples.record("GET " + base + "daily-sales/today", owner.get(base + "daily-sales/today/"));
        examples.record(
                "GET " + base + "daily-sales/period",
                owner.get(base + "daily-sales/period/?start_date=" + today().minusDays(6) + "&end_date=" + today()));
        examples.record("GET " + base + "daily-sales/trends", owner.get(base + "daily-sales/trends/?days=7"));
        long performance = examples.record(
                        "GET " + base + "product-performance", owner.get(base + "product-performance/"))
                .at("/results/0/id")
                .asLong();
        examples.record(
                "GET " + base + "product-performance/{id}",
                owner.get(base + "product-performance/" + performance + "/"));
        examples.record(
                "GET " + base + "product-performance/top-products",
                owner.get(base + "product-performance/top-products/?limit=5"));
        examples.record("GET " + base + "gross-profit", owner.get(base + "gross-profit/?group_by=product&limit=5"));
        examples.record("GET " + base + "payment-methods", owner.get(base + "payment-methods/"));
        examples.record("GET " + base + "modifiers", owner.get(base + "modifiers/"));
        examples.record(
                "GET " + base + "product-performance/slow-movers",
                owner.get(base + "product-performance/slow-movers/?days=30"));
        long rfm = examples.record("GET " + base + "customer-analytics", owner.get(base + "customer-analytics/"))
                .at("/results/0/id")
                .asLong();
        examples.record("GET " + base + "customer-analytics/{id}", owner.get(base + "customer-analytics/" + rfm + "/"));
        examples.record(
                "GET " + base + "customer-analytics/segments", owner.get(base + "customer-analytics/segments/"));
        examples.record("GET " + base + "customer-analytics/at-risk", owner.get(base + "customer-analytics/at-risk/"));
        long snapshot = examples.record("GET " + base + "inventory-snapshots", owner.get(base + "inventory-snapshots/"))
                .at("/results/0/id")
                .asLong();
        examples.record(
                "GET " + base + "inventory-snapshots/{id}", owner.get(base + "inventory-snapshots/" + snapshot + "/"));
        examples.record("GET " + base + "inventory-snapshots/latest", owner.get(base + "inventory-snapshots/latest/"));
        examples.record(
                "GET " + base + "inventory-snapshots/low-stock-alerts",
                owner.get(base + "inventory-snapshots/low-stock-alerts/"));
        examples.record(
                "GET " + base + "inventory-snapshots/out-of-stock",
                owner.get(base + "inventory-snapshots/out-of-stock/"));
        examples.record("GET " + base + "dashboard", owner.get(base + "dashboard/"));
        // the plant's dashboard, from production's events
        send(
                Topics.PRODUCTION,
                store,
                EventSamples.of("LineStatusChanged")
                        .message(
                                store,
                                e -> e.set(
                                        "/changed_at",
                                        java.time.Instant.now()
                                                .minus(Duration.ofHours(1))
                                                .toString())));
        send(
                Topics.PRODUCTION,
                store,
                EventSamples.of("ProductionOrderCreated")
                        .message(
                                store,
                                e -> e.set("/due_date", today().plusDays(1).toString())));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> owner.get(base + "production/activities/")
                                .at("/results")
                                .size()
                        == 2);
        examples.record("GET " + base + "production/lines", owner.get(base + "production/lines/"));
        examples.record("GET " + base + "production/activities", owner.get(base + "production/activities/"));
        examples.record("GET " + base + "production/alerts", owner.get(base + "production/alerts/"));
        examples.record("GET " + base + "settings", owner.get(base + "settings/"));
        examples.record("PUT " + base + "settings", owner.put(base + "settings/", json("rfm_window_days", 365)));
        examples.record("POST " + base + "rebuild", owner.post(base + "rebuild/", json("date", today().toString())));
        examples.record(
                "GET /api/users/stores/multi-store-analytics",
                new Api("http://localhost:" + port)
                        .as(TestTokens.token(3, "owner3", Map.of(store, "owner")))
                        .get("/api/users/stores/multi-store-analytics/"));

        String hooks = "/api/webhooks/";
        examples.record("GET " + hooks + "event-types", owner.get(hooks + "event-types/"));
        long subscription = examples.record(
                        "POST " + hooks + "subscriptions",
                        owner.post(
                                hooks + "subscriptions/",
                                json(
                                        "url",
                                        "http://127.0.0.1:9/hooks/kassa",
                                        "event_types",
                                        List.of("SaleCompleted", "SaleRefunded"),
                                        "description",
                                        "Бухгалтерия")))
                .at("/id")
                .asLong();
        String one = hooks + "subscriptions/" + subscription + "/";
        examples.record("GET " + hooks + "subscriptions", owner.get(hooks + "subscriptions/"));
        examples.record("GET " + hooks + "subscriptions/{id}", owner.get(one));
        examples.record(
                "PATCH " + hooks + "subscriptions/{id}",
                owner.patch(one, json("event_types", List.of("SaleCompleted", "SaleRefunded", "LowStockReached"))));
        examples.record(
                "POST " + hooks + "subscriptions/{id}/rotate-secret", owner.post(one + "rotate-secret/", json()));
        long delivery = examples.record("POST " + hooks + "subscriptions/{id}/ping", owner.post(one + "ping/", json()))
                .at("/id")
                .asLong();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owner.get(hooks + "deliveries/" + delivery + "/")
                                .at("/attempts")
                                .asInt()
                        > 0);
        examples.record("GET " + hooks + "subscriptions/{id}/deliveries", owner.get(one + "deliveries/"));
        examples.record("GET " + hooks + "deliveries/{id}", owner.get(hooks + "deliveries/" + delivery + "/"));
        examples.record(
                "POST " + hooks + "deliveries/{id}/redeliver",
                owner.post(hooks + "deliveries/" + delivery + "/redeliver/", json()));

        // every operation the service publishes that answers JSON (its aliases show the same operation)
        JsonNode docs = new Api("http://localhost:" + port).get("/v3/api-docs").body();
        List<String> operations = new ArrayList<>();
        docs.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    String method = operation.getKey();
                    boolean answersJson = false;
                    for (var r = operation.getValue().path("responses").fields(); r.hasNext(); ) {
                        var response = r.next();
                        answersJson |= response.getKey().startsWith("2")
                                && response.getValue().path("content").has("application/json");
                    }
                    if (!path.getKey().endsWith("/live") && answersJson) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        assertThat(operations).hasSizeGreaterThan(20);
        examples.check(operations);
        ApiDocs.assertComplete("analytics-service", docs);
        // the published document shows them, and names the original's spelling as the operation's alias
        JsonNode today = docs.at("/paths/~1api~1analytics~1daily-sales~1today/get");
        assertThat(today.at("/responses/200/content/application~1json/examples/recorded/value/total_sales")
                        .isMissingNode())
                .as("the operation shows the recorded answer")
                .isFalse();
        assertThat(today.path("x-kassa-aliases").toString()).contains("/api/analytics/daily_sales/today");
    }

    void send(String topic, String store, String message) throws Exception {
        kafka.send(topic, store, message).get();
    }

    void product(String store, long id, String name, String cost, String price, String min, String max)
            throws Exception {
        send(Topics.CATALOG, store, EventSamples.of("ProductCreated").message(store, e -> e.set("/product_id", id)
                .set("/name", name)
                .set("/sku", "SKU-" + id)
                .set("/barcode", "478000000" + id)
                .set("/cost_price", cost)
                .set("/sale_price", price)
                .set("/min_quantity", min)
                .set("/max_quantity", max)));
    }

    void stock(String store, long id, String onHand) throws Exception {
        send(Topics.CATALOG, store, EventSamples.of("StockChanged").message(store, e -> e.set("/product_id", id)
                .set("/on_hand", onHand)
                .set("/available", onHand)
                .set("/change", "-1.000")));
    }

    void customer(String store, long id, String name) throws Exception {
        send(Topics.CUSTOMER, store, EventSamples.of("CustomerCreated").message(store, e -> e.set("/customer_id", id)
                .set("/full_name", name)
                .set("/phone", "+9989011100" + id)));
    }

    /** Milk and bread for {@code total}, paid by card. */
    void sale(String store, String id, long customer, LocalDate date, String total) throws Exception {
        send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", id)
                .set("/receipt_number", "MAIN-" + id)
                .set("/completed_at", Instant.now().toString())
                .set("/business_date", date.toString())
                .set("/customer_id", customer)
                .set("/discount", "0.00")
                .set("/tax", "0.00")
                .set("/total", total)
                .set("/payments/0/method", "card")
                .set("/payments/0/amount", total)
                .set("/payments/0/received", null)
                .set("/payments/0/change", null)
                .set("/lines/0/product_id", 501)
                .set("/lines/0/product_name", "Молоко 1 л")
                .set("/lines/0/quantity", "1.000")
                .set("/lines/0/unit_price", "10000.00")
                .set("/lines/0/discount", "0.00")
                .set("/lines/0/line_total", "10000.00")
                .set("/lines/0/unit_cost", "6000.00")
                .addElement("/lines")
                .set("/lines/1/product_id", 502)
                .set("/lines/1/product_name", "Хлеб")
                .set("/lines/1/quantity", "2.000")
                .set("/lines/1/unit_price", "5000.00")
                .set("/lines/1/discount", "0.00")
                .set("/lines/1/line_total", "10000.00")
                .set("/lines/1/unit_cost", "3000.00")));
    }
}
