package dev.kassa.sales;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit tender (nasiya, issue 11) with customer-service's hold API played by {@link FakeCustomers}: the debt is held
 * before the sale completes, a sale above the available credit is refused with nothing half-done, and a refund gives the
 * credit back before any cash leaves the drawer.
 */
@KassaIntegrationTest
class CreditSaleTests {

    static final FakeCustomers customers = new FakeCustomers();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("kassa.sales.customer-url", customers::url);
        registry.add("kassa.sales.catalog-url", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        customers.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return new Api("http://localhost:" + port).as(TestTokens.token(user, "user" + user, Map.of(store, role))).in(store);
    }

    @Test
    void aCreditSaleHoldsTheDebtFirstAndIsRefusedAboveTheLimitWithNothingHalfDone() {
        String store = TestStores.newKey("crd");
        customers.limits.put(3L, new BigDecimal("200000"));
        customers.limits.put(4L, new BigDecimal("100000"));
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0)).at("/data/id").asLong();

        long noCustomer = Drafts.draft(jdbc, store, session, 5);
        Api.Response anonymous = cashier.post("/api/sales/sales/" + noCustomer + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 150000))));
        assertThat(anonymous.at("/errors/customer_id").isArray()).as(anonymous.toString()).isTrue();
        assertThat(customers.active(3) + customers.active(4)).isZero();

        // customer 4 may owe 100000 more: 150000 is refused with both amounts, the sale stays a draft, no hold is left
        long tooMuch = noCustomer;
        Api.Response refused = cashier.post("/api/sales/sales/" + tooMuch + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 150000)), "customer_id", 4));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("credit_limit_exceeded");
        assertThat(refused.text("/available")).isEqualTo("100000.00");
        assertThat(refused.text("/requested")).isEqualTo("150000.00");
        assertThat(cashier.get("/api/sales/sales/" + tooMuch + "/").text("/status")).isEqualTo("pending");
        assertThat(customers.active(4)).isZero();

        // split: 100000 on credit and 50000 cash for customer 4 completes; the hold stays until customer-service settles it
        Api.Response split = cashier.post("/api/sales/sales/" + tooMuch + "/checkout/", json("payments", List.of(
                json("payment_method", "credit", "amount", 100000), json("payment_method", "cash", "amount", 50000)), "customer_id", 4));
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        assertThat(split.at("/data/payments").findValuesAsText("payment_method")).containsExactly("credit", "cash");
        assertThat(customers.available(4)).isEqualByComparingTo("0");

        // customer-service away: 503, the draft untouched, nothing owed
        long later = Drafts.draft(jdbc, store, session, 5);
        customers.failNext.set(1);
        Api.Response away = cashier.post("/api/sales/sales/" + later + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 150000)), "customer_id", 3));
        assertThat(away.status()).as(away.toString()).isEqualTo(503);
        assertThat(away.text("/code")).isEqualTo("customers_unavailable");
        assertThat(cashier.get("/api/sales/sales/" + later + "/").text("/status")).isEqualTo("pending");
        assertThat(customers.available(3)).isEqualByComparingTo("200000");

        // the shift report shows credit apart from cash; the drawer holds the cash only
        Api.Response report = as(store, 1, "owner").get("/api/sales/sessions/" + session + "/report/");
        assertThat(report.raw()).contains("\"credit\"");
        assertThat(report.text("/expected_cash")).isEqualTo("50000.00");
    }

    @Test
    void aRefundOfACreditSaleGivesTheCreditBackBeforeAnyCashLeavesTheDrawer() {
        String store = TestStores.newKey("crr");
        customers.limits.put(7L, new BigDecimal("500000"));
        Api cashier = as(store, 5, "cashier");
        Api owner = as(store, 1, "owner");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0)).at("/data/id").asLong();
        long sale = Drafts.draft(jdbc, store, session, 5);
        assertThat(cashier.post("/api/sales/sales/" + sale + "/checkout/", json("payments", List.of(
                json("payment_method", "credit", "amount", 60000), json("payment_method", "cash", "amount", 90000)), "customer_id", 7))
                .status()).isEqualTo(200);
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash")).isEqualTo("90000.00");
        assertThat(owner.post("/api/sales/sales/" + sale + "/refund/", json("method", "credit")).at("/errors/method").isArray()).isTrue();

        // the 50000 line back: all of it pays back debt (60000 was on credit), the drawer keeps its cash
        long single = cashier.get("/api/sales/sales/" + sale + "/").at("/items/1/id").asLong();
        Api.Response first = owner.post("/api/sales/sales/" + sale + "/refund/", json("items", List.of(json("item_id", single, "quantity", 1))));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash")).isEqualTo("90000.00");
        // the rest (100000): 10000 of credit is left, 90000 leaves the drawer in cash
        Api.Response rest = owner.post("/api/sales/sales/" + sale + "/refund/", json("method", "cash"));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash")).isEqualTo("0.00");
        assertThat(jdbc.queryForList("select method, amount, credit_amount from " + TestStores.schema(store) + ".refunds where sale_id = ? order by id",
                sale)).extracting(r -> r.get("method") + " " + r.get("amount") + " " + r.get("credit_amount"))
                .containsExactly("credit 50000.00 50000.00", "cash 100000.00 10000.00");
    }
}
