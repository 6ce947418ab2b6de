package dev.kassa.customer;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaWebSliceTests;
import dev.kassa.platform.test.MockedCollaborators;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What customer-service's web layer decides before any work: tokens, store keys, roles, request shapes. */
class CustomerWebTests extends KassaWebSliceTests {

    @Test
    void rolesMembershipTokensAndUnreadableBodiesAreRefusedBeforeAnyCustomerIsRead() {
        assertThat(as("owner").post("/api/customers/customers/", "[").text("/code"))
                .isEqualTo("parse_error");
        assertThat(as("stockkeeper").get("/api/customers/customers/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("stockkeeper")
                        .post("/api/customers/customers/", json("name", "x", "phone", "+998901234567"))
                        .status())
                .isEqualTo(403);
        assertThat(Api.through(mvc)
                        .as(TestTokens.token(8, "o", Map.of(TestStores.newKey("oth"), "owner")))
                        .in(store)
                        .get("/api/customers/customers/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(Api.through(mvc).in(store).get("/api/customers/customers/").status())
                .isEqualTo(401);
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }
}
