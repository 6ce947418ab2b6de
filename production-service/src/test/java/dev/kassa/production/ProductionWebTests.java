package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaWebSliceTests;
import dev.kassa.platform.test.MockedCollaborators;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What production-service's web layer decides before any work, per endpoint group (lines, orders, routings, planning,
 * release): tokens, store keys, roles (a viewer's writes, an operator's planning, a cashier's anything), unreadable
 * bodies.
 */
class ProductionWebTests extends KassaWebSliceTests {

    @Test
    void strangersRolesAndUnreadableBodiesAreRefusedBeforeAnyProductionIsRead() {
        List<String> reads = List.of(
                "/api/production/lines/",
                "/api/production/orders/",
                "/api/production/routings/",
                "/api/production/planning/queue/",
                "/api/production/planning/stats/");
        for (String path : reads) {
            assertThat(Api.through(mvc).in(store).get(path).status()).as(path).isEqualTo(401);
            assertThat(as("owner").in(null).get(path).text("/code")).as(path).isEqualTo("missing_tenant_key");
            assertThat(Api.through(mvc)
                            .as(TestTokens.token(8, "o", Map.of(TestStores.newKey("oth"), "owner")))
                            .in(store)
                            .get(path)
                            .text("/code"))
                    .as(path)
                    .isEqualTo("not_a_member");
            assertThat(as("cashier").get(path).text("/code")).as(path).isEqualTo("permission_denied");
        }
        List<String> writes = List.of(
                "/api/production/lines/",
                "/api/production/orders/",
                "/api/production/orders/1/plan/",
                "/api/production/orders/1/release/",
                "/api/production/planning/optimize/");
        for (String path : writes) {
            assertThat(as("viewer").post(path, json("code", "X")).text("/code"))
                    .as("a viewer changes nothing: " + path)
                    .isEqualTo("permission_denied");
            assertThat(as("operator").post(path, json("code", "X")).text("/code"))
                    .as("an operator does not plan: " + path)
                    .isEqualTo("permission_denied");
        }
        assertThat(as("operator")
                        .post("/api/production/lines/1/status/", "{\"status\":")
                        .text("/code"))
                .isEqualTo("parse_error");
        assertThat(as("owner").post("/api/production/orders/", "{\"product\":").text("/code"))
                .isEqualTo("parse_error");
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }
}
