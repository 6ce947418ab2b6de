package dev.kassa.analytics;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaWebSliceTests;
import dev.kassa.platform.test.MockedCollaborators;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What analytics-service's web layer decides before any work: tokens, store keys, roles, parameters. */
class AnalyticsWebTests extends KassaWebSliceTests {

    @Test
    void cashiersOtherStoresAndAnonymousCallersAreRefused() {
        assertThat(as("cashier").get("/api/analytics/daily-sales/today/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("cashier").get("/api/analytics/dashboard/").text("/code")).isEqualTo("permission_denied");
        assertThat(as("cashier").get("/api/analytics/gross-profit/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("stockkeeper").get("/api/analytics/gross-profit/export/").status())
                .isEqualTo(403);
        assertThat(Api.through(mvc)
                        .as(TestTokens.token(8, "o", Map.of(TestStores.newKey("oth"), "owner")))
                        .in(store)
                        .get("/api/analytics/gross-profit/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(Api.through(mvc)
                        .in(store)
                        .get("/api/analytics/gross-profit/")
                        .status())
                .isEqualTo(401);
        assertThat(as("manager")
                        .post("/api/analytics/rebuild", "{\"date\":\"2025-01-01\"}")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(Api.through(mvc)
                        .as(TestTokens.token(8, "o", Map.of(TestStores.newKey("oth"), "owner")))
                        .in(store)
                        .get("/api/analytics/daily-sales/today/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(as("owner").in(null).get("/api/analytics/daily-sales/today/").text("/code"))
                .isEqualTo("missing_tenant_key");
        assertThat(Api.through(mvc)
                        .in(store)
                        .get("/api/analytics/daily-sales/today/")
                        .status())
                .isEqualTo(401);
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }

    @Test
    void badParametersAreRefusedPerFieldBeforeAnyReportIsRead() {
        Api owner = as("owner");
        assertThat(owner.get("/api/analytics/daily-sales/?page_size=1000").status())
                .isEqualTo(400);
        for (String query : new String[] {
            "top-products/?start_date=2025-13-01&end_date=2025-12-31 start_date",
            "top-products/?start_date=2025-02-01&end_date=2025-01-01 end_date",
            "top-products/?start_date=2024-01-01&end_date=2025-06-01 end_date",
            "top-products/?start_date=2025-01-01 end_date",
            "top-products/?limit=0 limit",
            "top-products/?limit=101 limit",
            "top-products/?limit=ten limit",
            "top-products/?order_by=price order_by",
            "slow-movers/?days=0 days"
        }) {
            String[] parts = query.split(" ");
            Api.Response r = owner.get("/api/analytics/product-performance/" + parts[0]);
            assertThat(r.at("/errors/" + parts[1]).isArray()).as(query).isTrue();
        }
        for (String query : new String[] {
            "?group_by=week group_by",
            "?limit=0 limit",
            "?limit=1001 limit",
            "?start_date=2025-01-01 end_date",
            "?start_date=2025-02-01&end_date=2025-01-01 end_date",
            "export/?group_by=store group_by"
        }) {
            String[] parts = query.split(" ");
            Api.Response r = owner.get("/api/analytics/gross-profit/" + parts[0]);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.at("/errors/" + parts[1]).isArray()).as(query).isTrue();
        }
        assertThat(owner.get("/api/analytics/daily-sales/period?start_date=2025-01-01")
                        .at("/errors/end_date")
                        .isArray())
                .as("a period needs both its ends")
                .isTrue();
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }
}
