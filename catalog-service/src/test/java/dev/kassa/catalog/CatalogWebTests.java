package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaWebSliceTests;
import dev.kassa.platform.test.MockedCollaborators;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What catalog's web layer decides before any work: tokens, store keys, roles, request shapes. */
class CatalogWebTests extends KassaWebSliceTests {

    @Test
    void badShapesAreRefusedPerFieldBeforeAnythingIsDone() {
        Api owner = as("owner");
        Api.Response notNumber = owner.post("/api/products/products/", json("name", "x", "sale_price", "много"));
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.at("/errors/sale_price").isArray()).isTrue();
        assertThat(owner.post("/api/products/products/", "{\"name\":").text("/code"))
                .isEqualTo("parse_error");
        assertThat(owner.get("/api/products/products/?page=abc").status()).isEqualTo(400);
        Api.Response bad = owner.post(
                "/api/products/suppliers/",
                json("code", "MOLK", "email", "not-mail", "website", "molk", "rating", 9, "delivery_time", -1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .contains("name", "email", "website", "rating", "delivery_time");
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }

    @Test
    void aRequestTheWebLayerAllowsReachesTheService() {
        assertThat(as("stockkeeper").get("/api/products/suppliers/1/").status()).isEqualTo(200);
        assertThat(MockedCollaborators.called(context))
                .containsExactly("dev.kassa.catalog.inventory.supplier.SupplierService");
    }

    @Test
    void rolesMembershipAndTokensAreEnforced() {
        Api cashier = as("cashier");
        assertThat(cashier.post("/api/products/products/", json("name", "X", "sale_price", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.post("/api/products/categories/", json("name", "X")).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.post("/api/products/suppliers/", json("name", "X")).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("stockkeeper").delete("/api/products/suppliers/1/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(Api.through(mvc)
                        .as(TestTokens.token(8, "o", Map.of(TestStores.newKey("oth"), "owner")))
                        .in(store)
                        .get("/api/products/products/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(Api.through(mvc).in(store).get("/api/products/products/").status())
                .isEqualTo(401);
        assertThat(as("owner").in(null).get("/api/products/products/").text("/code"))
                .isEqualTo("missing_tenant_key");
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }
}
