package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestKafka;
import dev.kassa.platform.test.TestStores;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Catalog is not running here (it answers nowhere): scanning must fail fast, checkout of a draft must still work. */
@KassaIntegrationTest
@TestPropertySource(properties = {"kassa.sales.catalog-url=http://127.0.0.1:9", "kassa.sales.catalog-timeout=1s"})
class SalesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static String schema(String store) {
        return TestStores.schema(store);
    }

    @Test
    void aCashierOpensOneShiftAndSeesItAsCurrent() {
        String store = TestStores.newKey("sal");
        Api cashier = as(store, 5, "cashier");
        assertThat(cashier.get("/api/sales/sessions/current/").text("/code")).isEqualTo("no_open_session");
        Api.Response opened = cashier.post("/api/sales/sessions/open/", json("opening_balance", 100000));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.text("/status")).isEqualTo("success");
        assertThat(opened.text("/message")).isEqualTo("Смена успешно открыта");
        assertThat(opened.text("/data/opening_cash")).isEqualTo("100000.00");
        assertThat(opened.text("/data/cash_register_name")).isEqualTo("Главная касса");
        assertThat(opened.text("/data/status")).isEqualTo("open");
        Api.Response again = cashier.post("/api/sales/sessions/open", json("opening_balance", 5));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/code")).isEqualTo("session_already_open");
        assertThat(cashier.get("/api/sales/shifts/current").text("/data/id")).isEqualTo(opened.text("/data/id"));
        // another cashier of the same store opens their own shift
        assertThat(as(store, 6, "cashier")
                        .post("/api/sales/sessions/open/", json("opening_balance", "0"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void badInputRolesAndMembershipAreRefused() {
        String store = TestStores.newKey("sal");
        // no amount: the register's starting float (0 unless set), as the web client opens shifts with {} (issue 13)
        Api.Response empty = as(store, 8, "cashier").post("/api/sales/sessions/open/", json());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(201);
        assertThat(empty.text("/data/opening_cash")).isEqualTo("0.00");
        assertThat(as(store, 5, "cashier")
                        .post("/api/sales/sessions/open/", json("opening_balance", -1))
                        .status())
                .isEqualTo(400);
        Api cashier = as(store, 5, "cashier");
        assertThat(cashier.post("/api/sales/sales/scan-item/", json("product", 1))
                        .at("/errors/session")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/sales/sales/scan-item/", json("session", 1, "product", 1, "quantity", -2))
                        .at("/errors/quantity")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/sales/sales/scan-item/", json("session", 999999, "product", 1))
                        .text("/code"))
                .isEqualTo("session_not_found");
        assertThat(cashier.post(
                                "/api/sales/sales/999999/checkout/",
                                json("payments", List.of(json("payment_method", "cash", "amount", 1))))
                        .text("/code"))
                .isEqualTo("sale_not_found");
    }

    @Test
    void whenCatalogIsDownScanningAnswers503QuicklyAndLeavesNothingBehind() {
        String store = TestStores.newKey("sal");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long started = System.nanoTime();
        Api.Response r =
                cashier.post("/api/sales/sales/scan_item/", json("session", session, "product", 18, "quantity", 2));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.text("/code")).isEqualTo("catalog_unavailable");
        assertThat(jdbc.queryForObject("select count(*) from " + schema(store) + ".sales", Integer.class))
                .isZero();
    }

    @Test
    void anAlreadyScannedDraftIsCheckedOutWithSplitTendersAndAnnounced() {
        String store = TestStores.newKey("sal");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 100000))
                .at("/data/id")
                .asLong();
        // a draft scanned earlier (while catalog was up): 2 × 75000
        long sale = jdbc.queryForObject(
                "insert into " + schema(store)
                        + ".sales (session_id, cashier_user_id, cashier_name, receipt_number, subtotal, total_amount) "
                        + "values (?, 5, 'user5', 'MAIN-20260101-0001', 150000, 150000) returning id",
                Long.class,
                session);
        jdbc.update(
                "insert into " + schema(store)
                        + ".sale_items (sale_id, product_id, product_name, product_sku, quantity, unit_price, unit_cost, line_total, reservation_ref) "
                        + "values (?, 18, 'iPhone 14 Pro', 'IPHONE-14-PRO', 2, 75000, 50000, 150000, 'ref-1')",
                sale);

        Api.Response underpaid = cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json("payments", List.of(json("payment_method", "cash", "amount", 100000))));
        assertThat(underpaid.text("/code")).isEqualTo("insufficient_payment");
        assertThat(jdbc.queryForObject("select count(*) from " + schema(store) + ".payments", Integer.class))
                .isZero();

        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.SALES));
            Api.Response done = cashier.post(
                    "/api/sales/sales/" + sale + "/checkout/",
                    json(
                            "payments",
                            List.of(
                                    json("payment_method", "cash", "amount", 100000, "received_amount", 120000),
                                    json(
                                            "payment_method",
                                            "card",
                                            "amount",
                                            50000,
                                            "card_last4",
                                            "4242",
                                            "transaction_id",
                                            "TXN123456"))));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
            assertThat(done.text("/message")).isEqualTo("Продажа завершена");
            assertThat(done.text("/data/status")).isEqualTo("completed");
            assertThat(done.text("/data/change_amount")).isEqualTo("20000.00");
            assertThat(done.at("/data/payments").size()).isEqualTo(2);
            assertThat(done.text("/data/payments/1/card_last4")).isEqualTo("4242");

            Api.Response twice = cashier.post(
                    "/api/sales/sales/" + sale + "/checkout/",
                    json("payments", List.of(json("payment_method", "cash", "amount", 150000))));
            assertThat(twice.text("/code")).isEqualTo("sale_not_pending");
            assertThat(jdbc.queryForObject("select count(*) from " + schema(store) + ".payments", Integer.class))
                    .isEqualTo(2);

            JsonNode completed = TestKafka.awaitEvent(consumer, store, "SaleCompleted");
            JsonNode payload = completed.path("payload");
            assertThat(payload.path("sale_id").asText()).isEqualTo(String.valueOf(sale));
            assertThat(payload.path("total").asText()).isEqualTo("150000.00");
            assertThat(payload.path("business_date").asText()).isNotBlank();
            assertThat(payload.path("lines").get(0).path("reservation_ref").asText())
                    .isEqualTo("ref-1");
            assertThat(payload.path("lines").get(0).path("unit_cost").asText()).isEqualTo("50000.00");
            assertThat(payload.path("payments").get(0).path("change").asText()).isEqualTo("20000.00");
        }
    }
}
