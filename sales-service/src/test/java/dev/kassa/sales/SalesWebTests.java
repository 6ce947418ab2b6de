package dev.kassa.sales;

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

/** What sales-service's web layer decides before any work: tokens, store keys, roles, request shapes. */
class SalesWebTests extends KassaWebSliceTests {

    @Test
    void aRegistersStartingFloatIsAPositiveAmount() {
        Api manager = as("manager");
        assertThat(manager.patch("/api/sales/cash-registers/1/", json("starting_float", -5))
                        .at("/errors/starting_float")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/sales/cash-registers/1/", json("starting_float", "abc"))
                        .status())
                .isEqualTo(400);
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }

    @Test
    void onlySellersOpenShiftsAndStrangersOrUnreadableAmountsNeverReachTheTill() {
        assertThat(as("stockkeeper")
                        .post("/api/sales/sessions/open/", json("opening_balance", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("cashier")
                        .post("/api/sales/sessions/open/", json("opening_balance", "abc"))
                        .status())
                .isEqualTo(400);
        assertThat(Api.through(mvc)
                        .as(TestTokens.token(8, "o", Map.of(TestStores.newKey("oth"), "owner")))
                        .in(store)
                        .post("/api/sales/sessions/open/", json("opening_balance", 1))
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(Api.through(mvc)
                        .in(store)
                        .post("/api/sales/sessions/open/", json("opening_balance", 1))
                        .status())
                .isEqualTo(401);
        assertThat(as("cashier")
                        .get("/api/sales/sales/current/")
                        .at("/errors/session")
                        .isArray())
                .as("the current sale is asked for in a shift")
                .isTrue();
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }

    @Test
    void guestLinesAreChosenByTheirIdsAndOnlyWhoTakesOrdersTakesOneOver() {
        assertThat(as("kitchen").post("/api/sales/orders/5/take-over/", null).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("stockkeeper").post("/api/sales/orders/5/decline/", null).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("waiter")
                        .post("/api/sales/orders/5/confirm/", json("lines", List.of()))
                        .at("/errors/lines")
                        .isArray())
                .isTrue();
        assertThat(as("waiter")
                        .post("/api/sales/orders/5/decline/", "{\"lines\": [null]}")
                        .at("/errors/lines.0")
                        .isArray())
                .isTrue();
        assertThat(as("waiter")
                        .post("/api/sales/orders/5/confirm/", "{\"lines\": \"all\"}")
                        .status())
                .isEqualTo(400);
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }
}
