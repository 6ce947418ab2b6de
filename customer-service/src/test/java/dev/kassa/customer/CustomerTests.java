package dev.kassa.customer;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@KassaIntegrationTest
class CustomerTests {

    @LocalServerPort
    int port;

    static String newStore() {
        return TestStores.newKey("cus");
    }

    Api as(String store, String role) {
        return new Api("http://localhost:" + port).as(TestTokens.token(4, role, Map.of(store, role))).in(store);
    }

    @Test
    void theApiDocumentsCustomerIsCreatedAndListedOnlyInItsStore() {
        String a = newStore();
        String b = newStore();
        // erp-v2-api.md 6.2, verbatim
        Api.Response created = as(a, "cashier").post("/api/customers/customers/", json("name", "Test Customer", "phone", "+998901234567",
                "email", "customer@example.com", "address", "Tashkent, Uzbekistan"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/id").asLong()).isPositive();
        assertThat(created.text("/full_name")).isEqualTo("Test Customer");
        assertThat(created.text("/balance")).isEqualTo("0.00");
        assertThat(as(a, "cashier").get("/api/customers/customers/").at("/count").asInt()).isEqualTo(1);
        assertThat(as(a, "cashier").get("/api/customers/customers/" + created.text("/id")).text("/phone")).isEqualTo("+998901234567");
        assertThat(as(b, "owner").get("/api/customers/customers/").at("/count").asInt()).isZero();
        // the same phone is a different customer in another store
        assertThat(as(b, "owner").post("/api/customers/customers/", json("name", "Other", "phone", "+998901234567")).status()).isEqualTo(201);
        assertThat(as(a, "cashier").post("/api/customers/customers/", json("name", "Dup", "phone", "+998901234567")).text("/errors/phone/0"))
                .isEqualTo("Покупатель с таким номером телефона уже существует");
    }

    @Test
    void badInputRolesAndMembershipAreRefused() {
        String store = newStore();
        Api.Response bad = as(store, "owner").post("/api/customers/customers/", json("phone", "8901234567", "email", "nope", "customer_type", "company"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames()).toIterable().contains("name", "phone", "email", "company_name");
        assertThat(as(store, "owner").post("/api/customers/customers/", "[").text("/code")).isEqualTo("parse_error");
        assertThat(as(store, "stockkeeper").get("/api/customers/customers/").text("/code")).isEqualTo("permission_denied");
        assertThat(as(store, "stockkeeper").post("/api/customers/customers/", json("name", "x", "phone", "+998901234567")).status()).isEqualTo(403);
        assertThat(as(newStore(), "owner").in(store).get("/api/customers/customers/").text("/code")).isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port).in(store).get("/api/customers/customers/").status()).isEqualTo(401);
        assertThat(as(store, "owner").get("/api/customers/customers/424242").status()).isEqualTo(404);
    }
}
