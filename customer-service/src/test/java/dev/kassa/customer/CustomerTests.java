package dev.kassa.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.SeedExamples;
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
import java.util.stream.StreamSupport;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KassaIntegrationTest
class CustomerTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    @Test
    void thePublishedSpecShowsAnExampleOfEveryBodyAndTheOriginalsSpellingsOfAPath() {
        JsonNode docs = new Api("http://localhost:" + port).get("/v3/api-docs").body();
        ApiDocs.assertComplete("customer-service", docs);
        assertThat(docs.path("paths").toString()).contains("x-kassa-aliases");
    }

    @Test
    void theApiDocumentsCustomerIsCreatedAndListedOnlyInItsStore() {
        String a = TestStores.newKey("cus");
        String b = TestStores.newKey("cus");
        // erp-v2-api.md 6.2, verbatim
        Api.Response created = as(a, "cashier").post("/api/customers/customers/", SeedExamples.customer());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/id").asLong()).isPositive();
        assertThat(created.text("/full_name")).isEqualTo("Test Customer");
        assertThat(created.text("/balance")).isEqualTo("0.00");
        // the customer's stored fields (its form) and computed ones, each once and by the names the spec gives them
        List<String> fields = new ArrayList<>();
        created.body().fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "id",
                        "first_name",
                        "last_name",
                        "middle_name",
                        "full_name",
                        "customer_type",
                        "customer_type_display",
                        "company_name",
                        "tax_id",
                        "phone",
                        "phone_2",
                        "email",
                        "address",
                        "city",
                        "region",
                        "postal_code",
                        "group",
                        "group_name",
                        "balance",
                        "credit_limit",
                        "available_credit",
                        "loyalty_points",
                        "total_purchases",
                        "total_purchases_count",
                        "default_discount",
                        "is_vip",
                        "birthday",
                        "notes",
                        "is_active",
                        "is_blocked",
                        "created_at",
                        "updated_at",
                        "last_purchase_at",
                        "total_spent",
                        "bonus_balance",
                        "last_purchase_date");
        assertThat(created.at("/group").isNull()).isTrue();
        assertThat(created.at("/is_active").asBoolean()).isTrue();
        assertThat(as(a, "cashier")
                        .get("/api/customers/customers/")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(as(a, "cashier")
                        .get("/api/customers/customers/" + created.text("/id"))
                        .text("/phone"))
                .isEqualTo("+998901234567");
        assertThat(as(b, "owner").get("/api/customers/customers/").at("/count").asInt())
                .isZero();
        // the same phone is a different customer in another store
        assertThat(as(b, "owner")
                        .post("/api/customers/customers/", json("name", "Other", "phone", "+998901234567"))
                        .status())
                .isEqualTo(201);
        assertThat(as(a, "cashier")
                        .post("/api/customers/customers/", json("name", "Dup", "phone", "+998901234567"))
                        .text("/errors/phone/0"))
                .isEqualTo("Покупатель с таким номером телефона уже существует");
    }

    @Test
    void completedSalesAndRefundsBuildTheCustomersHistoryOnce() throws Exception {
        String store = TestStores.newKey("cus");
        Api cashier = as(store, "cashier");
        long customer = cashier.post("/api/customers/customers/", json("name", "Алия", "phone", "+998901112233"))
                .at("/id")
                .asLong();
        EventSamples.Sample completed = EventSamples.of("SaleCompleted");
        completed.assertConsumedBy("customer-service");
        String sale = completed.message(store, e -> e.set("/sale_id", "77")
                .set("/receipt_number", "MAIN-20261121-0077")
                .set("/customer_id", customer)
                .set("/completed_at", Instant.now().toString())
                .set("/business_date", LocalDate.now().toString())
                .set("/total", "25050.00")
                .set("/lines/0/quantity", "2.000"));
        // a sale without a customer is not this service's business
        kafka.send(Topics.SALES, store, completed.message(store, e -> e.set("/sale_id", "78")
                        .set("/customer_id", null)))
                .get();
        kafka.send(Topics.SALES, store, sale).get();
        kafka.send(Topics.SALES, store, sale).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response c = cashier.get("/api/customers/customers/" + customer + "/");
            assertThat(c.text("/total_purchases")).isEqualTo("25050.00");
            assertThat(c.text("/total_purchases_count")).isEqualTo("1");
            assertThat(c.text("/loyalty_points")).isEqualTo("250");
        });
        // the original web client's customer page and till search read these names (its list pages by limit and offset)
        Api.Response listed = cashier.get("/api/customers/customers/?q=&date_from=&date_to=&offset=0&limit=7");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode row = StreamSupport.stream(listed.at("/results").spliterator(), false)
                .filter(r -> r.path("id").asText().equals(String.valueOf(customer)))
                .findFirst()
                .orElseThrow();
        assertThat(row.path("total_spent").asText()).isEqualTo("25050.00");
        assertThat(row.path("bonus_balance").asInt()).isEqualTo(250);
        assertThat(Instant.parse(row.path("last_purchase_date").asText())).isNotNull();
        // erp-v2-api.md 6.4
        Api.Response history = cashier.get("/api/customers/customers/" + customer + "/purchase-history/");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.at("/count").asInt()).isEqualTo(1);
        assertThat(history.text("/results/0/receipt_number")).isEqualTo("MAIN-20261121-0077");

        EventSamples.Sample refunded = EventSamples.of("SaleRefunded");
        refunded.assertConsumedBy("customer-service");
        kafka.send(Topics.SALES, store, refunded.message(store, e -> e.set("/sale_id", "77")
                        .set("/refund_id", "1")
                        .set("/receipt_number", "MAIN-20261121-0077")
                        .set("/customer_id", customer)
                        .set("/amount", "5050.00")))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response c = cashier.get("/api/customers/customers/" + customer + "/");
            assertThat(c.text("/total_purchases")).isEqualTo("20000.00");
            assertThat(c.text("/loyalty_points")).isEqualTo("200");
        });
        assertThat(cashier.get("/api/customers/customers/" + customer + "/purchase-history/")
                        .text("/results/0/refunded"))
                .isEqualTo("5050.00");
        String today = LocalDate.now().toString();
        assertThat(cashier.get("/api/customers/customers/" + customer + "/purchase-history/?date_from=" + today
                                + "&date_to=" + today)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/customers/customers/" + customer + "/purchase-history/?date_to=2000-01-01")
                        .at("/count")
                        .asInt())
                .isZero();
        assertThat(cashier.get("/api/customers/customers/" + customer + "/purchase-history/?date_from=soon")
                        .at("/errors/date_from")
                        .isArray())
                .isTrue();
        // the web client's statistics page: top customers by net purchases (the refund deducted) or by count
        long second = cashier.post("/api/customers/customers/", json("name", "Бахром", "phone", "+998901112244"))
                .at("/id")
                .asLong();
        kafka.send(Topics.SALES, store, completed.message(store, e -> e.set("/sale_id", "79")
                        .set("/receipt_number", "MAIN-20261121-0079")
                        .set("/customer_id", second)
                        .set("/completed_at", Instant.now().toString())
                        .set("/business_date", today)
                        .set("/total", "30000.00")))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        cashier.get("/api/customers/customers/" + second + "/").text("/total_purchases_count"))
                .isEqualTo("1"));
        Api.Response top = cashier.get("/api/customers/customers/top/?limit=5&order_by=total_purchases");
        assertThat(top.status()).as(top.toString()).isEqualTo(200);
        assertThat(top.at("/data").size()).isEqualTo(2);
        assertThat(top.at("/data/0/id").asLong()).isEqualTo(second);
        assertThat(top.text("/data/0/total_purchases")).isEqualTo("30000.00");
        assertThat(top.text("/data/1/total_purchases")).isEqualTo("20000.00");
        assertThat(top.text("/data/1/phone")).isEqualTo("+998901112233");
        assertThat(cashier.get("/api/customers/customers/top/?limit=1&date_to=2000-01-01")
                        .at("/data")
                        .size())
                .isZero();
        assertThat(cashier.get("/api/customers/customers/top/?limit=0")
                        .at("/errors/limit")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/customers/customers/top/?order_by=name")
                        .at("/errors/order_by")
                        .isArray())
                .isTrue();
        assertThat(as(store, "stockkeeper").get("/api/customers/customers/top/").status())
                .isEqualTo(403);
        assertThat(cashier.get("/api/customers/customers/424242/purchase-history/")
                        .status())
                .isEqualTo(404);
        assertThat(as(store, "stockkeeper")
                        .get("/api/customers/customers/" + customer + "/purchase-history/")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badInputRolesAndMembershipAreRefused() {
        String store = TestStores.newKey("cus");
        Api.Response bad = as(store, "owner")
                .post(
                        "/api/customers/customers/",
                        json("phone", "8901234567", "email", "nope", "customer_type", "company"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames()).toIterable().contains("name", "phone", "email", "company_name");
        // issue 84, point 4: a buyer's name prints on receipts: a control character is refused on its field
        Api.Response control = as(store, "owner")
                .post("/api/customers/customers/", json("first_name", "Дилшод\u001bp\u0000", "phone", "+998901234500"));
        assertThat(control.status()).as(control.toString()).isEqualTo(400);
        assertThat(control.at("/errors").fieldNames()).toIterable().containsExactly("first_name");
        assertThat(as(store, "owner")
                        .get("/api/customers/customers/")
                        .at("/count")
                        .asInt())
                .isZero();
        assertThat(as(store, "owner").get("/api/customers/customers/424242").status())
                .isEqualTo(404);
    }
}
