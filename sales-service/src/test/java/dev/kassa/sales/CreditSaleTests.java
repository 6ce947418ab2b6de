package dev.kassa.sales;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    @Test
    void aCreditSaleHoldsTheDebtFirstAndIsRefusedAboveTheLimitWithNothingHalfDone() {
        String store = TestStores.newKey("crd");
        customers.limits.put(3L, new BigDecimal("200000"));
        customers.limits.put(4L, new BigDecimal("100000"));
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();

        long noCustomer = Drafts.draft(jdbc, store, session, 5);
        Api.Response anonymous = cashier.post(
                "/api/sales/sales/" + noCustomer + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 150000))));
        assertThat(anonymous.at("/errors/customer_id").isArray())
                .as(anonymous.toString())
                .isTrue();
        assertThat(customers.active(3) + customers.active(4)).isZero();

        // customer 4 may owe 100000 more: 150000 is refused with both amounts, the sale stays a draft, no hold is left
        long tooMuch = noCustomer;
        Api.Response refused = cashier.post(
                "/api/sales/sales/" + tooMuch + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 150000)), "customer_id", 4));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("credit_limit_exceeded");
        assertThat(refused.text("/available")).isEqualTo("100000.00");
        assertThat(refused.text("/requested")).isEqualTo("150000.00");
        assertThat(cashier.get("/api/sales/sales/" + tooMuch + "/").text("/status"))
                .isEqualTo("pending");
        assertThat(customers.active(4)).isZero();

        // split: 100000 on credit and 50000 cash for customer 4 completes; the hold stays until customer-service
        // settles it
        Api.Response split = cashier.post(
                "/api/sales/sales/" + tooMuch + "/checkout/",
                json(
                        "payments",
                        List.of(
                                json("payment_method", "credit", "amount", 100000),
                                json("payment_method", "cash", "amount", 50000)),
                        "customer_id",
                        4));
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        assertThat(split.at("/data/payments").findValuesAsText("payment_method"))
                .containsExactly("credit", "cash");
        assertThat(customers.available(4)).isEqualByComparingTo("0");

        // customer-service away: 503, the draft untouched, nothing owed
        long later = Drafts.draft(jdbc, store, session, 5);
        customers.failNext.set(1);
        Api.Response away = cashier.post(
                "/api/sales/sales/" + later + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 150000)), "customer_id", 3));
        assertThat(away.status()).as(away.toString()).isEqualTo(503);
        assertThat(away.text("/code")).isEqualTo("customers_unavailable");
        assertThat(cashier.get("/api/sales/sales/" + later + "/").text("/status"))
                .isEqualTo("pending");
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
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = Drafts.draft(jdbc, store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json(
                                        "payments",
                                        List.of(
                                                json("payment_method", "credit", "amount", 60000),
                                                json("payment_method", "cash", "amount", 90000)),
                                        "customer_id",
                                        7))
                        .status())
                .isEqualTo(200);
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("90000.00");
        assertThat(owner.post("/api/sales/sales/" + sale + "/refund/", json("method", "credit"))
                        .at("/errors/method")
                        .isArray())
                .isTrue();

        // the 50000 line back: all of it pays back debt (60000 was on credit), the drawer keeps its cash
        long single =
                cashier.get("/api/sales/sales/" + sale + "/").at("/items/1/id").asLong();
        Api.Response first = owner.post(
                "/api/sales/sales/" + sale + "/refund/",
                json("items", List.of(json("item_id", single, "quantity", 1))));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("90000.00");
        // the rest (100000): 10000 of credit is left, 90000 leaves the drawer in cash
        Api.Response rest = owner.post("/api/sales/sales/" + sale + "/refund/", json("method", "cash"));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("0.00");
        assertThat(jdbc.queryForList(
                        "select method, amount, credit_amount from " + TestStores.schema(store)
                                + ".refunds where sale_id = ? order by id",
                        sale))
                .extracting(r -> r.get("method") + " " + r.get("amount") + " " + r.get("credit_amount"))
                .containsExactly("credit 50000.00 50000.00", "cash 100000.00 10000.00");
    }

    @Test
    void theBuyerIsCheckedTheirGroupDiscountAppliesAndPointsPayWithNothingHalfDone() {
        String store = TestStores.newKey("lyl");
        customers.limits.put(11L, BigDecimal.ZERO);
        customers.discounts.put(11L, new BigDecimal("10.00"));
        customers.points.put(11L, 20000);
        Api cashier = as(store, 5, "cashier");
        Api owner = as(store, 1, "owner");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();

        // an unknown customer is refused at checkout, not skipped later: the sale stays a draft
        long sale = Drafts.draft(jdbc, store, session, 5);
        Api.Response unknown = cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json("payments", List.of(json("payment_method", "cash", "amount", 150000)), "customer_id", 999));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.at("/errors/customer_id").isArray()).isTrue();
        assertThat(cashier.get("/api/sales/sales/" + sale + "/").text("/status"))
                .isEqualTo("pending");
        // points need a customer
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json(
                                        "payments",
                                        List.of(
                                                json("payment_method", "bonus", "amount", 100),
                                                json("payment_method", "cash", "amount", 149900))))
                        .at("/errors/customer_id")
                        .isArray())
                .isTrue();

        // the group's 10 % comes off by itself (150000 → 135000); 5000 paid with points, the rest in cash
        Api.Response sold = cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json(
                        "payments",
                        List.of(
                                json("payment_method", "bonus", "amount", 5000),
                                json("payment_method", "cash", "amount", 130000)),
                        "customer_id",
                        11));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
        assertThat(sold.text("/data/discount_percent")).isEqualTo("10.00");
        assertThat(sold.text("/data/discount_amount")).isEqualTo("15000.00");
        assertThat(sold.text("/data/total_amount")).isEqualTo("135000.00");
        assertThat(sold.text("/data/customer_name"))
                .as("the customer's name is printed when the till sent none")
                .isEqualTo("Клиент 11");
        assertThat(sold.at("/data/payments").findValuesAsText("payment_method_display"))
                .containsExactly("Бонусы", "Наличные");
        assertThat(customers.pointsLeft(11)).isEqualTo(15000);

        // more points than are left: refused with both numbers, nothing held, the draft untouched
        long second = Drafts.draft(jdbc, store, session, 5);
        Api.Response tooMany = cashier.post(
                "/api/sales/sales/" + second + "/checkout/",
                json(
                        "payments",
                        List.of(
                                json("payment_method", "bonus", "amount", 16000),
                                json("payment_method", "cash", "amount", 119000)),
                        "customer_id",
                        11));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.text("/code")).isEqualTo("insufficient_points");
        assertThat(tooMany.text("/available_points")).isEqualTo("15000");
        assertThat(cashier.get("/api/sales/sales/" + second + "/").text("/status"))
                .isEqualTo("pending");
        assertThat(customers.pointsLeft(11)).isEqualTo(15000);

        // a larger manual discount stays: the owner's 20 % is not replaced by the group's 10 %
        assertThat(owner.post("/api/sales/sales/" + second + "/discount/", json("discount_percent", 20))
                        .status())
                .isEqualTo(200);
        Api.Response manual = cashier.post(
                "/api/sales/sales/" + second + "/checkout/",
                json("payments", List.of(json("payment_method", "cash", "amount", 120000)), "customer_id", 11));
        assertThat(manual.status()).as(manual.toString()).isEqualTo(200);
        assertThat(manual.text("/data/total_amount")).isEqualTo("120000.00");

        // the web client's new_customer: found by phone, else created once
        int createdBefore = customers.created.get();
        long third = Drafts.draft(jdbc, store, session, 5);
        Api.Response fresh = cashier.post(
                "/api/sales/sales/" + third + "/checkout/",
                json(
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 150000)),
                        "new_customer",
                        json("first_name", "Иван", "phone", "+998901230077")));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        long buyer = fresh.at("/data/customer").asLong();
        assertThat(buyer).isPositive();
        long fourth = Drafts.draft(jdbc, store, session, 5);
        Api.Response again = cashier.post(
                "/api/sales/sales/" + fourth + "/checkout/",
                json(
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 150000)),
                        "new_customer",
                        json("first_name", "Иван", "phone", "+998901230077")));
        assertThat(again.at("/data/customer").asLong()).isEqualTo(buyer);
        assertThat(customers.created.get()).isEqualTo(createdBefore + 1);

        // the refund of the points sale: the 5000 paid with points goes back as points, only 130000 leaves the drawer
        BigDecimal before =
                new BigDecimal(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"));
        Api.Response refund = owner.post("/api/sales/sales/" + sale + "/refund/", json("method", "cash"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(new BigDecimal(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash")))
                .isEqualByComparingTo(before.subtract(new BigDecimal("130000")));
        assertThat(jdbc.queryForList(
                        "select method, amount, bonus_amount from " + TestStores.schema(store)
                                + ".refunds where sale_id = ?",
                        sale))
                .extracting(r -> r.get("method") + " " + r.get("amount") + " " + r.get("bonus_amount"))
                .containsExactly("cash 135000.00 5000.00");
        assertThat(owner.post("/api/sales/sales/" + third + "/refund/", json("method", "bonus"))
                        .at("/errors/method")
                        .isArray())
                .isTrue();
    }

    @Test
    void theTillAttachesTheBuyerBeforePaymentAndShowsWhatTheyPay() {
        String store = TestStores.newKey("byr");
        customers.limits.put(12L, new BigDecimal("500000"));
        customers.discounts.put(12L, new BigDecimal("15.00"));
        customers.points.put(12L, 700);
        customers.phones.put("+998901112233", 12L);
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = Drafts.draft(jdbc, store, session, 5);

        // by phone: the group's 15 % comes off now, and the till sees the points and credit the buyer has
        Api.Response attached =
                cashier.post("/api/sales/sales/" + sale + "/customer/", json("customer_phone", "+998901112233"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.text("/data/sale/total_amount")).isEqualTo("127500.00");
        assertThat(attached.text("/data/sale/discount_percent")).isEqualTo("15.00");
        assertThat(attached.at("/data/sale/customer").asLong()).isEqualTo(12);
        assertThat(attached.text("/data/customer/loyalty_points")).isEqualTo("700");
        assertThat(attached.text("/data/customer/available_credit")).isEqualTo("500000.00");
        assertThat(cashier.get("/api/sales/sales/" + sale + "/").text("/total_amount"))
                .isEqualTo("127500.00");

        // removed: the group discount goes with them; attached again by id
        Api.Response detached = cashier.delete("/api/sales/sales/" + sale + "/customer/");
        assertThat(detached.status()).as(detached.toString()).isEqualTo(200);
        assertThat(detached.text("/data/total_amount")).isEqualTo("150000.00");
        assertThat(detached.at("/data/customer").isNull()).isTrue();
        assertThat(cashier.post("/api/sales/sales/" + sale + "/customer/", json("customer_id", 12))
                        .text("/data/sale/total_amount"))
                .isEqualTo("127500.00");

        // a card payment of exactly what the till shows, without naming the buyer again: sold to the attached buyer
        Api.Response sold = cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json("payments", List.of(json("payment_method", "card", "amount", "127500.00"))));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
        assertThat(sold.at("/data/customer").asLong()).isEqualTo(12);
        assertThat(sold.text("/data/total_amount")).isEqualTo("127500.00");

        // bad input, a completed sale, nobody known, no token, another store, a role that does not sell
        long next = Drafts.draft(jdbc, store, session, 5);
        assertThat(cashier.post("/api/sales/sales/" + next + "/customer/", json())
                        .at("/errors/customer_id")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/sales/sales/" + next + "/customer/", json("customer_id", 999))
                        .at("/errors/customer_id")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/sales/sales/" + next + "/customer/", json("customer_phone", "+998909999999"))
                        .at("/errors/customer_phone")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/sales/sales/" + sale + "/customer/", json("customer_id", 12))
                        .text("/code"))
                .isEqualTo("sale_not_pending");
        assertThat(cashier.delete("/api/sales/sales/" + sale + "/customer/").text("/code"))
                .isEqualTo("sale_not_pending");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .post("/api/sales/sales/" + next + "/customer/", json("customer_id", 12))
                        .status())
                .isEqualTo(401);
        assertThat(as(TestStores.newKey("byr"), 5, "owner")
                        .in(store)
                        .post("/api/sales/sales/" + next + "/customer/", json("customer_id", 12))
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(as(store, 7, "stockkeeper")
                        .post("/api/sales/sales/" + next + "/customer/", json("customer_id", 12))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.get("/api/sales/sales/" + next + "/").at("/customer").isNull())
                .isTrue();
    }

    @Test
    void aDebtPaidInCashAtATillLandsInThatShiftOnce() throws Exception {
        String store = TestStores.newKey("dbt");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 10000))
                .at("/data/id")
                .asLong();
        EventSamples.Sample paid = EventSamples.of("CustomerBalanceChanged");
        paid.assertConsumedBy("sales-service");
        String message = paid.message(store, e -> e.set("/customer_id", 11)
                .set("/transaction_id", 501)
                .set("/transaction_type", "payment")
                .set("/amount", "25000.00")
                .set("/payment_method", "cash")
                .set("/performed_by", 5));
        kafka.send(Topics.CUSTOMER, store, message).get();
        kafka.send(Topics.CUSTOMER, store, message).get();
        // a card payment, and one taken by someone without an open shift, are not till cash
        kafka.send(Topics.CUSTOMER, store, paid.message(store, e -> e.set("/transaction_id", 502)
                        .set("/transaction_type", "payment")
                        .set("/amount", "7000.00")
                        .set("/payment_method", "card")
                        .set("/performed_by", 5)))
                .get();
        kafka.send(Topics.CUSTOMER, store, paid.message(store, e -> e.set("/transaction_id", 503)
                        .set("/transaction_type", "payment")
                        .set("/amount", "9000.00")
                        .set("/payment_method", "cash")
                        .set("/performed_by", 1)))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("35000.00"));
        Api.Response detail = cashier.get("/api/sales/sessions/" + session + "/");
        assertThat(detail.at("/cash_movements").findValuesAsText("reason"))
                .as(detail.toString())
                .containsExactly("debt_payment");
        assertThat(detail.at("/cash_movements/0/description").asText())
                .isEqualTo("Погашение долга: клиент #11, операция #501");
        Api.Response byReason = cashier.get("/api/sales/cash-movements/?reason=debt_payment");
        assertThat(byReason.status())
                .as("the reasons Kassa records can be filtered on: " + byReason)
                .isEqualTo(200);
        assertThat(byReason.at("/count").asInt()).isEqualTo(1);
        assertThat(as(store, 1, "owner")
                        .post(
                                "/api/sales/cash-movements/",
                                json(
                                        "session",
                                        session,
                                        "movement_type",
                                        "cash_in",
                                        "reason",
                                        "debt_payment",
                                        "amount",
                                        "1000"))
                        .at("/errors/reason")
                        .isArray())
                .as("but never given by hand")
                .isTrue();
    }
}
