package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.sales.order.OrderSentToKitchen;
import dev.kassa.sales.till.SaleCompleted;
import dev.kassa.sales.till.SaleRefunded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines with modifiers (issue 65 point 2): a latte with oat milk (+5 000) and an extra shot (+3 000) is sold at 20 000 at
 * the till, in a one-call sale, at a table and from a guest's phone, and its options travel with the line to the receipt,
 * the kitchen's ticket, the bill and the SaleCompleted event; an option catalog does not offer with it refuses the line.
 */
@KassaIntegrationTest
class ModifierSaleTests {

    static final FakeCatalog catalog = new FakeCatalog();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("kassa.sales.catalog-url", catalog::url);
    }

    @AfterAll
    static void stop() {
        catalog.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    long openShift(Api cashier) {
        return cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
    }

    int lines(String store) {
        return jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sale_items", Integer.class);
    }

    @Test
    void theTillSellsALatteWithItsOptionsAtTheirPriceOnTheLineTheReceiptAndTheEvent() {
        String store = TestStores.newKey("mds");
        Api cashier = as(store, 5, "cashier");
        long session = openShift(cashier);

        Api.Response scanned = cashier.post(
                "/api/sales/sales/scan-item/", json("session", session, "product", 18, "modifiers", List.of(501, 502)));
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
        JsonNode line = scanned.at("/data/items/0");
        assertThat(line.path("unit_price").asText()).isEqualTo("20000.00");
        assertThat(line.path("line_total").asText()).isEqualTo("20000.00");
        assertThat(line.path("modifiers").findValuesAsText("name")).containsExactly("Овсяное", "Шот");
        assertThat(line.path("modifiers").findValuesAsText("group")).containsExactly("Молоко", "Доп. шот");
        assertThat(scanned.text("/data/total_amount")).isEqualTo("20000.00");
        long sale = scanned.at("/data/id").asLong();

        // an option catalog does not offer with it: refused on the field, nothing written, the hold never made
        int holds = catalog.holds.size();
        Api.Response refused = cashier.post(
                "/api/sales/sales/scan-item/", json("session", session, "product", 18, "modifiers", List.of(999)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/errors/modifiers/0")).contains("999");
        assertThat(lines(store)).isEqualTo(1);
        assertThat(catalog.holds).hasSize(holds);
        assertThat(cashier.post(
                                "/api/sales/sales/scan-item/",
                                json("session", session, "product", 18, "modifiers", List.of("oat")))
                        .status())
                .isEqualTo(400);

        Api.Response paid = cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json("payments", List.of(json("payment_method", "cash", "amount", 20000))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        JsonNode completed = EventSamples.awaitEmitted(SaleCompleted.class, store);
        assertThat(completed.at("/payload/lines/0/unit_price").asText()).isEqualTo("20000.00");
        assertThat(completed.at("/payload/lines/0/modifiers/0/option_id").asLong())
                .isEqualTo(501);
        assertThat(completed.at("/payload/lines/0/modifiers/1/price").asText()).isEqualTo("3000.00");
        Api.Response receipt = cashier.get("/api/sales/sales/" + sale + "/receipt/");
        assertThat(receipt.text("/receipt/items/0/modifiers/0"))
                .as(receipt.toString())
                .isEqualTo("Овсяное");
        Api.Response printed = cashier.get("/api/sales/sales/" + sale + "/receipt/?format=html");
        assertThat(printed.raw()).contains("+ Овсяное").contains("+ Шот");

        // given back: the refund's event names the options its line was sold with (sales by modifier are net of it)
        Api.Response refunded = as(store, 2, "manager").post("/api/sales/sales/" + sale + "/refund/", json());
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        JsonNode refund = EventSamples.awaitEmitted(SaleRefunded.class, store);
        assertThat(refund.at("/payload/lines/0/modifiers").findValuesAsText("name"))
                .containsExactly("Овсяное", "Шот");
        assertThat(refund.at("/payload/lines/0/modifiers/0/price").asText()).isEqualTo("5000.00");

        // the one-call sale: the till's price is one unit's with its options; the catalogue's otherwise refused
        Api.Response whole = cashier.post(
                "/api/sales/sales/",
                json(
                        "session",
                        session,
                        "items",
                        List.of(json("product", 18, "quantity", 2, "modifiers", List.of(501), "unit_price", 17000)),
                        "payments",
                        List.of(json("payment_method", "card", "amount", 34000))));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(201);
        assertThat(whole.text("/data/items/0/unit_price")).isEqualTo("17000.00");
        assertThat(whole.text("/data/total_amount")).isEqualTo("34000.00");
        assertThat(whole.text("/data/items/0/modifiers/0/name")).isEqualTo("Овсяное");
        Api.Response withoutOptions = cashier.post(
                "/api/sales/sales/",
                json(
                        "session",
                        session,
                        "items",
                        List.of(json("product", 18, "modifiers", List.of(501), "unit_price", 12000)),
                        "payments",
                        List.of(json("payment_method", "card", "amount", 12000))));
        assertThat(withoutOptions.at("/errors/items.0.unit_price").isArray())
                .as(withoutOptions.toString())
                .isTrue();
        Api.Response unknown = cashier.post(
                "/api/sales/sales/",
                json(
                        "session",
                        session,
                        "items",
                        List.of(json("product", 19), json("product", 18, "modifiers", List.of(777))),
                        "payments",
                        List.of(json("payment_method", "card", "amount", 24000))));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.at("/errors/items.1.modifiers").isArray())
                .as("named as the sale's request names the line")
                .isTrue();
        assertThat(lines(store)).isEqualTo(2);
    }

    @Test
    void aTablesLineCarriesItsOptionsToTheKitchenAndTheBillAndAGuestChoosesThemToo() {
        String store = TestStores.newKey("mdo");
        Api manager = as(store, 9, "manager");
        Api waiter = as(store, 21, "waiter");
        Api kitchen = as(store, 30, "kitchen");
        Api cashier = as(store, 5, "cashier");
        Api.Response table = manager.post("/api/sales/tables/", json("name", "7"));
        long order = waiter.post(
                        "/api/sales/orders/", json("table", table.at("/id").asLong()))
                .at("/id")
                .asLong();
        String items = "/api/sales/orders/" + order + "/items/";

        Api.Response latte =
                waiter.post(items, json("product", 18, "quantity", 2, "modifiers", List.of(501), "note", "погорячее"));
        assertThat(latte.status()).as(latte.toString()).isEqualTo(201);
        assertThat(latte.text("/items/0/unit_price")).isEqualTo("17000.00");
        assertThat(latte.text("/items/0/line_total")).isEqualTo("34000.00");
        assertThat(latte.text("/items/0/modifiers/0/name")).isEqualTo("Овсяное");
        assertThat(latte.text("/total")).isEqualTo("34000.00");
        Api.Response refused = waiter.post(items, json("product", 18, "modifiers", List.of(999)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.at("/errors/modifiers").isArray())
                .as("a single line's field")
                .isTrue();
        assertThat(waiter.get("/api/sales/orders/" + order + "/").at("/items").size())
                .isEqualTo(1);

        // the kitchen reads the option beside the dish, on the ticket and in the event its screens get
        assertThat(waiter.post("/api/sales/orders/" + order + "/send/", null).status())
                .isEqualTo(200);
        Api.Response tickets = kitchen.get("/api/sales/kitchen/tickets/?station=kitchen");
        assertThat(tickets.at("/0/items/0/modifiers/0").asText())
                .as(tickets.toString())
                .isEqualTo("Овсяное");
        JsonNode sent = EventSamples.awaitEmitted(OrderSentToKitchen.class, store);
        assertThat(sent.at("/payload/tickets/0/items/0/modifiers/0").asText()).isEqualTo("Овсяное");

        // the bill: one sale whose line keeps the options and their price, although oat milk costs 3 000 since (judged
        // against the product's prices with what the options added when the line was taken)
        catalog.options = java.util.Map.of(
                501L,
                java.util.Map.of("id", 501, "group_id", 50, "group", "Молоко", "name", "Овсяное", "price", "3000.00"),
                502L,
                FakeCatalog.OPTIONS.get(502L));
        long session = openShift(cashier);
        Api.Response paid = cashier.post(
                "/api/sales/orders/" + order + "/pay/",
                json("session", session, "payments", List.of(json("payment_method", "cash", "amount", 34000))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("/sale/items/0/unit_price")).isEqualTo("17000.00");
        assertThat(paid.text("/sale/items/0/modifiers/0/name")).isEqualTo("Овсяное");
        assertThat(paid.text("/sale/total_amount")).isEqualTo("34000.00");
        catalog.options = FakeCatalog.OPTIONS;

        // a guest chooses the shot from the table's page: priced with it, named back to them
        assertThat(manager.put("/api/sales/cafe-settings/", json("guest_ordering", true))
                        .status())
                .isEqualTo(200);
        Api guest = new Api("http://localhost:" + port);
        String orders = URI.create(table.text("/menu_url")).getPath() + "/orders";
        Api.Response ordered = guest.post(
                orders, json("items", List.of(json("product", 19), json("product", 18, "modifiers", List.of(502)))));
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(202);
        assertThat(ordered.text("/items/1/price")).isEqualTo("15000.00");
        assertThat(ordered.text("/items/1/modifiers/0")).isEqualTo("Шот");
        Api.Response guessed = guest.post(
                orders, json("items", List.of(json("product", 19), json("product", 18, "modifiers", List.of(1)))));
        assertThat(guessed.status()).isEqualTo(400);
        assertThat(guessed.at("/errors/items.1.modifiers").isArray())
                .as(guessed.toString())
                .isTrue();
        JsonNode open = waiter.get("/api/sales/orders/").body();
        assertThat(open.get(0).path("items").findValuesAsText("unit_price")).containsExactly("12000.00", "15000.00");
    }
}
