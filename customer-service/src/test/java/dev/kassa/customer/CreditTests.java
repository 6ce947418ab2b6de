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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Credit sales (nasiya, issue 11) on customer-service's side: holds against the available credit (never exceeded, not even
 * by two tills at once), debt in the ledger when sales announces the sale, the credit part of a refund paid back.
 */
@KassaIntegrationTest
class CreditTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    Api.Response hold(Api till, long customer, Object amount, String sale) {
        return till.asService()
                .post(
                        "/internal/credit-holds",
                        json(
                                "request_ref",
                                UUID.randomUUID().toString(),
                                "customer_id",
                                customer,
                                "amount",
                                amount,
                                "sale_id",
                                sale));
    }

    @Test
    void holdsNeverExceedTheAvailableCreditAndACompletedSaleBecomesDebt() throws Exception {
        String store = TestStores.newKey("crh");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier");
        long customer = owner.post(
                        "/api/customers/customers/",
                        json("first_name", "Нодира", "phone", "+998907770011", "credit_limit", 100000))
                .at("/id")
                .asLong();

        Api.Response over = hold(till, customer, 150000, "41");
        assertThat(over.status()).as(over.toString()).isEqualTo(400);
        assertThat(over.text("/code")).isEqualTo("credit_limit_exceeded");
        assertThat(over.text("/available")).isEqualTo("100000.00");
        assertThat(over.text("/requested")).isEqualTo("150000.00");
        assertThat(over.text("/message")).contains("100000.00").contains("150000.00");
        assertThat(hold(till, customer, -5, "41").at("/errors/amount").isArray())
                .isTrue();
        assertThat(hold(till, 424242, 10, "41").status()).isEqualTo(404);
        assertThat(till.post(
                                "/internal/credit-holds",
                                json("request_ref", "x", "customer_id", customer, "amount", 10, "sale_id", "41"))
                        .status())
                .as("holds are for Kassa's services only")
                .isEqualTo(403);
        assertThat(as(store, "stockkeeper")
                        .asService()
                        .post(
                                "/internal/credit-holds",
                                json("request_ref", "y", "customer_id", customer, "amount", 10, "sale_id", "41"))
                        .status())
                .as("a role that may not sell")
                .isEqualTo(403);

        // two tills race for 60000 each of the 100000: exactly one wins
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String sale = String.valueOf(50 + i);
                racers.add(() -> hold(till, customer, 60000, sale).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(racers)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        } finally {
            pool.shutdown();
        }
        String won = hold(till, customer, 40000, "52").status() == 200 ? "52" : null;
        assertThat(won).as("40000 was left").isEqualTo("52");
        assertThat(hold(till, customer, "0.01", "53").text("/code")).isEqualTo("credit_limit_exceeded");
        // a failed checkout gives its hold back; the same reference twice is one hold
        String ref = UUID.randomUUID().toString();
        assertThat(till.asService()
                        .post("/internal/credit-holds/release", json("request_refs", List.of(ref)))
                        .status())
                .isEqualTo(200);

        // sales announces sale 52 (40000 on credit): the hold becomes debt in the ledger
        EventSamples.Sample completed = EventSamples.of("SaleCompleted");
        kafka.send(Topics.SALES, store, completed.message(store, e -> e.set("/sale_id", "52")
                        .set("/receipt_number", "MAIN-20261123-0052")
                        .set("/customer_id", customer)
                        .set("/completed_at", Instant.now().toString())
                        .set("/business_date", LocalDate.now().toString())
                        .set("/total", "40000.00")
                        .set("/payments/0/method", "credit")
                        .set("/payments/0/amount", "40000.00")
                        .set("/payments/0/received", null)
                        .set("/payments/0/change", null)))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/customers/customers/" + customer + "/").text("/balance"))
                .isEqualTo("-40000.00"));
        Api.Response detail = owner.get("/api/customers/customers/" + customer + "/");
        assertThat(detail.text("/available_credit")).isEqualTo("60000.00");
        // the debt is one row of the ledger (the points the purchase earned are another)
        Api.Response ledger =
                owner.get("/api/customers/transactions/?customer=" + customer + "&transaction_type=charge");
        assertThat(ledger.at("/count").asInt()).as(ledger.toString()).isEqualTo(1);
        assertThat(ledger.text("/results/0/transaction_type"))
                .as("spec §6 K11: a credit sale is a charge")
                .isEqualTo("charge");
        assertThat(ledger.text("/results/0/transaction_type_display")).isEqualTo("Списание");
        assertThat(ledger.text("/results/0/amount")).isEqualTo("-40000.00");
        assertThat(ledger.text("/results/0/sale")).isEqualTo("52");
        assertThat(owner.get("/api/customers/customers/debtors/")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(customer);

        // the credit part of a refund pays the debt back
        EventSamples.Sample refunded = EventSamples.of("SaleRefunded");
        kafka.send(Topics.SALES, store, refunded.message(store, e -> e.set("/sale_id", "52")
                        .set("/refund_id", "9")
                        .set("/receipt_number", "MAIN-20261123-0052")
                        .set("/customer_id", customer)
                        .set("/amount", "15000.00")
                        .set("/credit_amount", "15000.00")
                        .set("/method", "credit")))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/customers/customers/" + customer + "/").text("/balance"))
                .isEqualTo("-25000.00"));

        // a blocked customer may owe nothing more
        assertThat(owner.patch("/api/customers/customers/" + customer + "/", json("is_blocked", true))
                        .status())
                .isEqualTo(200);
        Api.Response blocked = hold(till, customer, 1, "60");
        assertThat(blocked.text("/code")).isEqualTo("credit_limit_exceeded");
        assertThat(blocked.text("/available")).isEqualTo("0.00");
    }

    @Test
    void anOfflineTillsCreditSaleBeyondTheLimitIsHeldAndSaysByHowMuch() throws Exception {
        String store = TestStores.newKey("cro");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier").asService();
        long customer = owner.post(
                        "/api/customers/customers/",
                        json("first_name", "Рустам", "phone", "+998907770012", "credit_limit", 50000))
                .at("/id")
                .asLong();
        Map<String, Object> offline = json(
                "request_ref",
                UUID.randomUUID().toString(),
                "customer_id",
                customer,
                "amount",
                70000,
                "sale_id",
                "61",
                "allow_over_limit",
                true);
        // beyond the limit only as far as the owner allows: none by default (issue 60, point 2)
        Api.Response refused = till.post("/internal/credit-holds", offline);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("credit_limit_exceeded");
        assertThat(refused.text("/over_limit_allowed")).isEqualTo("0.00");
        assertThat(owner.get("/api/customers/settings/").text("/offline_credit_over_limit"))
                .isEqualTo("0.00");
        assertThat(as(store, "cashier")
                        .patch("/api/customers/settings/", json("offline_credit_over_limit", 20000))
                        .status())
                .as("the owner's to set")
                .isEqualTo(403);
        assertThat(owner.patch("/api/customers/settings/", json("offline_credit_over_limit", -1))
                        .at("/errors/offline_credit_over_limit")
                        .isArray())
                .isTrue();
        assertThat(owner.patch("/api/customers/settings/", json("offline_credit_over_limit", 20000))
                        .text("/offline_credit_over_limit"))
                .isEqualTo("20000.00");
        Map<String, Object> further = new java.util.HashMap<>(offline);
        further.put("request_ref", UUID.randomUUID().toString());
        further.put("amount", 70001);
        assertThat(till.post("/internal/credit-holds", further).text("/code"))
                .as("a cent beyond the bound")
                .isEqualTo("credit_limit_exceeded");
        Api.Response held = till.post("/internal/credit-holds", offline);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("/over_limit")).isEqualTo("20000.00");
        assertThat(held.text("/available_credit")).isEqualTo("0.00");
        // within the limit, nothing is over
        Api.Response within = till.post(
                "/internal/credit-holds",
                json(
                        "request_ref",
                        UUID.randomUUID().toString(),
                        "customer_id",
                        owner.post(
                                        "/api/customers/customers/",
                                        json("first_name", "Лола", "phone", "+998907770013", "credit_limit", 50000))
                                .at("/id")
                                .asLong(),
                        "amount",
                        100,
                        "sale_id",
                        "62",
                        "allow_over_limit",
                        true));
        assertThat(within.text("/over_limit")).isEqualTo("0.00");
        // the online till is still refused at the limit: the customer has nothing left
        assertThat(hold(till, customer, 1, "63").text("/code")).isEqualTo("credit_limit_exceeded");
        assertThat(till.post(
                                "/internal/credit-holds",
                                json(
                                        "request_ref",
                                        "z",
                                        "customer_id",
                                        customer,
                                        "amount",
                                        1,
                                        "sale_id",
                                        "64",
                                        "allow_over_limit",
                                        "often"))
                        .status())
                .as("not a boolean")
                .isEqualTo(400);

        // the sale completes: the debt is the whole 70000
        EventSamples.Sample completed = EventSamples.of("SaleCompleted");
        kafka.send(Topics.SALES, store, completed.message(store, e -> e.set("/sale_id", "61")
                        .set("/receipt_number", "MAIN-20261125-0061")
                        .set("/customer_id", customer)
                        .set("/completed_at", Instant.now().toString())
                        .set("/business_date", LocalDate.now().toString())
                        .set("/total", "70000.00")
                        .set("/payments/0/method", "credit")
                        .set("/payments/0/amount", "70000.00")
                        .set("/payments/0/received", null)
                        .set("/payments/0/change", null)))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/customers/customers/" + customer + "/").text("/balance"))
                .isEqualTo("-70000.00"));
        assertThat(owner.get("/api/customers/customers/" + customer + "/").text("/available_credit"))
                .isEqualTo("0.00");
    }
}
