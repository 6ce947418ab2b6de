package dev.kassa.customer;

import dev.kassa.customer.card.CustomerCreated;
import dev.kassa.customer.card.CustomerDeleted;
import dev.kassa.customer.card.CustomerUpdated;
import dev.kassa.customer.ledger.CustomerBalanceChanged;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What customer-service really publishes has exactly the shape of each event's golden sample. */
@KassaIntegrationTest
class EventContractTests {

    @LocalServerPort
    int port;

    @Test
    void aNewCustomerIsAnnouncedAsItsGoldenSampleSays() {
        String store = TestStores.newKey("cev");
        Api cashier = new Api("http://localhost:" + port)
                .as(TestTokens.token(5, "c5", Map.of(store, "cashier")))
                .in(store);
        long id = cashier.post(
                        "/api/customers/customers/",
                        json("first_name", "Алия", "last_name", "Каримова", "phone", "+998901112299"))
                .at("/id")
                .asLong();
        var event = EventSamples.awaitEmitted(CustomerCreated.class, store);
        assertThat(event.at("/payload/customer_id").asLong()).isEqualTo(id);
        assertThat(event.at("/payload/full_name").asText()).isEqualTo("Каримова Алия");

        Api owner = new Api("http://localhost:" + port)
                .as(TestTokens.token(1, "o1", Map.of(store, "owner")))
                .in(store);
        assertThat(owner.patch("/api/customers/customers/" + id + "/", json("credit_limit", "500000"))
                        .status())
                .isEqualTo(200);
        assertThat(EventSamples.awaitEmitted(CustomerUpdated.class, store)
                        .at("/payload/credit_limit")
                        .asText())
                .isEqualTo("500000.00");
        assertThat(owner.post(
                                "/api/customers/customers/" + id + "/adjust-balance/",
                                json("amount", "-20000", "reason", "тетрадь"))
                        .status())
                .isEqualTo(200);
        assertThat(EventSamples.awaitEmitted(CustomerBalanceChanged.class, store)
                        .at("/payload/balance_after")
                        .asText())
                .isEqualTo("-20000.00");
        assertThat(owner.delete("/api/customers/customers/" + id + "/").status())
                .isEqualTo(204);
        EventSamples.awaitEmitted(CustomerDeleted.class, store);
    }

    @Test
    void everyEventCustomerServicePublishesIsCheckedAgainstItsGoldenSample() {
        EventSamples.assertAllContractsChecked(
                "dev.kassa.customer",
                List.of(
                        CustomerCreated.class,
                        CustomerUpdated.class,
                        CustomerDeleted.class,
                        CustomerBalanceChanged.class));
    }
}
