package dev.kassa.customer;

import dev.kassa.customer.customer.CustomerCreated;
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
        Api cashier = new Api("http://localhost:" + port).as(TestTokens.token(5, "c5", Map.of(store, "cashier"))).in(store);
        long id = cashier.post("/api/customers/customers/", json("first_name", "Алия", "last_name", "Каримова", "phone", "+998901112299"))
                .at("/id").asLong();
        var event = EventSamples.awaitEmitted(CustomerCreated.class, store);
        assertThat(event.at("/payload/customer_id").asLong()).isEqualTo(id);
        assertThat(event.at("/payload/full_name").asText()).isEqualTo("Каримова Алия");
    }

    @Test
    void everyEventCustomerServicePublishesIsCheckedAgainstItsGoldenSample() {
        EventSamples.assertAllContractsChecked("dev.kassa.customer", List.of(CustomerCreated.class));
    }
}
