package dev.kassa.customer;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loyalty (issue 11) and the buyer at the till: points earned on net purchases by the store's rule, spent as the bonus tender
 * (held first, never more than the customer has), given back and taken back by refunds, every step a ledger row; who buys is
 * checked (an inactive customer is refused), a new customer is found by phone or created once, the group discount is answered.
 */
@KassaIntegrationTest
class LoyaltyTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    void sold(String store, long customer, String sale, String total, String bonus) throws Exception {
        EventSamples.Sample completed = EventSamples.of("SaleCompleted");
        kafka.send(Topics.SALES, store, completed.message(store, e -> {
                    e.set("/sale_id", sale)
                            .set("/receipt_number", "MAIN-20261123-" + sale)
                            .set("/customer_id", customer)
                            .set("/completed_at", Instant.now().toString())
                            .set("/business_date", LocalDate.now().toString())
                            .set("/total", total)
                            .set("/payments/0/method", "cash")
                            .set("/payments/0/amount", new BigDecimal(total).subtract(new BigDecimal(bonus)))
                            .set("/payments/0/received", null)
                            .set("/payments/0/change", null);
                    if (!bonus.equals("0")) {
                        e.addElement("/payments")
                                .set("/payments/1/method", "bonus")
                                .set("/payments/1/amount", bonus);
                    }
                }))
                .get();
    }

    @Test
    void pointsAreEarnedSpentAndReversedByTheStoresRulesEachStepALedgerRow() throws Exception {
        String store = TestStores.newKey("lty");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier");
        // the rules: every member reads them, only the owner changes them, and only to sensible values
        Api.Response rules = till.get("/api/customers/settings/");
        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
        assertThat(rules.text("/loyalty_amount_per_point")).isEqualTo("100.00");
        assertThat(as(store, "manager")
                        .put("/api/customers/settings/", json("loyalty_point_value", 2))
                        .status())
                .isEqualTo(403);
        assertThat(as(store, "stockkeeper").get("/api/customers/settings/").status())
                .isEqualTo(403);
        Api.Response bad =
                owner.patch("/api/customers/settings/", json("loyalty_amount_per_point", 0, "loyalty_point_value", -1));
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .contains("loyalty_amount_per_point", "loyalty_point_value");
        // a till polls the rules with the ETag it was given: 304 while they are unchanged, the rules again once they
        // change
        String tag = rules.header("ETag");
        assertThat(tag).as(rules.toString()).isNotBlank();
        Api.Response unchanged = till.header("If-None-Match", tag).get("/api/customers/settings/");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.raw()).isEmpty();
        assertThat(owner.patch("/api/customers/settings/", json("loyalty_amount_per_point", 1000))
                        .text("/loyalty_amount_per_point"))
                .isEqualTo("1000.00");
        Api.Response changed = till.header("If-None-Match", tag).get("/api/customers/settings/");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("/loyalty_amount_per_point")).isEqualTo("1000.00");
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(as(store, "stockkeeper")
                        .header("If-None-Match", tag)
                        .get("/api/customers/settings/")
                        .status())
                .as("a tag opens nothing to a role that may not read the rules")
                .isEqualTo(403);
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/customers/settings/")
                        .text("/code"))
                .isEqualTo("not_authenticated");
        assertThat(as(TestStores.newKey("lto"), "owner")
                        .in(store)
                        .put("/api/customers/settings/", json("loyalty_point_value", 5))
                        .text("/code"))
                .as("another store's owner")
                .isEqualTo("not_a_member");

        long customer = owner.post("/api/customers/customers/", json("first_name", "Севара", "phone", "+998907771122"))
                .at("/id")
                .asLong();
        // 150000 at one point per full 1000: 150 points
        sold(store, customer, "71", "150000.00", "0");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(owner.get("/api/customers/customers/" + customer + "/")
                                .at("/loyalty_points")
                                .asInt())
                        .isEqualTo(150));
        Api.Response ledger = owner.get("/api/customers/transactions/?customer=" + customer);
        assertThat(ledger.text("/results/0/transaction_type"))
                .as(ledger.toString())
                .isEqualTo("bonus_accrual");
        assertThat(ledger.at("/results/0/points").asInt()).isEqualTo(150);
        assertThat(ledger.at("/results/0/points_after").asInt()).isEqualTo(150);
        assertThat(ledger.text("/results/0/balance_after")).isEqualTo("0.00");

        // the till holds points for the bonus tender: never more than the customer has
        Api.Response over = till.asService()
                .post(
                        "/internal/bonus-holds",
                        json(
                                "request_ref",
                                UUID.randomUUID().toString(),
                                "customer_id",
                                customer,
                                "amount",
                                151,
                                "sale_id",
                                "72"));
        assertThat(over.status()).as(over.toString()).isEqualTo(400);
        assertThat(over.text("/code")).isEqualTo("insufficient_points");
        assertThat(over.at("/available_points").asInt()).isEqualTo(150);
        assertThat(till.asService()
                        .post(
                                "/internal/bonus-holds",
                                json("request_ref", "p1", "customer_id", customer, "amount", "10.50", "sale_id", "72"))
                        .at("/errors/amount")
                        .isArray())
                .as("only whole points")
                .isTrue();
        assertThat(till.post(
                                "/internal/bonus-holds",
                                json("request_ref", "p2", "customer_id", customer, "amount", 10, "sale_id", "72"))
                        .status())
                .as("holds are for Kassa's services only")
                .isEqualTo(403);
        String ref = UUID.randomUUID().toString();
        Api.Response held = till.asService()
                .post(
                        "/internal/bonus-holds",
                        json("request_ref", ref, "customer_id", customer, "amount", 100, "sale_id", "72"));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/available_points").asInt()).isEqualTo(50);
        assertThat(till.asService()
                        .post(
                                "/internal/bonus-holds",
                                json(
                                        "request_ref",
                                        UUID.randomUUID().toString(),
                                        "customer_id",
                                        customer,
                                        "amount",
                                        51,
                                        "sale_id",
                                        "73"))
                        .text("/code"))
                .as("a second till sees the points already held")
                .isEqualTo("insufficient_points");

        // sale 72: 20000, 100 of it with points; 100 points spent, 19 earned on the 19900 paid otherwise
        sold(store, customer, "72", "20000.00", "100.00");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(owner.get("/api/customers/customers/" + customer + "/")
                                .at("/loyalty_points")
                                .asInt())
                        .isEqualTo(150 - 100 + 19));
        assertThat(owner.get("/api/customers/transactions/?customer=" + customer + "&transaction_type=bonus_redemption")
                        .at("/results/0/points")
                        .asInt())
                .isEqualTo(-100);

        // sale 72 refunded whole: the 100 points come back, the 19 earned go
        EventSamples.Sample refunded = EventSamples.of("SaleRefunded");
        kafka.send(Topics.SALES, store, refunded.message(store, e -> e.set("/sale_id", "72")
                        .set("/refund_id", "5")
                        .set("/receipt_number", "MAIN-20261123-72")
                        .set("/customer_id", customer)
                        .set("/amount", "20000.00")
                        .set("/bonus_amount", "100.00")
                        .set("/fully_refunded", true)))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(owner.get("/api/customers/customers/" + customer + "/")
                                .at("/loyalty_points")
                                .asInt())
                        .isEqualTo(150));
        assertThat(owner.get("/api/customers/transactions/?customer=" + customer)
                        .at("/results")
                        .findValuesAsText("transaction_type"))
                .contains("bonus_return", "bonus_reversal");
        // half of sale 71 back: half its 150 points go
        kafka.send(Topics.SALES, store, refunded.message(store, e -> e.set("/sale_id", "71")
                        .set("/refund_id", "6")
                        .set("/receipt_number", "MAIN-20261123-71")
                        .set("/customer_id", customer)
                        .set("/amount", "75000.00")))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(owner.get("/api/customers/customers/" + customer + "/")
                                .at("/loyalty_points")
                                .asInt())
                        .isEqualTo(75));
    }

    @Test
    void theTillsBuyerIsCheckedFoundByPhoneOrCreatedOnceWithTheGroupDiscount() {
        String store = TestStores.newKey("tcu");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier").asService();
        long group = owner.post("/api/customers/groups/", json("name", "Оптовики", "discount_percent", 7.5))
                .at("/id")
                .asLong();
        long regular = owner.post(
                        "/api/customers/customers/",
                        json("first_name", "Бахром", "last_name", "Алиев", "phone", "+998905550011", "group", group))
                .at("/id")
                .asLong();

        Api.Response byId = till.post("/internal/till-customers", json("customer_id", regular));
        assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
        assertThat(byId.text("/customer/full_name")).isEqualTo("Алиев Бахром");
        assertThat(byId.text("/customer/discount_percent")).isEqualTo("7.50");
        assertThat(byId.text("/customer/point_value")).isEqualTo("1.00");
        assertThat(till.post("/internal/till-customers", json("customer_phone", "+998905550011"))
                        .at("/customer/id")
                        .asLong())
                .isEqualTo(regular);
        assertThat(till.post("/internal/till-customers", json("customer_phone", "+998905550099"))
                        .at("/customer")
                        .isNull())
                .as("a phone nobody has names nobody")
                .isTrue();

        // an unknown or inactive customer is refused on customer_id
        assertThat(till.post("/internal/till-customers", json("customer_id", 424242))
                        .at("/errors/customer_id")
                        .isArray())
                .isTrue();
        assertThat(owner.patch("/api/customers/customers/" + regular + "/", json("is_active", false))
                        .status())
                .isEqualTo(200);
        Api.Response inactive = till.post("/internal/till-customers", json("customer_id", regular));
        assertThat(inactive.status()).isEqualTo(400);
        assertThat(inactive.at("/errors/customer_id").isArray()).isTrue();

        // the web client's new_customer: created once, found by phone after that; its own field errors are named as
        // such
        Api.Response created = till.post(
                "/internal/till-customers", json("new_customer", json("first_name", "Иван", "phone", "+998901234500")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.at("/customer/created").asBoolean()).isTrue();
        long fresh = created.at("/customer/id").asLong();
        Api.Response again = till.post(
                "/internal/till-customers", json("new_customer", json("first_name", "Иван", "phone", "+998901234500")));
        assertThat(again.at("/customer/id").asLong()).isEqualTo(fresh);
        assertThat(again.at("/customer/created").asBoolean()).isFalse();
        assertThat(owner.get("/api/customers/customers/?search=%2B998901234500")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        Api.Response wrong = till.post(
                "/internal/till-customers", json("new_customer", json("first_name", "Иван", "phone", "12345")));
        assertThat(wrong.at("/errors/new_customer.phone").isArray())
                .as(wrong.toString())
                .isTrue();
        assertThat(as(store, "stockkeeper")
                        .asService()
                        .post("/internal/till-customers", json("customer_id", fresh))
                        .status())
                .as("a role that may not sell")
                .isEqualTo(403);
    }
}
