package dev.kassa.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ChangeFeedPolls;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Delta sync of customers for offline tills: a balance, a group's discount and a deletion reach the till, nothing else. */
@KassaIntegrationTest
class CustomerSyncTests {

    private static final String SYNC = "/api/customers/sync/customers/";

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    private static Api.Response poll(Api till, String query, int changes) {
        return ChangeFeedPolls.until(till, SYNC + query, "customers", changes);
    }

    private static List<String> phones(JsonNode customers) {
        List<String> phones = new ArrayList<>();
        customers.forEach(c -> phones.add(c.path("phone").asText()));
        return phones;
    }

    @Test
    void anotherTillsCreditHoldMovesTheCustomerAndTheFeedShowsTheCreditLeft() {
        String store = TestStores.newKey("csync");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier");
        long dilnoza = owner.post(
                        "/api/customers/customers/",
                        json("first_name", "Дилноза", "phone", "+998901110009", "credit_limit", 50000))
                .at("/id")
                .asLong();
        Api.Response first = poll(till, "", 1);
        assertThat(first.text("/customers/0/available_credit")).isEqualTo("50000.00");
        String cursor = first.text("/next_cursor");

        // another till's credit sale in progress holds 20 000 of it
        String ref = java.util.UUID.randomUUID().toString();
        Api.Response held = till.asService()
                .post(
                        "/internal/credit-holds",
                        json("request_ref", ref, "customer_id", dilnoza, "amount", 20000, "sale_id", "81"));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        Api.Response moved = poll(till, "?cursor=" + cursor, 1);
        assertThat(moved.text("/customers/0/id")).isEqualTo(String.valueOf(dilnoza));
        assertThat(moved.text("/customers/0/available_credit"))
                .as("what this till may still put on credit")
                .isEqualTo("30000.00");

        // the sale did not go through: the hold is released and the credit is back
        assertThat(till.asService()
                        .post("/internal/credit-holds/release", json("request_refs", List.of(ref)))
                        .status())
                .isEqualTo(200);
        Api.Response back = poll(till, "?cursor=" + moved.text("/next_cursor"), 1);
        assertThat(back.text("/customers/0/available_credit")).isEqualTo("50000.00");
    }

    @Test
    void aTillLearnsOfABalanceAGroupsDiscountAndADeletionOnly() {
        String store = TestStores.newKey("csync");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier");
        long group = owner.post("/api/customers/groups/", json("name", "Постоянные", "discount_percent", 5))
                .at("/id")
                .asLong();
        long aliya = owner.post(
                        "/api/customers/customers/",
                        json("first_name", "Алия", "phone", "+998901110001", "group", group, "credit_limit", 100000))
                .at("/id")
                .asLong();
        long bahrom = owner.post("/api/customers/customers/", json("first_name", "Бахром", "phone", "+998901110002"))
                .at("/id")
                .asLong();

        Api.Response first = poll(till, "", 2);
        assertThat(phones(first.at("/customers"))).containsExactly("+998901110001", "+998901110002");
        String cursor = first.text("/next_cursor");
        assertThat(till.header("If-None-Match", "\"" + cursor + "\"")
                        .get(SYNC + "?cursor=" + cursor)
                        .status())
                .isEqualTo(304);

        // a debt payment moves Aliya's balance; the group's discount changes; Bahrom is deleted
        assertThat(owner.post(
                                "/api/customers/customers/" + aliya + "/adjust-balance/",
                                json("amount", -20000, "reason", "долг"))
                        .status())
                .isIn(200, 201);
        Api.Response changed = poll(till, "?cursor=" + cursor, 1);
        assertThat(changed.at("/customers/0/balance").asText()).isEqualTo("-20000.00");
        assertThat(changed.at("/customers/0/available_credit").asText()).isEqualTo("80000.00");
        cursor = changed.text("/next_cursor");

        assertThat(owner.patch("/api/customers/groups/" + group + "/", json("discount_percent", 10))
                        .status())
                .isEqualTo(200);
        Api.Response discount = poll(till, "?cursor=" + cursor, 1);
        assertThat(discount.at("/customers/0/id").asLong()).isEqualTo(aliya);
        assertThat(new BigDecimal(discount.text("/customers/0/default_discount")))
                .isEqualByComparingTo("10");
        cursor = discount.text("/next_cursor");

        assertThat(owner.delete("/api/customers/customers/" + bahrom + "/").status())
                .isEqualTo(204);
        Api.Response deleted = poll(till, "?cursor=" + cursor, 1);
        assertThat(deleted.at("/deleted").toString()).isEqualTo("[" + bahrom + "]");
        assertThat(deleted.at("/customers").size()).isZero();
    }

    @Test
    void theSpecShowsAPollsCursorLimitAndIfNoneMatch() {
        JsonNode docs = new Api("http://localhost:" + port).get("/v3/api-docs").body();
        JsonNode parameters = docs.path("paths")
                .path("/api/customers/sync/customers")
                .path("get")
                .path("parameters");
        List<String> shown = new ArrayList<>();
        parameters.forEach(
                p -> shown.add(p.path("in").asText() + ":" + p.path("name").asText()));
        assertThat(shown).contains("query:cursor", "query:limit", "header:If-None-Match");
        assertThat(shown).noneMatch(p -> p.contains("poll"));
    }

    @Test
    void badCursorsNoTokenAnotherStoresKeyAndARoleWithoutCustomersAreRefused() {
        Api till = as(TestStores.newKey("csyncbad"), "cashier");
        Api.Response bad = till.get(SYNC + "?cursor=x-1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames()).toIterable().containsExactly("cursor");
        assertThat(till.get(SYNC + "?limit=0").status()).isEqualTo(400);
        assertThat(new Api("http://localhost:" + port).get(SYNC).status()).isEqualTo(401);
        assertThat(Api.member(port, TestStores.newKey("a"), 4, "cashier", "cashier")
                        .in(TestStores.newKey("b"))
                        .get(SYNC)
                        .status())
                .isEqualTo(403);
        assertThat(as(TestStores.newKey("csyncrole"), "stockkeeper").get(SYNC).status())
                .as("a stock keeper does not see customers")
                .isEqualTo(403);
    }
}
