package dev.kassa.sales;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.sales.catalog.HoldsReleased;
import dev.kassa.sales.kitchen.KitchenTicketChanged;
import dev.kassa.sales.order.OrderSentToKitchen;
import dev.kassa.sales.shift.CashMovementRecorded;
import dev.kassa.sales.shift.SessionClosed;
import dev.kassa.sales.shift.SessionOpened;
import dev.kassa.sales.shift.SessionResumed;
import dev.kassa.sales.shift.SessionSuspended;
import dev.kassa.sales.till.SaleCancelled;
import dev.kassa.sales.till.SaleCompleted;
import dev.kassa.sales.till.SaleRefunded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What sales really publishes has exactly the shape of each event's golden sample, which catalog, analytics and
 * customer-service are tested with. Catalog is away here, so a cancelled sale's holds are released through HoldsReleased.
 */
@KassaIntegrationTest
@TestPropertySource(properties = {"kassa.sales.catalog-url=http://127.0.0.1:9", "kassa.sales.catalog-timeout=1s"})
class EventContractTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    @Test
    void everySalesEventIsEmittedAsItsGoldenSampleSays() {
        String store = TestStores.newKey("evs");
        Api cashier = as(store, 5, "cashier");
        Api manager = as(store, 9, "manager");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 100000))
                .at("/data/id")
                .asLong();
        assertThat(EventSamples.awaitEmitted(SessionOpened.class, store)
                        .at("/payload/session_id")
                        .asLong())
                .isEqualTo(session);
        assertThat(cashier.post("/api/sales/sessions/" + session + "/suspend/", json())
                        .status())
                .isEqualTo(200);
        EventSamples.awaitEmitted(SessionSuspended.class, store);
        assertThat(cashier.post("/api/sales/sessions/" + session + "/resume/", json())
                        .status())
                .isEqualTo(200);
        EventSamples.awaitEmitted(SessionResumed.class, store);

        long sale = Drafts.draft(jdbc, store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json(
                                        "payments",
                                        List.of(
                                                json(
                                                        "payment_method",
                                                        "cash",
                                                        "amount",
                                                        100000,
                                                        "received_amount",
                                                        120000),
                                                json("payment_method", "card", "amount", 50000))))
                        .status())
                .isEqualTo(200);
        var completed = EventSamples.awaitEmitted(SaleCompleted.class, store);
        assertThat(completed.at("/payload/lines").size()).isEqualTo(2);
        assertThat(completed.at("/payload/payments").size()).isEqualTo(2);

        assertThat(manager.post(
                                "/api/sales/cash-movements/",
                                json(
                                        "session",
                                        session,
                                        "movement_type",
                                        "cash_in",
                                        "reason",
                                        "change",
                                        "amount",
                                        20000))
                        .status())
                .isEqualTo(201);
        EventSamples.awaitEmitted(CashMovementRecorded.class, store);

        long lineA = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ? and product_id = 18",
                Long.class,
                sale);
        assertThat(manager.post(
                                "/api/sales/sales/" + sale + "/refund/",
                                json("items", List.of(json("item_id", lineA, "quantity", 1))))
                        .status())
                .isEqualTo(200);
        assertThat(EventSamples.awaitEmitted(SaleRefunded.class, store)
                        .at("/payload/lines/0/quantity")
                        .asText())
                .isEqualTo("1.000");

        long abandoned = Drafts.draft(jdbc, store, session, 5);
        assertThat(manager.post("/api/sales/sales/" + abandoned + "/cancel/", null)
                        .status())
                .isEqualTo(200);
        EventSamples.awaitEmitted(SaleCancelled.class, store);
        assertThat(EventSamples.awaitEmitted(HoldsReleased.class, store)
                        .at("/payload/request_refs")
                        .size())
                .isEqualTo(2);

        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 169000))
                        .status())
                .isEqualTo(200);
        assertThat(EventSamples.awaitEmitted(SessionClosed.class, store)
                        .at("/payload/actual_cash")
                        .asText())
                .isEqualTo("169000.00");
    }

    @Test
    void everyEventSalesPublishesIsCheckedAgainstItsGoldenSample() {
        EventSamples.assertAllContractsChecked(
                "dev.kassa.sales",
                List.of(
                        SessionOpened.class,
                        SessionSuspended.class,
                        SessionResumed.class,
                        SessionClosed.class,
                        CashMovementRecorded.class,
                        SaleCompleted.class,
                        SaleRefunded.class,
                        SaleCancelled.class,
                        HoldsReleased.class,
                        // checked where a café's order goes to the kitchen (OrderAndKitchenTests)
                        OrderSentToKitchen.class,
                        KitchenTicketChanged.class));
    }
}
